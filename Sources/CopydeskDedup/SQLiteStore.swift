import CopydeskCore
import Foundation
import GRDB

/// The embedded archive: one SQLite file through GRDB, in WAL mode so readers never wait for the
/// writer.
///
/// - Every change is one transaction: a process killed mid-batch leaves every story either
///   wholly recorded (row and keys) or absent.
/// - Writers take the lock up front (`BEGIN IMMEDIATE`) and wait for each other (busy timeout),
///   so two `copydesk` processes adding at once both succeed and lose nothing.
/// - A file that is not SQLite, an SQLite database without our schema, a newer schema version or a
///   corrupt page is a `CopydeskError` naming the file; the file is never reset or overwritten.
///
/// Tables: `copydesk_meta` (schema version, matching parameters), `stories` (one row per
/// recorded version), `story_keys` (lookup key → story, the only index lookups use).
public final class SQLiteStore: Store {
    public static let schemaVersion = 1
    /// `PRAGMA application_id` ("CPDK"), so tools like `file` can tell the archive apart.
    static let applicationID: Int32 = 0x4350_444B

    public let path: String
    public var location: String { path }
    private let database: DatabaseQueue

    /// Opens (creating if needed) the archive at `path`.
    ///
    /// `parameters` describes how signatures and keys were built (`MatchSettings.parametersDescription`);
    /// an archive built with other parameters could never match, so that is a configuration error
    /// rather than silence. Pass nil to open any Copydesk archive (stats, prune).
    public init(path: String, parameters: String? = nil, busyTimeout: TimeInterval = 60) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            try Self.checkHeader(path)
        } else {
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw CopydeskError.input(file: path, message: "cannot create the archive's directory: \(error.localizedDescription)")
            }
        }
        // No journal mode at open: switching to WAL writes to the file, and a file that turns out
        // not to be ours must be left byte for byte as it was. WAL is set once the schema checks out.
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "copydesk-archive"
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.describe(error, path: path, doing: "cannot open the archive")
        }
        try prepareSchema(parameters: parameters)
        try perform("cannot open the archive") { db in
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            // Consistent after a crash in WAL mode; only the last commits may be lost on power failure.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
    }

    /// Only the SQLite magic header is accepted in an existing non-empty file.
    private static func checkHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CopydeskError.input(file: path, message: "cannot read the archive file")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }
        if header != Data("SQLite format 3\u{0}".utf8) {
            throw CopydeskError.input(file: path, message: "not a Copydesk archive: the file is not an SQLite database")
        }
    }

    private func prepareSchema(parameters: String?) throws {
        let path = self.path
        try perform("cannot open the archive") { db in
            try db.inTransaction(.immediate) {
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
                if tables.isEmpty {
                    try Self.createSchema(db, parameters: parameters)
                    return .commit
                }
                guard tables.contains("copydesk_meta") else {
                    throw CopydeskError.input(file: path, message:
                        "not a Copydesk archive: an SQLite database without the archive schema (tables: \(tables.prefix(5).joined(separator: ", "))); it was left untouched")
                }
                let meta = try Self.meta(db)
                guard let versionText = meta["schema_version"], let version = Int(versionText) else {
                    throw CopydeskError.input(file: path, message: "not a Copydesk archive: no schema version recorded")
                }
                guard version == Self.schemaVersion else {
                    throw CopydeskError.input(file: path, message:
                        "archive schema version \(version) is not the one this copydesk reads (\(Self.schemaVersion))")
                }
                guard tables.contains("stories"), tables.contains("story_keys") else {
                    throw CopydeskError.input(file: path, message: "damaged Copydesk archive: tables are missing")
                }
                if let parameters {
                    if let recorded = meta["matching"] {
                        guard recorded == parameters else {
                            throw CopydeskError.configuration(file: path, message:
                                "the archive was built with matching parameters '\(recorded)', the pipeline asks for '\(parameters)'; signatures would never match (use another store, or the archive's settings)")
                        }
                    } else {
                        try db.execute(sql: "INSERT INTO copydesk_meta (key, value) VALUES ('matching', ?)", arguments: [parameters])
                    }
                }
                return .commit
            }
        }
    }

    private static func createSchema(_ db: Database, parameters: String?) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: """
            CREATE TABLE copydesk_meta (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE stories (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL,
                slug TEXT,
                agency TEXT,
                created REAL,
                recorded REAL NOT NULL,
                text_hash TEXT NOT NULL,
                shingle_size INTEGER NOT NULL,
                signature BLOB NOT NULL,
                paragraph_hashes BLOB NOT NULL,
                paragraph_numbers TEXT NOT NULL,
                paragraphs TEXT NOT NULL,
                lookup_keys BLOB NOT NULL,
                UNIQUE (id, text_hash)
            );
            CREATE INDEX stories_recorded ON stories (recorded);
            CREATE TABLE story_keys (
                key INTEGER NOT NULL,
                story INTEGER NOT NULL,
                PRIMARY KEY (key, story)
            ) WITHOUT ROWID;
            """)
        try db.execute(sql: "INSERT INTO copydesk_meta (key, value) VALUES ('schema_version', ?)", arguments: [String(schemaVersion)])
        try db.execute(sql: "INSERT INTO copydesk_meta (key, value) VALUES ('created', ?)", arguments: [String(Date().timeIntervalSince1970)])
        if let parameters {
            try db.execute(sql: "INSERT INTO copydesk_meta (key, value) VALUES ('matching', ?)", arguments: [parameters])
        }
    }

    private static func meta(_ db: Database) throws -> [String: String] {
        var result: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM copydesk_meta") {
            result[row["key"]] = row["value"]
        }
        return result
    }

    // MARK: Store

    public func candidates(keys: [Int64], limit: Int) async throws -> [ArchivedStory] {
        try await performAsync("cannot read the archive") { db in try Self.candidates(db, keys: keys, limit: limit) }
    }

    public func check<T: Sendable>(_ story: ArchivedStory, limit: Int, record: Bool,
                                   decide: @escaping @Sendable ([ArchivedStory]) throws -> T) async throws -> T {
        try await performAsync("cannot update the archive") { db in
            var result: T?
            try db.inTransaction(record ? .immediate : .deferred) {
                result = try decide(try Self.candidates(db, keys: story.keys, limit: limit))
                if record { _ = try Self.insert(db, story) }
                return .commit
            }
            return result!
        }
    }

    @discardableResult
    public func add(_ story: ArchivedStory) async throws -> Bool {
        try await performAsync("cannot update the archive") { db in
            var added = false
            try db.inTransaction(.immediate) {
                added = try Self.insert(db, story)
                return .commit
            }
            return added
        }
    }

    @discardableResult
    public func add(contentsOf stories: [ArchivedStory]) async throws -> Int {
        try await performAsync("cannot update the archive") { db in
            var added = 0
            try db.inTransaction(.immediate) {
                for story in stories where try Self.insert(db, story) { added += 1 }
                return .commit
            }
            return added
        }
    }

    @discardableResult
    public func prune(olderThan date: Date) async throws -> Int {
        var total = 0
        // In batches, each its own transaction, so a long prune never blocks writers for long.
        while true {
            let removed = try await performAsync("cannot prune the archive") { db in
                var removed = 0
                try db.inTransaction(.immediate) {
                    let rows = try Row.fetchAll(db, sql: "SELECT seq, lookup_keys FROM stories WHERE recorded < ? ORDER BY recorded LIMIT 500",
                                                arguments: [date.timeIntervalSince1970])
                    for row in rows {
                        let sequence: Int64 = row["seq"]
                        let keys = Self.int64s(row["lookup_keys"] as Data? ?? Data())
                        let deleteKey = try db.cachedStatement(sql: "DELETE FROM story_keys WHERE key = ? AND story = ?")
                        for key in Set(keys) {
                            try deleteKey.execute(arguments: [key, sequence])
                        }
                        try db.execute(sql: "DELETE FROM stories WHERE seq = ?", arguments: [sequence])
                    }
                    removed = rows.count
                    return .commit
                }
                return removed
            }
            total += removed
            if removed < 500 { return total }
        }
    }

    public func stats() async throws -> ArchiveStats {
        let path = self.path
        return try await performAsync("cannot read the archive") { db in
            let stories = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stories") ?? 0
            let keys = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story_keys") ?? 0
            let range = try Row.fetchOne(db, sql: "SELECT MIN(recorded) AS oldest, MAX(recorded) AS newest FROM stories")
            let oldest = (range?["oldest"] as Double?).map(Date.init(timeIntervalSince1970:))
            let newest = (range?["newest"] as Double?).map(Date.init(timeIntervalSince1970:))
            var size: Int64 = 0
            for file in [path, path + "-wal"] {
                if let attributes = try? FileManager.default.attributesOfItem(atPath: file), let bytes = attributes[.size] as? NSNumber {
                    size += bytes.int64Value
                }
            }
            let version = Int(try String.fetchOne(db, sql: "SELECT value FROM copydesk_meta WHERE key = 'schema_version'") ?? "") ?? 0
            return ArchiveStats(stories: stories, keys: keys, fileSize: size, oldest: oldest, newest: newest, schemaVersion: version)
        }
    }

    // MARK: SQL

    private static func candidates(_ db: Database, keys: [Int64], limit: Int) throws -> [ArchivedStory] {
        let unique = Array(Set(keys))
        guard !unique.isEmpty, limit > 0 else { return [] }
        let placeholders = Array(repeating: "?", count: unique.count).joined(separator: ",")
        var arguments = StatementArguments(unique)
        arguments += [limit]
        let sequences = try Int64.fetchAll(db, sql: """
            SELECT story FROM story_keys WHERE key IN (\(placeholders))
            GROUP BY story ORDER BY COUNT(*) DESC, story DESC LIMIT ?
            """, arguments: arguments)
        guard !sequences.isEmpty else { return [] }
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM stories WHERE seq IN (\(Array(repeating: "?", count: sequences.count).joined(separator: ",")))",
                                    arguments: StatementArguments(sequences))
        var bySequence: [Int64: ArchivedStory] = [:]
        for row in rows {
            let story = try story(from: row)
            bySequence[story.sequence!] = story
        }
        return sequences.compactMap { bySequence[$0] }
    }

    /// Inserts the story and its keys; false if (id, text hash) is already there.
    private static func insert(_ db: Database, _ story: ArchivedStory) throws -> Bool {
        try db.cachedStatement(sql: """
            INSERT INTO stories (id, slug, agency, created, recorded, text_hash, shingle_size, signature,
                                 paragraph_hashes, paragraph_numbers, paragraphs, lookup_keys)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id, text_hash) DO NOTHING
            """).execute(arguments: [
                story.id, story.slug, story.agency, story.created?.timeIntervalSince1970, story.recorded.timeIntervalSince1970,
                story.textHash, story.shingleSize, Data(story.signature.bytes),
                Data(bytes(story.paragraphs.map { Int64(bitPattern: $0.hash) })),
                story.paragraphs.map { String($0.number) }.joined(separator: ","),
                story.paragraphs.map { $0.text.replacingOccurrences(of: separator, with: " ") }.joined(separator: separator),
                Data(bytes(story.keys)),
            ])
        guard db.changesCount > 0 else { return false }
        let sequence = db.lastInsertedRowID
        let insertKey = try db.cachedStatement(sql: "INSERT INTO story_keys (key, story) VALUES (?, ?) ON CONFLICT DO NOTHING")
        for key in Set(story.keys) {
            try insertKey.execute(arguments: [key, sequence])
        }
        return true
    }

    /// Paragraph texts are joined by the ASCII record separator.
    private static let separator = "\u{1E}"

    private static func story(from row: Row) throws -> ArchivedStory {
        let texts = (row["paragraphs"] as String? ?? "").components(separatedBy: separator)
        let numbers = (row["paragraph_numbers"] as String? ?? "").split(separator: ",").map { Int($0) ?? 0 }
        let hashes = int64s(row["paragraph_hashes"] as Data? ?? Data()).map { UInt64(bitPattern: $0) }
        var paragraphs: [ArchivedParagraph] = []
        if !(row["paragraph_numbers"] as String? ?? "").isEmpty {
            for index in 0..<min(texts.count, numbers.count, hashes.count) {
                paragraphs.append(ArchivedParagraph(number: numbers[index], hash: hashes[index], text: texts[index]))
            }
        }
        return ArchivedStory(
            sequence: row["seq"], id: row["id"], slug: row["slug"], agency: row["agency"],
            created: (row["created"] as Double?).map(Date.init(timeIntervalSince1970:)),
            recorded: Date(timeIntervalSince1970: row["recorded"] as Double? ?? 0),
            textHash: row["text_hash"], shingleSize: row["shingle_size"],
            signature: MinHashSignature(bytes: [UInt8](row["signature"] as Data? ?? Data())),
            paragraphs: paragraphs, keys: int64s(row["lookup_keys"] as Data? ?? Data()))
    }

    private static func bytes(_ values: [Int64]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(values.count * 8)
        for value in values {
            let bits = UInt64(bitPattern: value)
            for shift in stride(from: 0, to: 64, by: 8) { result.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        }
        return result
    }

    private static func int64s(_ data: Data) -> [Int64] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - 7, by: 8).map { i in
            var bits: UInt64 = 0
            for offset in 0..<8 { bits |= UInt64(bytes[i + offset]) << UInt64(8 * offset) }
            return Int64(bitPattern: bits)
        }
    }

    // MARK: Errors

    private func perform<T>(_ doing: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try database.writeWithoutTransaction(body)
        } catch {
            throw Self.describe(error, path: path, doing: doing)
        }
    }

    private func performAsync<T: Sendable>(_ doing: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await database.writeWithoutTransaction(body)
        } catch {
            throw Self.describe(error, path: path, doing: doing)
        }
    }

    /// SQLite errors become one line naming the file; our own errors pass through.
    static func describe(_ error: any Error, path: String, doing: String) -> any Error {
        if let error = error as? CopydeskError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB:
                return CopydeskError.input(file: path, message: "not a Copydesk archive: the file is not an SQLite database")
            case .SQLITE_CORRUPT:
                return CopydeskError.input(file: path, message: "the archive is corrupt (\(error.message ?? "database disk image is malformed")); restore it from a backup or move it aside")
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return CopydeskError.input(file: path, message: "\(doing): the archive stayed locked by another process")
            default:
                return CopydeskError.input(file: path, message: "\(doing): \(error.message ?? "\(error.resultCode)")")
            }
        }
        return CopydeskError.input(file: path, message: "\(doing): \(error)")
    }
}
