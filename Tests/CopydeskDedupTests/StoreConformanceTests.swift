import Copydesk
import Foundation
import Testing

/// The store contract (`Store`), checked case by case against both implementations: the embedded
/// SQLite file and the shared PostgreSQL database. Without a PostgreSQL test server the
/// PostgreSQL cases are skipped (see `TestPostgres`); CI always runs them.
@Suite struct StoreConformanceTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    static let kinds: [Kind] = TestPostgres.enabled ? Kind.allCases : [.sqlite]
    let parameters = MatchSettings().parametersDescription

    /// A new, empty archive of `kind`, and how to open it again (a second worker, or a later run).
    struct Archive: Sendable {
        var kind: Kind
        var locator: String
        func open(parameters: String? = MatchSettings().parametersDescription) throws -> any Store {
            try ArchiveStores.open(locator, parameters: parameters)
        }
        func remove() async {
            if kind == .postgres { await TestPostgres.drop(locator) }
        }
    }

    func archive(_ kind: Kind) async throws -> Archive {
        switch kind {
        case .sqlite: return Archive(kind: kind, locator: try Fixtures.temporaryDirectory() + "/archive.sqlite")
        case .postgres: return Archive(kind: kind, locator: try await TestPostgres.makeDatabase())
        }
    }

    @Test func postgresCasesRunOrSayWhyNot() {
        if !TestPostgres.enabled { print("◇ StoreConformanceTests: \(TestPostgres.skipMessage)") }
        #expect(Self.kinds.contains(.sqlite))
    }

    @Test(arguments: kinds) func anExactResendIsADuplicateOfTheFirst(kind: Kind) async throws {
        let archive = try await archive(kind)
        let dedup = try Deduplicator(store: try archive.open())
        let first = try Fixtures.story(headline: Fixtures.strikeHeadline, byline: Fixtures.strikeByline, Fixtures.strike, id: "AP-1001")
        #expect(try await dedup.check(first, record: true).dedupClass == .new)
        let resend = try Fixtures.story(headline: "Rotterdam dockworkers strike", byline: "By STAFF", Fixtures.strike, id: "AP-1002")
        let result = try await dedup.check(resend, record: true)
        #expect(result.dedupClass == .duplicate)
        #expect(result.match?.exact == true)
        #expect(result.match?.earlier.id == "AP-1001")
        #expect(result.recorded)
        // The very same version again: found, and not recorded twice.
        let again = try await dedup.check(first, record: true)
        #expect(again.dedupClass == .duplicate && !again.recorded)
        // A later process sees it all.
        let reopened = try archive.open()
        #expect(try await reopened.stats().stories == 2)
        let found = try await reopened.candidates(keys: try dedup.fingerprinter.fingerprint(first).keys, limit: 5)
        #expect(Set(found.map(\.id)) == ["AP-1001", "AP-1002"])
        #expect(found.first?.paragraphs.map(\.text) == (try dedup.fingerprinter.fingerprint(first)).text.paragraphs.map(\.text))
        #expect(found.first?.agency == nil && found.first?.created == nil)
        await archive.remove()
    }

    @Test(arguments: kinds) func aWriteThroughIsAnUpdateWithItsNewParagraphs(kind: Kind) async throws {
        let archive = try await archive(kind)
        let dedup = try Deduplicator(store: try archive.open())
        _ = try await dedup.check(try Fixtures.story(headline: Fixtures.strikeHeadline, Fixtures.strike, id: "AP-1234"), record: true)
        let result = try await dedup.check(try Fixtures.story(headline: "Rotterdam strike diverts ships", Fixtures.strikeWriteThrough, id: "AP-1240"), record: true)
        #expect(result.dedupClass == .update)
        #expect(result.match?.earlier.id == "AP-1234")
        #expect(result.match?.newParagraphs == [3, 9, 15])
        #expect(result.match?.changedParagraphs == [7])
        await archive.remove()
    }

    @Test(arguments: kinds) func anotherAgencysStoryOfTheEventIsRelated(kind: Kind) async throws {
        let archive = try await archive(kind)
        let dedup = try Deduplicator(store: try archive.open())
        _ = try await dedup.check(try Fixtures.story(headline: Fixtures.strikeHeadline, Fixtures.strike, id: "AP-1234"), record: true)
        let reuters = try await dedup.check(try Fixtures.story(headline: "Rotterdam port workers strike", Fixtures.strikeReuters, id: "RTR-77"), record: true)
        #expect(reuters.dedupClass == .related)
        #expect(reuters.match?.seenParagraphs == [3])
        let antwerp = try await dedup.check(try Fixtures.story(headline: "Belgian port strike", Fixtures.antwerpStrike, id: "AP-2000"), record: false)
        #expect(antwerp.dedupClass == .new && !antwerp.recorded)
        #expect(try await archive.open().stats().stories == 2)
        await archive.remove()
    }

    @Test(arguments: kinds) func pruneRemovesOnlyOlderStoriesAndTheirKeys(kind: Kind) async throws {
        let archive = try await archive(kind)
        let store = try archive.open()
        let fingerprinter = try Fingerprinter()
        let now = Date()
        var stories: [ArchivedStory] = []
        for index in 0..<30 {
            var story = try fingerprinter.fingerprint(Fixtures.story(headline: "Story \(index)", Synthetic.paragraphs(seed: UInt64(index) + 7, count: 5, words: 35), id: "PR-\(index)")).archived()
            story.recorded = now.addingTimeInterval(index < 12 ? -40 * 86400 : -86400)
            story.slug = index.isMultiple(of: 2) ? "STRIKE-\(index)" : nil
            story.agency = "AP"
            stories.append(story)
        }
        #expect(try await store.add(contentsOf: stories + stories.prefix(3)) == 30)
        let before = try await store.stats()
        #expect(before.stories == 30 && before.keys > 30 * 20)
        #expect(try await store.prune(olderThan: now.addingTimeInterval(-30 * 86400)) == 12)
        let after = try await store.stats()
        #expect(after.stories == 18)
        #expect(after.keys < before.keys && after.keys > 0)
        #expect(try await store.candidates(keys: stories[3].keys, limit: 5).isEmpty)
        let kept = try await store.candidates(keys: stories[20].keys, limit: 5)
        #expect(kept.first?.id == "PR-20" && kept.first?.slug == "STRIKE-20" && kept.first?.agency == "AP")
        #expect(try await store.prune(olderThan: now.addingTimeInterval(-30 * 86400)) == 0)
        await archive.remove()
    }

    @Test(arguments: kinds) func aNewerSchemaIsRefusedAndLeftUntouched(kind: Kind) async throws {
        let archive = try await archive(kind)
        do {
            let store = try archive.open()
            #expect(try await store.add(try Fingerprinter().fingerprint(Fixtures.story(headline: "H", Fixtures.strike, id: "AP-1")).archived()))
        }
        switch kind {
        case .sqlite:
            try Self.sqlite(archive.locator, "UPDATE copydesk_meta SET value = '99' WHERE key = 'schema_version'")
        case .postgres:
            try await TestPostgres.execute(archive.locator, ["INSERT INTO copydesk.migrations (version, summary) VALUES (99, 'from the future')"])
        }
        await #expect(throws: CopydeskError.self) {
            let store = try archive.open()
            try await store.prepare()
        }
        do {
            let store = try archive.open()
            try await store.prepare()
        } catch {
            #expect("\(error)".contains("newer than the one this copydesk reads"))
            #expect(!"\(error)".contains("password"))
        }
        if kind == .postgres {
            #expect(try await TestPostgres.scalar(archive.locator, "SELECT count(*) FROM copydesk.stories") == 1)
            #expect(try await TestPostgres.scalar(archive.locator, "SELECT max(version) FROM copydesk.migrations") == 99)
        }
        await archive.remove()
    }

    @Test func aForeignCopydeskSchemaOnPostgresIsRefused() async throws {
        guard TestPostgres.enabled else { return }
        let archive = try await archive(.postgres)
        try await TestPostgres.execute(archive.locator, ["CREATE SCHEMA copydesk", "CREATE TABLE copydesk.stories (x int)"])
        do {
            try await archive.open().prepare()
            Issue.record("a foreign schema was accepted")
        } catch {
            #expect("\(error)".contains("not a Copydesk archive"))
            #expect("\(error)".hasPrefix(archive.locator))
        }
        #expect(try await TestPostgres.scalar(archive.locator, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'copydesk'") == 1)
        await archive.remove()
    }

    /// Several workers (each its own store: its own connections, as separate processes) receive
    /// the same stories at the same moment: each story is `new` exactly once, every other copy a
    /// duplicate of that one, and nothing is lost.
    @Test(arguments: kinds) func concurrentCheckAndRecordFindsEachStoryNewExactlyOnce(kind: Kind) async throws {
        let archive = try await archive(kind)
        let workers = try (0..<4).map { _ in try Deduplicator(store: try archive.open()) }
        let originals = 12, copies = 6
        // Fingerprints first, so the copies of a story reach the stores together (the race to
        // close is between their lookups and inserts, not their fingerprinting).
        var fingerprints: [[Fingerprint]] = []
        for story in 0..<originals {
            let paragraphs = Synthetic.paragraphs(seed: UInt64(story) * 31 + 5, count: 6, words: 40)
            fingerprints.append(try (0..<copies).map { copy in
                try workers[0].fingerprinter.fingerprint(Fixtures.story(headline: "Story \(story)", paragraphs, id: "WIRE-\(story)-\(copy)"))
            })
        }
        for worker in workers { _ = try await worker.store.stats() }  // connected and migrated
        var outcomes: [(Int, String, DedupResult)] = []
        for story in 0..<originals {
            let round = fingerprints[story]
            let results = try await withThrowingTaskGroup(of: (Int, String, DedupResult).self) { group in
                for copy in 0..<copies {
                    group.addTask {
                        (story, round[copy].id, try await workers[copy % workers.count].check(round[copy], record: true))
                    }
                }
                var all: [(Int, String, DedupResult)] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
            outcomes += results
        }
        for story in 0..<originals {
            let group = outcomes.filter { $0.0 == story }
            let new = group.filter { $0.2.dedupClass == .new }
            #expect(new.count == 1, "story \(story): \(group.map { "\($0.1) \($0.2.message)" })")
            for other in group where other.2.dedupClass != .new {
                #expect(other.2.dedupClass == .duplicate)
                // A duplicate of one of the story's copies (the new one, or a copy recorded after it).
                #expect(other.2.match.map { earlier in group.contains { $0.1 == earlier.earlier.id } } ?? false)
            }
        }
        #expect(try await archive.open().stats().stories == originals * copies)
        await archive.remove()
    }

    static func sqlite(_ path: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()", path, sql]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}

/// The PostgreSQL store when the server drops its connections (as a restart does): the story in
/// flight fails with an error naming the store and the story, nothing is half-recorded, and the
/// next story goes through on a new connection.
@Suite struct PostgresStoreFailureTests {
    @Test(.enabled(if: TestPostgres.enabled, "\(TestPostgres.skipMessage)"))
    func aDroppedConnectionFailsOneStoryCleanlyAndTheNextGoesThrough() async throws {
        let url = try await TestPostgres.makeDatabase()
        let store = try PostgresStore(url: url, parameters: MatchSettings().parametersDescription)
        defer { store.close() }
        let dedup = try Deduplicator(store: store)
        func story(_ index: Int) throws -> Story {
            try Fixtures.story(headline: "Story \(index)", Synthetic.paragraphs(seed: UInt64(index) * 7 + 3, count: 5, words: 40), id: "RS-\(index)")
        }
        #expect(try await dedup.check(story(1), record: true).recorded)
        var recorded = 1
        for round in 0..<3 {
            // Every connection to this test's database is cut, as a server restart would.
            let cut = try await TestPostgres.scalar(url, """
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                """)
            #expect(cut >= 1)
            let index = 10 + round * 2
            do {
                if try await dedup.check(story(index), record: true).recorded { recorded += 1 }
            } catch {
                let message = "\(error)"
                #expect(message.hasPrefix(store.location + ": cannot check and record story RS-\(index)"), "\(message)")
                #expect(!message.contains("password"))
            }
            // The next story gets a new connection.
            #expect(try await dedup.check(story(index + 1), record: true).recorded)
            recorded += 1
        }
        let stats = try await store.stats()
        #expect(stats.stories == recorded)
        // Whatever was recorded is whole: its paragraphs and keys are there.
        #expect(try await TestPostgres.scalar(url, "SELECT count(*) FROM copydesk.stories s WHERE NOT EXISTS (SELECT 1 FROM copydesk.story_paragraphs p WHERE p.story = s.seq)") == 0)
        #expect(try await TestPostgres.scalar(url, "SELECT count(*) FROM copydesk.stories s WHERE NOT EXISTS (SELECT 1 FROM copydesk.story_keys k WHERE k.story = s.seq)") == 0)
        await TestPostgres.drop(url)
    }

    @Test func aPasswordInTheURLIsNeverShown() throws {
        let location = try PostgresLocation(url: "postgres://desk:s3cret@db.example:6543/wire?timeout=5", environment: [:])
        #expect(location.description == "postgres://desk@db.example:6543/wire")
        #expect(location.password == "s3cret" && location.timeout == 5)
        #expect(StoreLocator.redacted("postgres://desk:s3cret@db.example/wire") == "postgres://desk@db.example/wire")
        let fromEnvironment = try PostgresLocation(url: "postgres://desk@db.example/wire", environment: ["COPYDESK_STORE_PASSWORD": "env-secret", "PGPASSWORD": "other"])
        #expect(fromEnvironment.password == "env-secret" && fromEnvironment.port == 5432)
        #expect(throws: CopydeskError.self) { try PostgresLocation(url: "postgres://desk:s3cret@db.example/", environment: [:]) }
        do { _ = try PostgresLocation(url: "postgres://desk:s3cret@db.example/", environment: [:]) } catch {
            #expect(!"\(error)".contains("s3cret"))
        }
    }

    @Test func aPipelineNamesAServerStoreByURLOrEnvironment() throws {
        let declared = DedupStage.options
        let url = try DedupStage(options: StageOptions(["store": .string("postgres://desk@db1.example:5432/wire")], declared: declared, stageName: "dedup", baseDirectory: "/desk"))
        #expect(url.storePath == "postgres://desk@db1.example:5432/wire")  // a URL is not a relative path
        #expect(StoreLocator.expandingEnvironment("postgres://desk@${DB_HOST}/wire", environment: ["DB_HOST": "db2.example"]) == "postgres://desk@db2.example/wire")
        #expect(StoreLocator.expandingEnvironment("postgres://desk@${DB_HOST}/wire", environment: [:]) == "postgres://desk@/wire")
        let path = try DedupStage(options: StageOptions(["store": .string("archive.sqlite")], declared: declared, stageName: "dedup", baseDirectory: "/desk"))
        #expect(path.storePath == "/desk/archive.sqlite")
    }
}
