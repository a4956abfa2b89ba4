import Foundation
import Testing

/// Hostile and broken input through the real binary: each run is bounded in time (and,
/// for the big ones, memory), ends with a clear one-line error naming the file, processes the rest
/// of the batch and leaves the original file as it was. The files are in `Tests/Corpus/hostile/`;
/// big ones are generated in a temporary folder. `COPYDESK_HOSTILE_LARGE=1` adds the slow cases
/// (a 200 MB single-line file, a million tiny paragraphs through lint).
@Suite struct ReliabilityHostileInputTests {
    static let corpus = CLI.projectRoot.appendingPathComponent("Tests/Corpus/hostile")
    static let example = "Examples/athens-cafe-tax.txt"
    static var large: Bool { ProcessInfo.processInfo.environment["COPYDESK_HOSTILE_LARGE"] == "1" }

    struct Bounded {
        var status: Int32
        var signalled: Bool
        var stdout: String
        var stderr: String
        var seconds: Double
        /// Peak resident memory seen while it ran (VmHWM), in MB.
        var peakMB: Int
    }

    /// Runs the binary with a deadline; output goes to files, so a flood cannot block it.
    static func run(_ arguments: [String], timeout: Double = 60, in directory: URL = CLI.projectRoot, executable: URL = CLI.executable) throws -> Bounded {
        let scratch = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        var peak = 0
        while process.isRunning {
            if let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
               let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") {
                peak = max(peak, kb / 1024)
            }
            if Date().timeIntervalSince(start) > timeout {
                process.terminate()
                process.waitUntilExit()
                Issue.record("copydesk \(arguments.joined(separator: " ")) still running after \(Int(timeout))s: killed")
                break
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        let err = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        return Bounded(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                       stdout: out, stderr: err, seconds: seconds, peakMB: peak)
    }

    static func digest(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    static func corpusFile(_ name: String) -> String { corpus.appendingPathComponent(name).path }

    // MARK: the whole corpus in one batch

    @Test func everyCorpusFileEndsCleanlyAndTheBatchGoesOn() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted()
            .filter { !$0.hasSuffix(".yml") && !$0.hasSuffix(".md") }
        let paths = names.map(Self.corpusFile) + [Self.example]
        let before = paths.map(Self.digest)
        let result = try Self.run(["lint", "--format", "json"] + paths, timeout: 60)
        #expect(!result.signalled)
        #expect(result.status == 2, "files that cannot be read make the batch exit 2")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == paths.map { Optional($0) }, "every file of the batch is reported, in order")
        let refused = ["billion-laughs.xml": "entity", "external-entity.xml": "external entity", "external-dtd-parameter-entity.xml": "external entity",
                       "deeply-nested.xml": "nested deeper", "unclosed.xml": "end of file", "deep-ninjs.json": "nested deeper",
                       "truncated-ninjs.json": "unterminated"]
        for file in files {
            let path = file["path"] as? String ?? ""
            let name = (path as NSString).lastPathComponent
            if let expected = refused[name] {
                let error = file["error"] as? String ?? ""
                #expect(error.contains(expected), "\(name): \(error)")
                #expect(!error.contains("\n"), "\(name): the error is one line")
            } else {
                #expect(file["error"] == nil, "\(name) is read: \(file["error"] ?? "")")
            }
        }
        // The example after all of them still got its findings.
        let last = try #require(files.last)
        #expect(((last["diagnostics"] as? [Any])?.count ?? 0) > 5)
        #expect(paths.map(Self.digest) == before, "no input file was changed")
        // In text form each refused file is one line naming it.
        let text = try Self.run(["lint", "--no-source"] + paths)
        for name in refused.keys {
            #expect(text.stdout.split(separator: "\n").contains { $0.hasPrefix(Self.corpusFile(name) + ": error: ") }, "\(name)")
        }
    }

    // MARK: encodings

    @Test func invalidUTF8IsReportedByOffsetAndTheRestIsKept() throws {
        let result = try Self.run(["normalize", Self.corpusFile("invalid-utf8.txt"), Self.example])
        #expect(result.status == 0)
        #expect(result.stderr.contains("invalid-utf8.txt:3:") && result.stderr.contains("error: invalid UTF-8"))
        #expect(result.stderr.contains("at byte offset"))
        #expect(result.stdout.contains("\u{FFFD}"), "invalid bytes become U+FFFD, never silently dropped")
        #expect(result.stdout.contains("on Tuesday"))
        #expect(result.stdout.contains("==> \(Self.example) <=="))
    }

    @Test func mixedEncodingsAndUTF16WithoutBOMAreDecoded() throws {
        let result = try Self.run(["normalize", Self.corpusFile("mixed-encoding.txt"), Self.corpusFile("utf16-no-bom.txt")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("“unfair”"), "stray windows-1252 quotes in UTF-8 decoded")
        #expect(result.stderr.contains("mixed-encoding.txt:3:") && result.stderr.contains("[encoding.mixed]"))
        #expect(result.stdout.contains("MOSCOW (AP) — The Kremlin said on Tuesday."))
        #expect(result.stderr.contains("utf16-no-bom.txt") && result.stderr.contains("UTF-16LE"))
    }

    @Test func nulBytesAreRemovedAndReported() throws {
        let result = try Self.run(["normalize", Self.corpusFile("nul-bytes.txt")])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{0}"))
        #expect(result.stdout.contains("The Kremlin said on Tuesday."))
        #expect(result.stderr.contains("nul-bytes.txt:1:9: warning:") && result.stderr.contains("[unicode.control]"))
    }

    @Test func trojanSourceBidiControlsAreAllReportedAndRemoved() throws {
        let lint = try Self.run(["lint", "--no-source", Self.corpusFile("trojan-source.txt")])
        #expect(lint.status == 1)
        let bidi = lint.stdout.split(separator: "\n").filter { $0.contains("[unicode.bidi]") }
        #expect(bidi.count >= 8, "every override, embedding and isolate is reported: \(bidi)")
        let normalized = try Self.run(["normalize", "--quiet", Self.corpusFile("trojan-source.txt")])
        let controls = normalized.stdout.unicodeScalars.filter { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
        #expect(controls.isEmpty)
        #expect(normalized.stdout.contains("שלום"), "right-to-left text itself is kept")
    }

    // MARK: size

    @Test func aFileOverTheLimitIsRefusedWithoutReadingIt() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let huge = directory.appendingPathComponent("huge.txt")
        _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 300 << 20)  // sparse: no disk used
        try handle.close()
        let result = try Self.run(["normalize", huge.path, Self.example], timeout: 20)
        #expect(result.status == 2)
        // Plain text is read in pieces cut at blank lines; 300 MB without one is one piece, refused.
        #expect(result.stderr.contains("copydesk: \(huge.path): line 1: the text from here to the next blank line is 300 MB, larger than the story size limit of 64 MB"), "\(result.stderr)")
        #expect(result.stdout.contains("Café Byzantio"), "the rest of the batch is processed")
        #expect(result.peakMB < 200, "the refused file is never read into memory (\(result.peakMB) MB)")
    }

    /// Standard input used to be read whole before the limit was checked: an endless stream
    /// filled memory. Now reading stops just past the limit.
    @Test func anEndlessStandardInputIsCutAtTheLimit() throws {
        let result = try Self.run(["-c", "cat /dev/zero | '\(CLI.executable.path)' normalize -"], timeout: 120,
                                  executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.stderr.contains("copydesk: <stdin>: input is larger than 256 MB"))
        #expect(result.status == 2)
    }

    @Test func manyTinyParagraphs() throws {
        let count = Self.large ? 1_000_000 : 100_000
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("tiny.txt")
        try String(repeating: "a\n\n", count: count).write(to: file, atomically: false, encoding: .utf8)
        let normalized = try Self.run(["normalize", "--quiet", file.path], timeout: Self.large ? 300 : 60)
        #expect(normalized.status == 0)
        #expect(normalized.stdout.utf8.count == count * 3 - 1)
        #expect(normalized.peakMB < (Self.large ? 2048 : 512), "\(normalized.peakMB) MB")
        if Self.large {
            let linted = try Self.run(["lint", "--no-source", file.path], timeout: 600)
            #expect(!linted.signalled)
            #expect(linted.stdout.hasSuffix("in 1 file\n"))
            print("million tiny paragraphs: normalize \(normalized.seconds)s \(normalized.peakMB) MB; lint \(linted.seconds)s \(linted.peakMB) MB")
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["COPYDESK_HOSTILE_LARGE"] == "1",
                   "a 200 MB single-line file takes minutes in a debug build: COPYDESK_HOSTILE_LARGE=1 runs it"))
    func aTwoHundredMegabyteSingleLine() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("one-line.txt")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        let chunk = Data(String(repeating: "The Kremlin said on Tuesday that the talks were useful and would go on. ", count: 14_000).utf8)
        var written = 0
        while written < 200 << 20 { try handle.write(contentsOf: chunk); written += chunk.count }
        try handle.close()
        let result = try Self.run(["normalize", "--quiet", file.path], timeout: 900)
        #expect(!result.signalled)
        #expect(result.status == 0)
        #expect(result.stdout.utf8.count == written, "clean text comes out as it went in")
        #expect(result.peakMB < 4096, "\(result.peakMB) MB for \(written >> 20) MB of input")
        print("200 MB single line: normalize \(result.seconds)s, peak \(result.peakMB) MB")
    }

