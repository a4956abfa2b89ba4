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
/// and fuzzily by word edit distance.
///
/// Tables, all prefixed `tm_` beside the archive's own: `tm_meta` (schema version),
/// `tm_segments` (one row per distinct pair: languages, both texts, the source key and its
/// hash, its words' hashes, origin, time), `tm_words` (word of a language pair → segments and
/// their lengths: the fuzzy index) and `tm_word_counts` (in how many segments of the pair each
/// word occurs, to pick a paragraph's rarest words).
///
/// Fuzzy lookup uses prefix filtering, which loses no match: a paragraph of n words can be at most
/// d = ⌊(100 − t)·n ÷ t⌋ word edits from any paragraph scoring t% or more, so of its d + 1 rarest
/// word positions at least one word is shared with every such paragraph. Only the segments
/// holding one of those words are candidates; the best by shared words (and of a fitting length)
/// are scored exactly.
///
/// - An import is one transaction (`BEGIN IMMEDIATE`; writers wait for each other through the
///   busy timeout), so a killed import leaves the memory as it was, and two imports at once both
///   land whole. The archive is in WAL mode: lookups never wait for a writer.
/// - The same pair (same languages, same source key, same target text up to whitespace) is kept once.
/// - A file that is not an SQLite database, a foreign database, a corrupt one or a newer
///   memory schema is a `CopydeskError` naming the file; nothing is written to it.
public final class TranslationMemory: Sendable {
    public static let schemaVersion = 1

    public let path: String
    private let database: DatabaseQueue
    private let text: MemoryText
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
            text = try MemoryText()
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

    public struct ImportResult: Sendable, Hashable {
        /// Pairs stored.
        public var added = 0
        /// Pairs the memory already had (or that came twice in the batch).
        public var known = 0
        /// Pairs left out because a side was empty.
        public var empty = 0
    }

