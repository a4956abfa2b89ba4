import CopydeskCore
import CopydeskSQLite
import Foundation
import GRDB
import GRDBSQLite

/// The embedded archive: one SQLite file through GRDB, in WAL mode so readers never wait for the
/// writer.
///
/// - Every change is one transaction: a process killed mid-batch leaves every story either
///   wholly recorded (row, paragraphs and keys) or absent.
/// - Writers take the lock up front (`BEGIN IMMEDIATE`) and wait for each other (busy timeout),
///   so two `copydesk` processes adding at once both succeed and lose nothing.
/// - A file that is not SQLite, an SQLite database without our schema, another schema version or
///   a corrupt page is a `CopydeskError` naming the file; the file is never reset or overwritten.
///   Other Copydesk parts may keep their tables in the same file (`SQLiteFile` says whose is whose).
///
/// Schema 3 (compact: about 1.2 KB a story besides its paragraphs; schema 2 had no
/// `story_keys_mid`):
/// - `copydesk_meta`: schema version, matching parameters.
/// - `stories`: one row per recorded version: id, 16-byte text hash, times in milliseconds,
///   shingle size, the signature's low bytes (`sketch`, 1 byte per value) and the indexed keys
///   (4 bytes each, for prune). `ident`, a 64-bit hash of (id, text hash), is indexed so "is this
///   version already here" costs one lookup; `recorded` is indexed for prune.
/// - `story_paragraphs`: number, hash and text of each matchable paragraph, one packed BLOB per
///   story, kept apart so the rows above stay small.
/// - `story_keys`: (key, story), the lookup index. Keys are indexed by their high 32 bits
///   (`indexKey`): half the bytes of a 64-bit key, at the price of a chance collision for about
///   one key lookup in a hundred at a million stories, which the exact check throws out.
/// - `story_keys_recent`: the same for the latest stories. Keys are hashes, so every new story
///   lands on ~40 random pages of the index: in one large index each batch would rewrite most of
///   its pages. New keys go to this small table instead (it stays in the page cache), and once
///   it holds `recentLimit` entries they are merged into `story_keys_mid` in key order, in one
///   pass, inside the same transaction; once that one holds `midRatio` times as many, it is merged
///   into `story_keys` the same way. Three levels, as in a log-structured merge tree: each merge
///   of the recent keys rewrites the mid-size table (at most 8 M entries), and the large index is
///   rewritten once every ~190,000 stories instead of every ~24,000 (at a million stories it is
///   620 MB). Lookups read all three.
public final class SQLiteStore: Store {
    public static let schemaVersion = 3
    /// Stories read per key at most, the most recent first. A key shared by more stories (a
    /// boilerplate paragraph, a standing slug, a common band) leads only to its latest ones, so a
    /// lookup costs at most keys × this many index entries whatever the archive's size.
    public static let postingLimit = 64
    /// Entries `story_keys_recent` collects before they are merged into `story_keys` (about
    /// 24,000 stories; 16 MB).
    public static let recentLimit = 1 << 20
    /// Entries `story_keys_mid` collects, in merges of `story_keys_recent`, before it is merged
    /// into `story_keys` (this many times `recentLimit`).
    public static let midRatio = 8
    static let keyTables = ["story_keys", "story_keys_mid", "story_keys_recent"]

    public let path: String
    public var location: String { path }
    /// `recentLimit` for this store (tests set it low).
    let mergeAt: Int
    private let database: DatabaseQueue

