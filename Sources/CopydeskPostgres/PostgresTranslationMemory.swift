import CopydeskCore
import CopydeskTranslate
import Foundation
import Logging
import PostgresNIO

/// The translation memory in the shared PostgreSQL archive, beside the dedup archive's tables
/// (`copydesk.tm_*`, schema migration 2), so every translator and worker of a desk reuses the
/// same approved pairs. Same rows, same lookups and the same contract as the SQLite memory
/// (`TranslationMemory`): both go through `MemoryIndexing`.
///
/// - An import is one transaction: a lost connection or a full disk rolls it back whole.
/// - Two imports at once: the unique (languages, key hash, target hash) keeps a pair once (an
///   insert of a pair another open transaction holds waits for it, then skips the pair), and the
///   word counts are added by upsert. Both take their rows in one global order (pairs by
///   identity, words ascending), so two imports never wait on each other in a cycle; a deadlock
///   the server breaks anyway is retried whole by `PostgresStore.operation`.
/// - The connection pool, deadline and error messages (host and database, never the password)
///   are the archive's: this type works through a `PostgresStore`.
public final class PostgresTranslationMemory: TranslationMemoryStore {
    public let store: PostgresStore
    private let indexing: MemoryIndexing

    public var location: String { store.location }

    public init(store: PostgresStore) throws {
        self.store = store
        do {
            indexing = try MemoryIndexing()
        } catch {
            throw CopydeskError.input(file: store.location, message: "ICU normalization data is unavailable: \(error)")
        }
    }

    /// The memory of the archive at a `postgres://` URL; with `create` false a database without a
    /// Copydesk archive is refused rather than set up.
    public convenience init(url: String, create: Bool = true) throws {
        try self.init(store: PostgresStore(url: url, parameters: nil, create: create))
    }

    /// Closes the pool's connections.
    public func close() { store.close() }

    // MARK: Writing

    @discardableResult
    public func add(_ entries: [MemoryEntry], now: Date) async throws -> MemoryImportResult {
        let prepared = try indexing.rows(entries, created: now)
        var result = MemoryImportResult(empty: prepared.empty)
        let rows = Self.distinct(prepared.rows)
        result.known = prepared.rows.count - rows.count
        guard !rows.isEmpty else { return result }
        let doing = "cannot update the translation memory (\(entries.count) pair\(entries.count == 1 ? "" : "s") from \(entries.first!.origin))"
        let added = try await store.transaction(doing) { connection, logger in
            try await Self.insert(rows, connection, logger: logger)
        }
        result.added = added
        result.known += rows.count - added
        return result
    }