    /// Stores the entries in one transaction: all of them, or (on any error) none.
    @discardableResult
    public func add(_ entries: [MemoryEntry], now: Date = Date()) throws -> ImportResult {
        // Everything ICU has to do, before the write lock is taken.
        struct Prepared { var entry: MemoryEntry; var source: String; var target: String; var key: String; var words: [UInt64] }
        var prepared: [Prepared] = []
        prepared.reserveCapacity(entries.count)
        var result = ImportResult()
        for entry in entries {
            let source = MemoryText.collapsingWhitespace(entry.source)
            let target = MemoryText.collapsingWhitespace(entry.target)
            let key: String
            do { key = try text.key(source) } catch { throw CopydeskError.input(file: entry.origin, message: "cannot normalize a source paragraph: \(error)") }
            guard !key.isEmpty, !target.isEmpty else { result.empty += 1; continue }
            let words = (try? text.words(ofKey: key)) ?? []
            prepared.append(Prepared(entry: entry, source: source, target: target, key: key, words: words))
        }
        guard !prepared.isEmpty else { return result }
        let created = now.timeIntervalSince1970
        return try Self.perform(database, path: path, "cannot update the translation memory") { db in
            var result = result
            // A big import touches many index pages: let them stay in memory (64 MB) meanwhile.
            if prepared.count > 1000 { try db.execute(sql: "PRAGMA cache_size = -65536") }
            try db.inTransaction(.immediate) {
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO tm_segments (source_lang, target_lang, pair, source_text, target_text, source_key, key_hash,
                                             target_hash, word_count, words, origin_kind, origin, unit, created)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (source_lang, target_lang, key_hash, target_hash) DO NOTHING
                    """)
                var postings: [(word: Int64, segment: Int64, length: Int)] = []
                var counts: [Int64: Int] = [:]
                for item in prepared {
                    let sourceLanguage = Self.tag(item.entry.sourceLanguage), targetLanguage = Self.tag(item.entry.targetLanguage)
                    try insert.execute(arguments: [
                        sourceLanguage, targetLanguage, Self.pair(sourceLanguage, targetLanguage), item.source, item.target,
                        item.key, MemoryText.hash(item.key), MemoryText.hash(item.target), item.words.count, Self.blob(item.words),
                        item.entry.originKind, item.entry.origin, item.entry.unit, created,
                    ])
                    guard db.changesCount > 0 else { result.known += 1; continue }
                    result.added += 1
                    let segment = db.lastInsertedRowID
                    let pair = Self.pairHash(Self.pair(sourceLanguage, targetLanguage))
                    for word in Set(item.words) {
                        let word = Self.postingKey(word, pair: pair)
                        postings.append((word, segment, item.words.count))
                        counts[word, default: 0] += 1
                    }
                }
                // In key order, so the index B-tree is filled page by page instead of at random.
                postings.sort { $0.word != $1.word ? $0.word < $1.word : $0.segment < $1.segment }
                let insertWord = try db.cachedStatement(sql: "INSERT INTO tm_words (word, segment, length) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                for posting in postings { try insertWord.execute(arguments: [posting.word, posting.segment, posting.length]) }
                let count = try db.cachedStatement(sql: """
                    INSERT INTO tm_word_counts (word, segments) VALUES (?, ?)
                    ON CONFLICT (word) DO UPDATE SET segments = segments + excluded.segments
                    """)
                for (word, segments) in counts.sorted(by: { $0.key < $1.key }) { try count.execute(arguments: [word, segments]) }
                return .commit
            }
            return result
        }
    }

    // MARK: Lookup

    /// The best earlier translation of each paragraph scoring at least `threshold` (1…100), or nil.
    /// Exact matches win; among equals the most recently stored pair.
    public func lookup(_ paragraphs: [String], sourceLanguage: String, targetLanguage: String,
                       threshold: Int = 75, candidates: Int = 100) throws -> [MemoryMatch?] {
        guard hasTables else { return paragraphs.map { _ in nil } }
        let pair = Self.pair(Self.tag(sourceLanguage), Self.tag(targetLanguage))
        var keys: [(key: String, words: [UInt64])] = []
        for paragraph in paragraphs {
            let key = (try? text.key(paragraph)) ?? MemoryText.collapsingWhitespace(paragraph)
            keys.append((key, (try? text.words(ofKey: key)) ?? []))
        }
        let threshold = min(100, max(1, threshold))
        let text = self.text
        return try Self.read(database, path: path) { db in
            try keys.map { item in
                guard !item.key.isEmpty else { return nil }
                if let exact = try Self.exact(db, key: item.key, pair: pair) { return MemoryMatch(score: 100, segment: exact) }
                guard threshold < 100 else { return nil }
                return try Self.fuzzy(db, text: text, words: item.words, pair: pair, threshold: threshold, limit: candidates)
            }
        }
    }

    private static func exact(_ db: Database, key: String, pair: String) throws -> MemorySegment? {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM tm_segments WHERE key_hash = ? AND pair = ? ORDER BY created DESC, id DESC
            """), arguments: [MemoryText.hash(key), pair])
        for row in rows where try Self.column(row, "source_key") as String == key { return try segment(from: row) }
        return nil
    }

