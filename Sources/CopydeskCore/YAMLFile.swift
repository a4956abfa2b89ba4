import Foundation
import Yams

/// Reads a YAML configuration file (pipeline or style) into `ConfigValue`s, keeping line numbers
/// for error messages and refusing files that expand beyond a sane size (alias bombs).
public struct YAMLFile: Sendable {
    public let path: String
    public let root: ConfigValue
    /// Line (1-based) of each mapping key, by its path such as `stages.0.normalize.form`.
    public let keyLines: [String: Int]

    static let maximumNodes = 200_000

    public init(path: String) throws {
        let text: String
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CopydeskError.configuration(file: path, message: "is a directory, not a YAML file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CopydeskError.configuration(file: path, message: "cannot read file (\(Self.reason(error)))")
        }
        guard let decoded = String(data: data, encoding: .utf8) else {
            throw CopydeskError.configuration(file: path, message: "cannot read file (not UTF-8 text)")
        }
        text = decoded
        try self.init(text: text, path: path)
    }

    public init(text: String, path: String) throws {
        self.path = path
        let node: Node?
        do {
            // The basic resolver tags nothing; `scalarValue` types plain scalars itself. Yams'
            // default resolver compiles a dozen NSRegularExpressions on first use (~3 ms of every
            // `copydesk` start).
            node = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw CopydeskError.configuration(file: path, message: "invalid YAML: \(Self.describe(error))")
        } catch {
            throw CopydeskError.configuration(file: path, message: "invalid YAML: \(error)")
        }
        var lines: [String: Int] = [:]
        var budget = Self.maximumNodes
        root = try node.map { try Self.convert($0, keyPath: "", lines: &lines, budget: &budget, path: path) } ?? .null
        keyLines = lines
    }

    /// `file:line: message` for a key path, or `file: message` when the line is unknown.
    public func error(at keyPath: String, _ message: String) -> CopydeskError {
        if let line = keyLines[keyPath] {
            return .configuration(file: "\(path):\(line)", message: message)
        }
        return .configuration(file: path, message: message)
    }

    private static func convert(_ node: Node, keyPath: String, lines: inout [String: Int], budget: inout Int, path: String) throws -> ConfigValue {
        budget -= 1
        if budget < 0 {
            throw CopydeskError.configuration(file: path, message: "YAML expands to more than \(maximumNodes) values (alias bomb?)")
        }
        switch node {
        case .scalar(let scalar):
            // Explicit tags (`!!str on`) are not honoured: quote a value to keep it a string.
            if scalar.style == .plain {
                return scalarValue(scalar.string)
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            var values: [ConfigValue] = []
            for (index, element) in sequence.enumerated() {
                values.append(try convert(element, keyPath: join(keyPath, String(index)), lines: &lines, budget: &budget, path: path))
            }
            return .list(values)
        case .mapping(let mapping):
            var values: [String: ConfigValue] = [:]
            for (key, value) in mapping {
                let name = key.string ?? "\(key)"
                let childPath = join(keyPath, name)
                if let mark = key.mark { lines[childPath] = mark.line }
                values[name] = try convert(value, keyPath: childPath, lines: &lines, budget: &budget, path: path)
            }
            return .map(values)
        case .alias:
            throw CopydeskError.configuration(file: path, message: "unresolved YAML alias")
        }
    }

    /// A plain scalar's value by YAML 1.1's core rules, as Yams' default resolver would type it:
    /// `true`/`yes`/`on` and their opposites, `~`/`null`/empty, decimal, hexadecimal and octal
    /// integers (with `_` separators), floats with `.inf`/`.nan`; anything else a string. Unlike
    /// Yams, YAML 1.1's base-60 numbers are strings: `12:30` in a desk's file is a time, not 750.
    static func scalarValue(_ text: String) -> ConfigValue {
        switch text {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
        case "", "~", "null", "Null", "NULL": return .null
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else { return .string(text) }
        let digits = text.replacingOccurrences(of: "_", with: "")
        var unsigned = Substring(digits)
        var negative = false
        if unsigned.first == "-" || unsigned.first == "+" { negative = unsigned.first == "-"; unsigned = unsigned.dropFirst() }
        if unsigned.hasPrefix("0x"), let value = Int(unsigned.dropFirst(2), radix: 16) { return .int(negative ? -value : value) }
        if unsigned.hasPrefix("0b"), let value = Int(unsigned.dropFirst(2), radix: 2) { return .int(negative ? -value : value) }
        if unsigned.hasPrefix("0o"), let value = Int(unsigned.dropFirst(2), radix: 8) { return .int(negative ? -value : value) }
        if unsigned.count > 1, unsigned.hasPrefix("0"), unsigned.allSatisfy({ $0 >= "0" && $0 <= "7" }),
           let value = Int(unsigned.dropFirst(), radix: 8) { return .int(negative ? -value : value) }
        if unsigned.allSatisfy({ $0 >= "0" && $0 <= "9" }), let value = Int(digits) { return .int(value) }
        if unsigned.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }),
           unsigned.allSatisfy({ ($0 >= "0" && $0 <= "9") || $0 == "." || $0 == "e" || $0 == "E" || $0 == "-" || $0 == "+" }),
           let value = Double(digits) {
            return .double(value)
        }
        return .string(text)
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    private static func describe(_ error: YamlError) -> String {
        let text = "\(error)"
        return text.split(separator: "\n").first.map(String.init) ?? text
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError { return "no such file" }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoPermissionError { return "permission denied" }
        return nsError.localizedDescription
    }
}
