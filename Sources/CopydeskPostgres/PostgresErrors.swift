import CopydeskCore
import PostgresNIO

/// PostgreSQL and pool errors as one line naming the store and what was being done. The store is
/// named by `PostgresLocation.description` (host and database, never the password).
enum PostgresErrors {
    /// The server rolled the transaction back because of a concurrent one (serialization failure,
    /// deadlock): the whole operation can simply run again.
    static func isRetryable(_ error: any Error) -> Bool {
        guard let state = server(error)?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }

    /// A transaction that failed on a lost connection before its COMMIT was sent (the pool may
    /// hand out a connection the server already cut, as after a restart): nothing of it can have
    /// been committed, so running it again is safe. A lost COMMIT is not retried (it may have
    /// committed); neither is an autocommit statement (not a transaction error).
    static func isLostBeforeCommit(_ error: any Error) -> Bool {
        guard let transaction = error as? PostgresTransactionError, transaction.commitError == nil,
              let inner = (transaction.beginError ?? transaction.closureError) as? PSQLError else { return false }
        return inner.code == .serverClosedConnection || inner.code == .clientClosedConnection
    }

    static func describe(_ error: any Error, location: String, doing: String, timeout: Double) -> any Error {
        if let error = error as? CopydeskError { return error }
        if let transaction = error as? PostgresTransactionError {
            if let inner = transaction.closureError ?? transaction.beginError {
                return describe(inner, location: location, doing: doing, timeout: timeout)
            }
            if let commit = transaction.commitError {
                // The server may or may not have committed: the story was not reported as
                // recorded, and a retry finds it (as a duplicate of itself) if it was.
                return CopydeskError.input(file: location, message: "\(doing): the commit did not complete (\(reason(commit, timeout: timeout))); it was not reported as recorded")
            }
        }
        return CopydeskError.input(file: location, message: "\(doing): \(reason(error, timeout: timeout))")
    }

    /// What went wrong, in words.
    static func reason(_ error: any Error, timeout: Double) -> String {
        if error is Deadline.Exceeded {
            return "no answer from the server within \(seconds(timeout)) s (it is down, unreachable or overloaded)"
        }
        if let transaction = error as? PostgresTransactionError, let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError {
            return reason(inner, timeout: timeout)
        }
        guard let error = error as? PSQLError else { return "\(error)" }
        if let info = error.serverInfo {
            let message = info[.message] ?? "server error"
            switch info[.sqlState] ?? "" {
            case "53100": return "the server's disk is full (\(message))"
            case "57014": return "the server cancelled the statement after \(seconds(timeout)) s (\(message))"
            case "57P01", "57P02", "57P03": return "the server is shutting down or restarting (\(message))"
            case "28P01", "28000": return "the server refused the login (\(message)); set the password in COPYDESK_STORE_PASSWORD or PGPASSWORD"
            case "3D000": return "no such database on the server (\(message))"
            case "42501": return "permission denied (\(message))"
            case let state: return "\(message) (SQLSTATE \(state))"
            }
        }
        switch error.code {
        case .serverClosedConnection, .clientClosedConnection:
            return "the connection to the server was lost"
        case .connectionError:
            let underlying = error.underlying.map { "\($0)" } ?? ""
            if underlying.contains("Connection refused") { return "cannot connect to the server: connection refused (no server listening there)" }
            return "cannot connect to the server" + (underlying.isEmpty ? "" : " (\(underlying))")
        case .poolClosed:
            return "the store was closed"
        case .queryCancelled:
            return "the operation was cancelled"
        default:
            return "\(error.code)" + (error.underlying.map { " (\($0))" } ?? "")
        }
    }

    static func server(_ error: any Error) -> PSQLError.ServerInfo? {
        if let error = error as? PSQLError { return error.serverInfo }
        if let transaction = error as? PostgresTransactionError, let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError {
            return server(inner)
        }
        return nil
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