    private static func fuzzy(_ db: Database, text: MemoryText, words: [UInt64], pair: String, threshold: Int, limit: Int) throws -> MemoryMatch? {
        guard !words.isEmpty else { return nil }
        let pairHash = pairHash(pair)
        let keys = words.map { postingKey($0, pair: pairHash) }
        let distinct = Array(Set(keys))
        var frequency: [Int64: Int] = [:]
        for chunk in stride(from: 0, to: distinct.count, by: 500) {
            let part = Array(distinct[chunk..<min(chunk + 500, distinct.count)])
            for row in try Row.fetchAll(db, sql: "SELECT word, segments FROM tm_word_counts WHERE word IN (\(placeholders(part.count)))",
                                        arguments: StatementArguments(part)) {
                frequency[try Self.column(row, "word")] = try Self.column(row, "segments") as Int
            }
        }
        // The d + 1 rarest word positions; a word nobody has counts as rarest (it can match nothing).
        let positions = keys.sorted { (frequency[$0] ?? 0) < (frequency[$1] ?? 0) }
        let maximumDistance = MemoryText.maximumDistance(words: words.count, threshold: threshold)
        let probes = Array(Set(positions.prefix(min(positions.count, maximumDistance + 1)).filter { (frequency[$0] ?? 0) > 0 }))
        guard !probes.isEmpty else { return nil }
        let shortest = (threshold * words.count + 99) / 100, longest = (100 * words.count) / threshold
        // Candidates by shared rare words, from the index alone (it holds each segment's length).
        var shared: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT segment, length FROM tm_words WHERE word IN (\(placeholders(probes.count)))",
                                    arguments: StatementArguments(probes)) {
            let length: Int = try Self.column(row, "length")
            if length >= shortest && length <= longest { shared[try Self.column(row, "segment") as Int64, default: 0] += 1 }
        }
        guard !shared.isEmpty else { return nil }
        let ids = shared.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }.prefix(limit).map(\.key)
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM tm_segments WHERE id IN (\(placeholders(ids.count)))", arguments: StatementArguments(ids))
        var best: MemoryMatch?
        for row in rows {
            let candidate = Self.words(try Self.optionalColumn(row, "words") as Data? ?? Data())
            let score = min(99, MemoryText.score(words, candidate))
            guard score >= threshold else { continue }
            let segment = try segment(from: row)
            if let current = best, current.score > score || (current.score == score && (current.segment.created, current.segment.id) >= (segment.created, segment.id)) { continue }
            best = MemoryMatch(score: score, segment: segment)
        }
        return best
    }

    // MARK: Stats

    public struct Stats: Sendable {
        public var segments = 0
        /// Segments per language pair (`el-GR → en`), most first.
        public var pairs: [(pair: String, segments: Int)] = []
        /// Segments per origin kind (tmx, xliff, pair).
        public var origins: [(kind: String, segments: Int)] = []
        public var files = 0
        public var indexedWords = 0
        public var oldest: Date?
        public var newest: Date?
    }

    public func stats() throws -> Stats {
        guard hasTables else { return Stats() }
        return try Self.read(database, path: path) { db in
            var stats = Stats()
            stats.segments = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tm_segments") ?? 0
            stats.pairs = try Row.fetchAll(db, sql: """
                SELECT source_lang || ' → ' || target_lang AS pair, COUNT(*) AS n FROM tm_segments GROUP BY source_lang, target_lang ORDER BY n DESC, pair
                """).map { (try Self.column($0, "pair"), try Self.column($0, "n")) }
            stats.origins = try Row.fetchAll(db, sql: "SELECT origin_kind, COUNT(*) AS n FROM tm_segments GROUP BY origin_kind ORDER BY n DESC")
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

    /// A language tag as stored: trimmed, `_` → `-`, lower-case (BCP 47 tags compare without case).
    static func tag(_ language: String) -> String {
        language.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-").lowercased()
    }

    /// The pair lookups match on: primary subtags, so `el-GR → en-US` serves `el → en`.
    static func pair(_ source: String, _ target: String) -> String {
        TranslationProfileLoader.primary(source) + ">" + TranslationProfileLoader.primary(target)
    }

    /// The index key of a word: its hash mixed with the language pair's, so each pair has its
    /// own postings and word counts.
    static func postingKey(_ word: UInt64, pair: UInt64) -> Int64 {
        Int64(bitPattern: XXH64.finish(XXH64.combine(pair, word)))
    }

    static func pairHash(_ pair: String) -> UInt64 { XXH64.hash(pair) }

    /// Word hashes as stored: 8 bytes each, little-endian.
    static func blob(_ words: [UInt64]) -> Data {
        var data = Data(capacity: words.count * 8)
        for word in words { withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    static func words(_ data: Data) -> [UInt64] {
        data.withUnsafeBytes { raw in
            stride(from: 0, to: raw.count - 7, by: 8).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0, as: UInt64.self)) }
        }
    }

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
