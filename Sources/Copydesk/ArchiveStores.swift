import CopydeskCore
import CopydeskDedup
import CopydeskPostgres
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
}
