import Copydesk
import Foundation
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
        #expect(found.first?.signature == story.signature)
        #expect(found.first?.keys == story.keys)
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
        #expect(after.keys == Set(recent.keys).count)
        #expect(after.fileSize > 0)
        #expect(after.newest.map { abs($0.timeIntervalSince(now)) < 1 } == true)
        #expect(try await store.candidates(keys: old.keys, limit: 5).map(\.id) == ["NEW-1"])  // shares a quoted paragraph
    }
}
