import Foundation
import Testing

/// The binary away from its checkout, as a user installs it: copied alone to a folder on `PATH`,
/// installed with `copydesk install --prefix`, or pointed at data with `COPYDESK_HOME`.
@Suite struct InstalledBinaryTests {
    static let story = """
        Cafe owners march over tax

        ATHENS, Greece (AP) -- Hundreds of cafe owners marched through central Athens on Tuesday, officials said.

        """

    /// A scratch folder with `bin/copydesk` (the built binary, copied alone), `work/story.txt`, and an empty cache.
    static func soloBinary() throws -> (root: URL, binary: URL, work: URL, environment: [String: String]) {
        let root = try CLI.temporaryDirectory()
        let bin = root.appendingPathComponent("bin"), work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let binary = bin.appendingPathComponent("copydesk")
        try FileManager.default.copyItem(at: CLI.executable, to: binary)
        try story.write(to: work.appendingPathComponent("story.txt"), atomically: true, encoding: .utf8)
        let environment = ["COPYDESK_HOME": "", "XDG_CACHE_HOME": root.appendingPathComponent("cache").path,
                           "PATH": bin.path + ":/usr/bin:/bin"]
        return (root, binary, work, environment)
    }

    /// Runs `copydesk` by name through the shell, found on PATH as a user types it.
    static func onPath(_ command: String, in directory: URL, environment: [String: String]) throws -> CLI.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func aBinaryCopiedAloneHasTheShippedStylesAndPipelines() throws {
        let (root, _, work, environment) = try Self.soloBinary()
        defer { try? FileManager.default.removeItem(at: root) }
        for style in ["ap", "reuters", "guardian", "translated-en"] {
            let result = try Self.onPath("copydesk lint --no-source --style \(style) story.txt", in: work, environment: environment)
            #expect(result.status == 1, "\(style): \(result.stderr)")
            #expect(result.stdout.contains("story.txt:3:20: info: double hyphen -- becomes"), "\(style): \(result.stdout)")
        }
        let anonymous = try Self.onPath("copydesk lint --no-source story.txt", in: work, environment: environment)
        #expect(anonymous.stdout.contains("[attribution.anonymous]"), "Pipelines/lint.yml's AP style ran: \(anonymous.stdout)")
        let normalize = try Self.onPath("copydesk run --pipeline wire-en --fail-on never --format json story.txt", in: work, environment: environment)
        #expect(normalize.status == 0, "\(normalize.stderr)")
        // The built-in files were unpacked into the cache given, nowhere near the binary.
        let cache = root.appendingPathComponent("cache/copydesk")
        let unpacked = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(unpacked.count == 1 && unpacked[0].hasPrefix("shipped-"), "\(unpacked)")
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent(unpacked[0] + "/StyleRules/ap.yml").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("bin").path) == ["copydesk"])
        // wire-en's archive is the repo's (here the current folder), not the data folder's.
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent(".copydesk/archive.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent(unpacked[0] + "/Pipelines/.copydesk").path))
    }

    @Test func installPlacesTheBinaryAndDataAndTheInstalledCopyUsesThem() throws {
        let (root, binary, work, environment) = try Self.soloBinary()
        defer { try? FileManager.default.removeItem(at: root) }
        let prefix = root.appendingPathComponent("prefix")
        let install = try CLI.run(["install", "--prefix", prefix.path], in: work, environment: environment, executable: binary)
        #expect(install.status == 0, "\(install.stderr)")
        #expect(install.stderr.hasPrefix("installed \(prefix.path)/bin/copydesk and "))
        let share = prefix.appendingPathComponent("share/copydesk")
        for file in ["StyleRules/ap.yml", "StyleRules/translated-en.yml", "Pipelines/lint.yml", "Pipelines/wire-en.yml"] {
            #expect(FileManager.default.contents(atPath: share.appendingPathComponent(file).path)
                    == FileManager.default.contents(atPath: CLI.projectRoot.appendingPathComponent(file).path), "\(file)")
        }
        #expect(FileManager.default.isExecutableFile(atPath: prefix.appendingPathComponent("bin/copydesk").path))
        // A style added to the installed data is found by name: share/copydesk is read.
        try "name: Installed desk\nextends: ap\nrules:\n  attribution.anonymous: off\n".write(
            to: share.appendingPathComponent("StyleRules/installed-desk.yml"), atomically: true, encoding: .utf8)
        var installed = environment
        installed["PATH"] = prefix.appendingPathComponent("bin").path + ":/usr/bin:/bin"
        installed["XDG_CACHE_HOME"] = root.appendingPathComponent("cache-installed").path
        let result = try Self.onPath("copydesk lint --no-source --style installed-desk story.txt", in: work, environment: installed)
        #expect(result.stdout.contains("[typography.legacy-dash]"), "\(result.stderr)")
        #expect(!result.stdout.contains("[attribution.anonymous]"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("cache-installed").path), "installed data, nothing unpacked")
        // Installing again over the first install replaces its files.
        let again = try CLI.run(["install", "--prefix", prefix.path], in: work, environment: environment, executable: binary)
        #expect(again.status == 0)
    }

    @Test func copydeskHomeServesABinaryWithoutData() throws {
        let (root, _, work, environment) = try Self.soloBinary()
        defer { try? FileManager.default.removeItem(at: root) }
        let home = root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("StyleRules"), withIntermediateDirectories: true)
        try "name: Home desk\nextends: ap\nrules:\n  typography.legacy-dash: off\n".write(
            to: home.appendingPathComponent("StyleRules/home-desk.yml"), atomically: true, encoding: .utf8)
        var env = environment
        env["COPYDESK_HOME"] = home.path
        let result = try Self.onPath("copydesk lint --no-source --style home-desk story.txt", in: work, environment: env)
        #expect(result.stdout.contains("[attribution.anonymous]"), "\(result.stderr)")
        #expect(!result.stdout.contains("[typography.legacy-dash]"))
    }

    @Test func aMissingStyleSaysWhereItLookedAndHowToFixIt() throws {
        let (root, _, work, environment) = try Self.soloBinary()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Self.onPath("copydesk lint --style nyt story.txt", in: work, environment: environment)
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stderr.hasPrefix("copydesk: nyt: no such style: looked for StyleRules/nyt.yml in "))
        #expect(result.stderr.contains("the styles built into copydesk, \(work.path), "))
        #expect(result.stderr.contains("\(root.path)/share/copydesk, \(root.path)/bin (COPYDESK_HOME is not set); shipped styles: ap, guardian, reuters, translated-en; "
                                       + "give a path to a style file, add StyleRules/nyt.yml to the repository, or point COPYDESK_HOME at a folder holding StyleRules/"))
        let pipeline = try Self.onPath("copydesk lint --pipeline strict story.txt", in: work, environment: environment)
        #expect(pipeline.stderr.hasPrefix("copydesk: strict: no such pipeline: looked for Pipelines/strict.yml in "))
        #expect(pipeline.stderr.contains("shipped pipelines: lint, normalize, wire-en"))
    }

    @Test func aRepositorysOwnPipelineWinsOverCopydeskHome() throws {
        let (root, _, work, environment) = try Self.soloBinary()
        defer { try? FileManager.default.removeItem(at: root) }
        let home = root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("Pipelines"), withIntermediateDirectories: true)
        try "name: lint\nstages:\n  - no-such-stage: {}\n".write(to: home.appendingPathComponent("Pipelines/lint.yml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: work.appendingPathComponent("Pipelines"), withIntermediateDirectories: true)
        try "name: lint\nstages:\n  - normalize: {legacy-typography: false}\n  - lint: {style: ap}\n".write(
            to: work.appendingPathComponent("Pipelines/lint.yml"), atomically: true, encoding: .utf8)
        var env = environment
        env["COPYDESK_HOME"] = home.path
        let result = try Self.onPath("copydesk lint --no-source story.txt", in: work, environment: env)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(!result.stdout.contains("[typography.legacy-dash]"), "the repository's pipeline ran")
        #expect(result.stdout.contains("[attribution.anonymous]"))
    }
}
