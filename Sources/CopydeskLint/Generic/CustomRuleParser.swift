import CopydeskCore

/// Reads a custom rule from a style file, Vale's field names included:
///
/// ```yaml
/// rules:
///   desk.hedging:
///     type: existence          # existence, substitution, occurrence, repetition, consistency
///     message: "Cut '%s'"      # %s is the matched text (substitution: %s is the replacement)
///     severity: warning
///     scope: sentence          # headline, paragraph, sentence, text (default: text; occurrence: paragraph)
///     ignorecase: true
///     tokens: [reportedly, allegedly]
///     raw: ['\bsources? (?:said|say)\b']   # ICU regexes, run with a time limit
///     nonword: false
///     exceptions: [allegedly stolen]
///   desk.kyiv:
///     type: substitution
///     swap: {Kiev: Kyiv}
///   desk.very:
///     type: occurrence
///     tokens: [very]
///     max: 1
///   desk.spelling:
///     type: consistency
///     either: {advisor: adviser}
/// ```
enum CustomRuleParser {
    static let fields: [CustomRuleDefinition.Kind: Set<String>] = [
        .existence: ["tokens", "raw", "nonword", "exceptions"],
        .substitution: ["swap", "nonword", "exceptions"],
        .occurrence: ["tokens", "raw", "max", "min", "nonword"],
        .repetition: ["tokens", "raw"],
        .consistency: ["either"],
    ]
    static let common: Set<String> = ["type", "message", "severity", "scope", "ignorecase", "level", "description"]

    static func parse(id: String, fields map: [String: ConfigValue], file: YAMLFile, keyPath: String) throws -> CustomRuleDefinition {
        func fail(_ key: String?, _ message: String) -> CopydeskError {
            file.error(at: key.map { "\(keyPath).\($0)" } ?? keyPath, "rule '\(id)': \(message)")
        }
        guard case .string(let typeName)? = map["type"], let kind = CustomRuleDefinition.Kind(rawValue: typeName) else {
            throw fail("type", "type must be one of \(CustomRuleDefinition.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let allowed = common.union(fields[kind] ?? [])
        for key in map.keys.sorted() where !allowed.contains(key) {
            throw fail(key, "unknown field '\(key)' for a \(typeName) rule (known: \(allowed.sorted().joined(separator: ", ")))")
        }
        func string(_ key: String) throws -> String? {
            guard let value = map[key] else { return nil }
            guard case .string(let text) = value else { throw fail(key, "'\(key)' must be a string") }
            return text
        }
        func strings(_ key: String) throws -> [String] {
            guard let value = map[key] else { return [] }
            switch value {
            case .string(let text): return [text]
            case .list(let items):
                return try items.map { item in
                    guard case .string(let text) = item else { throw fail(key, "'\(key)' must be a list of strings") }
                    return text
                }
            default: throw fail(key, "'\(key)' must be a list of strings")
            }
        }
        func pairs(_ key: String) throws -> [(String, String)] {
            guard let value = map[key] else { return [] }
            guard case .map(let entries) = value else { throw fail(key, "'\(key)' must map one spelling to another") }
            return try entries.keys.sorted().map { left in
                guard case .string(let right)? = entries[left] else { throw fail(key, "'\(key)': '\(left)' must map to a string") }
                return (left, right)
            }
        }
        func bool(_ key: String) throws -> Bool {
            guard let value = map[key] else { return false }
            guard case .bool(let flag) = value else { throw fail(key, "'\(key)' must be true or false") }
            return flag
        }
        func int(_ key: String) throws -> Int? {
            guard let value = map[key] else { return nil }
            guard case .int(let number) = value, number >= 0 else { throw fail(key, "'\(key)' must be a whole number") }
            return number
        }
        let severityWord = try string("severity") ?? string("level") ?? "warning"
        guard let severity = Severity(rawValue: severityWord == "suggestion" ? "info" : severityWord) else {
            throw fail("severity", "severity must be error, warning or info")
        }
        let scopeWord = try string("scope") ?? (kind == .occurrence ? "paragraph" : "text")
        guard let scope = CustomRuleDefinition.Scope(rawValue: scopeWord) else {
            throw fail("scope", "scope must be one of \(CustomRuleDefinition.Scope.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let definition = CustomRuleDefinition(
            id: id, kind: kind, message: try string("message") ?? defaultMessage(kind), severity: severity, scope: scope,
            ignoreCase: try bool("ignorecase"), tokens: try strings("tokens"), raw: try strings("raw"), nonword: try bool("nonword"),
            exceptions: try strings("exceptions"), swap: try pairs("swap"), max: try int("max"), min: try int("min"),
            either: try pairs("either"), location: file.keyLines[keyPath].map { "\(file.path):\($0)" } ?? file.path)
        switch kind {
        case .existence, .occurrence, .repetition:
            if kind != .repetition, definition.tokens.isEmpty && definition.raw.isEmpty { throw fail(nil, "needs 'tokens' or 'raw'") }
            if kind == .occurrence, definition.max == nil && definition.min == nil { throw fail(nil, "needs 'max' or 'min'") }
        case .substitution:
            if definition.swap.isEmpty { throw fail("swap", "needs 'swap'") }
        case .consistency:
            if definition.either.isEmpty { throw fail("either", "needs 'either'") }
        }
        return definition
    }

    static func defaultMessage(_ kind: CustomRuleDefinition.Kind) -> String {
        switch kind {
        case .existence: "'%s' is not house style"
        case .substitution: "use '%s' instead of '%o'"
        case .occurrence: "too many or too few occurrences of '%s'"
        case .repetition: "'%s' is repeated"
        case .consistency: "'%s' and '%o' both appear; pick one"
        }
    }
}
