import CopydeskCore
import Foundation

/// Reads style files: top-level sections of settings declared by the rules (`quotes:`, `dashes:`…),
/// `lists:` of words in desk-editable files, `terms:`, `abbreviations:`, and `rules:` to re-level,
/// switch off or define rules. `extends:` names another style (a file beside this one or in
/// `StyleRules/`), whose values this file overrides. Every mistake is an error with file and line.
public struct StyleLoader: Sendable {
    public var settings: [StyleSetting]
    public var knownRuleIDs: Set<String>
    public var knownLists: Set<String>

    public init(rules: [any LintRule.Type]) {
        var settings = Dictionary(StyleSchema.settings.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var lists = Set(StyleSchema.lists)
        for rule in rules {
            for setting in rule.settings { settings[setting.key] = setting }
            lists.formUnion(rule.lists)
        }
        self.settings = settings.values.sorted { $0.key < $1.key }
        self.knownRuleIDs = Set(rules.map { $0.description.id })
        self.knownLists = lists
    }

    static let topLevelKeys: Set<String> = ["name", "description", "extends", "language", "lists", "terms", "abbreviations", "rules"]

    /// Loads a style by path, or by name (`ap` → `StyleRules/ap.yml` under `searchDirectories`).
    public func load(_ nameOrPath: String, searchDirectories: [String]) throws -> Style {
        guard let path = Self.resolve(nameOrPath, relativeTo: nil, searchDirectories: searchDirectories) else {
            throw DataFiles.notFound(nameOrPath, kind: "style", folder: "StyleRules", searched: searchDirectories)
        }
        var visiting: [String] = []
        return try load(path: path, searchDirectories: searchDirectories, visiting: &visiting)
    }

    static func resolve(_ name: String, relativeTo directory: String?, searchDirectories: [String]) -> String? {
        let fileManager = FileManager.default
        var candidates: [String] = []
        let file = name.hasSuffix(".yml") || name.hasSuffix(".yaml") ? name : name + ".yml"
        if name.hasPrefix("/") { candidates.append(name) }
        if let directory { candidates.append(directory + "/" + file) }
        candidates.append(name)
        if !name.contains("/") {
            for root in searchDirectories { candidates.append(root + "/StyleRules/" + file) }
        }
        return candidates.first { fileManager.fileExists(atPath: $0) }
    }

    private func load(path: String, searchDirectories: [String], visiting: inout [String]) throws -> Style {
        let canonical = URL(fileURLWithPath: path).standardizedFileURL.path
        if visiting.contains(canonical) {
            throw CopydeskError.configuration(file: path, message: "'extends' loops back to itself (\(visiting.map { ($0 as NSString).lastPathComponent }.joined(separator: " → ")))")
        }
        visiting.append(canonical)
        defer { visiting.removeLast() }

        let file = try YAMLFile(path: path)
        guard case .map(let top) = file.root else {
            throw CopydeskError.configuration(file: path, message: "a style file must be a mapping")
        }
        let directory = (path as NSString).deletingLastPathComponent
        var style: Style
        if let parent = top["extends"] {
            guard case .string(let parentName) = parent,
                  let parentPath = Self.resolve(parentName, relativeTo: directory, searchDirectories: searchDirectories) else {
                throw file.error(at: "extends", "'extends' names no style file: '\(parent.displayText)'")
            }
            style = try load(path: parentPath, searchDirectories: searchDirectories, visiting: &visiting)
        } else {
            style = Style(name: (path as NSString).lastPathComponent)
        }
        style.path = path
        let sections = Set(settings.map(\.section))
        for key in top.keys.sorted() where !Self.topLevelKeys.contains(key) && !sections.contains(key) {
            throw file.error(at: key, "unknown key '\(key)' (known: \((Self.topLevelKeys.union(sections)).sorted().joined(separator: ", ")))")
        }
        if case .string(let name)? = top["name"] { style.name = name }
        if case .string(let language)? = top["language"] { style.language = language }
        for section in sections.sorted() {
            guard let value = top[section] else { continue }
            guard case .map(let entries) = value else { throw file.error(at: section, "'\(section)' must be a mapping") }
            for (name, value) in entries {
                let key = section + "." + name
                guard let setting = settings.first(where: { $0.key == key }) else {
                    let known = settings.filter { $0.section == section }.map(\.name).sorted().joined(separator: ", ")
                    throw file.error(at: key, "unknown setting '\(name)' in '\(section)' (known: \(known))")
                }
                guard setting.accepts(value) else {
                    throw file.error(at: key, "'\(key)' must be \(setting.expected), not '\(value.displayText)'")
                }
                style.settings[key] = value
            }
        }
        if let lists = top["lists"] {
            guard case .map(let entries) = lists else { throw file.error(at: "lists", "'lists' must map list names to files or lists") }
            for (name, value) in entries {
                guard knownLists.contains(name) else {
                    throw file.error(at: "lists.\(name)", "unknown list '\(name)' (known: \(knownLists.sorted().joined(separator: ", ")))")
                }
                style.lists[name] = try Self.words(value, file: file, keyPath: "lists.\(name)", directory: directory)
            }
        }
        if let abbreviations = top["abbreviations"] {
            let words = try Self.words(abbreviations, file: file, keyPath: "abbreviations", directory: directory)
            style.abbreviations.formUnion(words.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 })
        }
        if let terms = top["terms"] {
            try Self.readTerms(terms, into: &style, file: file, directory: directory)
        }
        if let rules = top["rules"] {
            guard case .map(let entries) = rules else { throw file.error(at: "rules", "'rules' must be a mapping of rule ids") }
            for id in entries.keys.sorted() {
                try readRule(id, entries[id]!, into: &style, file: file)
            }
        }
        return style
    }

