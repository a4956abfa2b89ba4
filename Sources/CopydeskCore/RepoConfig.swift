import Foundation

/// A desk repository's `.copydesk.yml`, found from the current folder upward (as `.vale.ini` or
/// `.swiftlint.yml` are): which style and pipeline the repo uses, which files are copy, per-path
/// styles, when a run fails, rule levels, and where the repo's archive is.
///
/// Precedence: the command line, then this file, then the pipeline's and style's own settings
/// (from the repo's `Pipelines/`/`StyleRules/`, the installed data, `COPYDESK_HOME` or the
/// built-in copy). Paths in the file are relative to its folder. An unknown key is an error
/// naming its line, so a misspelt `exlude:` never silently checks the wrong files.
public struct RepoConfig: Sendable {
    /// The file, and its folder (the repository's root for Copydesk).
    public var path: String
    public var directory: String
    /// Default house style for `lint` (a name or a path, paths made absolute).
    public var style: String?
    /// Pipeline for `lint` and `run` (a name or an absolute path).
    public var pipeline: String?
    /// When set, a file is taken only if it matches one of these.
    public var include: [Glob]
    public var exclude: [Glob]
    /// Extensions a folder walk takes (`InputWalk`); nil keeps the default list.
    public var extensions: Set<String>?
    public var overrides: [Override]
    /// `error`, `warning`, `info` or `never`.
    public var failOn: String?
    /// Rule id → `off` or a severity, over the style's own; with each key's line for errors.
    public var rules: [String: RuleLevel]
    public var ruleLines: [String: Int]
    /// The archive of the repo's dedup stage, absolute; by default `.copydesk/archive.sqlite` here.
    public var archive: String

    public enum RuleLevel: Sendable, Hashable {
        case off
        case severity(Severity)
    }

    /// Settings for the files under some paths (`translations/**` → `translated-en`).
    public struct Override: Sendable {
        public var paths: [Glob]
        public var style: String?
        /// Rule levels for these paths over the top-level `rules:` (a per-file ignore for plain
        /// text, which has no comments to disable a rule in).
        public var rules: [String: RuleLevel] = [:]
        /// The line of the entry, for messages.
        public var line: Int?
    }

    public static let fileName = RepoConfigLocation.fileName
    static let keys: Set<String> = ["style", "pipeline", "include", "exclude", "extensions", "overrides", "fail-on", "rules", "archive"]
    static let overrideKeys: Set<String> = ["paths", "style", "rules"]

    /// The config of the current directory's repository, or nil when there is none.
    public static func current(from start: String = FileManager.default.currentDirectoryPath) throws -> RepoConfig? {
        guard let path = RepoConfigLocation.find(from: start) else { return nil }
        return try load(path: path)
    }

    public static func load(path: String) throws -> RepoConfig {
        let file = try YAMLFile(path: path)
        let directory = (URL(fileURLWithPath: path).standardizedFileURL.path as NSString).deletingLastPathComponent
        var config = RepoConfig(path: path, directory: directory, include: [], exclude: [], overrides: [], rules: [:], ruleLines: [:],
                                archive: directory + "/.copydesk/archive.sqlite")
        let root: [String: ConfigValue]
        switch file.root {
        case .map(let map): root = map
        case .null: return config
        default: throw CopydeskError.configuration(file: path, message: "expected a mapping of settings (style:, include:, …)")
        }
        for key in root.keys.sorted(by: { (file.keyLines[$0] ?? 0) < (file.keyLines[$1] ?? 0) }) where !keys.contains(key) {
            throw file.error(at: key, "unknown key '\(key)' (known: \(keys.sorted().joined(separator: ", ")))")
        }
        config.style = try root["style"].map { config.dataReference(try string($0, "style", file)) }
        config.pipeline = try root["pipeline"].map { config.dataReference(try string($0, "pipeline", file)) }
        config.include = try strings(root["include"], "include", file).map(Glob.init)
        config.exclude = try strings(root["exclude"], "exclude", file).map(Glob.init)
        if root["extensions"] != nil {
            config.extensions = Set(try strings(root["extensions"], "extensions", file).map { $0 == "." ? "" : $0.lowercased().drop { $0 == "." }.description })
        }
        if let value = root["fail-on"] {
            let text = try string(value, "fail-on", file)
            guard ["error", "warning", "info", "never"].contains(text) else {
                throw file.error(at: "fail-on", "fail-on must be error, warning, info or never, not '\(text)'")
            }
            config.failOn = text
        }
        if let value = root["archive"] {
            let text = try string(value, "archive", file)
            config.archive = text.hasPrefix("/") ? text : (directory as NSString).appendingPathComponent(text)
        }
        func ruleLevels(_ value: ConfigValue, at keyPath: String) throws -> [String: RuleLevel] {
            guard case .map(let rules) = value else { throw file.error(at: keyPath, "\(keyPath) must map rule ids to off, error, warning or info") }
            var levels: [String: RuleLevel] = [:]
            for (id, level) in rules {
                let idPath = keyPath + "." + id
                config.ruleLines[id] = config.ruleLines[id] ?? file.keyLines[idPath]
                switch level {
                case .bool(false): levels[id] = .off
                case .string("off"): levels[id] = .off
                case .string(let text) where Severity(rawValue: text) != nil: levels[id] = .severity(Severity(rawValue: text)!)
                default: throw file.error(at: idPath, "rule \(id): expected off, error, warning or info, not '\(level.displayText)'")
                }
            }
            return levels
        }
        if let value = root["rules"] { config.rules = try ruleLevels(value, at: "rules") }
        if let value = root["overrides"] {
            guard case .list(let entries) = value else { throw file.error(at: "overrides", "overrides must be a list of {paths: [...], style: ...}") }
            for (index, entry) in entries.enumerated() {
                let keyPath = "overrides.\(index)"
                guard case .map(let map) = entry else { throw file.error(at: "overrides", "overrides entry \(index + 1): expected paths: and style:") }
                for key in map.keys.sorted() where !overrideKeys.contains(key) {
                    throw file.error(at: keyPath + "." + key, "unknown key '\(key)' in an override (known: paths, rules, style)")
                }
                let paths = try strings(map["paths"], keyPath + ".paths", file)
                guard !paths.isEmpty else { throw file.error(at: keyPath + ".style", "override \(index + 1): give the paths: it applies to") }
                config.overrides.append(Override(paths: paths.map(Glob.init),
                                                 style: try map["style"].map { config.dataReference(try string($0, keyPath + ".style", file)) },
                                                 rules: try map["rules"].map { try ruleLevels($0, at: keyPath + ".rules") } ?? [:],
                                                 line: file.keyLines[keyPath + ".paths"]))
            }
        }
        return config
    }