    /// Copies rows read back from another memory (migration), in one transaction that also records
    /// `progress` under `marker`, so an interrupted copy resumes after the last batch that committed.
    /// Returns how many were new.
    public func importRows(_ rows: [MemoryIndexing.Row], marker: String, progress: Int64) async throws -> Int {
        let distinct = Self.distinct(rows)
        return try await store.transaction("cannot copy \(rows.count) translation memory pairs") { connection, logger in
            let added = try await Self.insert(distinct, connection, logger: logger)
            try await connection.query("""
                INSERT INTO copydesk.meta (key, value) VALUES (\(marker), \(String(progress)))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, logger: logger)
            return added
        }
    }

    /// How many of the given pairs (by identity) the memory holds: a migration's check by counts.
    public func count(_ rows: [MemoryIndexing.Row]) async throws -> Int {
        let rows = Self.distinct(rows)
        guard !rows.isEmpty else { return 0 }
        return try await store.connection("cannot read the translation memory") { connection, logger in
            let result = try await connection.query("""
                SELECT count(*) FROM unnest(\(rows.map(\.sourceLanguage))::text[], \(rows.map(\.targetLanguage))::text[],
                                            \(rows.map(\.keyHash))::int8[], \(rows.map(\.targetHash))::int8[]) AS u(s, t, k, h)
                WHERE EXISTS (SELECT 1 FROM copydesk.tm_segments m
                              WHERE m.source_lang = u.s AND m.target_lang = u.t AND m.key_hash = u.k AND m.target_hash = u.h)
                """, logger: logger)
            for try await count in result.decode(Int64.self) { return Int(count) }
            return 0
        }
    }

    /// The rows in a fixed global order, each pair once.
    static func distinct(_ rows: [MemoryIndexing.Row]) -> [MemoryIndexing.Row] {
        var seen = Set<String>()
        return rows.filter { seen.insert($0.identity).inserted }.sorted { $0.identity < $1.identity }
    }

    /// Inserts the pairs not yet stored, their postings and word counts; how many were new.
    static func insert(_ rows: [MemoryIndexing.Row], _ connection: PostgresConnection, logger: Logger) async throws -> Int {
        let inserted = try await connection.query("""
            INSERT INTO copydesk.tm_segments (source_lang, target_lang, pair, source_text, target_text, source_key, key_hash,
                                              target_hash, word_count, words, origin_kind, origin, unit, created)
            SELECT s, t, p, st, tt, k, kh, th, wc, w, ok, o, CASE WHEN hu THEN u END, c
            FROM unnest(\(rows.map(\.sourceLanguage))::text[], \(rows.map(\.targetLanguage))::text[], \(rows.map(\.pair))::text[],
                        \(rows.map(\.source))::text[], \(rows.map(\.target))::text[], \(rows.map(\.key))::text[],
                        \(rows.map(\.keyHash))::int8[], \(rows.map(\.targetHash))::int8[], \(rows.map { Int32($0.words.count) })::int4[],
                        \(rows.map { ByteBuffer(bytes: $0.wordBytes) })::bytea[], \(rows.map(\.originKind))::text[], \(rows.map(\.origin))::text[],
                        \(rows.map { $0.unit ?? "" })::text[], \(rows.map { $0.unit != nil })::bool[], \(rows.map(\.created))::float8[])
                 WITH ORDINALITY AS r(s, t, p, st, tt, k, kh, th, wc, w, ok, o, u, hu, c, ord)
            ORDER BY ord
            ON CONFLICT (source_lang, target_lang, key_hash, target_hash) DO NOTHING
            RETURNING id, source_lang, target_lang, key_hash, target_hash
            """, logger: logger)
        var ids: [String: Int64] = [:]
        for try await (id, source, target, keyHash, targetHash) in inserted.decode((Int64, String, String, Int64, Int64).self) {
            ids["\(source)\u{0}\(target)\u{0}\(keyHash)\u{0}\(targetHash)"] = id
        }
        guard !ids.isEmpty else { return 0 }
        let stored = rows.filter { ids[$0.identity] != nil }
        var words: [Int64] = [], segments: [Int64] = [], lengths: [Int32] = []
        for row in stored {
            let id = ids[row.identity]!
            for word in row.postings {
                words.append(word)
                segments.append(id)
                lengths.append(Int32(row.words.count))
            }
        }
        try await connection.query("""
            INSERT INTO copydesk.tm_words (word, segment, length)
            SELECT * FROM unnest(\(words)::int8[], \(segments)::int8[], \(lengths)::int4[]) AS p(word, segment, length)
            ORDER BY word, segment
            ON CONFLICT DO NOTHING
            """, logger: logger)
        let counts = MemoryIndexing.wordCounts(stored)
        try await connection.query("""
            INSERT INTO copydesk.tm_word_counts (word, segments)
            SELECT * FROM unnest(\(counts.map(\.word))::int8[], \(counts.map { Int32($0.segments) })::int4[]) AS c(word, segments)
            ORDER BY word
            ON CONFLICT (word) DO UPDATE SET segments = copydesk.tm_word_counts.segments + excluded.segments
            """, logger: logger)
        return ids.count
    }

    // MARK: Lookup

    public func lookup(_ paragraphs: [String], sourceLanguage: String, targetLanguage: String,
                       threshold: Int = 75, candidates: Int = 100) async throws -> [MemoryMatch?] {
        let queries = paragraphs.map { indexing.query($0, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage) }
        let threshold = min(100, max(1, threshold))
        return try await store.connection("cannot read the translation memory") { connection, logger in
            // The exact matches of all paragraphs in one round trip.
            let keyed = queries.filter { !$0.key.isEmpty }
            var byHash: [Int64: [(segment: MemorySegment, key: String)]] = [:]
            if let pair = keyed.first?.pair {
                let rows = try await connection.query("""
                    SELECT \(unescaped: Self.segmentColumns), source_key, key_hash FROM copydesk.tm_segments
                    WHERE key_hash = ANY(\(Array(Set(keyed.map(\.keyHash))))::int8[]) AND pair = \(pair)
                    """, logger: logger)
                for try await (id, source, target, sourceText, targetText, kind, origin, unit, created, key, hash)
                    in rows.decode((Int64, String, String, String, String, String, String, String?, Double, String, Int64).self) {
                    byHash[hash, default: []].append((Self.segment(id, source, target, sourceText, targetText, kind, origin, unit, created), key))
                }
            }
            var matches: [MemoryMatch?] = []
            for query in queries {
                guard !query.key.isEmpty else { matches.append(nil); continue }
                if let exact = MemoryIndexing.exact(query, among: byHash[query.keyHash] ?? []) { matches.append(exact); continue }
                matches.append(try await Self.fuzzy(query, threshold: threshold, limit: candidates, connection, logger: logger))
            }
            return matches
        }
    }

    private static func fuzzy(_ query: MemoryIndexing.Query, threshold: Int, limit: Int, _ connection: PostgresConnection, logger: Logger) async throws -> MemoryMatch? {
        guard !query.words.isEmpty, threshold < 100 else { return nil }
        var frequencies: [Int64: Int] = [:]
        let counted = try await connection.query("""
            SELECT word, segments FROM copydesk.tm_word_counts WHERE word = ANY(\(Array(Set(query.postings)))::int8[])
            """, logger: logger)
        for try await (word, segments) in counted.decode((Int64, Int32).self) { frequencies[word] = Int(segments) }
        guard let probe = MemoryIndexing.probe(query, threshold: threshold, frequencies: frequencies) else { return nil }
        var postings: [(segment: Int64, length: Int)] = []
        let found = try await connection.query("""
            SELECT segment, length FROM copydesk.tm_words WHERE word = ANY(\(probe.words)::int8[])
            """, logger: logger)
        for try await (segment, length) in found.decode((Int64, Int32).self) { postings.append((segment, Int(length))) }
        let ids = MemoryIndexing.candidates(postings, probe: probe, limit: limit)
        guard !ids.isEmpty else { return nil }
        var segments: [(segment: MemorySegment, words: [UInt64])] = []
        let rows = try await connection.query("""
            SELECT \(unescaped: segmentColumns), words FROM copydesk.tm_segments WHERE id = ANY(\(ids)::int8[])
            """, logger: logger)
        for try await (id, source, target, sourceText, targetText, kind, origin, unit, created, words)
            in rows.decode((Int64, String, String, String, String, String, String, String?, Double, ByteBuffer).self) {
            segments.append((segment(id, source, target, sourceText, targetText, kind, origin, unit, created),
                             MemoryIndexing.words(words.readableBytesView)))
        }
        return MemoryIndexing.best(query, among: segments, threshold: threshold)
    }

    private static let segmentColumns = "id, source_lang, target_lang, source_text, target_text, origin_kind, origin, unit, created"

    private static func segment(_ id: Int64, _ source: String, _ target: String, _ sourceText: String, _ targetText: String,
                                _ kind: String, _ origin: String, _ unit: String?, _ created: Double) -> MemorySegment {
        MemorySegment(id: id, sourceLanguage: source, targetLanguage: target, source: sourceText, target: targetText,
                      originKind: kind, origin: origin, unit: unit, created: Date(timeIntervalSince1970: created))
    }

    // MARK: Stats

    public func stats() async throws -> MemoryStats {
        try await store.connection("cannot read the translation memory") { connection, logger in
            var stats = MemoryStats()
            let totals = try await connection.query("""
                SELECT (SELECT count(*) FROM copydesk.tm_segments), (SELECT count(DISTINCT origin) FROM copydesk.tm_segments),
                       (SELECT count(*) FROM copydesk.tm_word_counts),
                       (SELECT min(created) FROM copydesk.tm_segments), (SELECT max(created) FROM copydesk.tm_segments)
                """, logger: logger)
            for try await (segments, files, words, oldest, newest) in totals.decode((Int64, Int64, Int64, Double?, Double?).self) {
                stats.segments = Int(segments)
                stats.files = Int(files)
                stats.indexedWords = Int(words)
                stats.oldest = oldest.map(Date.init(timeIntervalSince1970:))
                stats.newest = newest.map(Date.init(timeIntervalSince1970:))
            }
            let pairs = try await connection.query("""
                SELECT source_lang || ' → ' || target_lang AS languages, count(*) AS n FROM copydesk.tm_segments
                GROUP BY source_lang, target_lang ORDER BY n DESC, (source_lang || ' → ' || target_lang) COLLATE "C"
                """, logger: logger)
            for try await (pair, count) in pairs.decode((String, Int64).self) { stats.pairs.append((pair, Int(count))) }
            let origins = try await connection.query("""
                SELECT origin_kind, count(*) AS n FROM copydesk.tm_segments GROUP BY origin_kind ORDER BY n DESC, origin_kind COLLATE "C"
                """, logger: logger)
            for try await (kind, count) in origins.decode((String, Int64).self) { stats.origins.append((kind, Int(count))) }
            return stats
        }
    }
}