    // MARK: configuration files

    /// Issue 18: the file is no longer failed whole; the rule is stopped by its budget, reported
    /// once (an error finding, so the run exits 1), and the other files are checked.
    @Test func regexBombInAStyleIsStoppedByTheTimeLimit() throws {
        let result = try Self.run(["lint", "--no-source", "--style", Self.corpusFile("regex-bomb-style.yml"),
                                   Self.corpusFile("regex-bomb-story.txt"), Self.example], timeout: 60)
        #expect(result.status == 1)
        let timeOuts = result.stdout.split(separator: "\n").filter { $0.hasSuffix("[lint.regex-timeout]") }
        #expect(timeOuts.count == 1, "\(result.stdout)")
        #expect(timeOuts.first?.hasPrefix(Self.corpusFile("regex-bomb-story.txt") + ":") == true)
        #expect(timeOuts.first?.contains("error: rule 'desk.bomb' (") == true)
        #expect(timeOuts.first?.contains("regex-bomb-style.yml:5) stopped here: its raw patterns took more than their 1000 ms of CPU time on this file (U_REGEX_TIME_OUT)") == true)
        #expect(result.stdout.contains("athens-cafe-tax.txt:9:14: warning:"), "the next file is still checked")
    }

    @Test(arguments: [("--pipeline", "yaml-bomb-pipeline.yml"), ("--style", "yaml-bomb-style.yml")])
    func yamlAliasBombsAreRefused(option: String, file: String) throws {
        let result = try Self.run(["lint", option, Self.corpusFile(file), Self.example], timeout: 30)
        #expect(result.status == 2)
        #expect(result.stderr == "copydesk: \(Self.corpusFile(file)): YAML expands to more than 200000 values (alias bomb?)\n")
        #expect(result.peakMB < 512, "\(result.peakMB) MB")
    }

