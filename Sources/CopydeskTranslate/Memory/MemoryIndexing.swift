import CopydeskCore
import CopydeskText
import Foundation

/// The translation memory's rows and lookup steps, apart from the tables that hold them: both
/// stores (`TranslationMemory` on SQLite, `PostgresTranslationMemory`) prepare rows and decide
/// matches here and only fetch in between, so they cannot drift apart.
///
/// A row is one distinct pair: languages, both texts, the source key (`MemoryText.key`) and its
/// hash, the target's hash, the key's word hashes, origin, time. The fuzzy index maps a posting
/// key (a word's hash mixed with its language pair's) to the segments holding it and their
/// lengths; a word count says in how many segments of the pair a word occurs.
///
/// Fuzzy lookup uses prefix filtering, which loses no match: a paragraph of n words can be at most
/// d = ⌊(100 − t)·n ÷ t⌋ word edits from any paragraph scoring t% or more, so of its d + 1 rarest
/// word positions at least one word is shared with every such paragraph. Only the segments
/// holding one of those words are candidates; the best by shared words (and of a fitting length)
/// are scored exactly.
public struct MemoryIndexing: Sendable {
    public let text: MemoryText

    public init() throws {
        text = try MemoryText()
    }

    // MARK: Rows

    /// A pair as stored.
    public struct Row: Sendable {
        public var sourceLanguage: String
        public var targetLanguage: String
        /// Primary subtags, `el>en`: what lookups match on.
        public var pair: String
        public var source: String
        public var target: String
        public var key: String
        public var keyHash: Int64
        public var targetHash: Int64
        public var words: [UInt64]
        public var originKind: String
        public var origin: String
        public var unit: String?
        /// Seconds since 1970.
        public var created: Double
        /// The posting keys of its distinct words, ascending (so index pages fill in order).
        public var postings: [Int64]

        /// The word hashes as stored: 8 bytes each, little-endian.
        public var wordBytes: Data { MemoryIndexing.bytes(words) }

        /// Rows with the same identity are one pair (the stores' unique key).
        public var identity: String { "\(sourceLanguage)\u{0}\(targetLanguage)\u{0}\(keyHash)\u{0}\(targetHash)" }
    }

    /// The entries as rows, normalized and hashed before any store is touched (so no lock is held
    /// while ICU works); entries with an empty side are counted, not returned.
    public func rows(_ entries: [MemoryEntry], created: Date) throws -> (rows: [Row], empty: Int) {
        var rows: [Row] = []
        rows.reserveCapacity(entries.count)
        var empty = 0
        for entry in entries {
            let source = MemoryText.collapsingWhitespace(entry.source)
            let target = MemoryText.collapsingWhitespace(entry.target)
            let key: String
            do { key = try text.key(source) } catch { throw CopydeskError.input(file: entry.origin, message: "cannot normalize a source paragraph: \(error)") }
            guard !key.isEmpty, !target.isEmpty else { empty += 1; continue }
            let words = (try? text.words(ofKey: key)) ?? []
            let sourceLanguage = Self.tag(entry.sourceLanguage), targetLanguage = Self.tag(entry.targetLanguage)
            let pair = Self.pair(sourceLanguage, targetLanguage)
            let pairHash = Self.pairHash(pair)
            rows.append(Row(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, pair: pair, source: source, target: target,
                            key: key, keyHash: MemoryText.hash(key), targetHash: MemoryText.hash(target), words: words,
                            originKind: entry.originKind, origin: entry.origin, unit: entry.unit,
                            created: created.timeIntervalSince1970,
                            postings: Set(words.map { Self.postingKey($0, pair: pairHash) }).sorted()))
        }
        return (rows, empty)
    }

