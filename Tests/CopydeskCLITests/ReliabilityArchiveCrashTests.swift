import Foundation
import Testing

/// Crash safety of the dedup archive: `copydesk archive add` killed with SIGKILL at random
/// points leaves an archive that opens, passes SQLite's integrity check and keeps every story an
/// earlier run reported recorded; several processes adding at once lose nothing.
/// `COPYDESK_CRASH_ITERATIONS` sets the number of kills (quick default 5).
@Suite struct ReliabilityArchiveCrashTests {
    /// Distinct stories, words made of random letters so no two are near-duplicates.
    static func stories(_ count: Int, in directory: URL, seed: UInt64) throws -> [String] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        func word() -> String {
            String((0..<Int(3 + next() % 7)).map { _ in Character(Unicode.Scalar(UInt8(97 + next() % 26))) })
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try (0..<count).map { index in
            let paragraphs = (0..<4).map { _ in (0..<30).map { _ in word() }.joined(separator: " ") + "." }
            let text = "Story \(index) \(word()) \(word())\n\nMOSCOW (AP) — " + paragraphs.joined(separator: "\n\n") + "\n"
            let url = directory.appendingPathComponent(String(format: "story-%03d.txt", index))
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
    }

    static func copydesk(_ arguments: [String]) throws -> CLI.Output {
        try CLI.run(arguments)
    }

    /// `PRAGMA integrity_check` through the sqlite3 shell, or Python's sqlite3 when it is missing.
    static func integrity(_ path: String) throws -> String {
        let process = Process()
        let out = Pipe()
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [path, "PRAGMA integrity_check;"]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('pragma integrity_check').fetchone()[0])", path]
        }
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func storyCount(_ store: String) throws -> Int? {
        let stats = try copydesk(["archive", "stats", "--store", store])
        guard stats.status == 0 else { return nil }
        let line = stats.stdout.split(separator: "\n").first { $0.contains("stories:") }
        return line.flatMap { Int($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") }
    }

    static var available: Bool {
        (try? CLI.run(["archive", "add", "--help"]).status) == 0
    }

    @Test(.enabled(if: available, "this copydesk has no `archive add`"))
    func sigkillDuringArchiveAddLosesNothingRecorded() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("archive.sqlite").path
        let files = try Self.stories(150, in: directory.appendingPathComponent("stories"), seed: 8)
        // A run that finishes and says what it recorded.
        let first = try Self.copydesk(["archive", "add", "--store", store] + Array(files.prefix(20)))
        #expect(first.status == 0)
        #expect(first.stderr.contains("20 stories recorded"))

        let iterations = Int(ProcessInfo.processInfo.environment["COPYDESK_CRASH_ITERATIONS"] ?? "") ?? 5
        var generator = SystemRandomNumberGenerator()
        var previous = 20
        for iteration in 0..<iterations {
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["archive", "add", "--store", store] + files
            process.currentDirectoryURL = CLI.projectRoot
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Anywhere from opening the archive to the last stories.
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...1.5, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let check = try Self.integrity(store)
            #expect(check == "ok", "kill \(iteration): integrity_check says \(check)")
            let count = try #require(try Self.storyCount(store), "kill \(iteration): the archive does not open")
            #expect(count >= previous, "kill \(iteration): \(previous) stories before, \(count) after")
            previous = count
        }
        // Every story a finished run reported is there, and a full run completes the archive.
        let again = try Self.copydesk(["archive", "add", "--store", store] + Array(files.prefix(20)))
        #expect(again.stderr.contains("0 stories recorded, 20 already in the archive"), "\(again.stderr)")
        let last = try Self.copydesk(["archive", "add", "--store", store] + files)
        #expect(last.status == 0)
        #expect(try Self.storyCount(store) == files.count)
        #expect(try Self.integrity(store) == "ok")
    }

    @Test(.enabled(if: available, "this copydesk has no `archive add`"), arguments: [2, 4])
    func concurrentProcessesAddingToOneArchiveLoseNothing(processes: Int) throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("archive.sqlite").path
        let files = try Self.stories(15 * processes, in: directory.appendingPathComponent("stories"), seed: UInt64(processes))
        // Each process its own share, plus every process the first five (the same stories at once).
        let shared = Array(files.prefix(5))
        var running: [(Process, URL)] = []
        for index in 0..<processes {
            let share = stride(from: 5 + index, to: files.count, by: processes).map { files[$0] }
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["archive", "add", "--store", store] + shared + share
            process.currentDirectoryURL = CLI.projectRoot
            let log = directory.appendingPathComponent("log-\(index)")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: log)
            process.standardOutput = FileHandle.nullDevice
            running.append((process, log))
        }
        for (process, _) in running { try process.run() }
        for (process, log) in running {
            process.waitUntilExit()
            let stderr = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            #expect(process.terminationStatus == 0, "\(stderr)")
        }
        #expect(try Self.integrity(store) == "ok")
        let count = try #require(try Self.storyCount(store))
        #expect(count >= files.count, "\(count) stories in the archive for \(files.count) files")
        let again = try Self.copydesk(["archive", "add", "--store", store] + files)
        #expect(again.stderr.contains("0 stories recorded, \(files.count) already in the archive"), "\(again.stderr)")
    }
}
