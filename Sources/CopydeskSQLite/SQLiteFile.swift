import CopydeskCore
import Foundation
import GRDB

/// An archive file as Copydesk's parts share it: the dedup archive and the translation memory
/// keep their tables side by side in one SQLite file. This layer owns what both need — opening,
/// the header check, which tables belong to which part, running work and turning SQLite errors
/// into one line naming the file — so neither part opens or knows the other.
///
/// A file is never reset or overwritten: a file that is not SQLite, an SQLite database of another
/// application or a corrupt page is a `CopydeskError` naming the file.
public enum SQLiteFile {
    /// `PRAGMA application_id` ("CPDK") of a file Copydesk created, so tools like `file` can tell it apart.
    public static let applicationID: Int32 = 0x4350_444B

    /// The parts that keep tables in an archive file, and how their tables are named.
    public enum Part: String, Sendable, CaseIterable {
        case archive = "archive"
        case translationMemory = "translation memory"

        public func owns(_ table: String) -> Bool {
            switch self {
            case .archive: table == "copydesk_meta" || table == "stories" || table.hasPrefix("story_")
            case .translationMemory: table.hasPrefix("tm_")
            }
        }
    }

    /// Opens the file (which must have passed `checkHeader`). No journal mode is set here:
    /// switching to WAL writes to the file, and a file that turns out not to be ours must be left
    /// byte for byte as it was; each part sets it once its schema checks out.
    public static func open(_ path: String, label: String, busyTimeout: TimeInterval, readonly: Bool = false,
                            doing: String, prepare: (@Sendable (Database) throws -> Void)? = nil) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = label
        configuration.readonly = readonly
        if let prepare { configuration.prepareDatabase(prepare) }
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw describe(error, path: path, doing: doing)
        }
    }

    /// An existing file must start with the SQLite header; an empty one passes when `allowEmpty`
    /// (a part creating its tables in a file just made).
    public static func checkHeader(_ path: String, allowEmpty: Bool) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CopydeskError.input(file: path, message: "cannot read the archive file")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty && allowEmpty { return }
        if header != Data("SQLite format 3\u{0}".utf8) {
            throw CopydeskError.input(file: path, message: "not a Copydesk archive: the file is not an SQLite database")
        }
    }

    /// The tables `part` must account for: its own and any that no Copydesk part owns (a foreign
    /// application's), never another part's. Empty means `part` may create its tables.
    public static func tables(_ db: Database, for part: Part) throws -> [String] {
        try allTables(db).filter { table in part.owns(table) || !Part.allCases.contains { $0.owns(table) } }
    }

    /// Whether the file holds any Copydesk part's tables.
    public static func isCopydeskFile(_ db: Database) throws -> Bool {
        try allTables(db).contains { table in Part.allCases.contains { $0.owns(table) } }
    }

    /// Marks a file with no tables yet as Copydesk's (`applicationID`).
    public static func markIfNew(_ db: Database) throws {
        if try allTables(db).isEmpty { try db.execute(sql: "PRAGMA application_id = \(applicationID)") }
    }

    private static func allTables(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    }

    /// Runs `body` on the writer connection (outside a transaction: the body opens its own).
    public static func perform<T>(_ database: DatabaseQueue, path: String, _ doing: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try database.writeWithoutTransaction(body)
        } catch {
            throw describe(error, path: path, doing: doing)
        }
    }

    public static func perform<T: Sendable>(_ database: DatabaseQueue, path: String, _ doing: String,
                                            _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await database.writeWithoutTransaction(body)
        } catch {
            throw describe(error, path: path, doing: doing)
        }
    }

    /// A consistent snapshot for reading (in WAL mode it never waits for a writer).
    public static func read<T>(_ database: DatabaseQueue, path: String, _ doing: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch {
            throw describe(error, path: path, doing: doing)
        }
    }

    /// SQLite errors become one line naming the file; `CopydeskError`s pass through.
    public static func describe(_ error: any Error, path: String, doing: String) -> any Error {
        if let error = error as? CopydeskError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB:
                return CopydeskError.input(file: path, message: "not a Copydesk archive: the file is not an SQLite database")
            case .SQLITE_CORRUPT:
                return CopydeskError.input(file: path, message: "the archive is corrupt (\(error.message ?? "database disk image is malformed")); restore it from a backup or move it aside")
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return CopydeskError.input(file: path, message: "\(doing): the archive stayed locked by another process")
            default:
                return CopydeskError.input(file: path, message: "\(doing): \(error.message ?? "\(error.resultCode)")")
            }
        }
        return CopydeskError.input(file: path, message: "\(doing): \(error)")
    }
}
