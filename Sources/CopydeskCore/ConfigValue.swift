/// A value from a pipeline or style file (or built in code), independent of YAML.
public enum ConfigValue: Sendable, Hashable, Codable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([ConfigValue])
    case map([String: ConfigValue])
    case null

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([ConfigValue].self) { self = .list(value) }
        else { self = .map(try container.decode([String: ConfigValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .list(let value): try container.encode(value)
        case .map(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    /// The value as a user would have written it, for messages.
    public var displayText: String {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .bool(let value): String(value)
        case .list(let values): "[" + values.map(\.displayText).joined(separator: ", ") + "]"
        case .map(let values): "{" + values.keys.sorted().map { "\($0): \(values[$0]!.displayText)" }.joined(separator: ", ") + "}"
        case .null: "null"
        }
    }
}
