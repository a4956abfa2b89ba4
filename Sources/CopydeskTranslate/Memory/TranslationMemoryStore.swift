import Foundation

/// What `copydesk tm` and `translate prepare` need of a translation memory, wherever it is kept:
/// in an SQLite archive file (`TranslationMemory`) or in the shared PostgreSQL archive
/// (`PostgresTranslationMemory`). Both store the same rows and look up through `MemoryIndexing`,
/// so a paragraph gets the same match, with the same percentage, from either.
///
/// The contract, held by one conformance suite run against both:
/// - `add` stores all the entries or, on any error, none; the same pair (languages, source key,
///   target text up to whitespace) is kept once, also when two writers add it at once.
/// - `lookup` gives each paragraph's best earlier translation scoring at least `threshold`: an
///   exact match (same key) wins, then the highest score, then the most recently stored pair.
public protocol TranslationMemoryStore: AnyObject, Sendable {
    /// Where the memory is, as messages name it: a file path, or `postgres://user@host:port/db`
    /// (never a password).
    var location: String { get }

    /// `now` is the time the pairs are stored with (the newest wins among equal matches).
    @discardableResult
    func add(_ entries: [MemoryEntry], now: Date) async throws -> MemoryImportResult

    /// `threshold` 1…100; `candidates`: segments scored exactly per paragraph at most.
    func lookup(_ paragraphs: [String], sourceLanguage: String, targetLanguage: String,
                threshold: Int, candidates: Int) async throws -> [MemoryMatch?]

    func stats() async throws -> MemoryStats
}

/// What an import did.
public struct MemoryImportResult: Sendable, Hashable {
    /// Pairs stored.
    public var added = 0
    /// Pairs the memory already had (or that came twice in the batch).
    public var known = 0
    /// Pairs left out because a side was empty.
    public var empty = 0

    public init(added: Int = 0, known: Int = 0, empty: Int = 0) {
        self.added = added
        self.known = known
        self.empty = empty
    }
}

/// What `copydesk tm stats` prints.
public struct MemoryStats: Sendable {
    public var segments = 0
    /// Segments per language pair (`el-GR → en`), most first.
    public var pairs: [(pair: String, segments: Int)] = []
    /// Segments per origin kind (tmx, xliff, pair).
    public var origins: [(kind: String, segments: Int)] = []
    public var files = 0
    public var indexedWords = 0
    public var oldest: Date?
    public var newest: Date?

    public init() {}
}
