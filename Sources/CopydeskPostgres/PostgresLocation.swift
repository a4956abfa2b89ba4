import CopydeskCore
import CopydeskDedup
import Foundation

/// A PostgreSQL store's address, parsed from `postgres://user[:password]@host[:port]/database`
/// (also `postgresql://`). `?host=/run/dir` connects through the Unix socket in that folder
/// instead (as libpq reads it); `?timeout=SECONDS` bounds each operation (default 30).
///
/// The password comes, in this order, from `COPYDESK_STORE_PASSWORD`, `PGPASSWORD` or the URL, so a
/// pipeline file need hold no secret. `description` never shows it.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public var username: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    /// The folder of the server's Unix socket, when connecting through one.
    public var socketDirectory: String?
    /// Seconds an operation (a story's check-and-record, a batch) may take before it fails.
    public var timeout: Double

    public static let passwordVariables = ["COPYDESK_STORE_PASSWORD", "PGPASSWORD"]

    public init(username: String, password: String? = nil, host: String = "localhost", port: Int = 5432, database: String,
                socketDirectory: String? = nil, timeout: Double = 30) {
        self.username = username
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.socketDirectory = socketDirectory
        self.timeout = timeout
    }

    /// Parses a store URL; errors name the URL without its password.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let shown = StoreLocator.redacted(text)
        func invalid(_ message: String) -> CopydeskError { .configuration(file: shown, message: "not a PostgreSQL store URL: \(message) (expected postgres://user@host:5432/database)") }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else { throw invalid("cannot read it as a URL") }
        guard scheme == "postgres" || scheme == "postgresql" else { throw invalid("scheme '\(scheme)'") }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !database.isEmpty, !database.contains("/") else { throw invalid("no database name") }
        let username = components.user ?? environment["PGUSER"] ?? environment["USER"] ?? ""
        guard !username.isEmpty else { throw invalid("no user name") }
        var timeout = 30.0
        if let given = query["timeout"] {
            guard let seconds = Double(given), seconds > 0 else { throw invalid("timeout must be a number of seconds, not '\(given)'") }
            timeout = seconds
        }
        if let port = components.port, !(1...65535).contains(port) { throw invalid("port \(port)") }
        let socket = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        let host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? (socket == nil ? "localhost" : "localhost")
        let password = Self.passwordVariables.lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? components.password
        self.init(username: username, password: password, host: host, port: components.port ?? 5432,
                  database: database, socketDirectory: socket, timeout: timeout)
    }

    /// `postgres://copydesk@db.example:5432/wire`: names the store in every message; no password.
    public var description: String {
        if let socketDirectory { return "postgres://\(username)@\(host)/\(database)?host=\(socketDirectory)" }
        return "postgres://\(username)@\(host):\(port)/\(database)"
    }

    /// The Unix socket file in `socketDirectory` for `port` (the server's naming).
    var socketPath: String? { socketDirectory.map { "\($0)/.s.PGSQL.\(port)" } }
}
