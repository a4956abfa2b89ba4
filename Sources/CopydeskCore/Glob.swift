import Foundation

/// A path pattern of the repo config (`include`, `exclude`, `overrides`), as `.gitignore` and
/// EditorConfig write them: `*` and `?` and `[…]` within one folder name, `**` for any number of
/// folders. A pattern without a `/` matches a file name in any folder (`*.md`); one with a `/`
/// is relative to the config's folder (`translations/**`, `sport/*.txt`); a trailing `/` or `/**`
/// takes everything below a folder.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    let segments: [String]
    let anchored: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        var text = pattern.hasPrefix("./") ? String(pattern.dropFirst(2)) : pattern
        if text.hasSuffix("/") { text += "**" }
        anchored = text.dropLast().contains("/")
        if text.hasPrefix("/") { text.removeFirst() }
        segments = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    public var description: String { pattern }

    /// Whether `relativePath` (below the config's folder, `/`-separated) matches.
    public func matches(_ relativePath: String) -> Bool {
        let parts = relativePath.split(separator: "/").map(String.init)
        if !anchored {
            // `*.md` is `**/*.md`.
            return Self.match(["**"] + segments, parts[...])
        }
        return Self.match(segments[...], parts[...])
    }

    private static func match(_ pattern: [String], _ parts: ArraySlice<String>) -> Bool { match(pattern[...], parts) }

    private static func match(_ pattern: ArraySlice<String>, _ parts: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return parts.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            if rest.isEmpty { return true }
            var remaining = parts
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let part = parts.first, fnmatch(first, part, FNM_PERIOD) == 0 else { return false }
        return match(pattern.dropFirst(), parts.dropFirst())
    }
}