    private func readRule(_ id: String, _ value: ConfigValue, into style: inout Style, file: YAMLFile) throws {
        let keyPath = "rules.\(id)"
        switch value {
        case .string("off"), .bool(false):
            guard knownRuleIDs.contains(id) || style.customRules[id] != nil else { throw unknownRule(id, file) }
            style.ruleSettings[id] = .off
        case .string(let word):
            guard let severity = Severity(rawValue: word) else {
                throw file.error(at: keyPath, "rule '\(id)': expected error, warning, info or off, not '\(word)'")
            }
            guard knownRuleIDs.contains(id) || style.customRules[id] != nil else { throw unknownRule(id, file) }
            style.ruleSettings[id] = .severity(severity)
        case .map(let fields) where fields["type"] == nil:
            guard knownRuleIDs.contains(id) || style.customRules[id] != nil else { throw unknownRule(id, file) }
            for key in fields.keys where key != "severity" {
                throw file.error(at: "\(keyPath).\(key)", "rule '\(id)': unknown field '\(key)' (a built-in rule takes only severity)")
            }
            if case .string(let word)? = fields["severity"] {
                guard let severity = Severity(rawValue: word) else {
                    throw file.error(at: "\(keyPath).severity", "rule '\(id)': severity must be error, warning or info")
                }
                style.ruleSettings[id] = .severity(severity)
            }
        case .map(let fields):
            guard !knownRuleIDs.contains(id) else {
                throw file.error(at: keyPath, "rule '\(id)' is built in; a custom rule needs an id of its own")
            }
            guard id.contains(".") else {
                throw file.error(at: keyPath, "custom rule id '\(id)' must be family.rule, e.g. desk.\(id)")
            }
            style.customRules[id] = try CustomRuleParser.parse(id: id, fields: fields, file: file, keyPath: keyPath)
            style.ruleSettings[id] = nil
        default:
            throw file.error(at: keyPath, "rule '\(id)': expected a severity, off, or a custom rule definition")
        }
    }

    private func unknownRule(_ id: String, _ file: YAMLFile) -> CopydeskError {
        file.error(at: "rules.\(id)", "unknown rule '\(id)' (see `copydesk rules`)")
    }

    /// A list given inline or as a file of one entry a line (`#` starts a comment).
    static func words(_ value: ConfigValue, file: YAMLFile, keyPath: String, directory: String) throws -> [String] {
        switch value {
        case .list(let items):
            return items.compactMap { if case .string(let text) = $0 { text } else { nil } }
        case .string(let relative):
            let path = relative.hasPrefix("/") ? relative : directory + "/" + relative
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw file.error(at: keyPath, "cannot read list file '\(relative)'")
            }
            return text.split(whereSeparator: \.isNewline).compactMap { line in
                let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let trimmed = content.trimmingCharacters(in: .whitespaces)
                return trimmed.isEmpty ? nil : trimmed
            }
        default:
            throw file.error(at: keyPath, "expected a list or the path of a list file")
        }
    }

    /// `terms:` maps wrong → right inline, or names a file of `wrong => right` lines.
    static func readTerms(_ value: ConfigValue, into style: inout Style, file: YAMLFile, directory: String) throws {
        var pairs: [(String, String)] = []
        switch value {
        case .map(let map):
            pairs = map.keys.sorted().compactMap { key in
                if case .string(let right)? = map[key] { (key, right) } else { nil }
            }
        case .string:
            for line in try words(value, file: file, keyPath: "terms", directory: directory) {
                let parts = line.components(separatedBy: "=>")
                guard parts.count == 2 else { throw file.error(at: "terms", "term line '\(line)' must read 'wrong => right'") }
                pairs.append((parts[0].trimmingCharacters(in: .whitespaces), parts[1].trimmingCharacters(in: .whitespaces)))
            }
        default:
            throw file.error(at: "terms", "'terms' must map wrong spellings to right ones, or name a file")
        }
        for (wrong, right) in pairs {
            style.terms.removeAll { $0.wrong == wrong }
            style.terms.append((wrong, right))
        }
    }
}
