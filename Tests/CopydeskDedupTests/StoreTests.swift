import Copydesk
import Foundation
import GRDB
import Testing

@Suite struct StoreTests {
    let parameters = MatchSettings().parametersDescription

    func fingerprint(_ paragraphs: [String], id: String, fingerprinter: Fingerprinter) throws -> Fingerprint {
        try fingerprinter.fingerprint(Fixtures.story(headline: "Headline", paragraphs, id: id))
    }

    @Test func aReopenedArchiveKeepsItsStories() async throws {
        let path = try Fixtures.temporaryDirectory() + "/sub/dir/archive.sqlite"
        let fingerprinter = try Fingerprinter()
        let story = try fingerprint(Fixtures.strike, id: "AP-1", fingerprinter: fingerprinter)
        do {
            let store = try SQLiteStore(path: path, parameters: parameters)
            #expect(try await store.add(story.archived()))
            #expect(try await !store.add(story.archived()))
        }
        let reopened = try SQLiteStore(path: path, parameters: parameters)
        let found = try await reopened.candidates(keys: story.keys, limit: 5)
        #expect(found.map(\.id) == ["AP-1"])
        #expect(found.first?.paragraphs.map(\.text) == story.text.paragraphs.map(\.text))
        // The archive keeps the signature's low bytes and the keys' high 32 bits (schema 2).
        #expect(found.first?.sketch == story.signature.sketch)
        #expect(found.first?.keys == SQLiteStore.indexKeys(story.keys))
        #expect(found.first?.textHash == story.textHash)
        #expect(found.first?.paragraphs.map(\.hash) == story.text.paragraphs.map(\.hash))
        let stats = try await reopened.stats()
        #expect(stats.stories == 1 && stats.schemaVersion == SQLiteStore.schemaVersion)
    }

