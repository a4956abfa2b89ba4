import CopydeskCore
import CopydeskText
import CopydeskDedup
import CopydeskSQLite
import Foundation
import GRDB

/// One approved source/target paragraph pair to remember.
public struct MemoryEntry: Sendable, Hashable {
    public var sourceLanguage: String
    public var targetLanguage: String
    public var source: String
    public var target: String
    /// Where the pair came from: `tmx`, `xliff` or `pair` (a source and a translation aligned).
    public var originKind: String
    /// The file it came from.
    public var origin: String
    /// The unit in that file: TMX `tuid`, XLIFF unit id, or `paragraph N` of an aligned pair.
    public var unit: String?

    public init(sourceLanguage: String, targetLanguage: String, source: String, target: String,
                originKind: String, origin: String, unit: String? = nil) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.source = source
        self.target = target
        self.originKind = originKind
        self.origin = origin
        self.unit = unit
    }
}

/// A remembered pair as stored.
public struct MemorySegment: Sendable, Hashable {
    public var id: Int64
    public var sourceLanguage: String
    public var targetLanguage: String
    public var source: String
    public var target: String
    public var originKind: String
    public var origin: String
    public var unit: String?
    public var created: Date

    public init(id: Int64, sourceLanguage: String, targetLanguage: String, source: String, target: String,
                originKind: String, origin: String, unit: String?, created: Date) {
        self.id = id
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.source = source
        self.target = target
        self.originKind = originKind
        self.origin = origin
        self.unit = unit
        self.created = created
    }

    /// `memory.tmx#tu12`, `v1-el.txt#paragraph 3`: where the earlier translation came from.
    public var originDescription: String {
        origin + (unit.map { "#" + $0 } ?? "")
    }
}

/// A proposal for a new source paragraph.
public struct MemoryMatch: Sendable, Hashable {
    /// 100 for an exact match (same key), else the fuzzy percentage (at most 99).
    public var score: Int
    public var segment: MemorySegment
    public var isExact: Bool { score == 100 }
}

/// Translation memory in the archive file of the dedup stage (beside the archive's tables, through
/// the shared `SQLiteFile` layer): approved paragraph pairs, looked up exactly by normalized key
/// and fuzzily by word edit distance (rows and lookup steps: `MemoryIndexing`, shared with the
/// PostgreSQL memory).
///
/// Tables, all prefixed `tm_` beside the archive's own: `tm_meta` (schema version),
/// `tm_segments` (one row per distinct pair), `tm_words` (posting key → segments and their
/// lengths: the fuzzy index) and `tm_word_counts` (in how many segments of the pair each word
/// occurs, to pick a paragraph's rarest words).
///
/// - An import is one transaction (`BEGIN IMMEDIATE`; writers wait for each other through the
///   busy timeout), so a killed import leaves the memory as it was, and two imports at once both
///   land whole. The archive is in WAL mode: lookups never wait for a writer.
/// - The same pair (same languages, same source key, same target text up to whitespace) is kept once.
/// - A file that is not an SQLite database, a foreign database, a corrupt one or a newer
///   memory schema is a `CopydeskError` naming the file; nothing is written to it.
public final class TranslationMemory: TranslationMemoryStore {
    public static let schemaVersion = 1
    public typealias ImportResult = MemoryImportResult
    public typealias Stats = MemoryStats

    public let path: String
    public var location: String { path }
    private let database: DatabaseQueue
    private let indexing: MemoryIndexing
    /// Whether the tm_ tables exist (a read-only opening of an archive without them finds nothing).
    private let hasTables: Bool

