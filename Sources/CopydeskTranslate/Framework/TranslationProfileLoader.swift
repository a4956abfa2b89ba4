import CopydeskCore
import Foundation

/// Reads language-pair profiles from `StyleRules/translation/`: `extends`, `source-language`,
/// `target-language`, `transliteration`, `length-ratio: [min, max]`, `glossary:` (files of
/// `terms:`, relative to the profile) and inline `terms:`, `rules:` (id: off | error | warning |
/// info) and `settings:` declared by the rules. Every mistake is an error naming file and line.
public struct TranslationProfileLoader: Sendable {
    public var knownRuleIDs: Set<String>
    public var knownSettings: Set<String>
    public var searchDirectories: [String]

    public init(rules: [any TranslationRule.Type], searchDirectories: [String]) {
        knownRuleIDs = Set(rules.map { $0.description.id })
        knownSettings = Set(rules.flatMap { $0.settings })
        self.searchDirectories = searchDirectories
    }

    static let topLevelKeys: Set<String> = [
        "name", "description", "extends", "source-language", "target-language", "transliteration",
        "length-ratio", "glossary", "terms", "rules", "settings",
    ]

    /// The profile for a language pair: `<source>-<target>.yml`, else `default.yml`, in
    /// `StyleRules/translation/` under the search directories.
    public func profile(sourceLanguage: String?, targetLanguage: String?) throws -> TranslationProfile {
        let source = sourceLanguage.map(Self.primary), target = targetLanguage.map(Self.primary)
        var names: [String] = []
        if let source, let target { names.append("\(source)-\(target)") }
        names.append("default")
        for name in names {
            if let path = resolve(name, relativeTo: nil) { return try load(path: path) }
        }
        throw CopydeskError.configuration(
            file: "StyleRules/translation/default.yml",
            message: "no translation profile found (looked for \(names.map { $0 + ".yml" }.joined(separator: ", ")) in StyleRules/translation/ under \(searchDirectories.prefix(3).joined(separator: ", "))…)")
    }

    /// A profile by path, or by name (`el-en` → `StyleRules/translation/el-en.yml`).
    public func load(_ nameOrPath: String) throws -> TranslationProfile {
        guard let path = resolve(nameOrPath, relativeTo: nil) else {
            throw CopydeskError.configuration(file: nameOrPath, message: "no such translation profile (nor StyleRules/translation/\(nameOrPath).yml)")
        }
        return try load(path: path)
    }

