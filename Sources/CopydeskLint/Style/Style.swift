import CopydeskCore

/// A house style: settings the rules read, word lists, per-rule severities, and a desk's own
/// rules. Loaded from `StyleRules/*.yml` (see `StyleLoader`); `extends:` starts from another style.
public struct Style: Sendable {
    /// How a style file sets one rule.
    public enum RuleSetting: Sendable, Hashable {
        case off
        case severity(Severity)
    }

    public var name: String
    /// The file it came from (the last one, for a style that extends others).
    public var path: String
    public var language: String
    /// `section.key` → value, e.g. `quotes.form` → `curly`.
    public var settings: [String: ConfigValue]
    /// Word lists by name, already read from their files.
    public var lists: [String: [String]]
    /// Term substitutions (wrong → right) for `terms.substitution`.
    public var terms: [(wrong: String, right: String)]
    public var ruleSettings: [String: RuleSetting]
    /// A desk's own rules, by id.
    public var customRules: [String: CustomRuleDefinition]
    /// Abbreviations that do not end a sentence (`Mr.` is stored as `Mr`).
    public var abbreviations: Set<String>

    public init(name: String, path: String = "<code>", language: String = "en") {
        self.name = name
        self.path = path
        self.language = language
        self.settings = [:]
        self.lists = [:]
        self.terms = []
        self.ruleSettings = [:]
        self.customRules = [:]
        self.abbreviations = []
    }

    public func string(_ key: String) -> String? {
        switch settings[key] {
        case .string(let value): value
        case .int(let value): String(value)
        case .bool(let value): String(value)
        default: nil
        }
    }

    public func bool(_ key: String) -> Bool? {
        if case .bool(let value) = settings[key] { return value }
        return nil
    }

    public func int(_ key: String) -> Int? {
        if case .int(let value) = settings[key] { return value }
        return nil
    }

    /// A string list setting (`quotes.primary: ["“", "”"]`).
    public func strings(_ key: String) -> [String]? {
        guard case .list(let values) = settings[key] else { return nil }
        return values.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }

    public func list(_ name: String) -> [String] { lists[name] ?? [] }

    /// The severity a rule runs at in this style, or nil when it is switched off.
    public func severity(of rule: RuleDescription) -> Severity? {
        switch ruleSettings[rule.id] {
        case .off: nil
        case .severity(let severity): severity
        case nil: rule.severity
        }
    }
}
