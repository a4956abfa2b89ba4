import CopydeskCore
import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL store's schema as versioned migrations, all in the `copydesk` schema of the
/// database (so a desk's own tables in `public` never meet ours).
///
/// Opening a store applies, in one transaction under an advisory lock (so two workers starting at
/// once do not both migrate), the migrations it lacks. It refuses, leaving the database as it
/// was, when the `copydesk` schema exists without the migration table (not ours), or when the
/// database records a migration this copydesk does not know (a newer copydesk migrated it).
enum PostgresSchema {
    struct Migration: Sendable {
        var version: Int
        var summary: String
        var statements: [String]
    }

    /// Key of the advisory lock held while migrating ("CPDKMIGR").
    static let migrationLock: Int64 = 0x4350_444B_4D49_4752

    /// Every migration, oldest first; the schema version is the last one's.
    static let migrations: [Migration] = [
        Migration(version: 1, summary: "archive: stories, paragraphs, key index", statements: [
            "CREATE SCHEMA IF NOT EXISTS copydesk",
            "CREATE TABLE copydesk.migrations (version integer PRIMARY KEY, summary text NOT NULL, applied timestamptz NOT NULL DEFAULT now())",
            "CREATE TABLE copydesk.meta (key text PRIMARY KEY, value text NOT NULL)",
            // One row per recorded version. (id, text_hash) is unique: adding the same version twice
            // (a resend, a retried batch) is a no-op. Times are milliseconds since 1970, as in SQLite.
            // `keys` holds the story's lookup keys (8 bytes each), so prune can remove its index entries.
            """
            CREATE TABLE copydesk.stories (
                seq bigserial PRIMARY KEY,
                id text NOT NULL,
                text_hash text NOT NULL,
                recorded bigint NOT NULL,
                created bigint,
                slug text,
                agency text,
                shingle_size integer NOT NULL,
                sketch bytea NOT NULL,
                keys bytea NOT NULL,
                UNIQUE (id, text_hash)
            )
            """,
            "CREATE INDEX stories_recorded ON copydesk.stories (recorded)",
            // Paragraph numbers, hashes and texts of a story, packed as in SQLite (`ParagraphCoding`).
            "CREATE TABLE copydesk.story_paragraphs (story bigint PRIMARY KEY, data bytea NOT NULL)",
            // The lookup index: LSH band keys, exact-text, paragraph and slug keys, all 64 bits.
            "CREATE TABLE copydesk.story_keys (key bigint NOT NULL, story bigint NOT NULL, PRIMARY KEY (key, story))",
        ]),
        // The translation memory, as the SQLite archive's tm_ tables (`MemoryIndexing` describes
        // the rows): one row per distinct pair, the fuzzy index of posting keys, word counts.
        Migration(version: 2, summary: "translation memory: segments, word index, word counts", statements: [
            """
            CREATE TABLE copydesk.tm_segments (
                id bigserial PRIMARY KEY,
                source_lang text NOT NULL,
                target_lang text NOT NULL,
                pair text NOT NULL,
                source_text text NOT NULL,
                target_text text NOT NULL,
                source_key text NOT NULL,
                key_hash bigint NOT NULL,
                target_hash bigint NOT NULL,
                word_count integer NOT NULL,
                words bytea NOT NULL,
                origin_kind text NOT NULL,
                origin text NOT NULL,
                unit text,
                created double precision NOT NULL,
                UNIQUE (source_lang, target_lang, key_hash, target_hash)
            )
            """,
            "CREATE INDEX tm_segments_key ON copydesk.tm_segments (key_hash, pair)",
            "CREATE TABLE copydesk.tm_words (word bigint NOT NULL, segment bigint NOT NULL, length integer NOT NULL, PRIMARY KEY (word, segment))",
            "CREATE TABLE copydesk.tm_word_counts (word bigint PRIMARY KEY, segments integer NOT NULL)",
        ]),
    ]

    static var latest: Int { migrations.last!.version }

    /// Brings the database to the latest schema, or refuses. With `create` false a database with no
    /// archive yet is an error (maintenance commands must not create one by accident).
    static func prepare(_ connection: PostgresConnection, location: String, parameters: String?, create: Bool, logger: Logger) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLock))", logger: logger)
        let state = try await connection.query("""
            SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'copydesk'),
                   to_regclass('copydesk.migrations') IS NOT NULL
            """, logger: logger)
        var schemaExists = false, tableExists = false
        for try await (schema, table) in state.decode((Bool, Bool).self) { schemaExists = schema; tableExists = table }
        var applied: [Int] = []
        if tableExists {
            let rows = try await connection.query("SELECT version FROM copydesk.migrations ORDER BY version", logger: logger)
            for try await version in rows.decode(Int.self) { applied.append(version) }
        } else if schemaExists {
            throw CopydeskError.input(file: location, message:
                "not a Copydesk archive: the database has a schema 'copydesk' without Copydesk's migration table; it was left untouched")
        }
        let known = migrations.map(\.version)
        if let unknown = applied.first(where: { !known.contains($0) }) {
            throw CopydeskError.input(file: location, message:
                "archive schema version \(applied.max() ?? unknown) is newer than the one this copydesk reads (\(latest)); it was left untouched; use a newer copydesk")
        }
        if applied.isEmpty && !create {
            throw CopydeskError.input(file: location, message: "no archive in this database yet (record stories with `copydesk archive add --store \(location)`)")
        }
        for migration in migrations where !applied.contains(migration.version) {
            for statement in migration.statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.query("INSERT INTO copydesk.migrations (version, summary) VALUES (\(migration.version), \(migration.summary))", logger: logger)
        }
        guard let parameters else { return }
        let recorded = try await connection.query("SELECT value FROM copydesk.meta WHERE key = 'matching'", logger: logger)
        var matching: String?
        for try await value in recorded.decode(String.self) { matching = value }
        if let matching {
            guard matching == parameters else {
                throw CopydeskError.configuration(file: location, message:
                    "the archive was built with matching parameters '\(matching)', the pipeline asks for '\(parameters)'; signatures would never match (use another store, or the archive's settings)")
            }
        } else {
            try await connection.query("INSERT INTO copydesk.meta (key, value) VALUES ('matching', \(parameters)) ON CONFLICT (key) DO NOTHING", logger: logger)
        }
    }

    /// The highest migration recorded.
    static func version(_ connection: PostgresConnection, logger: Logger) async throws -> Int {
        let rows = try await connection.query("SELECT coalesce(max(version), 0) FROM copydesk.migrations", logger: logger)
        var version = 0
        for try await value in rows.decode(Int.self) { version = value }
        return version
    }
}