    /// `el-GR` → `el`.
    public static func primary(_ tag: String) -> String {
        String(tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
    }

    func resolve(_ name: String, relativeTo directory: String?) -> String? {
        let file = name.hasSuffix(".yml") || name.hasSuffix(".yaml") ? name : name + ".yml"
        var candidates: [String] = []
        if name.hasPrefix("/") { candidates.append(name) }
        if let directory { candidates.append(directory + "/" + file) }
        if name.contains("/") { candidates.append(name) }
        if !name.contains("/") {
            for root in searchDirectories { candidates.append(root + "/StyleRules/translation/" + file) }
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    public func load(path: String) throws -> TranslationProfile {
        var visiting: [String] = []
        return try load(path: path, visiting: &visiting)
    }

    private func load(path: String, visiting: inout [String]) throws -> TranslationProfile {
        let canonical = URL(fileURLWithPath: path).standardizedFileURL.path
        if visiting.contains(canonical) {
            throw CopydeskError.configuration(file: path, message: "'extends' loops back to itself")
        }
        visiting.append(canonical)
        defer { visiting.removeLast() }

        let file = try YAMLFile(path: path)
        guard case .map(let top) = file.root else {
            throw CopydeskError.configuration(file: path, message: "a translation profile must be a mapping")
        }
        for key in top.keys.sorted() where !Self.topLevelKeys.contains(key) {
            throw file.error(at: key, "unknown key '\(key)' (known: \(Self.topLevelKeys.sorted().joined(separator: ", ")))")
        }
        let directory = (path as NSString).deletingLastPathComponent
        var profile: TranslationProfile
        if let parent = top["extends"] {
            guard case .string(let parentName) = parent, let parentPath = resolve(parentName, relativeTo: directory) else {
                throw file.error(at: "extends", "'extends' names no profile file: '\(parent.displayText)'")
            }
            profile = try load(path: parentPath, visiting: &visiting)
        } else {
            profile = TranslationProfile(name: (path as NSString).lastPathComponent)
        }
        profile.name = (path as NSString).lastPathComponent
        profile.path = path
        if case .string(let name)? = top["name"] { profile.name = name }
        if let value = top["source-language"] { profile.sourceLanguage = try string(value, "source-language", file) }
        if let value = top["target-language"] { profile.targetLanguage = try string(value, "target-language", file) }
        if let value = top["transliteration"] {
            profile.transliteration = value == .null ? nil : try string(value, "transliteration", file)
        }
        if let value = top["length-ratio"] {
            guard case .list(let bounds) = value, bounds.count == 2, let low = number(bounds[0]), let high = number(bounds[1]),
                  low > 0, low <= high else {
                throw file.error(at: "length-ratio", "'length-ratio' must be [min, max] with 0 < min ≤ max, not \(value.displayText)")
            }
            profile.lengthRatio = low...high
        }
        if let value = top["glossary"] {
            let names: [ConfigValue]
            switch value {
            case .string: names = [value]
            case .list(let list): names = list
            default: throw file.error(at: "glossary", "'glossary' must be a file name or a list of them")
            }
            for name in names {
                let fileName = try string(name, "glossary", file)
                let glossaryPath = fileName.hasPrefix("/") ? fileName : directory + "/" + fileName
                guard FileManager.default.fileExists(atPath: glossaryPath) else {
                    throw file.error(at: "glossary", "no such glossary file '\(fileName)' (looked for \(glossaryPath))")
                }
                let glossary = try YAMLFile(path: glossaryPath)
                guard case .map(let glossaryTop) = glossary.root else {
                    throw CopydeskError.configuration(file: glossaryPath, message: "a glossary file must be a mapping with 'terms:'")
                }
                for key in glossaryTop.keys.sorted() where !["terms", "description", "name"].contains(key) {
                    throw glossary.error(at: key, "unknown key '\(key)' (known: description, name, terms)")
                }
                profile.glossary += try terms(glossaryTop["terms"] ?? .list([]), in: glossary, keyPath: "terms")
            }
        }
        if let value = top["terms"] { profile.glossary += try terms(value, in: file, keyPath: "terms") }
        if let value = top["rules"] {
            guard case .map(let rules) = value else { throw file.error(at: "rules", "'rules' must map rule ids to off, error, warning or info") }
            for (id, setting) in rules.sorted(by: { $0.key < $1.key }) {
                guard knownRuleIDs.contains(id) else {
                    throw file.error(at: "rules.\(id)", "unknown rule '\(id)' (known: \(knownRuleIDs.sorted().joined(separator: ", ")))")
                }
                switch setting {
                case .bool(false), .string("off"): profile.ruleSettings[id] = .off
                case .string(let word) where Severity(rawValue: word) != nil: profile.ruleSettings[id] = .severity(Severity(rawValue: word)!)
                default: throw file.error(at: "rules.\(id)", "rule '\(id)' must be off, error, warning or info, not '\(setting.displayText)'")
                }
            }
        }
        if let value = top["settings"] {
            guard case .map(let settings) = value else { throw file.error(at: "settings", "'settings' must be a mapping") }
            for (key, setting) in settings.sorted(by: { $0.key < $1.key }) {
                guard knownSettings.contains(key) else {
                    throw file.error(at: "settings.\(key)", "unknown setting '\(key)' (known: \(knownSettings.sorted().joined(separator: ", ")))")
                }
                profile.settings[key] = setting
            }
        }
        return profile
    }

    private func string(_ value: ConfigValue, _ key: String, _ file: YAMLFile) throws -> String {
        guard case .string(let text) = value, !text.isEmpty else { throw file.error(at: key, "'\(key)' must be a non-empty string") }
        return text
    }

    private func number(_ value: ConfigValue) -> Double? {
        switch value {
        case .double(let number): number
        case .int(let number): Double(number)
        default: nil
        }
    }

    /// `terms:` entries: `{source: word or [words], target: word or [words], note: text, avoid: word or [words]}`.
    private func terms(_ value: ConfigValue, in file: YAMLFile, keyPath: String) throws -> [GlossaryEntry] {
        guard case .list(let items) = value else { throw file.error(at: keyPath, "'\(keyPath)' must be a list of {source, target} entries") }
        func words(_ value: ConfigValue?) -> [String]? {
            switch value {
            case .string(let word)?: word.isEmpty ? nil : [word]
            case .list(let list)?:
                list.isEmpty ? nil : list.map { if case .string(let word) = $0 { word } else { "" } }.contains("") ? nil
                    : list.map { if case .string(let word) = $0 { word } else { "" } }
            default: nil
            }
        }
        var entries: [GlossaryEntry] = []
        for (index, item) in items.enumerated() {
            let at = "\(keyPath).\(index)"
            let line = file.keyLines["\(at).source"] ?? file.keyLines[keyPath]
            let location = line.map { "\(file.path):\($0)" } ?? file.path
            guard case .map(let fields) = item else { throw file.error(at: keyPath, "entry \(index + 1) of '\(keyPath)' must be a mapping with source and target") }
            for key in fields.keys.sorted() where !["source", "target", "note", "avoid"].contains(key) {
                throw file.error(at: "\(at).\(key)", "unknown key '\(key)' in a glossary entry (known: avoid, note, source, target)")
            }
            guard let sources = words(fields["source"]) else { throw file.error(at: "\(at).source", "a glossary entry needs 'source': a word or a list of words") }
            guard let targets = words(fields["target"]) else { throw file.error(at: "\(at).source", "a glossary entry needs 'target': a word or a list of words") }
            var note: String?
            if case .string(let text)? = fields["note"] { note = text }
            var avoid: [String] = []
            if let value = fields["avoid"] {
                guard let words = words(value) else { throw file.error(at: "\(at).avoid", "'avoid' must be a word or a list of words") }
                avoid = words
            }
            entries.append(GlossaryEntry(source: sources, target: targets, note: note, avoid: avoid, location: location))
        }
        return entries
    }
}
