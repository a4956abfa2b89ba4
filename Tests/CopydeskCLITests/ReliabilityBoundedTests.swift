import Foundation
import Testing

/// Issue 18 through the real binary: every case ends with bounded output and memory, says clearly
/// what happened, and the rest of the batch is processed. Big inputs are generated in a temporary
/// folder; `COPYDESK_HOSTILE_LARGE=1` adds a 20 MB line.
@Suite struct ReliabilityBoundedTests {
    typealias Hostile = ReliabilityHostileInputTests
    static let example = Hostile.example

    /// `copydesk ARGUMENTS` under `ulimit -v` (virtual memory, KB): an allocation past it aborts
    /// the process, which the test sees as a signal.
    static func runLimited(_ arguments: [String], virtualKB: Int = 512 * 1024, timeout: Double = 120) throws -> Hostile.Bounded {
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        return try Hostile.run(["-c", "ulimit -v \(virtualKB) && exec '\(CLI.executable.path)' \(quoted)"], timeout: timeout,
                               executable: URL(fileURLWithPath: "/bin/sh"))
    }

    /// One line of `bytes` bytes: a 60-byte sentence with an ANPA `--` (a finding) repeated.
    static func longLine(_ bytes: Int, in directory: URL) throws -> (path: String, findings: Int) {
        let sentence = "The Kremlin said talks were useful -- and would go on soon. "
        precondition(sentence.utf8.count == 60)
        let count = bytes / 60
        let file = directory.appendingPathComponent("one-line-\(bytes >> 20)mb.txt")
        try ("Talks go on\n\n" + String(repeating: sentence, count: count) + "\n").write(to: file, atomically: false, encoding: .utf8)
        return (file.path, count)
    }

    // MARK: a long line with many findings