    /// Opens the memory in the archive at `path`. With `create`, a missing file is created and
    /// the memory's tables added (the dedup stage adds its own beside them when it first opens
    /// the file); without it, the file must exist and an archive with no memory yet simply has
    /// no matches. Lookups only: nothing is written and no write lock is taken.
    public init(path: String, create: Bool = true, busyTimeout: TimeInterval = 60) throws {
        self.path = path
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            try SQLiteFile.checkHeader(path, allowEmpty: create)
        } else if !create {
            throw CopydeskError.input(file: path, message: "no archive here (add translations with `copydesk tm add` or `copydesk tm import`)")
        } else {
            do {
                try manager.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw CopydeskError.input(file: path, message: "cannot create the archive's directory: \(error.localizedDescription)")
            }
        }
        database = try SQLiteFile.open(path, label: "copydesk-tm", busyTimeout: busyTimeout, readonly: !create, doing: "cannot open the translation memory")
        do {
            indexing = try MemoryIndexing()
        } catch {
            throw CopydeskError.input(file: path, message: "ICU normalization data is unavailable: \(error)")
        }
        hasTables = try Self.prepare(database, path: path, create: create)
    }

    private static func prepare(_ database: DatabaseQueue, path: String, create: Bool) throws -> Bool {
        let body = { (db: Database) throws -> Bool in
            let present = try Bool.fetchOne(db, sql: "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'tm_meta'") ?? false
            // Another application's database (tables no Copydesk part owns), or, for lookups, a
            // file with no Copydesk tables at all: refused, and left as it was.
            let foreign = try SQLiteFile.tables(db, for: .translationMemory).filter { !SQLiteFile.Part.translationMemory.owns($0) }
            let copydeskFile = try SQLiteFile.isCopydeskFile(db)
            if !foreign.isEmpty || (!create && !copydeskFile) {
                throw CopydeskError.input(file: path, message: "not a Copydesk archive: an SQLite database without the archive schema"
                    + (foreign.isEmpty ? "" : " (tables: \(foreign.prefix(5).joined(separator: ", ")))") + "; it was left untouched")
            }
            if present {
                let version = Int(try String.fetchOne(db, sql: "SELECT value FROM tm_meta WHERE key = 'schema_version'") ?? "") ?? 0
                guard version == schemaVersion else {
                    throw CopydeskError.input(file: path, message:
                        "translation memory schema version \(version) is not the one this copydesk reads (\(schemaVersion))")
                }
                let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'tm\\_%' ESCAPE '\\'"))
                guard tables.isSuperset(of: ["tm_segments", "tm_words", "tm_word_counts"]) else {
                    throw CopydeskError.input(file: path, message: "damaged translation memory: tables are missing")
                }
                return true
            }
            guard create else { return false }
            try db.inTransaction(.immediate) {
                try SQLiteFile.markIfNew(db)
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS tm_meta (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TABLE IF NOT EXISTS tm_segments (
                        id INTEGER PRIMARY KEY,
                        source_lang TEXT NOT NULL,
                        target_lang TEXT NOT NULL,
                        pair TEXT NOT NULL,
                        source_text TEXT NOT NULL,
                        target_text TEXT NOT NULL,
                        source_key TEXT NOT NULL,
                        key_hash INTEGER NOT NULL,
                        target_hash INTEGER NOT NULL,
                        word_count INTEGER NOT NULL,
                        words BLOB NOT NULL,
                        origin_kind TEXT NOT NULL,
                        origin TEXT NOT NULL,
                        unit TEXT,
                        created REAL NOT NULL,
                        UNIQUE (source_lang, target_lang, key_hash, target_hash)
                    );
                    CREATE INDEX IF NOT EXISTS tm_segments_key ON tm_segments (key_hash, pair);
                    CREATE TABLE IF NOT EXISTS tm_words (
                        word INTEGER NOT NULL,
                        segment INTEGER NOT NULL,
                        length INTEGER NOT NULL,
                        PRIMARY KEY (word, segment)
                    ) WITHOUT ROWID;
                    CREATE TABLE IF NOT EXISTS tm_word_counts (word INTEGER NOT NULL PRIMARY KEY, segments INTEGER NOT NULL);
                    INSERT OR IGNORE INTO tm_meta (key, value) VALUES ('schema_version', '\(schemaVersion)');
                    """)
                return .commit
            }
            return true
        }
        return create ? try perform(database, path: path, "cannot open the translation memory", body) : try read(database, path: path, body)
    }

    // MARK: Writing

    /// Stores the entries in one transaction: all of them, or (on any error) none.
    @discardableResult
    public func add(_ entries: [MemoryEntry], now: Date = Date()) throws -> MemoryImportResult {
        // Everything ICU has to do, before the write lock is taken.
        let prepared = try indexing.rows(entries, created: now)
        return try insert(prepared.rows, result: MemoryImportResult(empty: prepared.empty))
    }

    /// Copies rows read back from another memory (their own times kept); how many were new.
    @discardableResult
    public func insert(_ rows: [MemoryIndexing.Row]) throws -> Int {
        try insert(rows, result: MemoryImportResult()).added
    }

    private func insert(_ rows: [MemoryIndexing.Row], result: MemoryImportResult) throws -> MemoryImportResult {
        guard !rows.isEmpty else { return result }
        return try Self.perform(database, path: path, "cannot update the translation memory") { db in
            var result = result
            // A big import touches many index pages: let them stay in memory (64 MB) meanwhile.
            if rows.count > 1000 { try db.execute(sql: "PRAGMA cache_size = -65536") }
            try db.inTransaction(.immediate) {
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO tm_segments (source_lang, target_lang, pair, source_text, target_text, source_key, key_hash,
                                             target_hash, word_count, words, origin_kind, origin, unit, created)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (source_lang, target_lang, key_hash, target_hash) DO NOTHING
                    """)
                var postings: [(word: Int64, segment: Int64, length: Int)] = []
                var stored: [MemoryIndexing.Row] = []
                for row in rows {
                    try insert.execute(arguments: [
                        row.sourceLanguage, row.targetLanguage, row.pair, row.source, row.target, row.key, row.keyHash,
                        row.targetHash, row.words.count, row.wordBytes, row.originKind, row.origin, row.unit, row.created,
                    ])
                    guard db.changesCount > 0 else { result.known += 1; continue }
                    result.added += 1
                    stored.append(row)
                    let segment = db.lastInsertedRowID
                    for word in row.postings { postings.append((word, segment, row.words.count)) }
                }
                // In key order, so the index B-tree is filled page by page instead of at random.
                postings.sort { $0.word != $1.word ? $0.word < $1.word : $0.segment < $1.segment }
                let insertWord = try db.cachedStatement(sql: "INSERT INTO tm_words (word, segment, length) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                for posting in postings { try insertWord.execute(arguments: [posting.word, posting.segment, posting.length]) }
                let count = try db.cachedStatement(sql: """
                    INSERT INTO tm_word_counts (word, segments) VALUES (?, ?)
                    ON CONFLICT (word) DO UPDATE SET segments = segments + excluded.segments
                    """)
                for (word, segments) in MemoryIndexing.wordCounts(stored) { try count.execute(arguments: [word, segments]) }
                return .commit
            }
            return result
        }
    }

    /// Stored pairs after `id`, in the order they were stored, as rows to copy elsewhere
    /// (`copydesk archive migrate`).
    public func rows(after id: Int64, limit: Int) throws -> [(id: Int64, row: MemoryIndexing.Row)] {
        guard hasTables else { return [] }
        return try Self.read(database, path: path) { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM tm_segments WHERE id > ? ORDER BY id LIMIT ?"), arguments: [id, limit]).map { row in
                let words = MemoryIndexing.words(try Self.optionalColumn(row, "words") as Data? ?? Data())
                let pair: String = try Self.column(row, "pair")
                let pairHash = MemoryIndexing.pairHash(pair)
                return (try Self.column(row, "id"), MemoryIndexing.Row(
                    sourceLanguage: try Self.column(row, "source_lang"), targetLanguage: try Self.column(row, "target_lang"), pair: pair,
                    source: try Self.column(row, "source_text"), target: try Self.column(row, "target_text"),
                    key: try Self.column(row, "source_key"), keyHash: try Self.column(row, "key_hash"), targetHash: try Self.column(row, "target_hash"),
                    words: words, originKind: try Self.column(row, "origin_kind"), origin: try Self.column(row, "origin"),
                    unit: try Self.optionalColumn(row, "unit"), created: try Self.column(row, "created"),
                    postings: Set(words.map { MemoryIndexing.postingKey($0, pair: pairHash) }).sorted()))
            }
        }
    }

    // MARK: Lookup

    /// The best earlier translation of each paragraph scoring at least `threshold` (1…100), or nil.
    /// Exact matches win; among equals the most recently stored pair.
    public func lookup(_ paragraphs: [String], sourceLanguage: String, targetLanguage: String,
                       threshold: Int = 75, candidates: Int = 100) throws -> [MemoryMatch?] {
        guard hasTables else { return paragraphs.map { _ in nil } }
        let queries = paragraphs.map { indexing.query($0, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage) }
        let threshold = min(100, max(1, threshold))
        return try Self.read(database, path: path) { db in
            try queries.map { query in
                guard !query.key.isEmpty else { return nil }
                let keyed = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM tm_segments WHERE key_hash = ? AND pair = ?"),
                                             arguments: [query.keyHash, query.pair])
                if let exact = MemoryIndexing.exact(query, among: try keyed.map { (try Self.segment(from: $0), try Self.column($0, "source_key")) }) {
                    return exact
                }
                return try Self.fuzzy(db, query: query, threshold: threshold, limit: candidates)
            }
        }
    }

    private static func fuzzy(_ db: Database, query: MemoryIndexing.Query, threshold: Int, limit: Int) throws -> MemoryMatch? {
        guard !query.words.isEmpty, threshold < 100 else { return nil }
        let distinct = Array(Set(query.postings))
        var frequency: [Int64: Int] = [:]
        for chunk in stride(from: 0, to: distinct.count, by: 500) {
            let part = Array(distinct[chunk..<min(chunk + 500, distinct.count)])
            for row in try Row.fetchAll(db, sql: "SELECT word, segments FROM tm_word_counts WHERE word IN (\(placeholders(part.count)))",
                                        arguments: StatementArguments(part)) {
                frequency[try Self.column(row, "word")] = try Self.column(row, "segments") as Int
            }
        }
        guard let probe = MemoryIndexing.probe(query, threshold: threshold, frequencies: frequency) else { return nil }
        let postings = try Row.fetchAll(db, sql: "SELECT segment, length FROM tm_words WHERE word IN (\(placeholders(probe.words.count)))",
                                        arguments: StatementArguments(probe.words))
            .map { (segment: try Self.column($0, "segment") as Int64, length: try Self.column($0, "length") as Int) }
        let ids = MemoryIndexing.candidates(postings, probe: probe, limit: limit)
        guard !ids.isEmpty else { return nil }
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM tm_segments WHERE id IN (\(placeholders(ids.count)))", arguments: StatementArguments(ids))
        let segments = try rows.map { (segment: try segment(from: $0), words: MemoryIndexing.words(try Self.optionalColumn($0, "words") as Data? ?? Data())) }
        return MemoryIndexing.best(query, among: segments, threshold: threshold)
    }

    // MARK: Stats

    public func stats() throws -> Stats {
        guard hasTables else { return Stats() }
        return try Self.read(database, path: path) { db in
            var stats = Stats()
            stats.segments = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tm_segments") ?? 0
            stats.pairs = try Row.fetchAll(db, sql: """
                SELECT source_lang || ' → ' || target_lang AS pair, COUNT(*) AS n FROM tm_segments GROUP BY source_lang, target_lang ORDER BY n DESC, pair
                """).map { (try Self.column($0, "pair"), try Self.column($0, "n")) }
            stats.origins = try Row.fetchAll(db, sql: "SELECT origin_kind, COUNT(*) AS n FROM tm_segments GROUP BY origin_kind ORDER BY n DESC, origin_kind")
                .map { (try Self.column($0, "origin_kind"), try Self.column($0, "n")) }
            stats.files = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT origin) FROM tm_segments") ?? 0
            stats.indexedWords = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tm_word_counts") ?? 0
            if let row = try Row.fetchOne(db, sql: "SELECT MIN(created) AS oldest, MAX(created) AS newest FROM tm_segments") {
                stats.oldest = (try Self.optionalColumn(row, "oldest") as Double?).map(Date.init(timeIntervalSince1970:))
                stats.newest = (try Self.optionalColumn(row, "newest") as Double?).map(Date.init(timeIntervalSince1970:))
            }
            return stats
        }
    }

    // MARK: Helpers

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }

    private static func segment(from row: Row) throws -> MemorySegment {
        MemorySegment(id: try column(row, "id"), sourceLanguage: try column(row, "source_lang"), targetLanguage: try column(row, "target_lang"),
                      source: try column(row, "source_text"), target: try column(row, "target_text"), originKind: try column(row, "origin_kind"),
                      origin: try column(row, "origin"), unit: try optionalColumn(row, "unit"),
                      created: Date(timeIntervalSince1970: try column(row, "created")))
    }

    /// A column of a row read from the memory that is missing, NULL or of another type: the file
    /// is damaged (or was written by something else). `read` and `perform` name the file.
    struct DamagedRow: Error {
        var column: String
        var found: String
        var expected: String
    }

    /// A column that may be NULL.
    static func optionalColumn<Value: DatabaseValueConvertible>(_ row: Row, _ name: String) throws -> Value? {
        if let value = row[name] as DatabaseValue?, value.isNull { return nil }
        return try column(row, name) as Value
    }

    /// A column's value, decoded without trapping: NULL or a value of another type throws `DamagedRow`.
    static func column<Value: DatabaseValueConvertible>(_ row: Row, _ name: String) throws -> Value {
        guard let value = row[name] as DatabaseValue? else { throw DamagedRow(column: name, found: "no such column", expected: "\(Value.self)") }
        guard let decoded = Value.fromDatabaseValue(value) else {
            let found: String
            switch value.storage {
            case .null: found = "NULL"
            case .int64(let n): found = "the integer \(n)"
            case .double(let d): found = "the number \(d)"
            case .string: found = "text"
            case .blob: found = "a blob"
            }
            throw DamagedRow(column: name, found: found, expected: "\(Value.self)")
        }
        return decoded
    }

    /// Through the shared layer; a damaged row becomes an error naming the file first.
    private static func perform<T>(_ database: DatabaseQueue, path: String, _ doing: String, _ body: (Database) throws -> T) throws -> T {
        try SQLiteFile.perform(database, path: path, doing) { db in
            do { return try body(db) } catch let damaged as DamagedRow { throw describe(damaged, path: path, doing: doing) }
        }
    }

    /// A consistent snapshot for reading (WAL: never waits for a writer).
    private static func read<T>(_ database: DatabaseQueue, path: String, _ body: (Database) throws -> T) throws -> T {
        let doing = "cannot read the translation memory"
        return try SQLiteFile.read(database, path: path, doing) { db in
            do { return try body(db) } catch let damaged as DamagedRow { throw describe(damaged, path: path, doing: doing) }
        }
    }

    /// SQLite errors become one line naming the file, as the archive's own.
    static func describe(_ error: any Error, path: String, doing: String) -> any Error {
        if let damaged = error as? DamagedRow {
            return CopydeskError.input(file: path, message: "\(doing): the translation memory is damaged (column '\(damaged.column)' holds \(damaged.found) where a \(damaged.expected) belongs); rebuild it from its TMX/XLIFF files")
        }
        return SQLiteFile.describe(error, path: path, doing: doing)
    }
}