    /// Opens (creating if needed) the archive at `path`.
    ///
    /// `parameters` describes how signatures and keys were built (`MatchSettings.parametersDescription`);
    /// an archive built with other parameters could never match, so that is a configuration error
    /// rather than silence. Pass nil to open any Copydesk archive (stats, prune).
    public init(path: String, parameters: String? = nil, busyTimeout: TimeInterval = 60, recentLimit: Int = SQLiteStore.recentLimit) throws {
        self.path = path
        mergeAt = max(1, recentLimit)
        let url = URL(fileURLWithPath: path)
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            try SQLiteFile.checkHeader(path, allowEmpty: true)
        } else {
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw CopydeskError.input(file: path, message: "cannot create the archive's directory: \(error.localizedDescription)")
            }
        }
        // No journal mode at open: switching to WAL writes to the file, and a file that turns out
        // not to be ours must be left byte for byte as it was. WAL is set once the schema checks out.
        database = try SQLiteFile.open(path, label: "copydesk-archive", busyTimeout: busyTimeout, doing: "cannot open the archive") { db in
            // 64 MB of page cache: the key index of a large archive is read at random.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // 16 KB pages for a new archive (no effect on an existing file): a story's paragraphs
            // (2–3 KB) fill a 4 KB page only once, wasting about 1 KB a story; 16 KB pages hold
            // six or seven. Key entries are rewritten in bulk either way (see story_keys_recent).
            try db.execute(sql: "PRAGMA page_size = 16384")
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

    private func prepareSchema(parameters: String?) throws {
        let path = self.path
        try perform("cannot open the archive") { db in
            try db.inTransaction(.immediate) {
                let tables = try SQLiteFile.tables(db, for: .archive)
                if tables.isEmpty {
                    try SQLiteFile.markIfNew(db)
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
                if version < Self.schemaVersion {
                    throw CopydeskError.input(file: path, message:
                        "archive schema version \(version) is older than the one this copydesk reads (\(Self.schemaVersion)); it was left untouched. Record the stories again into a new archive (`copydesk archive add --store NEW FILE…`), or keep using the copydesk that wrote it")
                }
                guard version == Self.schemaVersion else {
                    throw CopydeskError.input(file: path, message:
                        "archive schema version \(version) is newer than the one this copydesk reads (\(Self.schemaVersion)); use a newer copydesk")
                }
                guard tables.contains("stories"), tables.contains("story_paragraphs"), Self.keyTables.allSatisfy(tables.contains) else {
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
        try db.execute(sql: """
            CREATE TABLE copydesk_meta (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE stories (
                seq INTEGER PRIMARY KEY,
                ident INTEGER NOT NULL,
                id TEXT NOT NULL,
                text_hash BLOB NOT NULL,
                recorded INTEGER NOT NULL,
                created INTEGER,
                slug TEXT,
                agency TEXT,
                shingle_size INTEGER NOT NULL,
                sketch BLOB NOT NULL,
                keys BLOB NOT NULL
            );
            CREATE INDEX stories_ident ON stories (ident);
            CREATE INDEX stories_recorded ON stories (recorded);
            CREATE TABLE story_paragraphs (story INTEGER PRIMARY KEY, data BLOB NOT NULL);
            CREATE TABLE story_keys (
                key INTEGER NOT NULL,
                story INTEGER NOT NULL,
                PRIMARY KEY (key, story)
            ) WITHOUT ROWID;
            CREATE TABLE story_keys_mid (
                key INTEGER NOT NULL,
                story INTEGER NOT NULL,
                PRIMARY KEY (key, story)
            ) WITHOUT ROWID;
            CREATE TABLE story_keys_recent (
                key INTEGER NOT NULL,
                story INTEGER NOT NULL,
                PRIMARY KEY (key, story)
            ) WITHOUT ROWID;
            INSERT INTO copydesk_meta (key, value) VALUES ('recent_keys', '0');
            INSERT INTO copydesk_meta (key, value) VALUES ('mid_keys', '0');
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
        let limitRecent = mergeAt
        return try await performAsync("cannot update the archive") { db in
            var result: T?
            try db.inTransaction(record ? .immediate : .deferred) {
                result = try decide(try Self.candidates(db, keys: story.keys, limit: limit))
                if record { _ = try Self.insert(db, story, mergeAt: limitRecent) }
                return .commit
            }
            return result!
        }
    }

    @discardableResult
    public func add(_ story: ArchivedStory) async throws -> Bool {
        try await add(contentsOf: [story]) == 1
    }

    /// One transaction for all of `stories`, their keys inserted in key order (neighbouring
    /// entries share index pages, so each page is rewritten once per batch, not once per key).
    @discardableResult
    public func add(contentsOf stories: [ArchivedStory]) async throws -> Int {
        if stories.isEmpty { return 0 }
        let limitRecent = mergeAt
        return try await performAsync("cannot update the archive") { db in
            var added = 0
            try db.inTransaction(.immediate) {
                var entries: [(Int64, Int64)] = []
                entries.reserveCapacity(stories.count * 48)
                for story in stories {
                    guard let sequence = try Self.insertRow(db, story) else { continue }
                    added += 1
                    for key in Self.indexKeys(story.keys) { entries.append((key, sequence)) }
                }
                entries.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
                let insertKey = try db.cachedStatement(sql: "INSERT OR IGNORE INTO story_keys_recent (key, story) VALUES (?, ?)")
                for (key, sequence) in entries { try Self.execute(insertKey, key, sequence, db) }
                try Self.noteRecentKeys(entries.count, db, mergeAt: limitRecent)
                return .commit
            }
            return added
        }
    }

    @discardableResult
    public func prune(olderThan date: Date) async throws -> Int {
        var total = 0
        let cutoff = Self.milliseconds(date)
        // In batches, each its own transaction, so a long prune never blocks writers for long.
        while true {
            let removed = try await performAsync("cannot prune the archive") { db in
                var removed = 0
                try db.inTransaction(.immediate) {
                    let rows = try Row.fetchAll(db, sql: "SELECT seq, keys FROM stories WHERE recorded < ? ORDER BY recorded LIMIT 500",
                                                arguments: [cutoff])
                    let deleteKeys = try Self.keyTables.map { try db.cachedStatement(sql: "DELETE FROM \($0) WHERE key = ? AND story = ?") }
                    let deleteParagraphs = try db.cachedStatement(sql: "DELETE FROM story_paragraphs WHERE story = ?")
                    let deleteStory = try db.cachedStatement(sql: "DELETE FROM stories WHERE seq = ?")
                    for row in rows {
                        let sequence: Int64 = row["seq"]
                        for key in Self.int32s(row["keys"] as Data? ?? Data()) {
                            for deleteKey in deleteKeys { try Self.execute(deleteKey, key, sequence, db) }
                        }
                        try deleteParagraphs.execute(arguments: [sequence])
                        try deleteStory.execute(arguments: [sequence])
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
            let keys = try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM story_keys) + (SELECT COUNT(*) FROM story_keys_mid) + (SELECT COUNT(*) FROM story_keys_recent)") ?? 0
            let range = try Row.fetchOne(db, sql: "SELECT MIN(recorded) AS oldest, MAX(recorded) AS newest FROM stories")
            let oldest = (range?["oldest"] as Int64?).map(Self.date)
            let newest = (range?["newest"] as Int64?).map(Self.date)
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

    /// Up to `limit` stories recorded after row `sequence`, in the order they were recorded, as
    /// the archive keeps them (keys are index keys; signatures empty, sketches kept): what
    /// `copydesk archive migrate` copies to another store.
    public func stories(after sequence: Int64, limit: Int) async throws -> [ArchivedStory] {
        try await performAsync("cannot read the archive") { db in
            try Row.fetchAll(db, sql: """
                SELECT s.seq, s.id, s.text_hash, s.recorded, s.created, s.slug, s.agency, s.shingle_size, s.sketch, s.keys, p.data
                FROM stories s LEFT JOIN story_paragraphs p ON p.story = s.seq WHERE s.seq > ? ORDER BY s.seq LIMIT ?
                """, arguments: [sequence, limit]).map(Self.story(from:))
        }
    }

    /// Copies the write-ahead log into the file and empties it (benchmarks, before measuring size).
    public func checkpoint() throws {
        try perform("cannot checkpoint the archive") { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    // MARK: SQL

    /// The key as the index keeps it: its high 32 bits.
    public static func indexKey(_ key: Int64) -> Int64 { key >> 32 }

    /// The distinct index keys, in order of first appearance. A story has about 45 keys, so a
    /// linear search of those kept beats hashing each into a `Set` (this runs for every story added).
    public static func indexKeys(_ keys: [Int64]) -> [Int64] {
        var result: [Int64] = []
        result.reserveCapacity(keys.count)
        for key in keys {
            let value = indexKey(key)
            if !result.contains(value) { result.append(value) }
        }
        return result
    }

    private static func candidates(_ db: Database, keys: [Int64], limit: Int) throws -> [ArchivedStory] {
        let unique = indexKeys(keys)
        guard !unique.isEmpty, limit > 0 else { return [] }
        // One indexed range per key, newest first and capped, counted here: the cost follows the
        // number of keys, not the size of the archive.
        var counts: [Int64: Int] = [:]
        for table in keyTables {
        let postings = try db.cachedStatement(sql: "SELECT story FROM \(table) WHERE key = ? ORDER BY story DESC LIMIT \(postingLimit)")
        // Straight through the C API: these two statements run tens of times per story, where
        // GRDB's argument and cursor wrappers would cost more than SQLite itself.
        let raw = postings.sqliteStatement
        for key in unique {
            sqlite3_reset(raw)
            sqlite3_bind_int64(raw, 1, key)
            while true {
                let code = sqlite3_step(raw)
                if code == SQLITE_ROW { counts[sqlite3_column_int64(raw, 0), default: 0] += 1; continue }
                if code != SQLITE_DONE { throw failure(code, db) }
                break
            }
        }
        sqlite3_reset(raw)
        }
        guard !counts.isEmpty else { return [] }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }.prefix(limit)
        let load = try db.cachedStatement(sql: """
            SELECT s.seq, s.id, s.text_hash, s.recorded, s.created, s.slug, s.agency, s.shingle_size, s.sketch, s.keys, p.data
            FROM stories s LEFT JOIN story_paragraphs p ON p.story = s.seq WHERE s.seq = ?
            """)
        var result: [ArchivedStory] = []
        result.reserveCapacity(ranked.count)
        for (sequence, _) in ranked {
            guard let row = try Row.fetchOne(load, arguments: [sequence]) else { continue }
            result.append(story(from: row))
        }
        return result
    }

    /// Counts new entries of `story_keys_recent` and merges it into `story_keys_mid` when full,
    /// and that one into `story_keys` when it is full in turn.
    private static func noteRecentKeys(_ count: Int, _ db: Database, mergeAt: Int) throws {
        try db.cachedStatement(sql: "UPDATE copydesk_meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'recent_keys'").execute(arguments: [count])
        let total = try Int.fetchOne(db.cachedStatement(sql: "SELECT CAST(value AS INTEGER) FROM copydesk_meta WHERE key = 'recent_keys'")) ?? 0
        guard total >= mergeAt else { return }
        // In key order, so each page of the larger index is visited once and rewritten once.
        try db.execute(sql: """
            INSERT OR IGNORE INTO story_keys_mid (key, story) SELECT key, story FROM story_keys_recent ORDER BY key, story;
            DELETE FROM story_keys_recent;
            UPDATE copydesk_meta SET value = '0' WHERE key = 'recent_keys';
            """)
        try db.execute(sql: "UPDATE copydesk_meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'mid_keys'", arguments: [total])
        let mid = try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM copydesk_meta WHERE key = 'mid_keys'") ?? 0
        guard mid >= mergeAt * midRatio else { return }
        try db.execute(sql: """
            INSERT OR IGNORE INTO story_keys (key, story) SELECT key, story FROM story_keys_mid ORDER BY key, story;
            DELETE FROM story_keys_mid;
            UPDATE copydesk_meta SET value = '0' WHERE key = 'mid_keys';
            """)
    }

    /// Runs a prepared two-integer statement (a key entry), through the C API.
    private static func execute(_ statement: Statement, _ first: Int64, _ second: Int64, _ db: Database) throws {
        let raw = statement.sqliteStatement
        sqlite3_reset(raw)
        sqlite3_bind_int64(raw, 1, first)
        sqlite3_bind_int64(raw, 2, second)
        let code = sqlite3_step(raw)
        sqlite3_reset(raw)
        if code != SQLITE_DONE { throw failure(code, db) }
    }

    private static func failure(_ code: Int32, _ db: Database) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }

    /// Inserts the story's row and paragraphs (not its keys); nil if (id, text hash) is already there.
    /// Through the C API (GRDB's argument arrays cost more than the inserts for rows this small).
    private static func insertRow(_ db: Database, _ story: ArchivedStory) throws -> Int64? {
        let ident = identity(id: story.id, textHash: story.textHash)
        let hash = textHashValue(story.textHash)
        let present = try db.cachedStatement(sql: "SELECT 1 FROM stories WHERE ident = ? AND id = ? AND text_hash = ? LIMIT 1").sqliteStatement
        sqlite3_reset(present)
        sqlite3_bind_int64(present, 1, ident)
        try bind(present, 2, text: story.id)
        try bind(present, 3, hash)
        let found = sqlite3_step(present)
        sqlite3_reset(present)
        if found == SQLITE_ROW { return nil }
        if found != SQLITE_DONE { throw failure(found, db) }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO stories (ident, id, text_hash, recorded, created, slug, agency, shingle_size, sketch, keys)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).sqliteStatement
        sqlite3_reset(insert)
        sqlite3_bind_int64(insert, 1, ident)
        try bind(insert, 2, text: story.id)
        try bind(insert, 3, hash)
        sqlite3_bind_int64(insert, 4, milliseconds(story.recorded))
        if let created = story.created { sqlite3_bind_int64(insert, 5, milliseconds(created)) } else { sqlite3_bind_null(insert, 5) }
        if let slug = story.slug { try bind(insert, 6, text: slug) } else { sqlite3_bind_null(insert, 6) }
        if let agency = story.agency { try bind(insert, 7, text: agency) } else { sqlite3_bind_null(insert, 7) }
        sqlite3_bind_int64(insert, 8, Int64(story.shingleSize))
        try bind(insert, 9, blob: story.sketch)
        try bind(insert, 10, blob: int32Bytes(indexKeys(story.keys)))
        let inserted = sqlite3_step(insert)
        sqlite3_reset(insert)
        if inserted != SQLITE_DONE { throw failure(inserted, db) }
        let sequence = sqlite3_last_insert_rowid(db.sqliteConnection)
        let paragraphs = try db.cachedStatement(sql: "INSERT INTO story_paragraphs (story, data) VALUES (?, ?)").sqliteStatement
        sqlite3_reset(paragraphs)
        sqlite3_bind_int64(paragraphs, 1, sequence)
        try bind(paragraphs, 2, blob: ParagraphCoding.encode(story.paragraphs))
        let written = sqlite3_step(paragraphs)
        sqlite3_reset(paragraphs)
        if written != SQLITE_DONE { throw failure(written, db) }
        return sequence
    }

    /// SQLite copies what is bound (`SQLITE_TRANSIENT`), so the buffers need not outlive the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func bind(_ statement: OpaquePointer?, _ index: Int32, text: String) throws {
        var text = text
        let code = text.withUTF8 { bytes -> Int32 in
            let base = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
            return sqlite3_bind_text(statement, index, base, Int32(bytes.count), transient)
        }
        if code != SQLITE_OK { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot bind a value") }
    }

    private static func bind(_ statement: OpaquePointer?, _ index: Int32, blob: [UInt8]) throws {
        // A zero-length blob must still be a blob, not NULL: bind through a non-nil pointer.
        let code = blob.withUnsafeBytes { bytes in
            sqlite3_bind_blob(statement, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), transient)
        }
        if code != SQLITE_OK { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot bind a value") }
    }

    private static func bind(_ statement: OpaquePointer?, _ index: Int32, _ value: DatabaseValue) throws {
        switch value.storage {
        case .blob(let data): try bind(statement, index, blob: [UInt8](data))
        case .string(let text): try bind(statement, index, text: text)
        case .int64(let number): sqlite3_bind_int64(statement, index, number)
        case .double(let number): sqlite3_bind_double(statement, index, number)
        case .null: sqlite3_bind_null(statement, index)
        }
    }

    /// Inserts the story and its keys; false if (id, text hash) is already there.
    private static func insert(_ db: Database, _ story: ArchivedStory, mergeAt: Int) throws -> Bool {
        guard let sequence = try insertRow(db, story) else { return false }
        let insertKey = try db.cachedStatement(sql: "INSERT OR IGNORE INTO story_keys_recent (key, story) VALUES (?, ?)")
        let keys = indexKeys(story.keys)
        for key in keys {
            try execute(insertKey, key, sequence, db)
        }
        try noteRecentKeys(keys.count, db, mergeAt: mergeAt)
        return true
    }

    private static func story(from row: Row) -> ArchivedStory {
        let paragraphs = ParagraphCoding.decode([UInt8](row["data"] as Data? ?? Data()))
        return ArchivedStory(
            sequence: row["seq"], id: row["id"], slug: row["slug"], agency: row["agency"],
            created: (row["created"] as Int64?).map(date),
            recorded: date(row["recorded"] as Int64? ?? 0),
            textHash: textHashString(row["text_hash"]), shingleSize: row["shingle_size"],
            signature: MinHashSignature(values: []), sketch: [UInt8](row["sketch"] as Data? ?? Data()),
            paragraphs: paragraphs, keys: int32s(row["keys"] as Data? ?? Data()))
    }

    /// 64-bit identity of a version, indexed: (id, text hash) equal means the same version.
    static func identity(id: String, textHash: String) -> Int64 {
        Int64(bitPattern: XXH64.hash(id + "\u{0}" + textHash))
    }

    /// Text hashes are hex; kept as bytes (half the size). Anything else is kept as text.
    static func textHashValue(_ hex: String) -> DatabaseValue {
        let utf8 = Array(hex.utf8)
        guard !utf8.isEmpty, utf8.count % 2 == 0 else { return hex.databaseValue }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: c - 0x30
            case 0x61...0x66: c - 0x61 + 10
            default: nil
            }
        }
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return hex.databaseValue }
            bytes.append(high << 4 | low)
            index += 2
        }
        return Data(bytes).databaseValue
    }

    static func textHashString(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .blob(let data):
            let digits = Array("0123456789abcdef".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(data.count * 2)
            for byte in data { out.append(digits[Int(byte >> 4)]); out.append(digits[Int(byte & 15)]) }
            return String(decoding: out, as: UTF8.self)
        case .string(let text): return text
        default: return ""
        }
    }

    public static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    public static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    private static func int32Bytes(_ values: [Int64]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(values.count * 4)
        for value in values {
            let bits = UInt32(truncatingIfNeeded: value)
            for shift in stride(from: 0, to: 32, by: 8) { result.append(UInt8(truncatingIfNeeded: bits >> UInt32(shift))) }
        }
        return result
    }

    private static func int32s(_ data: Data) -> [Int64] {
        let bytes = [UInt8](data)
        guard bytes.count >= 4 else { return [] }
        return stride(from: 0, to: bytes.count - 3, by: 4).map { i in
            let bits = UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
            return Int64(Int32(bitPattern: bits))
        }
    }

    // MARK: Errors

    private func perform<T>(_ doing: String, _ body: (Database) throws -> T) throws -> T {
        try SQLiteFile.perform(database, path: path, doing, body)
    }

    private func performAsync<T: Sendable>(_ doing: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await SQLiteFile.perform(database, path: path, doing, body)
    }
}

/// Paragraphs packed in one BLOB: a count, then for each paragraph its number, its hash (8 bytes,
/// little-endian) and its UTF-8 text, numbers and lengths as LEB128 varints.
public enum ParagraphCoding {
    public static func encode(_ paragraphs: [ArchivedParagraph]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(paragraphs.reduce(4) { $0 + $1.text.utf8.count + 12 })
        varint(UInt64(paragraphs.count), into: &out)
        for paragraph in paragraphs {
            varint(UInt64(max(0, paragraph.number)), into: &out)
            for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: paragraph.hash >> UInt64(shift))) }
            varint(UInt64(paragraph.text.utf8.count), into: &out)
            out.append(contentsOf: paragraph.text.utf8)
        }
        return out
    }

    public static func decode(_ bytes: [UInt8]) -> [ArchivedParagraph] {
        var index = 0
        func read() -> UInt64? {
            var value: UInt64 = 0, shift: UInt64 = 0
            while index < bytes.count, shift < 64 {
                let byte = bytes[index]
                index += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }
        guard let count = read() else { return [] }
        var result: [ArchivedParagraph] = []
        result.reserveCapacity(Int(min(count, 10_000)))
        for _ in 0..<count {
            guard let number = read(), index + 8 <= bytes.count else { break }
            var hash: UInt64 = 0
            for offset in 0..<8 { hash |= UInt64(bytes[index + offset]) << UInt64(8 * offset) }
            index += 8
            guard let length = read(), index + Int(length) <= bytes.count else { break }
            let text = String(decoding: bytes[index..<(index + Int(length))], as: UTF8.self)
            index += Int(length)
            result.append(ArchivedParagraph(number: Int(number), hash: hash, text: text))
        }
        return result
    }

    private static func varint(_ value: UInt64, into out: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }
}
