/// The options a pipeline file gives one stage, checked against what the stage declares.
///
/// Type errors are `CopydeskError.configuration` naming the file, the stage and the key.
public struct StageOptions: Sendable {
    public let values: [String: ConfigValue]
    public let stageName: String
    public let file: String
    /// Directory of the pipeline file, for options that name other files.
    public let baseDirectory: String?
    /// The rule ids of every stage of the registry the stage is built from (`StageRegistry.rules`),
    /// so a stage that applies a style to earlier findings (lint) knows the other stages' rules.
    public var registeredRuleIDs: Set<String> = []
    private let declared: [String: StageOption]

    /// Checks `values` against `declared`: an undeclared key is an error naming file, stage and key.
    public init(_ values: [String: ConfigValue], declared: [StageOption], stageName: String, file: String = "<code>", baseDirectory: String? = nil) throws {
        self.values = values
        self.baseDirectory = baseDirectory
        self.stageName = stageName
        self.file = file
        self.declared = Dictionary(declared.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for key in values.keys.sorted() where self.declared[key] == nil {
            let known = declared.map(\.name).sorted().joined(separator: ", ")
            throw CopydeskError.configuration(
                file: file,
                message: "stage '\(stageName)': unknown option '\(key)'" + (known.isEmpty ? " (it takes no options)" : " (known: \(known))"))
        }
        for (key, value) in values {
            guard let option = self.declared[key] else { continue }
            try check(value, against: option)
        }
    }

    private func check(_ value: ConfigValue, against option: StageOption) throws {
        switch (option.kind, value) {
        case (.bool, .bool), (.int, .int), (.string, .string), (.string, .int), (.string, .double), (.string, .bool), (_, .null):
            return
        case (.choice(let words), .string(let word)) where words.contains(word):
            return
        case (.choice(let words), _):
            throw error(option.name, "must be one of \(words.joined(separator: ", ")), not '\(value.displayText)'")
        case (.bool, _):
            throw error(option.name, "must be true or false, not '\(value.displayText)'")
        case (.int, _):
            throw error(option.name, "must be a whole number, not '\(value.displayText)'")
        default:
            throw error(option.name, "must be a string, not '\(value.displayText)'")
        }
    }

    private func error(_ key: String, _ message: String) -> CopydeskError {
        .configuration(file: file, message: "stage '\(stageName)': option '\(key)' \(message)")
    }

    /// The option's value, or its declared default.
    public func string(_ key: String) -> String {
        switch values[key] {
        case .string(let value): return value
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        // YAML 1.1 reads a bare `off`/`on` as a boolean.
        case .bool(let value): return value ? "on" : "off"
        default: return declared[key]?.defaultValue ?? ""
        }
    }

    public func bool(_ key: String) -> Bool {
        if case .bool(let value) = values[key] { return value }
        return declared[key]?.defaultValue == "true"
    }

    public func int(_ key: String) -> Int {
        if case .int(let value) = values[key] { return value }
        return Int(declared[key]?.defaultValue ?? "") ?? 0
    }

    /// A choice option read as an enum whose raw values are the choice words.
    public func choice<T: RawRepresentable>(_ key: String, as type: T.Type) throws -> T where T.RawValue == String {
        let word = string(key)
        guard let value = T(rawValue: word) else { throw error(key, "has unsupported value '\(word)'") }
        return value
    }

    /// Fails with a message naming file, stage and key; for checks only the stage can make.
    public func invalid(_ key: String, _ message: String) -> CopydeskError { error(key, message) }
}
