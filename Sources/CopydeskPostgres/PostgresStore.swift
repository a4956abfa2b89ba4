import CopydeskCore
import CopydeskDedup
import Foundation
import Logging
import PostgresNIO

/// The shared archive: one PostgreSQL database for many workers on many machines, through
/// postgres-nio's connection pool (`PostgresClient`). Same contract as `SQLiteStore` (see `Store`).
///
/// - The schema is created and migrated on first use (`PostgresSchema`); a database of another or
///   newer schema is refused and left untouched.
/// - Every operation is one transaction: a lost connection, a restarted server, a full disk or a
///   timeout rolls it back, so a story is either wholly recorded (row, paragraphs, keys) or absent,
///   and the error names the store (host and database, never the password) and the story. The pool
///   opens a new connection for the next operation, so a worker carries on once the server is back.
/// - Each operation has a deadline (`PostgresLocation.timeout`, also the server's
///   `statement_timeout`), so a worker never hangs on a server that stopped answering.
public final class PostgresStore: Store {
    public let address: PostgresLocation
    public var location: String { address.description }
    private let parameters: String?
    private let create: Bool
    private let pool: Pool
    private let connectionConfiguration: PostgresConnection.Configuration
    private let gate = SchemaGate()
    private let logger = Logger(label: "copydesk.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Times a check-and-record is retried after a serialization failure or a deadlock the server
    /// broke (both roll the transaction back whole; retrying is safe).
    static let retries = 5
    /// Stories read per key at most, the most recent first (as `SQLiteStore.postingLimit`).
    public static let postingLimit = SQLiteStore.postingLimit

    /// Connects lazily: nothing is sent to the server before the first operation, which also
    /// checks (and with `create`, creates or migrates) the schema.
    ///
    /// `parameters` as for `SQLiteStore`: the matching parameters the archive must have been built
    /// with, recorded on first use; nil to open any Copydesk archive (stats, prune, migrate).
    public init(_ address: PostgresLocation, parameters: String? = nil, create: Bool = true, maximumConnections: Int = 8) {
        self.address = address
        self.parameters = parameters
        self.create = create
        var configuration: PostgresClient.Configuration
        if let socket = address.socketPath {
            configuration = .init(unixSocketPath: socket, username: address.username, password: address.password, database: address.database)
        } else {
            configuration = .init(host: address.host, port: address.port, username: address.username, password: address.password,
                                  database: address.database, tls: .disable)
        }
        configuration.options.connectTimeout = .milliseconds(Int64(min(address.timeout, 10) * 1000))
        configuration.options.maximumConnections = max(1, maximumConnections)
        configuration.options.additionalStartupParameters = [
            ("application_name", "copydesk"),
            // The server gives up on a statement (a lock wait included) at the operation's deadline.
            ("statement_timeout", String(Int(address.timeout * 1000))),
        ]
        var direct: PostgresConnection.Configuration
        if let socket = address.socketPath {
            direct = .init(unixSocketPath: socket, username: address.username, password: address.password, database: address.database)
        } else {
            direct = .init(host: address.host, port: address.port, username: address.username, password: address.password,
                           database: address.database, tls: .disable)
        }
        direct.options.connectTimeout = .milliseconds(Int64(min(address.timeout, 10) * 1000))
        connectionConfiguration = direct
        pool = Pool(configuration)
    }

    /// Opens the store at a `postgres://` URL (password from the environment, see `PostgresLocation`).
    public convenience init(url: String, parameters: String? = nil, create: Bool = true) throws {
        self.init(try PostgresLocation(url: url), parameters: parameters, create: create)
    }

    deinit { pool.close() }

    /// Closes the pool's connections (tests, and commands that open a store for a moment).
    public func close() { pool.close() }

    // MARK: Store

    public func prepare() async throws {
        try await ready("cannot open the archive")
    }

    public func candidates(keys: [Int64], limit: Int) async throws -> [ArchivedStory] {
        try await ready("cannot read the archive")
        let probe = Self.distinct(keys)
        return try await operation("cannot read the archive") { client, logger in
            try await client.withConnection { connection in
                try await Self.candidates(connection, keys: probe, limit: limit, logger: logger)
            }
        }
    }

    public func check<T: Sendable>(_ story: ArchivedStory, limit: Int, record: Bool,
                                   decide: @escaping @Sendable ([ArchivedStory]) throws -> T) async throws -> T {
        let doing = record ? "cannot check and record story \(story.id)" : "cannot check story \(story.id)"
        try await ready(doing)
        let keys = Self.distinct(story.keys)
        return try await operation(doing) { client, logger in
            try await client.withTransaction(logger: logger) { connection in
                // Atomic across processes and machines: advisory locks keyed by the story's lookup
                // keys, taken in key order (so two stories never wait on each other in a cycle) and
                // held to the end of the transaction. Candidates are by definition stories sharing a
                // key with this one, so any story a concurrent worker is checking that could be a
                // candidate (or this very story, resent) shares a lock and waits for the first to
                // commit. The lock is a statement of its own, before the lookup: in READ COMMITTED
                // every statement sees what was committed when it started, so the lookup then sees
                // the other worker's story. Two workers receiving one story thus end with one `new`
                // and one `duplicate`. This was chosen over SERIALIZABLE (whose predicate locks on a
                // key index abort and retry many unrelated stories under load) and over a unique
                // exact hash plus re-check (which covers exact resends only, not updates or
                // near-duplicates arriving at once). Stories sharing no key never wait for each other.
                if record {
                    // unnest yields the (sorted) keys in order and a plain scan evaluates them in that order.
                    let locks = try await connection.query(
                        "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(k) FROM unnest(\(keys)::int8[]) AS t(k)) AS held",
                        logger: logger)
                    for try await _ in locks.decode(Int64.self) {}
                }
                let candidates = try await Self.candidates(connection, keys: keys, limit: limit, logger: logger)
                let decision = try decide(candidates)
                if record { _ = try await Self.insert(connection, story, logger: logger) }
                return decision
            }
        }
    }

    @discardableResult
    public func add(_ story: ArchivedStory) async throws -> Bool {
        try await ready("cannot record story \(story.id)")
        return try await operation("cannot record story \(story.id)") { client, logger in
            try await client.withConnection { connection in try await Self.insert(connection, story, logger: logger) }
        }
    }

    /// One statement for the whole batch (arrays unnested server-side), so a batch costs one round
    /// trip; it is atomic, and stories already there are skipped.
    @discardableResult
    public func add(contentsOf stories: [ArchivedStory]) async throws -> Int {
        if stories.isEmpty { return 0 }
        let doing = "cannot record \(stories.count) stories (\(stories.first!.id) to \(stories.last!.id))"
        try await ready(doing)
        let batch = Batch(stories, keysIndexed: false)
        return try await operation(doing) { client, logger in
            try await client.withConnection { connection in try await batch.insert(connection, logger: logger) }
        }
    }

    @discardableResult
    public func prune(olderThan date: Date) async throws -> Int {
        try await ready("cannot prune the archive")
        let cutoff = SQLiteStore.milliseconds(date)
        var total = 0
        // In batches, each its own transaction, so a long prune never holds writers for long.
        while true {
            let removed = try await operation("cannot prune the archive") { client, logger in
                try await client.withTransaction(logger: logger) { connection -> Int in
                    let rows = try await connection.query("""
                        SELECT seq, keys FROM copydesk.stories WHERE recorded < \(cutoff) ORDER BY recorded LIMIT 2000 FOR UPDATE SKIP LOCKED
                        """, logger: logger)
                    var sequences: [Int64] = [], keyStories: [Int64] = [], keys: [Int64] = []
                    for try await (sequence, packed) in rows.decode((Int64, ByteBuffer).self) {
                        sequences.append(sequence)
                        for key in Self.unpack(packed) { keys.append(key); keyStories.append(sequence) }
                    }
                    guard !sequences.isEmpty else { return 0 }
                    try await connection.query("""
                        DELETE FROM copydesk.story_keys k USING unnest(\(keys)::int8[], \(keyStories)::int8[]) AS d(key, story)
                        WHERE k.key = d.key AND k.story = d.story
                        """, logger: logger)
                    try await connection.query("DELETE FROM copydesk.story_paragraphs WHERE story = ANY(\(sequences)::int8[])", logger: logger)
                    try await connection.query("DELETE FROM copydesk.stories WHERE seq = ANY(\(sequences)::int8[])", logger: logger)
                    return sequences.count
                }
            }
            total += removed
            if removed < 2000 { return total }
        }
    }

    public func stats() async throws -> ArchiveStats {
        try await ready("cannot read the archive")
        return try await operation("cannot read the archive") { client, logger in
            try await client.withConnection { connection in
                let rows = try await connection.query("""
                    SELECT (SELECT count(*) FROM copydesk.stories), (SELECT count(*) FROM copydesk.story_keys),
                           (SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::int8 FROM pg_class c
                              JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'copydesk' AND c.relkind = 'r'),
                           (SELECT min(recorded) FROM copydesk.stories), (SELECT max(recorded) FROM copydesk.stories)
                    """, logger: logger)
                var stats = ArchiveStats(stories: 0, keys: 0, fileSize: 0, oldest: nil, newest: nil, schemaVersion: 0)
                for try await (stories, keys, size, oldest, newest) in rows.decode((Int64, Int64, Int64, Int64?, Int64?).self) {
                    stats = ArchiveStats(stories: Int(stories), keys: Int(keys), fileSize: size, oldest: oldest.map(SQLiteStore.date),
                                         newest: newest.map(SQLiteStore.date), schemaVersion: 0)
                }
                stats.schemaVersion = try await PostgresSchema.version(connection, logger: logger)
                return stats
            }
        }
    }

    /// One round trip through the pool within `seconds` (at most the store's deadline): what a
    /// readiness probe asks, so a server whose database is down says so.
    public func ping(seconds: Double) async throws {
        let doing = "cannot reach the archive"
        do {
            try await Deadline.run(seconds: min(seconds, address.timeout)) { [self] in
                try await ready(doing)
                try await operation(doing) { client, logger in
                    try await client.query("SELECT 1", logger: logger)
                    return ()
                }
            }
        } catch let error as CopydeskError {
            throw error
        } catch {
            throw PostgresErrors.describe(error, location: location, doing: doing, timeout: seconds)
        }
    }

    /// Whether a story of this id and text hash is recorded (migration's resume check, tests).
    public func contains(id: String, textHash: String) async throws -> Bool {
        try await ready("cannot read the archive")
        return try await operation("cannot read the archive") { client, logger in
            let rows = try await client.query("SELECT 1 FROM copydesk.stories WHERE id = \(id) AND text_hash = \(textHash)", logger: logger)
            for try await _ in rows { return true }
            return false
        }
    }

    // MARK: Migration

    /// Copies stories read back from another archive (keys already index keys), as one
    /// transaction that also records `progress` under `marker` in the meta table, so an
    /// interrupted migration resumes after the last batch that committed. Returns how many were new.
    public func importStories(_ stories: [ArchivedStory], marker: String, progress: Int64) async throws -> Int {
        let doing = "cannot copy \(stories.count) stories" + (stories.first.map { " (\($0.id) onwards)" } ?? "")
        try await ready(doing)
        let batch = Batch(stories, keysIndexed: true)
        return try await operation(doing) { client, logger in
            try await client.withTransaction(logger: logger) { connection in
                let added = try await batch.insert(connection, logger: logger)
                try await connection.query("""
                    INSERT INTO copydesk.meta (key, value) VALUES (\(marker), \(String(progress)))
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """, logger: logger)
                return added
            }
        }
    }

    /// The progress recorded under `marker` by `importStories`, or nil.
    public func progress(marker: String) async throws -> Int64? {
        try await ready("cannot read the archive")
        return try await operation("cannot read the archive") { client, logger in
            let rows = try await client.query("SELECT value FROM copydesk.meta WHERE key = \(marker)", logger: logger)
            for try await value in rows.decode(String.self) { return Int64(value) }
            return nil
        }
    }

    /// Forgets the progress recorded under `markers`, so the next migration copies from the start.
    public func clearProgress(markers: [String]) async throws {
        try await ready("cannot update the archive")
        try await operation("cannot update the archive") { client, logger in
            try await client.query("DELETE FROM copydesk.meta WHERE key = ANY(\(markers)::text[])", logger: logger)
            return ()
        }
    }

    /// How many of the given versions (id, text hash) are recorded, and how many of those have
    /// their paragraph row (a migration's check by counts).
    public func count(ids: [String], textHashes: [String]) async throws -> (stories: Int, paragraphs: Int) {
        try await ready("cannot read the archive")
        return try await operation("cannot read the archive") { client, logger in
            let rows = try await client.query("""
                WITH v AS (SELECT DISTINCT s.seq FROM unnest(\(ids)::text[], \(textHashes)::text[]) AS u(id, text_hash)
                           JOIN copydesk.stories s ON s.id = u.id AND s.text_hash = u.text_hash)
                SELECT (SELECT count(*) FROM v), (SELECT count(*) FROM copydesk.story_paragraphs p JOIN v ON p.story = v.seq)
                """, logger: logger)
            for try await (stories, paragraphs) in rows.decode((Int64, Int64).self) {
                return (Int(stories), Int(paragraphs))
            }
            return (0, 0)
        }
    }

    // MARK: Running operations

    /// The schema checked once (a failure is not remembered: the server may be back next time).
    /// Through a connection of its own rather than the pool, so an unreachable server, a missing
    /// database or a refused login fails at once with the server's reason (the pool would keep
    /// retrying quietly until the deadline).
    private func ready(_ doing: String) async throws {
        let address = self.address, parameters = self.parameters, create = self.create, configuration = connectionConfiguration
        let logger = self.logger
        try await gate.pass {
            do {
                try await Deadline.run(seconds: address.timeout) {
                    let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
                    do {
                        try await connection.withTransaction(logger: logger) { connection in
                            try await PostgresSchema.prepare(connection, location: address.description, parameters: parameters, create: create, logger: logger)
                        }
                        try await connection.close()
                    } catch {
                        try? await connection.close()
                        throw error
                    }
                }
            } catch {
                throw PostgresErrors.describe(error, location: address.description, doing: doing, timeout: address.timeout)
            }
        }
    }

    /// Why no connection could be had: a direct attempt, whose error says (refused, unknown host…),
    /// itself bounded by the deadline.
    private func probe() async -> (any Error)? {
        let configuration = connectionConfiguration, logger = self.logger
        do {
            try await Deadline.run(seconds: address.timeout) {
                let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
                try? await connection.close()
            }
            return nil
        } catch {
            return error
        }
    }

    /// `body` in one transaction of a pooled connection, once the schema is ready, as `operation`
    /// runs it (deadline, retries, errors naming the store). For the translation memory's tables.
    func transaction<T: Sendable>(_ doing: String, _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) async throws -> T {
        try await ready(doing)
        return try await operation(doing) { client, logger in
            try await client.withTransaction(logger: logger) { connection in try await body(connection, logger) }
        }
    }

    /// `body` on a pooled connection, once the schema is ready, as `operation` runs it.
    func connection<T: Sendable>(_ doing: String, _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) async throws -> T {
        try await ready(doing)
        return try await operation(doing) { client, logger in
            try await client.withConnection { connection in try await body(connection, logger) }
        }
    }

    /// Runs `body` under the deadline, retrying serialization failures and deadlocks, and turns
    /// errors into one line naming the store and what was being done.
    private func operation<T: Sendable>(_ doing: String, _ body: @escaping @Sendable (PostgresClient, Logger) async throws -> T) async throws -> T {
        let client = pool.client, logger = self.logger, timeout = address.timeout
        var attempt = 0
        while true {
            do {
                return try await Deadline.run(seconds: timeout) { try await body(client, logger) }
            } catch {
                attempt += 1
                if attempt <= Self.retries, PostgresErrors.isRetryable(error) || PostgresErrors.isLostBeforeCommit(error) { continue }
                if error is Deadline.Exceeded {
                    if let reason = await probe() {
                        throw PostgresErrors.describe(reason, location: location, doing: doing, timeout: timeout)
                    }
                    // The server answers a new connection but the pool did not give one in time:
                    // its connections may be wedged (a restart cut them mid-query). The next
                    // operation gets a new pool; this one is failed, never retried (it may have
                    // committed, and is not reported as recorded).
                    pool.replace(client)
                }
                throw PostgresErrors.describe(error, location: location, doing: doing, timeout: timeout)
            }
        }
    }

    // MARK: SQL

    /// The keys as indexed, distinct and in order: their high 32 bits, as `SQLiteStore` keeps them,
    /// so an archive migrated from SQLite keeps matching (and both stores find the same candidates).
    static func distinct(_ keys: [Int64]) -> [Int64] { SQLiteStore.indexKeys(keys).sorted() }

    /// Earlier stories sharing most keys with `keys` (each key's `postingLimit` newest only).
    static func candidates(_ connection: PostgresConnection, keys: [Int64], limit: Int, logger: Logger) async throws -> [ArchivedStory] {
        guard !keys.isEmpty, limit > 0 else { return [] }
        let rows = try await connection.query("""
            WITH posting AS (
                SELECT p.story FROM unnest(\(keys)::int8[]) AS probe(k)
                CROSS JOIN LATERAL (SELECT story FROM copydesk.story_keys WHERE key = probe.k ORDER BY story DESC LIMIT \(unescaped: String(postingLimit))) p
            ), ranked AS (
                SELECT story, count(*) AS shared FROM posting GROUP BY story ORDER BY shared DESC, story DESC LIMIT \(limit)
            )
            SELECT s.seq, s.id, s.text_hash, s.recorded, s.created, s.slug, s.agency, s.shingle_size, s.sketch, s.keys, p.data
            FROM ranked r JOIN copydesk.stories s ON s.seq = r.story LEFT JOIN copydesk.story_paragraphs p ON p.story = s.seq
            ORDER BY r.shared DESC, s.seq DESC
            """, logger: logger)
        var result: [ArchivedStory] = []
        for try await row in rows {
            let (sequence, id, textHash, recorded, created, slug, agency, shingleSize, sketch, packedKeys, paragraphs) =
                try row.decode((Int64, String, String, Int64, Int64?, String?, String?, Int32, ByteBuffer, ByteBuffer, ByteBuffer?).self)
            result.append(ArchivedStory(
                sequence: sequence, id: id, slug: slug, agency: agency, created: created.map(SQLiteStore.date),
                recorded: SQLiteStore.date(recorded), textHash: textHash, shingleSize: Int(shingleSize),
                signature: MinHashSignature(values: []), sketch: Array(buffer: sketch),
                paragraphs: ParagraphCoding.decode(paragraphs.map { Array(buffer: $0) } ?? []), keys: unpack(packedKeys)))
        }
        return result
    }

    /// Inserts the story, its paragraphs and keys in one statement; false if (id, text hash) is there.
    static func insert(_ connection: PostgresConnection, _ story: ArchivedStory, logger: Logger) async throws -> Bool {
        let keys = distinct(story.keys)
        let rows = try await connection.query("""
            WITH s AS (
                INSERT INTO copydesk.stories (id, text_hash, recorded, created, slug, agency, shingle_size, sketch, keys)
                VALUES (\(story.id), \(story.textHash), \(SQLiteStore.milliseconds(story.recorded)), \(story.created.map(SQLiteStore.milliseconds)),
                        \(story.slug), \(story.agency), \(Int32(story.shingleSize)), \(ByteBuffer(bytes: story.sketch)), \(pack(keys)))
                ON CONFLICT (id, text_hash) DO NOTHING RETURNING seq
            ), p AS (
                INSERT INTO copydesk.story_paragraphs (story, data) SELECT seq, \(ByteBuffer(bytes: ParagraphCoding.encode(story.paragraphs))) FROM s
            ), k AS (
                INSERT INTO copydesk.story_keys (key, story) SELECT u.k, s.seq FROM s, unnest(\(keys)::int8[]) AS u(k)
            )
            SELECT seq FROM s
            """, logger: logger)
        for try await _ in rows { return true }
        return false
    }

    /// Keys as stored in `stories.keys`: 8 bytes each, little-endian.
    static func pack(_ keys: [Int64]) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(keys.count * 8)
        for key in keys { buffer.writeInteger(key, endianness: .little) }
        return buffer
    }