    @Test func concurrentWritersThroughTwoConnectionsLoseNothing() async throws {
        let path = try Fixtures.temporaryDirectory() + "/archive.sqlite"
        // Two connections to one file behave like two processes: each has its own SQLite lock state.
        let first = try SQLiteStore(path: path, parameters: parameters)
        let second = try SQLiteStore(path: path, parameters: parameters)
        let deduplicators = [try Deduplicator(store: first), try Deduplicator(store: second)]
        await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<80 {
                group.addTask {
                    let paragraphs = Synthetic.paragraphs(seed: UInt64(index) + 1, count: 6, words: 40)
                    let story = try Fixtures.story(headline: "Story \(index)", paragraphs, id: "ID-\(index)")
                    _ = try await deduplicators[index % 2].check(story, record: true)
                }
            }
        }
        #expect(try await first.stats().stories == 80)
        let reopened = try SQLiteStore(path: path, parameters: parameters)
        #expect(try await reopened.stats().stories == 80)
        // A bulk add in one transaction; stories already there are not added twice.
        let fingerprinter = try Fingerprinter()
        let more = try (80..<100).map { try fingerprinter.fingerprint(Fixtures.story(headline: "S", Synthetic.paragraphs(seed: UInt64($0) + 1, count: 6, words: 40), id: "ID-\($0)")).archived() }
        #expect(try await reopened.add(contentsOf: more + more.prefix(5)) == 20)
        #expect(try await reopened.stats().stories == 100)
    }

    @Test func aTextFileIsRefusedWithAClearError() throws {
        let path = try Fixtures.temporaryDirectory() + "/notes.txt"
        try "Rotterdam strike: call the desk.\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: CopydeskError.input(file: path, message: "not a Copydesk archive: the file is not an SQLite database")) {
            try SQLiteStore(path: path, parameters: parameters)
        }
        // Left untouched.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "Rotterdam strike: call the desk.\n")
    }

    @Test func anotherApplicationsSQLiteDatabaseIsRefusedAndLeftAlone() throws {
        let path = try Fixtures.temporaryDirectory() + "/game.db"
        let bytes = Data(base64Encoded: "U1FMaXRlIGZvcm1hdCAzAAIAAQEAQCAgAAAAAgAAAAIAAAAAAAAAAAAAAAEAAAAEAAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACAC5jAQ0AAAABAa0AAa0AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAUQEGFxsbAXt0YWJsZXBsYXllcnNwbGF5ZXJzAkNSRUFURSBUQUJMRSBwbGF5ZXJzKGlkIElOVEVHRVIgUFJJTUFSWSBLRVksIG5hbWUgVEVYVCkNAAAAAQH1AAH1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAJAQMAGUFydGh1cg==")!
        try bytes.write(to: URL(fileURLWithPath: path))
        do {
            _ = try SQLiteStore(path: path, parameters: parameters)
            Issue.record("a foreign database was accepted")
        } catch let error as CopydeskError {
            guard case .input(let file, let message) = error else { Issue.record("\(error)"); return }
            #expect(file == path)
            #expect(message.contains("without the archive schema") && message.contains("players"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func aCorruptArchiveIsAnErrorNotACrash() async throws {
        let path = try Fixtures.temporaryDirectory() + "/archive.sqlite"
        let fingerprinter = try Fingerprinter()
        do {
            let store = try SQLiteStore(path: path, parameters: parameters)
            for index in 0..<30 {
                try await store.add(fingerprint(Fixtures.strike.map { "\(index) " + $0 }, id: "ID-\(index)", fingerprinter: fingerprinter).archived())
            }
        }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for offset in stride(from: 100, to: bytes.count, by: 7) { bytes[offset] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: path))
        do {
            let store = try SQLiteStore(path: path, parameters: parameters)
            _ = try await store.stats()
            _ = try await store.candidates(keys: try fingerprint(Fixtures.strike, id: "x", fingerprinter: fingerprinter).keys, limit: 5)
            Issue.record("a corrupt archive was read without error")
        } catch let error as CopydeskError {
            #expect(error.description.hasPrefix(path + ": "))
        }
    }

    @Test func anArchiveBuiltWithOtherParametersIsAConfigurationError() throws {
        let path = try Fixtures.temporaryDirectory() + "/archive.sqlite"
        _ = try SQLiteStore(path: path, parameters: parameters)
        var other = MatchSettings()
        other.shingleSize = 4
        #expect(throws: CopydeskError.self) { try SQLiteStore(path: path, parameters: other.parametersDescription) }
        // Without parameters (stats, prune) any Copydesk archive opens.
        _ = try SQLiteStore(path: path)
    }

    @Test func pruneRemovesOldStoriesAndTheirKeys() async throws {
        let path = try Fixtures.temporaryDirectory() + "/archive.sqlite"
        let store = try SQLiteStore(path: path, parameters: parameters)
        let fingerprinter = try Fingerprinter()
        let now = Date()
        let old = try fingerprint(Fixtures.strike, id: "OLD-1", fingerprinter: fingerprinter)
        let older = try fingerprint(Fixtures.antwerpStrike, id: "OLD-2", fingerprinter: fingerprinter)
        let recent = try fingerprint(Fixtures.strikeReuters, id: "NEW-1", fingerprinter: fingerprinter)
        try await store.add(old.archived(recorded: now.addingTimeInterval(-40 * 86_400)))
        try await store.add(older.archived(recorded: now.addingTimeInterval(-50 * 86_400)))
        try await store.add(recent.archived(recorded: now))
        let before = try await store.stats()
        #expect(before.stories == 3)
        #expect(before.oldest.map { abs($0.timeIntervalSince(now.addingTimeInterval(-50 * 86_400))) < 1 } == true)
        #expect(try await store.prune(olderThan: now.addingTimeInterval(-30 * 86_400)) == 2)
        let after = try await store.stats()
        #expect(after.stories == 1)
        #expect(after.keys == Set(recent.keys.map(SQLiteStore.indexKey)).count)
        #expect(after.fileSize > 0)
        #expect(after.newest.map { abs($0.timeIntervalSince(now)) < 1 } == true)
        #expect(try await store.candidates(keys: old.keys, limit: 5).map(\.id) == ["NEW-1"])  // shares a quoted paragraph
    }

    @Test func translationMemoryTablesMayShareTheFile() async throws {
        let path = try Fixtures.temporaryDirectory() + "/archive.sqlite"
        // Translation memory created first, in the same file: the archive adds its tables beside it.
        do {
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in try db.execute(sql: "CREATE TABLE IF NOT EXISTS tm_segments (id INTEGER PRIMARY KEY, source TEXT)") }
        }
        let fingerprinter = try Fingerprinter()
        let story = try fingerprint(Fixtures.strike, id: "AP-1", fingerprinter: fingerprinter)
        do {
            let store = try SQLiteStore(path: path, parameters: parameters)
            #expect(try await store.add(story.archived()))
        }
        // And added after the archive exists.
        do {
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in try db.execute(sql: "CREATE TABLE IF NOT EXISTS tm_units (id INTEGER PRIMARY KEY)") }
        }
        let reopened = try SQLiteStore(path: path, parameters: parameters)
        #expect(try await reopened.candidates(keys: story.keys, limit: 5).map(\.id) == ["AP-1"])
    }

    @Test(arguments: [1, 2]) func anArchiveOfAnOlderSchemaIsAClearErrorAndLeftAlone(version: Int) async throws {
        let path = try Fixtures.temporaryDirectory() + "/archive.sqlite"
        do {
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                try db.execute(sql: """
                    CREATE TABLE copydesk_meta (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL);
                    INSERT INTO copydesk_meta VALUES ('schema_version', '\(version)');
                    CREATE TABLE stories (seq INTEGER PRIMARY KEY, id TEXT NOT NULL);
                    CREATE TABLE story_keys (key INTEGER NOT NULL, story INTEGER NOT NULL, PRIMARY KEY (key, story)) WITHOUT ROWID;
                    """)
            }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            _ = try SQLiteStore(path: path, parameters: parameters)
            Issue.record("a version \(version) archive was opened")
        } catch let error as CopydeskError {
            guard case .input(let file, let message) = error else { Issue.record("\(error)"); return }
            #expect(file == path)
            #expect(message.contains("schema version \(version) is older") && message.contains("left untouched"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func paragraphsRoundTripThroughTheirPackedForm() async throws {
        let path = try Fixtures.temporaryDirectory() + "/archive.sqlite"
        let store = try SQLiteStore(path: path, parameters: parameters)
        let paragraphs = [
            ArchivedParagraph(number: 1, hash: 0, text: ""),
            ArchivedParagraph(number: 300, hash: .max, text: "Ελληνικά, 中文 and \u{1E} a record separator"),
            ArchivedParagraph(number: 0, hash: 0x0102_0304_0506_0708, text: String(repeating: "long ", count: 400)),
        ]
        let created = Date(timeIntervalSince1970: 1_700_000_000.123)
        let story = ArchivedStory(id: "X-1", slug: "BC-Slug", agency: "AP", created: created, recorded: Date(),
                                  textHash: "not hex", shingleSize: 3, signature: MinHashSignature(values: [1, 2, 3, 260]),
                                  paragraphs: paragraphs, keys: [42 << 32, -1])
        #expect(try await store.add(story))
        let found = try #require(try await store.candidates(keys: [42 << 32], limit: 1).first)
        #expect(found.paragraphs == paragraphs)
        #expect(found.textHash == "not hex" && found.slug == "BC-Slug" && found.agency == "AP" && found.shingleSize == 3)
        #expect(found.created.map { abs($0.timeIntervalSince(created)) < 0.002 } == true)
        #expect(found.sketch == [1, 2, 3, 4])
        // The same version again is not added, in a batch or alone.
        #expect(try await store.add(contentsOf: [story, story]) == 0)
    }

    @Test func theBatcherWritesEveryStoryOnce() async throws {
        let path = try Fixtures.temporaryDirectory() + "/archive.sqlite"
        // A tiny recent-key table, so the batches below are merged into the main index several times.
        let store = try SQLiteStore(path: path, parameters: parameters, recentLimit: 100)
        let deduplicator = try Deduplicator(store: store)
        let stories = try (0..<25).map { try Fixtures.story(headline: "S", Synthetic.paragraphs(seed: UInt64($0) + 1, count: 6, words: 40), id: "B-\($0 % 20)") }
        let batcher = ArchiveBatcher(store: store, batchSize: 7)
        for fingerprint in try await deduplicator.fingerprints(of: stories) {
            try await batcher.add(fingerprint.archived())
        }
        try await batcher.flush()
        #expect(await batcher.offered == 25)
        #expect(await batcher.added == 25)  // same ids, other texts: other versions
        #expect(try await store.stats().stories == 25)
        // Checking finds each again as an exact duplicate.
        for story in stories {
            let result = try await deduplicator.check(story, record: true)
            #expect(result.dedupClass == .duplicate && result.match?.exact == true && !result.recorded)
        }
        let fingerprints = try await deduplicator.fingerprints(of: stories)
        #expect(try await store.stats().keys == fingerprints.reduce(0) { $0 + SQLiteStore.indexKeys($1.keys).count })
        #expect(try await store.prune(olderThan: Date().addingTimeInterval(60)) == 25)
        #expect(try await store.stats().keys == 0)
    }
}
