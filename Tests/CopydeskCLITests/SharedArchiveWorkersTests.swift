import Foundation
import Testing

/// Many `copydesk run` processes sharing one PostgreSQL archive (issue 15): N workers take N
/// interleaved feeds in which agencies resend each other's stories; afterwards every story is in
/// the archive exactly once, and of each story and its resends exactly one was reported new and
/// every other copy a duplicate of an earlier copy of the same story, each reported once.
/// Needs the test server of `.ci/postgres.sh` (COPYDESK_TEST_POSTGRES_URL); skipped with a message
/// without it, except under CI=true.
@Suite struct SharedArchiveWorkersTests {
    static let url = ProcessInfo.processInfo.environment["COPYDESK_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let enabled = url != nil || ProcessInfo.processInfo.environment["CI"] == "true"

    /// A new database on the test server, through psql; its URL.
    static func database() throws -> String {
        let base = try #require(url, "CI=true but COPYDESK_TEST_POSTGRES_URL is not set")
        let name = "copydesk_w_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let created = try psql(base, "CREATE DATABASE \(name)")
        #expect(created.status == 0, "\(created.stderr)")
        return String(base[..<base.lastIndex(of: "/")!]) + "/" + name
    }

    static func psql(_ url: String, _ sql: String) throws -> CLI.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-v", "ON_ERROR_STOP=1", "-tAc", sql]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A story in ninjs, words from a seeded generator (no two stories alike).
    static func story(uri: String, seed: UInt64) -> String {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        func word() -> String { String((0..<Int(3 + next() % 7)).map { _ in Character(Unicode.Scalar(UInt8(97 + next() % 26))) }) }
        let paragraphs = (0..<4).map { _ in (0..<28).map { _ in word() }.joined(separator: " ") + "." }
        let body = "PARIS (AFP) — " + paragraphs.joined(separator: "\\n\\n")
        return "{\"uri\": \"\(uri)\", \"type\": \"text\", \"headline\": \"Story \(word()) \(word())\", \"body_text\": \"\(body)\"}\n"
    }

    @Test(.enabled(if: enabled, "no PostgreSQL test server (COPYDESK_TEST_POSTGRES_URL); source .ci/postgres.sh to run the workers test"),
          arguments: [2, 4])
    func workersSharingOneArchiveReportEachStoryNewExactlyOnce(workers: Int) throws {
        let store = try Self.database()
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pipeline = directory.appendingPathComponent("ingest.yml")
        try "name: ingest\nstages:\n  - normalize\n  - dedup:\n      mode: check-and-record\n".write(to: pipeline, atomically: true, encoding: .utf8)
        // Feed f: 10 stories of its own, interleaved with resends of 4 stories of feed f+1 and 2
        // of feed f+2 (under new ids), so the same story reaches several workers at about once.
        let perFeed = 10
        var group: [String: Int] = [:]  // uri → story
        var feeds: [URL] = []
        for feed in 0..<workers {
            let folder = directory.appendingPathComponent("feed-\(feed)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var items: [(uri: String, story: Int)] = (0..<perFeed).map { ("F\(feed)-\($0)", feed * perFeed + $0) }
            for offset in 1...2 {
                let source = (feed + offset) % workers
                for index in 0..<(offset == 1 ? 4 : 2) where source != feed {
                    items.insert(("F\(feed)-R\(source)-\(index)", source * perFeed + index), at: min(items.count, index * 2 + offset))
                }
            }
            for (position, item) in items.enumerated() {
                try Self.story(uri: item.uri, seed: UInt64(item.story) + 1000).write(
                    to: folder.appendingPathComponent(String(format: "%03d-%@.json", position, item.uri)), atomically: true, encoding: .utf8)
                group[item.uri] = item.story
            }
            feeds.append(folder)
        }
        var running: [(Process, URL, URL)] = []
        for (index, feed) in feeds.enumerated() {
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["run", "--pipeline", pipeline.path, "--store", store, "--format", "json", feed.path]
            process.currentDirectoryURL = directory
            let out = directory.appendingPathComponent("out-\(index).json"), err = directory.appendingPathComponent("err-\(index)")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            running.append((process, out, err))
        }
        for (process, _, _) in running { try process.run() }
        // uri → (class, earlier uri)
        var verdicts: [String: [(String, String?)]] = [:]
        for (process, out, err) in running {
            process.waitUntilExit()
            let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            #expect(process.terminationStatus <= 1, "\(stderr)")
            let data = try Data(contentsOf: out)
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(String(decoding: data, as: UTF8.self).prefix(400))")
            let files = try #require(json["files"] as? [[String: Any]])
            for file in files {
                let path = try #require(file["path"] as? String)
                let uri = String((path as NSString).lastPathComponent.dropFirst(4).dropLast(5))
                for diagnostic in file["diagnostics"] as? [[String: Any]] ?? [] {
                    guard let rule = diagnostic["rule"] as? String ?? diagnostic["ruleId"] as? String ?? diagnostic["id"] as? String,
                          rule.hasPrefix("dedup."), let message = diagnostic["message"] as? String else { continue }
                    var earlier: String?
                    if let range = message.range(of: " of ") {
                        earlier = message[range.upperBound...].split(separator: " ").first.map(String.init)
                    }
                    verdicts[uri, default: []].append((String(rule.dropFirst(6)), earlier))
                }
            }
        }
        #expect(verdicts.count == group.count, "\(group.count - verdicts.count) stories had no dedup verdict")
        for (uri, list) in verdicts { #expect(list.count == 1, "\(uri) reported \(list.count) times") }
        for story in Set(group.values) {
            let copies = group.filter { $0.value == story }.map(\.key)
            let new = copies.filter { verdicts[$0]?.first?.0 == "new" }
            #expect(new.count == 1, "story \(story): \(copies.map { "\($0): \(verdicts[$0]?.first.map { "\($0.0) \($0.1 ?? "")" } ?? "none")" })")
            for copy in copies where verdicts[copy]?.first?.0 != "new" {
                #expect(verdicts[copy]?.first?.0 == "duplicate", "\(copy): \(verdicts[copy] ?? [])")
                #expect(copies.contains(verdicts[copy]?.first?.1 ?? ""), "\(copy) is a duplicate of \(verdicts[copy]?.first?.1 ?? "nothing"), not of a copy of story \(story)")
            }
        }
        let stats = try CLI.run(["archive", "stats", "--store", store])
        #expect(stats.stdout.contains("stories: \(group.count)\n"), "\(stats.stdout)\(stats.stderr)")
        _ = try Self.psql(Self.url!, "DROP DATABASE IF EXISTS \(store.split(separator: "/").last!) WITH (FORCE)")
    }
}
