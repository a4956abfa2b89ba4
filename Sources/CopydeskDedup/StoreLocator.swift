import CopydeskCore
import Foundation

/// Where an archive lives, as a user writes it: a file path (the embedded SQLite store) or a URL
/// whose scheme names a server store (`postgres://user@host:5432/db`).
///
/// The dedup module cannot know every store (a server store depends on this module, not the other
/// way round), so stores for URL schemes are registered here by the modules that provide them;
/// `ArchiveStores.open` in the `Copydesk` library registers the standard ones before opening.
public enum StoreLocator {
    /// Opens a store for a URL: (URL text, matching parameters or nil) → store.
    public typealias Opener = @Sendable (String, String?) throws -> any Store

    private static let lock = NSLock()
    nonisolated(unsafe) private static var openers: [String: Opener] = [:]  // guarded by `lock`

    /// The environment variable that names the archive (a path or a URL) for every pipeline whose
    /// dedup stage does not name one, so a server URL need not be written in a pipeline file.
    public static let environmentVariable = "COPYDESK_STORE_URL"

    /// Makes `scheme` (lower case, without `://`) open with `opener`.
    public static func register(scheme: String, _ opener: @escaping Opener) {
        lock.withLock { openers[scheme.lowercased()] = opener }
    }

    /// The URL scheme of `locator`, or nil for a file path. A scheme is letters (then letters,
    /// digits, `+`, `-`, `.`) before `://`, so `C:/x` or `./a://b` stay paths.
    public static func scheme(of locator: String) -> String? {
        guard let range = locator.range(of: "://") else { return nil }
        let scheme = locator[..<range.lowerBound]
        guard let first = scheme.unicodeScalars.first, CharacterSet.letters.contains(first),
              scheme.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "+-.".unicodeScalars.contains($0) })
        else { return nil }
        return scheme.lowercased()
    }

    public static func isURL(_ locator: String) -> Bool { scheme(of: locator) != nil }

    /// Opens the store at `locator`: a registered URL scheme, else an SQLite file.
    public static func open(_ locator: String, parameters: String?) throws -> any Store {
        guard let scheme = scheme(of: locator) else { return try SQLiteStore(path: locator, parameters: parameters) }
        if scheme == "file" { return try SQLiteStore(path: String(locator.dropFirst("file://".count)), parameters: parameters) }
        guard let opener = lock.withLock({ openers[scheme] }) else {
            let known = (["file"] + lock.withLock { openers.keys.sorted() }).joined(separator: ", ")
            throw CopydeskError.configuration(file: redacted(locator), message: "no store for URLs of scheme '\(scheme)' (known: \(known), or a file path)")
        }
        return try opener(locator, parameters)
    }

    /// `locator` with any password taken out (`postgres://u:secret@h/db` → `postgres://u@h/db`),
    /// for messages and logs.
    public static func redacted(_ locator: String) -> String {
        guard let schemeEnd = locator.range(of: "://") else { return locator }
        let rest = locator[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return locator }
        let userInfo = authority[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return locator }
        return String(locator[..<schemeEnd.upperBound]) + userInfo[..<colon] + authority[at...] + rest[authorityEnd...]
    }

    /// Replaces `${NAME}` with the environment variable NAME (empty when unset), so a pipeline
    /// file can say `store: postgres://copydesk@${DB_HOST}/wire`.
    public static func expandingEnvironment(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard text.contains("${") else { return text }
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else { out += rest[start.lowerBound...]; return out }
            out += environment[String(rest[start.upperBound..<end])] ?? ""
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }
}