    static func unpack(_ buffer: ByteBuffer) -> [Int64] {
        var buffer = buffer
        var keys: [Int64] = []
        keys.reserveCapacity(buffer.readableBytes / 8)
        while let key = buffer.readInteger(endianness: .little, as: Int64.self) { keys.append(key) }
        return keys
    }
}

/// A batch of stories as the column arrays of one `INSERT … SELECT FROM unnest(…)`.
struct Batch: Sendable {
    var ids: [String] = [], hashes: [String] = [], recorded: [Int64] = [], created: [Int64] = [], hasCreated: [Bool] = []
    var slugs: [String] = [], hasSlug: [Bool] = [], agencies: [String] = [], hasAgency: [Bool] = []
    var shingleSizes: [Int32] = [], sketches: [ByteBuffer] = [], keys: [ByteBuffer] = [], paragraphs: [ByteBuffer] = []
    /// Every story's keys, flattened, with the (1-based) position of their story.
    var flatKeys: [Int64] = [], owners: [Int64] = []

    /// `keysIndexed`: the stories' keys are already index keys (read back from an archive).
    init(_ stories: [ArchivedStory], keysIndexed: Bool) {
        for (index, story) in stories.enumerated() {
            ids.append(story.id)
            hashes.append(story.textHash)
            recorded.append(SQLiteStore.milliseconds(story.recorded))
            created.append(story.created.map(SQLiteStore.milliseconds) ?? 0)
            hasCreated.append(story.created != nil)
            slugs.append(story.slug ?? "")
            hasSlug.append(story.slug != nil)
            agencies.append(story.agency ?? "")
            hasAgency.append(story.agency != nil)
            shingleSizes.append(Int32(story.shingleSize))
            sketches.append(ByteBuffer(bytes: story.sketch))
            let unique = keysIndexed ? Array(Set(story.keys)).sorted() : PostgresStore.distinct(story.keys)
            keys.append(PostgresStore.pack(unique))
            paragraphs.append(ByteBuffer(bytes: ParagraphCoding.encode(story.paragraphs)))
            flatKeys.append(contentsOf: unique)
            owners.append(contentsOf: repeatElement(Int64(index + 1), count: unique.count))
        }
    }

