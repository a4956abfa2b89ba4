import CopydeskCore
import CopydeskDedup
import CopydeskPostgres
import CopydeskTranslate
import Foundation

/// Opening an archive from what a user wrote (`--store`, a pipeline's `store:`, `COPYDESK_STORE_URL`):
/// the one place the CLI, the server and the dedup stage turn a path or URL into a `Store`.
public enum ArchiveStores {
    private static let registered: Void = {
        let opener: StoreLocator.Opener = { url, parameters in try PostgresStore(url: url, parameters: parameters) }
        StoreLocator.register(scheme: "postgres", opener)
        StoreLocator.register(scheme: "postgresql", opener)
    }()

    /// Makes the standard URL schemes (`postgres://`, `postgresql://`) known to `StoreLocator`,
    /// so pipelines loaded through `StageRegistry.standard` open them too. Idempotent.
    public static func registerStandardSchemes() { _ = registered }

    /// Opens the archive at `locator`: an SQLite file path (created if missing, unless
    /// `mustExist`), or a `postgres://user@host:5432/db` URL (its password from
    /// `COPYDESK_STORE_PASSWORD` or `PGPASSWORD`). `parameters` are the matching parameters it must
    /// have been built with (`MatchSettings.parametersDescription`), or nil to open any archive.
    /// Call `prepare()` on the result to connect and check the schema up front.
    public static func open(_ locator: String, parameters: String? = nil, mustExist: Bool = false) throws -> any Store {
        registerStandardSchemes()
        if StoreLocator.isURL(locator) {
            if let scheme = StoreLocator.scheme(of: locator), scheme == "postgres" || scheme == "postgresql" {
                return try PostgresStore(url: locator, parameters: parameters, create: !mustExist)
            }
            return try StoreLocator.open(locator, parameters: parameters)
        }
        if mustExist && !FileManager.default.fileExists(atPath: locator) {
            throw CopydeskError.input(file: locator, message: "no archive here yet (record stories with `copydesk archive add`)")
        }
        return try SQLiteStore(path: locator, parameters: parameters)
    }

    /// Opens the translation memory kept in the archive at `locator`: an SQLite archive file, or
    /// the shared PostgreSQL archive at a `postgres://` URL. Without `create`, an SQLite file must
    /// exist and a database must already hold a Copydesk archive; nothing is set up.
    public static func openMemory(_ locator: String, create: Bool) throws -> any TranslationMemoryStore {
        if StoreLocator.isURL(locator) {
            guard let scheme = StoreLocator.scheme(of: locator), scheme == "postgres" || scheme == "postgresql" else {
                throw CopydeskError.configuration(file: StoreLocator.redacted(locator), message:
                    "the translation memory is kept in an SQLite archive file or a postgres:// archive")
            }
            return try PostgresTranslationMemory(url: locator, create: create)
        }
        return try TranslationMemory(path: locator, create: create)
    }
}