    /// A style or pipeline value: a name stays a name (looked up in StyleRules/ or Pipelines/),
    /// a path is made absolute against the config's folder.
    func dataReference(_ value: String) -> String {
        guard value.contains("/") || value.hasSuffix(".yml") || value.hasSuffix(".yaml") else { return value }
        return value.hasPrefix("/") ? value : (directory as NSString).appendingPathComponent(value)
    }

    private static func string(_ value: ConfigValue, _ key: String, _ file: YAMLFile) throws -> String {
        switch value {
        case .string(let text): return text
        case .int, .double, .bool: return value.displayText
        default: throw file.error(at: key, "\(key) must be a single value")
        }
    }

    private static func strings(_ value: ConfigValue?, _ key: String, _ file: YAMLFile) throws -> [String] {
        switch value {
        case nil, .null?: return []
        case .string(let text)?: return [text]
        case .list(let items)?:
            return try items.map { item in
                guard case .string(let text) = item else { throw file.error(at: key, "\(key): expected a list of strings") }
                return text
            }
        default: throw file.error(at: key, "\(key): expected a list of strings")
        }
    }

    /// `path` (as given on the command line or found by a walk) relative to the config's folder;
    /// nil for a file outside the repository.
    public func relativePath(_ path: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let standardized = (absolute as NSString).standardizingPath
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        guard standardized.hasPrefix(prefix) else { return nil }
        return String(standardized.dropFirst(prefix.count))
    }

    /// Whether the repo counts `path` as copy to check: not excluded, and included when the file
    /// has an include list. Files outside the repository are not filtered.
    public func includes(_ path: String) -> Bool {
        guard let relative = relativePath(path) else { return true }
        if exclude.contains(where: { $0.matches(relative) }) { return false }
        return include.isEmpty || include.contains { $0.matches(relative) }
    }

    /// Every rule id the file sets a level for, at the top or in an override.
    public var ruleIDs: Set<String> {
        overrides.reduce(into: Set(rules.keys)) { $0.formUnion($1.rules.keys) }
    }

    /// Whether any override sets rule levels (then they depend on the file).
    public var hasPathRules: Bool { overrides.contains { !$0.rules.isEmpty } }

    /// The rule levels for one file: `rules:`, then each matching override's in order (the last
    /// match wins for a rule both set).
    public func ruleLevels(for path: String) -> [String: RuleLevel] {
        guard hasPathRules, let relative = relativePath(path) else { return rules }
        var levels = rules
        for override in overrides where !override.rules.isEmpty && override.paths.contains(where: { $0.matches(relative) }) {
            levels.merge(override.rules) { $1 }
        }
        return levels
    }

    /// The style for one file: the last override whose paths match, else `style`.
    public func style(for path: String) -> String? {
        if let relative = relativePath(path), let override = overrides.last(where: { $0.style != nil && $0.paths.contains { $0.matches(relative) } }) {
            return override.style
        }
        return style
    }
}