    /// How many segments each posting key gains from `rows` (the word counts to add).
    public static func wordCounts(_ rows: [Row]) -> [(word: Int64, segments: Int)] {
        var counts: [Int64: Int] = [:]
        for row in rows { for word in row.postings { counts[word, default: 0] += 1 } }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    // MARK: Lookup

    /// A paragraph to look up.
    public struct Query: Sendable {
        public var key: String
        public var keyHash: Int64
        public var pair: String
        public var words: [UInt64]
        /// One posting key per word position (repeats kept: a repeated word counts per position).
        public var postings: [Int64]
    }

    public func query(_ paragraph: String, sourceLanguage: String, targetLanguage: String) -> Query {
        let key = (try? text.key(paragraph)) ?? MemoryText.collapsingWhitespace(paragraph)
        let words = (try? text.words(ofKey: key)) ?? []
        let pair = Self.pair(Self.tag(sourceLanguage), Self.tag(targetLanguage))
        let pairHash = Self.pairHash(pair)
        return Query(key: key, keyHash: MemoryText.hash(key), pair: pair, words: words, postings: words.map { Self.postingKey($0, pair: pairHash) })
    }

    /// The exact match among the segments of the query's key hash and pair: the most recently
    /// stored one whose key is the query's (a hash collision is no match).
    public static func exact(_ query: Query, among segments: [(segment: MemorySegment, key: String)]) -> MemoryMatch? {
        segments.filter { $0.key == query.key }
            .max { ($0.segment.created, $0.segment.id) < ($1.segment.created, $1.segment.id) }
            .map { MemoryMatch(score: 100, segment: $0.segment) }
    }

    /// The words to probe the index with and the lengths a match can have.
    public struct Probe: Sendable {
        public var words: [Int64]
        public var lengths: ClosedRange<Int>
    }

    /// The d + 1 rarest word positions (see the type) that any segment has; nil when no segment
    /// can score `threshold`. `frequencies`: segments per posting key, as stored (absent: none).
    public static func probe(_ query: Query, threshold: Int, frequencies: [Int64: Int]) -> Probe? {
        guard !query.words.isEmpty, threshold < 100 else { return nil }
        // A word nobody has counts as rarest (it can match nothing).
        let positions = query.postings.sorted { (frequencies[$0] ?? 0) < (frequencies[$1] ?? 0) }
        let maximumDistance = MemoryText.maximumDistance(words: query.words.count, threshold: threshold)
        let probes = Set(positions.prefix(min(positions.count, maximumDistance + 1)).filter { (frequencies[$0] ?? 0) > 0 })
        guard !probes.isEmpty else { return nil }
        let shortest = (threshold * query.words.count + 99) / 100, longest = (100 * query.words.count) / threshold
        return Probe(words: probes.sorted(), lengths: shortest...max(shortest, longest))
    }

    /// The segments to score, from the index alone: those of a fitting length, most probe words
    /// shared first, then the newest, at most `limit`.
    public static func candidates(_ postings: [(segment: Int64, length: Int)], probe: Probe, limit: Int) -> [Int64] {
        var shared: [Int64: Int] = [:]
        for posting in postings where probe.lengths.contains(posting.length) { shared[posting.segment, default: 0] += 1 }
        return shared.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }.prefix(limit).map(\.key)
    }

    /// The best-scoring segment at or above `threshold` (at most 99: only an exact match is 100);
    /// among equals the most recently stored.
    public static func best(_ query: Query, among segments: [(segment: MemorySegment, words: [UInt64])], threshold: Int) -> MemoryMatch? {
        var best: MemoryMatch?
        for (segment, words) in segments {
            let score = min(99, MemoryText.score(query.words, words))
            guard score >= threshold else { continue }
            if let current = best, current.score > score || (current.score == score && (current.segment.created, current.segment.id) >= (segment.created, segment.id)) { continue }
            best = MemoryMatch(score: score, segment: segment)
        }
        return best
    }

    // MARK: Encodings shared by the stores

    /// A language tag as stored: trimmed, `_` → `-`, lower-case (BCP 47 tags compare without case).
    public static func tag(_ language: String) -> String {
        language.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-").lowercased()
    }

    /// The pair lookups match on: primary subtags, so `el-GR → en-US` serves `el → en`.
    public static func pair(_ source: String, _ target: String) -> String {
        TranslationProfileLoader.primary(source) + ">" + TranslationProfileLoader.primary(target)
    }

    /// The index key of a word: its hash mixed with the language pair's, so each pair has its
    /// own postings and word counts.
    public static func postingKey(_ word: UInt64, pair: UInt64) -> Int64 {
        Int64(bitPattern: XXH64.finish(XXH64.combine(pair, word)))
    }

    public static func pairHash(_ pair: String) -> UInt64 { XXH64.hash(pair) }

    /// Word hashes as stored: 8 bytes each, little-endian.
    public static func bytes(_ words: [UInt64]) -> Data {
        var data = Data(capacity: words.count * 8)
        for word in words { withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    public static func words<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt64] {
        let array = Array(bytes)
        return array.withUnsafeBytes { raw in
            stride(from: 0, to: raw.count - 7, by: 8).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0, as: UInt64.self)) }
        }
    }
}
