import Copydesk
import Foundation
import Logging
import PostgresNIO
import Testing

/// The PostgreSQL server of the store tests: `COPYDESK_TEST_POSTGRES_URL` (set by
/// `.ci/postgres.sh`, which `.ci/run` sources). Without it the PostgreSQL cases are skipped with a
/// message, except under CI=true, where they run and fail.
enum TestPostgres {
    static let url = ProcessInfo.processInfo.environment["COPYDESK_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"
    /// Whether PostgreSQL cases run: a server is given, or CI demands it (and they fail without one).
    static let enabled = url != nil || inCI
    static let skipMessage = "no PostgreSQL test server: COPYDESK_TEST_POSTGRES_URL is not set (source .ci/postgres.sh to start one); PostgreSQL store cases skipped"

    static func requireURL() throws -> String {
        try #require(url, "CI=true but COPYDESK_TEST_POSTGRES_URL is not set: the PostgreSQL store tests cannot run")
    }

    /// A new empty database on the test server, for one test; its URL. Dropped by `drop`.
    static func makeDatabase() async throws -> String {
        let base = try PostgresLocation(url: try requireURL())
        let name = "copydesk_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try await admin(base) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        }
        var location = base
        location.database = String(name)
        return location.description
    }

    static func drop(_ url: String) async {
        guard let location = try? PostgresLocation(url: url), let base = try? PostgresLocation(url: requireURL()) else { return }
        _ = try? await admin(base) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(location.database) WITH (FORCE)"), logger: logger)
        }
    }

    /// Runs SQL on the database of `url` (tests tampering with a store).
    static func execute(_ url: String, _ statements: [String]) async throws {
        try await admin(try PostgresLocation(url: url)) { connection in
            for statement in statements { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
        }
    }

    /// The first column of the first row of `sql` on the database of `url`.
    static func scalar(_ url: String, _ sql: String) async throws -> Int64 {
        try await admin(try PostgresLocation(url: url)) { connection in
            let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            for try await value in rows.decode(Int64.self) { return value }
            return -1
        }
    }

    static let logger = Logger(label: "copydesk.tests.postgres")

    @discardableResult
    private static func admin<T: Sendable>(_ location: PostgresLocation, _ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let configuration = PostgresConnection.Configuration(host: location.host, port: location.port, username: location.username,
                                                             password: location.password, database: location.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