    @Test func aOneMegabyteLineWithAFindingEverySixtyBytesUnderAMemoryLimit() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, findings) = try Self.longLine(1 << 20, in: directory)
        let text = try Self.runLimited(["lint", path, Self.example])
        #expect(!text.signalled, "\(text.stderr.prefix(300))")
        #expect(text.status == 1)
        let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix(path + ":3:") && $0.hasSuffix("[typography.legacy-dash]") }.count == findings)
        #expect(lines.allSatisfy { $0.unicodeScalars.count <= 300 }, "every excerpt is a window, not the 1 MB line")
        #expect(text.stdout.contains(" 3 | …on. The Kremlin said talks were useful -- and would go on soon. The Kremlin said talks were useful -- and would g…\n"))
        #expect(text.stdout.contains("athens-cafe-tax.txt:9:14: warning:"), "the next file is still checked")
        #expect(text.stdout.hasSuffix("in 2 files\n"))
        #expect(text.peakMB < 512, "\(text.peakMB) MB")

        let json = try Self.runLimited(["lint", "--format", "json", path, Self.example])
        #expect(!json.signalled, "\(json.stderr.prefix(300))")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.count == 2)
        #expect((files[0]["diagnostics"] as? [Any])?.count ?? 0 >= findings)
        #expect(json.peakMB < 512, "\(json.peakMB) MB")

        let sarif = try Self.runLimited(["lint", "--format", "sarif", path, Self.example])
        #expect(!sarif.signalled && sarif.status == 1)
        print("1 MB line, \(findings) findings: text \(text.seconds)s \(text.peakMB) MB, json \(json.seconds)s \(json.peakMB) MB, sarif \(sarif.seconds)s \(sarif.peakMB) MB")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["COPYDESK_HOSTILE_LARGE"] == "1",
                   "a 20 MB line takes a minute in a debug build: COPYDESK_HOSTILE_LARGE=1 runs it"))
    func aTwentyMegabyteLineWithAFindingEverySixtyBytes() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, findings) = try Self.longLine(20 << 20, in: directory)
        for format in ["text", "json"] {
            let result = try Hostile.run(["lint", "--format", format, path, Self.example], timeout: 900)
            #expect(!result.signalled)
            #expect(result.status == 1)
            #expect(result.stdout.split(separator: "\n").filter { $0.contains("[typography.legacy-dash]") || $0.contains("\"typography.legacy-dash\"") }.count >= findings)
            print("20 MB line, \(findings) findings, \(format): \(result.seconds)s, peak \(result.peakMB) MB")
        }
    }

    /// A 2 MB run of combining marks is one word: its `unicode.normalization` finding used to quote
    /// it whole (twice), 7.7 MB of output for one finding.
    @Test func aRunOfCombiningMarksIsQuotedShort() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("marks.txt")
        let story = "Talks go on\n\nMOSCOW (AP) — The Kremlin said talks were useful, Cafe" + String(repeating: "\u{301}", count: 1 << 20) + " said.\n"
        try story.write(to: file, atomically: false, encoding: .utf8)
        let result = try Self.runLimited(["lint", file.path, Self.example])
        #expect(!result.signalled)
        let finding = try #require(result.stdout.split(separator: "\n").first { $0.hasSuffix("[unicode.normalization]") })
        // Bytes, not Characters: the whole run is one grapheme, which `contains` would compare whole.
        let bytes = Array(finding.utf8)
        func has(_ part: String) -> Bool { let p = Array(part.utf8); return bytes.indices.contains { bytes[$0...].starts(with: p) } }
        #expect(has("info: 'Cafe\u{301}\u{301}") && has("…' is not in NFC"), "\(finding.unicodeScalars.prefix(80))")
        #expect(finding.unicodeScalars.count < 700)
        #expect(result.stdout.utf8.count < 64 << 10, "\(result.stdout.utf8.count) bytes of report")
        #expect(result.stdout.contains("athens-cafe-tax.txt:9:14: warning:"))
    }

    // MARK: a regex bomb in paragraph scope

    @Test func aCatastrophicPatternOverAHundredParagraphsIsStoppedOncePerFile() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let paragraphs = (1...100).map { "MOSCOW (AP) — The Kremlin reportedly said in statement \($0) that \(String(repeating: "a", count: 30))!" }
        let story = "Talks go on\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
        let first = directory.appendingPathComponent("bomb-1.txt"), second = directory.appendingPathComponent("bomb-2.txt")
        try story.write(to: first, atomically: false, encoding: .utf8)
        try story.write(to: second, atomically: false, encoding: .utf8)
        let result = try Hostile.run(["lint", "--no-source", "--style", Hostile.corpusFile("regex-bomb-paragraph-style.yml"),
                                      first.path, second.path, Self.example], timeout: 60)
        #expect(!result.signalled)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        for file in [first.path, second.path] {
            let timeOuts = lines.filter { $0.hasPrefix(file + ":") && $0.hasSuffix("[lint.regex-timeout]") }
            #expect(timeOuts.count == 1, "one time-out for each file: \(timeOuts)")
            #expect(timeOuts.first?.contains(": error: rule 'desk.bomb' (\(Hostile.corpusFile("regex-bomb-paragraph-style.yml")):7) stopped here") == true)
            #expect(timeOuts.first?.contains("U_REGEX_TIME_OUT") == true)
            #expect(lines.filter { $0.hasPrefix(file + ":") && $0.hasSuffix("[desk.hedging]") }.count == 100, "the other rule checked every paragraph")
            #expect(!lines.contains { $0.hasPrefix(file + ":") && $0.hasSuffix("[desk.bomb]") })
        }
        #expect(result.stdout.contains("athens-cafe-tax.txt:9:14: warning:"), "the next file is still checked")
    }

    // MARK: an external DTD

    @Test func anExternalDTDIsNeverLoadedAndANoteSaysSo() throws {
        let path = Hostile.corpusFile("external-dtd-system.xml")
        let result = try Hostile.run(["lint", path, Self.example])
        #expect(result.status == 1)
        #expect(result.stdout.contains(path + ":2:23: info: the DOCTYPE names the external DTD \"file:///etc/passwd\": Copydesk never loads external DTDs, so nothing was read from it [xml.external-dtd]"))
        #expect(!result.stdout.contains("root:x:0:0"), "nothing of /etc/passwd is read")
        let json = try Hostile.run(["lint", "--format", "json", "--fail-on", "never", path])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let file = try #require((object["files"] as? [[String: Any]])?.first)
        #expect(file["error"] == nil)
        #expect((file["format"] as? String) == "nitf")
        #expect((file["diagnostics"] as? [[String: Any]])?.map { $0["rule"] as? String }.contains("xml.external-dtd") == true)
        let inspect = try Hostile.run(["inspect", path])
        #expect(inspect.stdout.contains("Kremlin says talks will go on"))
    }

    // MARK: temporary files left by a killed run

    @Test func staleTemporaryFilesOfDeadProcessesAreRemovedOnTheNextWrite() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let story = directory.appendingPathComponent("story.txt")
        try "Talks go on\n\nMOSCOW (AP) -- The Kremlin said on Tuesday.\n".write(to: story, atomically: false, encoding: .utf8)
        // A process that has ended: its PID names the leftovers of a "killed" run.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier, alive = getpid()
        let stale = [".story.txt.copydesk-\(dead)-1234567", ".other.txt.copydesk-\(dead)-42"]
        let kept = [".story.txt.copydesk-\(alive)-99",      // a live process: maybe writing right now
                    "story.txt.copydesk-\(dead)-1",          // not hidden: not Copydesk's name
                    ".story.txt.copydesk-\(dead)-12ab",      // not Copydesk's pattern
                    ".copydesk-\(dead)-5",                    // no NAME
                    ".story.txt.copydesk-\(dead)-1-2",
                    ".notes.txt"]
        for name in stale + kept {
            try "partial".write(to: directory.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent(".link.txt.copydesk-\(dead)-7").path,
                                                   withDestinationPath: story.path)
        let fixed = try Hostile.run(["lint", "--fix", "--no-source", story.path])
        #expect(fixed.status <= 1)
        #expect(try String(contentsOf: story, encoding: .utf8).contains("MOSCOW (AP) — The Kremlin"), "the fix was written")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
        #expect(left == Set(kept + ["story.txt", ".link.txt.copydesk-\(dead)-7"]), "\(left.sorted())")
        // normalize --in-place cleans the same way.
        try "partial".write(to: directory.appendingPathComponent(stale[0]), atomically: false, encoding: .utf8)
        let normalized = try Hostile.run(["normalize", "--in-place", "--quiet", story.path])
        #expect(normalized.status == 0)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(stale[0]).path))
    }

    /// The real thing: SIGKILL during `--fix` of big files, then one more run in the folder.
    @Test func afterKillsDuringFixTheNextRunLeavesNoTemporaryFile() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = "Talks go on\n\nMOSCOW (AP) -- " + String(repeating: "The Kremlin said on Tuesday -- that talks were useful. ", count: 40_000) + "\n"
        let files = (1...4).map { directory.appendingPathComponent("story-\($0).txt") }
        for file in files { try text.write(to: file, atomically: false, encoding: .utf8) }
        for delay in [0.3, 0.6, 0.9, 1.2, 1.5, 2.0] {
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["lint", "--fix", "--no-source"] + files.map(\.path)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        for file in files {
            let content = try String(contentsOf: file, encoding: .utf8)
            #expect(content == text || (content.hasPrefix("Talks go on\n\nMOSCOW (AP) — The Kremlin said") && !content.contains(" -- ")),
                    "\(file.lastPathComponent) is the original or the whole fixed text, never torn")
        }
        // One more story that needs a fix, so the next run writes into the folder.
        let fresh = directory.appendingPathComponent("fresh.txt")
        try text.write(to: fresh, atomically: false, encoding: .utf8)
        let after = try Hostile.run(["lint", "--fix", "--no-source"] + (files + [fresh]).map(\.path), timeout: 300)
        #expect(!after.signalled)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.sorted() == (files + [fresh]).map(\.lastPathComponent).sorted(), "no temporary file is left: \(names.sorted())")
        for file in files + [fresh] {
            #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("Talks go on\n\nMOSCOW (AP) — The Kremlin said"), "every file is fixed")
        }
    }
}
