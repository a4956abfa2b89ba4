import Foundation

/// A story as the archive keeps it: enough to find it again (lookup keys), to judge a match
/// (signature, paragraph texts for exact similarity and diffs) and to name it (id, slug, agency).
public struct ArchivedStory: Sendable, Hashable {
    /// The store's own row number, once stored; nil for a story not yet added.
    public var sequence: Int64?
    /// The story's id (`StoryMetadata.id`, or one derived from path and text hash).
    public var id: String
    public var slug: String?
    public var agency: String?
    /// When the agency created the story, if the format says.
    public var created: Date?
    /// When the archive recorded it; retention (`prune`) goes by this.
    public var recorded: Date
    /// Exact-duplicate hash of the normalized body (hex).
    public var textHash: String
    /// Shingle size the signature was built with (stories and briefs differ).
    public var shingleSize: Int
    /// The MinHash signature. A store may keep only `sketch` and hand back an empty signature:
    /// the matcher then recomputes it from the paragraphs it re-reads anyway.
    public var signature: MinHashSignature
    /// The low byte of each signature value (b-bit MinHash, Li & König 2010): enough to estimate
    /// the similarity before re-reading a candidate's paragraphs (see `MinHashSignature.sketch`).
    public var sketch: [UInt8]
    public var paragraphs: [ArchivedParagraph]
    /// Lookup keys: LSH band keys, the exact-text key, paragraph keys and the slug key. A store
    /// may hand back the keys as it indexes them (`SQLiteStore` keeps their high 32 bits).
    public var keys: [Int64]

    public init(sequence: Int64? = nil, id: String, slug: String?, agency: String?, created: Date?, recorded: Date,
                textHash: String, shingleSize: Int, signature: MinHashSignature, sketch: [UInt8]? = nil,
                paragraphs: [ArchivedParagraph], keys: [Int64]) {
        self.sequence = sequence
        self.id = id
        self.slug = slug
        self.agency = agency
        self.created = created
        self.recorded = recorded
        self.textHash = textHash
        self.shingleSize = shingleSize
        self.signature = signature
        self.sketch = sketch ?? signature.sketch
        self.paragraphs = paragraphs
        self.keys = keys
    }
}

/// One matchable paragraph as archived.
public struct ArchivedParagraph: Sendable, Hashable {
    public var number: Int
    public var hash: UInt64
    public var text: String

    public init(number: Int, hash: UInt64, text: String) {
        self.number = number
        self.hash = hash
        self.text = text
    }
}

/// What `stats()` reports.
public struct ArchiveStats: Sendable, Hashable {
    public var stories: Int
    /// Rows in the key index (band keys, paragraph, text and slug keys).
    public var keys: Int
    /// Bytes on disk, including the write-ahead log.
    public var fileSize: Int64
    public var oldest: Date?
    public var newest: Date?
    public var schemaVersion: Int

    public init(stories: Int, keys: Int, fileSize: Int64, oldest: Date?, newest: Date?, schemaVersion: Int) {
        self.stories = stories
        self.keys = keys
        self.fileSize = fileSize
        self.oldest = oldest
        self.newest = newest
        self.schemaVersion = schemaVersion
    }
}

/// The archive of everything seen. `SQLiteStore` is the embedded default; the protocol speaks only
/// of stories and 64-bit keys, so a shared server store (many workers, one archive) can follow.
///
/// Errors are `CopydeskError` naming the store.
public protocol Store: Sendable {
    /// Where the archive lives, for messages (a server store's without its password).
    var location: String { get }

    /// Connects and checks (or creates, or migrates) the schema, so a refused store fails before
    /// the first story. Every other requirement does this itself if needed.
    func prepare() async throws

    /// Earlier stories sharing at least one key with `keys`, those sharing most first, at most `limit`.
    /// Lookup goes through the key index: its cost follows the number of matches, not the archive size.
    func candidates(keys: [Int64], limit: Int) async throws -> [ArchivedStory]

    /// Looks up candidates for `story`, lets `decide` judge them and, when `record` is true, adds
    /// `story`, all as one atomic step: two writers checking the same story at once cannot both
    /// find nothing and both record it as new.
    func check<T: Sendable>(_ story: ArchivedStory, limit: Int, record: Bool,
                            decide: @escaping @Sendable ([ArchivedStory]) throws -> T) async throws -> T

    /// Adds a story; false when a story with the same id and text hash is already there.
    @discardableResult
    func add(_ story: ArchivedStory) async throws -> Bool

    /// Adds many stories in one step (bulk `archive add`, benchmarks); returns how many were new.
    /// Much faster than one `add` per story, because each step's cost is mostly the index pages it
    /// rewrites, which many stories share.
    @discardableResult
    func add(contentsOf stories: [ArchivedStory]) async throws -> Int

    /// Removes stories recorded before `date`; returns how many.
    @discardableResult
    func prune(olderThan date: Date) async throws -> Int

    func stats() async throws -> ArchiveStats
}

extension Store {
    /// Stores opened (and checked) in their initializer have nothing left to prepare.
    public func prepare() async throws {}
}