    /// Inserts the new stories; how many were new. A story twice in the batch counts once.
    func insert(_ connection: PostgresConnection, logger: Logger) async throws -> Int {
        let rows = try await connection.query("""
            WITH input AS (
                SELECT * FROM unnest(\(ids)::text[], \(hashes)::text[], \(recorded)::int8[], \(created)::int8[], \(hasCreated)::bool[],
                                     \(slugs)::text[], \(hasSlug)::bool[], \(agencies)::text[], \(hasAgency)::bool[], \(shingleSizes)::int4[],
                                     \(sketches)::bytea[], \(keys)::bytea[], \(paragraphs)::bytea[])
                WITH ORDINALITY AS t(id, text_hash, recorded, created, has_created, slug, has_slug, agency, has_agency, shingle_size, sketch, keys, paragraphs, ord)
            ), s AS (
                INSERT INTO copydesk.stories (id, text_hash, recorded, created, slug, agency, shingle_size, sketch, keys)
                SELECT id, text_hash, recorded, CASE WHEN has_created THEN created END, CASE WHEN has_slug THEN slug END,
                       CASE WHEN has_agency THEN agency END, shingle_size, sketch, keys
                FROM input ORDER BY ord
                ON CONFLICT (id, text_hash) DO NOTHING RETURNING seq, id, text_hash
            ), m AS (
                SELECT DISTINCT ON (s.seq) s.seq, i.ord, i.paragraphs FROM s JOIN input i ON i.id = s.id AND i.text_hash = s.text_hash ORDER BY s.seq, i.ord
            ), p AS (
                INSERT INTO copydesk.story_paragraphs (story, data) SELECT seq, paragraphs FROM m
            ), k AS (
                INSERT INTO copydesk.story_keys (key, story)
                SELECT f.key, m.seq FROM unnest(\(flatKeys)::int8[], \(owners)::int8[]) AS f(key, ord) JOIN m ON m.ord = f.ord
            )
            SELECT count(*) FROM s
            """, logger: logger)
        var added = 0
        for try await count in rows.decode(Int64.self) { added = Int(count) }
        return added
    }
}

/// The connection pool, replaced whole when it stops giving connections although the server
/// answers (see `operation`).
final class Pool: @unchecked Sendable {
    private let configuration: PostgresClient.Configuration
    private let lock = NSLock()
    private var current: PostgresClient
    private var runner: Task<Void, Never>

    init(_ configuration: PostgresClient.Configuration) {
        self.configuration = configuration
        let client = PostgresClient(configuration: configuration)
        current = client
        runner = Task { await client.run() }
    }

    var client: PostgresClient {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// A new pool in place of `stale`, unless another caller replaced it already.
    func replace(_ stale: PostgresClient) {
        lock.lock()
        defer { lock.unlock() }
        guard current === stale else { return }
        runner.cancel()
        let client = PostgresClient(configuration: configuration)
        current = client
        runner = Task { await client.run() }
    }

    func close() {
        lock.lock()
        defer { lock.unlock() }
        runner.cancel()
    }
}

/// Lets one caller at a time check the schema, once it has succeeded.
actor SchemaGate {
    private var passed = false

    func pass(_ check: @Sendable () async throws -> Void) async throws {
        if passed { return }
        try await check()
        passed = true
    }
}
