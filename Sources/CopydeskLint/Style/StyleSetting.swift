import CopydeskCore

/// A setting a rule reads from a style file, declared by the rule so the loader can refuse keys
/// no rule knows. `key` is `section.name`, written in YAML as `section: {name: value}`.
public struct StyleSetting: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case bool, int, string, strings
        case choice([String])
    }

    public var key: String
    public var kind: Kind
    public var help: String

    public init(_ key: String, _ kind: Kind, help: String) {
        self.key = key
        self.kind = kind
        self.help = help
    }

    public var section: String { String(key.split(separator: ".", maxSplits: 1).first ?? "") }
    public var name: String { String(key.split(separator: ".", maxSplits: 1).last ?? "") }

    func accepts(_ value: ConfigValue) -> Bool {
        switch (kind, value) {
        case (.bool, .bool), (.int, .int), (.string, .string): return true
        case (.strings, .list(let items)): return items.allSatisfy { if case .string = $0 { true } else { false } }
        case (.choice(let words), .string(let word)): return words.contains(word)
        default: return false
        }
    }

    var expected: String {
        switch kind {
        case .bool: "true or false"
        case .int: "a whole number"
        case .string: "a string"
        case .strings: "a list of strings"
        case .choice(let words): "one of " + words.joined(separator: ", ")
        }
    }
}

/// A desk's own rule, written in a style file with the field names Vale uses.
public struct CustomRuleDefinition: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case existence, substitution, occurrence, repetition, consistency
    }

    public enum Scope: String, Sendable, CaseIterable {
        case headline, paragraph, sentence, text
    }

    public var id: String
    public var kind: Kind
    public var message: String
    public var severity: Severity
    public var scope: Scope
    public var ignoreCase: Bool
    /// `existence`/`occurrence`/`repetition`: words or phrases (`tokens`) or ICU regexes (`raw`).
    public var tokens: [String]
    public var raw: [String]
    /// Do not require word boundaries around tokens (Vale's `nonword`).
    public var nonword: Bool
    public var exceptions: [String]
    /// `substitution`: wrong → right, in file order.
    public var swap: [(String, String)]
    /// `occurrence`: bounds per scope.
    public var max: Int?
    public var min: Int?
    /// `consistency`: pairs of spellings that must not both appear.
    public var either: [(String, String)]
    /// Where the rule was defined, for errors.
    public var location: String
}
