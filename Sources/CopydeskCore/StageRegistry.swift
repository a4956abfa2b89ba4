/// Maps stage names in pipeline files to stage types.
///
/// Start from `StageRegistry.standard` (in the `Copydesk` module) to get the built-in stages, and
/// `register` your own:
///
/// ```swift
/// var registry = StageRegistry.standard
/// registry.register(HeadlineLengthStage.self)
/// let pipeline = try Pipeline.load(path: "Pipelines/desk.yml", registry: registry)
/// ```
public struct StageRegistry: Sendable {
    private var types: [String: any Stage.Type] = [:]

    public init(_ types: [any Stage.Type] = []) {
        for type in types { register(type) }
    }

    /// Adds a stage type; a later registration under the same name replaces the earlier one.
    public mutating func register(_ type: any Stage.Type) {
        types[type.name] = type
    }

    public func type(named name: String) -> (any Stage.Type)? { types[name] }

    /// Registered types sorted by name.
    public var registered: [any Stage.Type] {
        types.keys.sorted().compactMap { types[$0] }
    }

    /// The rules of every registered stage, in the order of `registered`.
    public var rules: [RuleDescription] { registered.flatMap { $0.rules } }

    /// Builds a stage from its options; unknown stage or option is an error naming the file.
    public func makeStage(named name: String, options: [String: ConfigValue], file: String = "<code>", baseDirectory: String? = nil) throws -> any Stage {
        guard let type = types[name] else {
            let known = types.keys.sorted().joined(separator: ", ")
            throw CopydeskError.configuration(file: file, message: "unknown stage '\(name)' (registered: \(known))")
        }
        var checked = try StageOptions(options, declared: type.options, stageName: name, file: file, baseDirectory: baseDirectory)
        checked.registeredRuleIDs = Set(rules.map(\.id))
        return try type.init(options: checked)
    }
}
