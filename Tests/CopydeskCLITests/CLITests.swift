import Foundation
import Testing

/// Runs the built `copydesk` binary as a user would.
struct CLI {
    static let projectRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    static let executable: URL = {
        // The test bundle sits next to the products of the same build.
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("copydesk")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return projectRoot.appendingPathComponent(".build/debug/copydesk")
    }()

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL = projectRoot, environment: [String: String] = [:],
                    executable: URL = executable) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite struct CLITests {
    @Test func normalizeRepairsMojibakeFromStandardInput() throws {
        let result = try CLI.run(["normalize", "-"], stdin: "CafÃ© owner says â€˜hiâ€™")
        #expect(result.status == 0)
        #expect(result.stdout == "Café owner says ‘hi’\n")
        #expect(result.stderr.contains("<stdin>:1:1: warning: mojibake"))
    }

    @Test func normalizeReportsWhereItRemovedAZeroWidthSpace() throws {
        let result = try CLI.run(["normalize", "Examples/athens-cafe-tax.txt"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{200B}"))
        #expect(result.stdout.contains("ATHENS, Greece (AP) — Hundreds"))
        #expect(result.stdout.contains("The owner of Café Byzantio"))
        #expect(result.stderr.contains("Examples/athens-cafe-tax.txt:11:34: warning: zero-width space (U+200B) removed [unicode.invisible]"))
    }

    @Test func normalizeDecodesWindows1251() throws {
        let result = try CLI.run(["normalize", "Examples/moscow-windows-1251.txt"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("В Москве открылся саммит\n\nМОСКВА, 6 сентября"))
        #expect(result.stderr.contains("decoded as windows-1251"))
    }

    @Test func inPlaceRewritesAtomicallyAndKeepsPermissions() throws {
        let directory = try CLI.temporaryDirectory()
        let file = directory.appendingPathComponent("story.txt")
        try "Headline\n\nMOSCOW (AP) -- Putin\u{200B} said.\n".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let result = try CLI.run(["normalize", "--in-place", "--quiet", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == "Headline\n\nMOSCOW (AP) — Putin said.\n")
        let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["story.txt"])
    }

    @Test func aMissingFileFailsButTheBatchGoesOn() throws {
        let result = try CLI.run(["normalize", "no-such-story.txt", "Examples/athens-cafe-tax.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("copydesk: no-such-story.txt: cannot read file"))
        #expect(result.stdout.contains("==> Examples/athens-cafe-tax.txt <=="))
        #expect(result.stdout.contains("Café Byzantio"))
    }

    @Test func lintExitCodesFollowFailOn() throws {
        let warned = try CLI.run(["lint", "Examples/athens-cafe-tax.txt"])
        #expect(warned.status == 1)
        #expect(warned.stdout.contains("[encoding.mojibake]"))
        #expect(warned.stdout.contains(" 9 | The owner of CafÃ© Byzantio"))
        let lenient = try CLI.run(["lint", "--fail-on", "error", "Examples/athens-cafe-tax.txt"])
        #expect(lenient.status == 0)
        let clean = try CLI.run(["lint", "-"], stdin: "Headline\n\nMOSCOW (AP) — The Kremlin said on Tuesday.\n")
        #expect(clean.status == 0)
        #expect(clean.stdout == "0 errors, 0 warnings, 0 infos in 1 file\n")
    }

    @Test func lintJSONIsParseable() throws {
        let result = try CLI.run(["lint", "--format", "json", "Examples/athens-cafe-tax.txt"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let file = try #require((object["files"] as? [[String: Any]])?.first)
        #expect(file["encoding"] as? String == "UTF-8")
        let rules = (file["diagnostics"] as? [[String: Any]])?.compactMap { $0["rule"] as? String } ?? []
        #expect(rules.contains("unicode.invisible"))
        #expect(rules.contains("unicode.soft-hyphen"))
    }

    @Test func aBadPipelineIsAConfigurationErrorNamingFileStageAndKey() throws {
        let directory = try CLI.temporaryDirectory()
        let pipeline = directory.appendingPathComponent("desk.yml")
        try "stages:\n  - normalize:\n      from: nfc\n".write(to: pipeline, atomically: true, encoding: .utf8)
        let result = try CLI.run(["run", "--pipeline", pipeline.path, "Examples/athens-cafe-tax.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("desk.yml:2: stage 'normalize': unknown option 'from'"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try CLI.run(["lint", "--no-such-flag", "x.txt"]).status == 2)
        #expect(try CLI.run(["normalize"]).status == 2)
        #expect(try CLI.run(["normalize", "--encoding", "klingon-8", "Examples/athens-cafe-tax.txt"]).status == 2)
    }

    @Test func runWritesProcessedStoriesToADirectory() throws {
        let directory = try CLI.temporaryDirectory()
        let result = try CLI.run(["run", "--pipeline", "normalize", "--fail-on", "never", "--output", directory.path, "Examples/athens-cafe-tax.txt"])
        #expect(result.status == 0)
        let written = try String(contentsOf: directory.appendingPathComponent("athens-cafe-tax.txt"), encoding: .utf8)
        #expect(written.contains("Maria Konstantinou"))
    }

    @Test func stagesListsTheNormalizeStageAndItsOptions() throws {
        let result = try CLI.run(["stages"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("normalize\n"))
        #expect(result.stdout.contains("form: nfc|nfd|nfkc|nfkd|nfkc-casefold|none (default: nfc)"))
    }
}

@Suite struct LintFixCLITests {
    let dirty = "Talks stall\n\nMOSCOW (AP) — The Kremlin  said\u{200B} on Tuesday that CafÃ© talks would go on. \n"

    @Test func fixRewritesTheFileAndASecondRunChangesNothing() throws {
        let directory = try CLI.temporaryDirectory()
        let file = directory.appendingPathComponent("story.txt")
        try dirty.write(to: file, atomically: true, encoding: .utf8)
        let first = try CLI.run(["lint", "--fix", "--fail-on", "never", file.path])
        #expect(first.status == 0)
        #expect(first.stderr.contains("fixes applied"))
        let fixed = try String(contentsOf: file, encoding: .utf8)
        #expect(fixed == "Talks stall\n\nMOSCOW (AP) — The Kremlin said on Tuesday that Café talks would go on.\n")
        let second = try CLI.run(["lint", "--fix", "--fail-on", "never", file.path])
        #expect(!second.stderr.contains("applied"))
        #expect(try String(contentsOf: file, encoding: .utf8) == fixed)
    }

    @Test func diffPrintsAUnifiedDiffAndChangesNothing() throws {
        let directory = try CLI.temporaryDirectory()
        let file = directory.appendingPathComponent("story.txt")
        try dirty.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["lint", "--diff", file.path])
        #expect(result.stdout.contains("--- \(file.path)\n+++ \(file.path)\n@@ -1,3 +1,3 @@\n Talks stall\n \n-MOSCOW"))
        #expect(result.stdout.contains("+MOSCOW (AP) — The Kremlin said on Tuesday that Café talks would go on."))
        #expect(try String(contentsOf: file, encoding: .utf8) == dirty)
    }

    @Test func rulesListsRulesWithTheirSeverityInAStyle() throws {
        let result = try CLI.run(["rules", "--style", "guardian"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Rules in style Guardian"))
        #expect(result.stdout.contains("unicode.invisible [warning]"))
    }

    @Test func anUnknownStyleIsAConfigurationError() throws {
        let result = try CLI.run(["lint", "--style", "nyt", "Examples/athens-cafe-tax.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("nyt: no such style: looked for StyleRules/nyt.yml in "))
        #expect(result.stderr.contains("shipped styles: ap, guardian, reuters, translated-en"))
    }
}

@Suite struct InPlaceLinkTests {
    @Test func inPlaceThroughASymlinkRewritesTheTargetAndKeepsTheLink() throws {
        let directory = try CLI.temporaryDirectory()
        let target = directory.appendingPathComponent("story.txt")
        let link = directory.appendingPathComponent("latest.txt")
        try "Headline\n\nMOSCOW (AP) -- Putin\u{200B} said.\n".write(to: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "story.txt")
        let result = try CLI.run(["normalize", "--in-place", "--quiet", link.path])
        #expect(result.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "story.txt")
        #expect(try String(contentsOf: target, encoding: .utf8) == "Headline\n\nMOSCOW (AP) — Putin said.\n")
    }
}