    // MARK: paths

    @Test func directoriesWhereAFileIsExpected() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let style = try Self.run(["lint", "--style", directory.path, Self.example])
        #expect(style.status == 2)
        #expect(style.stderr == "copydesk: \(directory.path): is a directory, not a YAML file\n")
        let pipeline = try Self.run(["lint", "--pipeline", directory.path, Self.example])
        #expect(pipeline.stderr == "copydesk: \(directory.path): is a directory, not a YAML file\n")
        // A folder of stories with a folder inside it: the stories are read, the folder is not a story.
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("nested.txt"), withIntermediateDirectories: true)
        try "Headline\n\nMOSCOW (AP) — The Kremlin said.\n".write(to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        let folder = try Self.run(["normalize", "--quiet", directory.path])
        #expect(folder.status == 0)
        #expect(folder.stdout == "Headline\n\nMOSCOW (AP) — The Kremlin said.\n")
    }

    @Test(.enabled(if: getuid() != 0, "running as root: chmod 000 does not stop root from reading, so an unreadable file cannot be made"))
    func unreadableFilesFailAloneWithAClearError() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = directory.appendingPathComponent("secret.txt")
        try "Headline\n\nText.\n".write(to: secret, atomically: true, encoding: .utf8)
        chmod(secret.path, 0o000)
        defer { chmod(secret.path, 0o644) }
        let result = try Self.run(["normalize", secret.path, Self.example])
        #expect(result.status == 2)
        #expect(result.stderr.contains("copydesk: \(secret.path): cannot read file (Permission denied)"))
        #expect(result.stdout.contains("Café Byzantio"))
    }

    // MARK: a full disk during --in-place and --fix

    /// A tiny tmpfs (root only), filled up; nil when it cannot be mounted here.
    static func fullFilesystem() throws -> URL? {
        guard getuid() == 0 else { return nil }
        let mountPoint = try CLI.temporaryDirectory()
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=256k", "tmpfs", mountPoint.path]
        mount.standardError = FileHandle.nullDevice
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { try? FileManager.default.removeItem(at: mountPoint); return nil }
        return mountPoint
    }

    static func unmount(_ url: URL) {
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = [url.path]
        try? umount.run()
        umount.waitUntilExit()
        try? FileManager.default.removeItem(at: url)
    }

    /// Fills a filesystem until a write fails for want of space.
    static func fill(_ directory: URL) {
        let filler = directory.appendingPathComponent(".filler")
        _ = FileManager.default.createFile(atPath: filler.path, contents: nil)
        guard let handle = try? FileHandle(forWritingTo: filler) else { return }
        let block = Data(repeating: 0x78, count: 4096)
        while (try? handle.write(contentsOf: block)) != nil {}
        // Single bytes for the last partial page.
        while (try? handle.write(contentsOf: Data([0x78]))) != nil {}
        try? handle.close()
    }

    @Test func aFullDiskDuringInPlaceLeavesTheOriginalIntact() throws {
        let story = "Headline\n\nMOSCOW (AP) -- Putin\u{200B} said. " + String(repeating: "The Kremlin said on Tuesday. ", count: 1000) + "\n"
        if let disk = try Self.fullFilesystem() {
            defer { Self.unmount(disk) }
            let file = disk.appendingPathComponent("story.txt")
            try story.write(to: file, atomically: false, encoding: .utf8)
            let elsewhere = try CLI.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: elsewhere) }
            let other = elsewhere.appendingPathComponent("other.txt")
            try story.write(to: other, atomically: false, encoding: .utf8)
            Self.fill(disk)
            let result = try Self.run(["normalize", "--in-place", "--quiet", file.path, other.path])
            #expect(result.status == 2)
            #expect(result.stderr.contains("copydesk: \(file.path): cannot write (No space left on device); the original is unchanged"), "\(result.stderr)")
            #expect(try String(contentsOf: file, encoding: .utf8) == story, "the original is intact")
            #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).sorted() == [".filler", "story.txt"], "no temporary file is left")
            #expect(try String(contentsOf: other, encoding: .utf8).hasPrefix("Headline\n\nMOSCOW (AP) — Putin said."), "the rest of the batch is written")
            let fixed = try Self.run(["lint", "--fix", "--no-source", file.path])
            #expect(fixed.status == 2)
            #expect(fixed.stdout.contains("\(file.path): error: cannot write (No space left on device); the original is unchanged"), "\(fixed.stdout)")
            #expect(try String(contentsOf: file, encoding: .utf8) == story)
        } else if getuid() != 0 {
            // Not root: a read-only folder refuses the temporary file the same way.
            let directory = try CLI.temporaryDirectory()
            defer { chmod(directory.path, 0o755); try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("story.txt")
            try story.write(to: file, atomically: false, encoding: .utf8)
            chmod(directory.path, 0o555)
            let result = try Self.run(["normalize", "--in-place", "--quiet", file.path])
            #expect(result.status == 2)
            #expect(result.stderr.contains("copydesk: \(file.path): cannot write (Permission denied); the original is unchanged"))
            #expect(try String(contentsOf: file, encoding: .utf8) == story)
        } else {
            print("aFullDiskDuringInPlaceLeavesTheOriginalIntact: root without permission to mount a tmpfs; a read-only folder does not stop root: not checked")
        }
    }

    // MARK: truncated wire streams

    @Test func truncatedANPAStreamsNeverCrash() throws {
        let sample = CLI.projectRoot.deletingLastPathComponent().appendingPathComponent("shared/samples/anpa/testfile.ap")
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths = [Self.corpusFile("truncated-anpa.ap"), Self.corpusFile("truncated-iptc7901.txt")]
        if let bytes = FileManager.default.contents(atPath: sample.path) {
            // Cut the stream at 24 points, some inside a story's header, some inside its body.
            for index in 0..<24 {
                let cut = bytes.count * (index + 1) / 25 + index
                let path = directory.appendingPathComponent(String(format: "cut-%02d.ap", index)).path
                _ = FileManager.default.createFile(atPath: path, contents: bytes.prefix(cut))
                paths.append(path)
            }
        }
        let result = try Self.run(["lint", "--format", "json"] + paths, timeout: 60)
        #expect(!result.signalled)
        #expect(result.status <= 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["files"] as? [Any])?.count == paths.count)
    }
}
