import Foundation
import Testing

/// A whole desk on one PostgreSQL archive: four `copydesk run` workers and a `copydesk serve`
/// (its `/v1/archive/record`) take five interleaved feeds with cross-feed resends while the
/// PostgreSQL server is restarted in the middle. Stories in flight at the restart fail with an
/// error and are sent again afterwards, as a worker would; in the end the desk must have
/// classified the feed as one `copydesk run` process with an SQLite archive does (the same number
/// of new stories and duplicates, one new per story, every other copy a duplicate of a copy of
/// it), with every copy recorded exactly once. Needs `.ci/postgres.sh`; skipped without it,
/// except under CI=true.
@Suite struct SharedArchiveDeskTests {
    /// The server this test restarts: a second one of `.ci/postgres.sh`, so the other PostgreSQL
    /// tests, running at the same time, never see the restart.
    static let server = ProcessInfo.processInfo.environment["COPYDESK_TEST_POSTGRES_RESTART_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let control = ProcessInfo.processInfo.environment["COPYDESK_TEST_POSTGRES_CTL"].flatMap { $0.isEmpty ? nil : $0 }

    struct Item {
        var feed: Int
        var uri: String
        var story: Int
    }

    /// dedup verdicts of a JSON report (`copydesk run --format json`, or a /v1 answer): uri →
    /// (class, earlier uri); and the uris whose file failed.
    static func verdicts(_ data: Data) throws -> (verdicts: [String: [(String, String?)]], failed: [String]) {
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(String(decoding: data, as: UTF8.self).prefix(400))")
        var verdicts: [String: [(String, String?)]] = [:], failed: [String] = []
        for file in json["files"] as? [[String: Any]] ?? [] {
            let path = try #require(file["path"] as? String)
            let uri = uri(of: path)
            if file["error"] != nil { failed.append(uri); continue }
            for diagnostic in file["diagnostics"] as? [[String: Any]] ?? [] {
                guard let rule = diagnostic["rule"] as? String, rule.hasPrefix("dedup."), let message = diagnostic["message"] as? String else { continue }
                let earlier = message.range(of: " of ").flatMap { message[$0.upperBound...].split(separator: " ").first.map(String.init) }
                verdicts[uri, default: []].append((String(rule.dropFirst(6)), earlier))
            }
        }
        return (verdicts, failed)
    }

    /// `0012-F1-R2-3.json` → `F1-R2-3`; a bare name is the uri.
    static func uri(of path: String) -> String {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        guard let dash = name.firstIndex(of: "-"), name[..<dash].allSatisfy(\.isNumber) else { return name }
        return String(name[name.index(after: dash)...])
    }

    static func shell(_ command: String) throws -> CLI.Output {
        try CLI.run(["-c", command], executable: URL(fileURLWithPath: "/bin/sh"))
    }

    /// `/bin/sh -c command` through posix_spawn and waitpid, its output to `log`: Foundation's
    /// `Process.waitUntilExit` was seen never to return for pg_ctl while other processes ran.
    /// The exit status, or nil when the child was reaped elsewhere.
    static func spawn(_ command: String, log: String) -> Int32? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let strings: [String] = ["/bin/sh", "-c", command]
        let arguments: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", &actions, nil, arguments, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return nil }
        }
        return (status >> 8) & 0xFF
    }

    @Test(.enabled(if: SharedArchiveWorkersTests.enabled, "no PostgreSQL test server (COPYDESK_TEST_POSTGRES_URL); source .ci/postgres.sh to run it"))
    func fourWorkersAndAServerThroughAServerRestartClassifyAsOneSQLiteProcess() throws {
        let control = try #require(Self.control, "COPYDESK_TEST_POSTGRES_CTL is not set: source .ci/postgres.sh (it says how to restart its server)")
        let server = try #require(Self.server, "COPYDESK_TEST_POSTGRES_RESTART_URL is not set: source .ci/postgres.sh")
        let name = "copydesk_d_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let created = try SharedArchiveWorkersTests.psql(server, "CREATE DATABASE \(name)")
        #expect(created.status == 0, "\(created.stderr)")
        let store = String(server[..<server.lastIndex(of: "/")!]) + "/" + name
        // What the desk's processes open: operations bounded at 5 s (30 by default), so a story
        // caught by the restart fails in seconds.
        let shared = store + "?timeout=5"
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pipeline = directory.appendingPathComponent("ingest.yml")
        try "name: ingest\nstages:\n  - normalize\n  - dedup:\n      mode: check-and-record\n".write(to: pipeline, atomically: true, encoding: .utf8)

        // Five feeds (0–3 for the workers, 4 for the server) of 30 stories each, every feed also
        // carrying 6 stories of the next feed and 3 of the one after, under new uris.
        let feeds = 5, perFeed = 30
        var items: [[Item]] = []
        for feed in 0..<feeds {
            var list = (0..<perFeed).map { Item(feed: feed, uri: "F\(feed)-\($0)", story: feed * perFeed + $0) }
            for (offset, count) in [(1, 6), (2, 3)] {
                let source = (feed + offset) % feeds
                for index in 0..<count { list.insert(Item(feed: feed, uri: "F\(feed)-R\(source)-\(index)", story: source * perFeed + index), at: index * 3 + offset) }
            }
            items.append(list)
        }
        let all = items.flatMap { $0 }
        let group = Dictionary(uniqueKeysWithValues: all.map { ($0.uri, $0.story) })
        func text(_ item: Item) -> String { SharedArchiveWorkersTests.story(uri: item.uri, seed: UInt64(item.story) + 7000) }

        // The reference: one process, an SQLite archive, the feeds interleaved as they arrive.
        let reference = directory.appendingPathComponent("all")
        try FileManager.default.createDirectory(at: reference, withIntermediateDirectories: true)
        for feed in 0..<feeds {
            for (position, item) in items[feed].enumerated() {
                try text(item).write(to: reference.appendingPathComponent(String(format: "%04d-%@.json", position * feeds + feed, item.uri)), atomically: true, encoding: .utf8)
            }
        }
        let single = try CLI.run(["run", "--pipeline", pipeline.path, "--store", directory.appendingPathComponent("reference.sqlite").path,
                                  "--format", "json", reference.path], in: directory)
        #expect(single.status <= 1, "\(single.stderr)")
        let expected = try Self.verdicts(Data(single.stdout.utf8)).verdicts
        let expectedNew = expected.values.filter { $0.first?.0 == "new" }.count
        #expect(expectedNew == feeds * perFeed)
        #expect(expected.count == all.count)

        // The desk: workers' folders, the server's request bodies.
        var folders: [URL] = []
        for feed in 0..<feeds {
            let folder = directory.appendingPathComponent("feed-\(feed)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (position, item) in items[feed].enumerated() {
                let name = String(format: "%04d-%@.json", position, item.uri)
                if feed < 4 {
                    try text(item).write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
                } else {
                    try JSONSerialization.data(withJSONObject: ["text": text(item), "name": item.uri]).write(to: folder.appendingPathComponent(name))
                }
            }
            folders.append(folder)
        }
        let service = Process()
        service.executableURL = CLI.executable
        service.arguments = ["serve", "--port", "0", "--archive", shared]
        service.currentDirectoryURL = directory
        let serverOut = Pipe()
        service.standardOutput = serverOut
        service.standardError = try FileHandle(forWritingTo: { let url = directory.appendingPathComponent("server.log"); _ = FileManager.default.createFile(atPath: url.path, contents: nil); return url }())
        try service.run()
        defer { service.terminate(); service.waitUntilExit() }
        var line = ""
        while !line.contains("\n") {
            let chunk = serverOut.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += String(decoding: chunk, as: UTF8.self)
        }
        let base = try #require(line.range(of: "listening on ").map { line[$0.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines) }, "\(line)")

        // A client posting the server's feed one story at a time: answers in answers/, codes in codes.
        let answers = directory.appendingPathComponent("answers")
        try FileManager.default.createDirectory(at: answers, withIntermediateDirectories: true)
        let post = """
            for f in "$1"/*.json; do n=$(basename "$f"); \
            c=$(curl -s -o "$2/$n" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$f" "$3/v1/archive/record"); \
            echo "$n $c" >> "$2/codes"; done
            """
        var running: [(process: Process, out: URL?)] = []
        for feed in 0..<4 {
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["run", "--pipeline", pipeline.path, "--store", shared, "--format", "json", folders[feed].path]
            process.currentDirectoryURL = directory
            let out = directory.appendingPathComponent("out-\(feed).json")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: out)
            let log = directory.appendingPathComponent("worker-\(feed).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: log)
            running.append((process, out))
        }
        let client = Process()
        client.executableURL = URL(fileURLWithPath: "/bin/sh")
        client.arguments = ["-c", post, "post", folders[4].path, answers.path, base]
        running.append((client, nil))
        for (process, _) in running { try process.run() }

        // The restart, once a fifth of the copies are in: in-flight transactions are cut off.
        let started = Date()
        var recorded: Int64 = 0
        while recorded < Int64(all.count / 5), Date().timeIntervalSince(started) < 120, running.contains(where: { $0.process.isRunning }) {
            recorded = Int64(try SharedArchiveWorkersTests.psql(store, "SELECT count(*) FROM copydesk.stories").stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            Thread.sleep(forTimeInterval: 0.05)
        }
        let stillRunning = running.filter { $0.process.isRunning }.count
        let restartLog = directory.appendingPathComponent("restart.log").path
        let restart = Self.spawn("\(control) -m fast restart", log: restartLog)
        #expect(restart == 0 || restart == nil, "\((try? String(contentsOfFile: restartLog, encoding: .utf8)) ?? "")")
        #expect(try SharedArchiveWorkersTests.psql(store, "SELECT 1").stdout.hasPrefix("1"), "the server did not come back")
        #expect(stillRunning > 0, "the feeds were done before the restart (\(recorded) recorded); nothing was in flight")
        for (process, _) in running { process.waitUntilExit() }

        // What the desk said, and what failed and is sent again.
        var verdicts: [String: [(String, String?)]] = [:]
        func merge(_ more: [String: [(String, String?)]]) { for (uri, list) in more { verdicts[uri, default: []] += list } }
        var failedFiles: [String] = [], failedPosts: [String] = []
        for feed in 0..<4 {
            let data = try Data(contentsOf: running[feed].out!)
            // A worker that could not reach the archive at start-up reports no file: all of its feed is sent again.
            let result: (verdicts: [String: [(String, String?)]], failed: [String]) = data.isEmpty ? ([:], items[feed].map(\.uri)) : try Self.verdicts(data)
            merge(result.verdicts)
            failedFiles += result.failed.map { uri in folders[feed].appendingPathComponent(String(format: "%04d-%@.json", items[feed].firstIndex { $0.uri == uri }!, uri)).path }
        }
        let codes = (try? String(contentsOf: answers.appendingPathComponent("codes"), encoding: .utf8)) ?? ""
        for entry in codes.split(separator: "\n") {
            let parts = entry.split(separator: " ")
            let name = String(parts[0])
            if parts.count == 2, parts[1] == "200" {
                merge(try Self.verdicts(try Data(contentsOf: answers.appendingPathComponent(name))).verdicts)
            } else {
                failedPosts.append(name)
            }
        }
        print("◇ SharedArchiveDeskTests: \(stillRunning) senders in flight at the restart; \(failedFiles.count) files and \(failedPosts.count) requests failed and were sent again")
        if !failedFiles.isEmpty {
            let again = try CLI.run(["run", "--pipeline", pipeline.path, "--store", shared, "--format", "json"] + failedFiles, in: directory)
            let result = try Self.verdicts(Data(again.stdout.utf8))
            #expect(result.failed.isEmpty, "\(again.stderr)")
            merge(result.verdicts)
        }
        for name in failedPosts {
            let answer = try Self.shell("curl -s -f -H 'Content-Type: application/json' --data-binary @'\(folders[4].appendingPathComponent(name).path)' '\(base)/v1/archive/record'")
            #expect(answer.status == 0, "\(name): \(answer.stdout)")
            merge(try Self.verdicts(Data(answer.stdout.utf8)).verdicts)
        }

        // As one process with SQLite: one verdict per copy, one new per story, the rest duplicates of it.
        #expect(verdicts.count == all.count, "\(all.count - verdicts.count) copies had no verdict")
        for (uri, list) in verdicts { #expect(list.count == 1, "\(uri) reported \(list.count) times") }
        #expect(verdicts.values.filter { $0.first?.0 == "new" }.count == expectedNew)
        #expect(verdicts.values.filter { $0.first?.0 == "duplicate" }.count == expected.values.filter { $0.first?.0 == "duplicate" }.count)
        for story in Set(group.values) {
            let copies = group.filter { $0.value == story }.map(\.key)
            #expect(copies.filter { verdicts[$0]?.first?.0 == "new" }.count == 1, "story \(story): \(copies.map { "\($0): \(verdicts[$0]?.first?.0 ?? "none")" })")
            for copy in copies where verdicts[copy]?.first?.0 != "new" {
                #expect(copies.contains(verdicts[copy]?.first?.1 ?? ""), "\(copy) is a \(verdicts[copy]?.first?.0 ?? "?") of \(verdicts[copy]?.first?.1 ?? "nothing"), not of a copy of story \(story)")
            }
        }
        // Every copy recorded exactly once: nothing lost, nothing half-recorded.
        let stats = try CLI.run(["archive", "stats", "--store", store])
        #expect(stats.stdout.contains("stories: \(all.count)\n"), "\(stats.stdout)\(stats.stderr)")
        #expect(try SharedArchiveWorkersTests.psql(store, "SELECT count(*) FROM copydesk.stories s WHERE NOT EXISTS (SELECT 1 FROM copydesk.story_paragraphs p WHERE p.story = s.seq)").stdout
                .trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        _ = try SharedArchiveWorkersTests.psql(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}
