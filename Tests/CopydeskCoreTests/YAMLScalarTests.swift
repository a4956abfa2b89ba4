import Foundation
import Testing
import Yams
@testable import CopydeskCore

/// `YAMLFile` types plain scalars itself (Yams' default resolver is slow to start); it must type
/// them exactly as Yams' default resolver and constructors do.
@Suite struct YAMLScalarTests {
    static let samples = [
        "true", "True", "yes", "on", "false", "no", "off", "OFF", "~", "null", "12", "-7", "+5", "0", "0x1F", "0o17",
        "1_000", "3.5", "-0.25", ".5", "1.", ".inf", "-.inf", "abc", "1.2.3", "1e3", "2026-11-29", "v1", "ap", "en-GB",
        "Greek-Latin/UNGEGN", "0.65", "12h30", "+", ".", "y", "n", "1e", "e3", "0b101",
    ]

    /// What the old path gave: Yams' default resolver, then its constructors.
    static func yamsValue(_ text: String) throws -> ConfigValue {
        guard case .mapping(let mapping)? = try Yams.compose(yaml: "k: \(text)"), let scalar = mapping["k"]?.scalar else { return .null }
        if let value = Bool.construct(from: scalar) { return .bool(value) }
        if let value = Int.construct(from: scalar) { return .int(value) }
        if let value = Double.construct(from: scalar) { return .double(value) }
        if NSNull.construct(from: scalar) != nil { return .null }
        return .string(scalar.string)
    }

    @Test(arguments: samples)
    func typesLikeYamsDefaultResolver(_ text: String) throws {
        let file = try YAMLFile(text: "k: \(text)", path: "test.yml")
        guard case .map(let values) = file.root else { Issue.record("not a mapping"); return }
        let expected = try Self.yamsValue(text)
        if case .double(let a) = expected, a.isNaN { return }
        #expect(values["k"] == expected, "\(text)")
    }

    @Test func baseSixtyNumbersStayStrings() throws {
        // Deliberately unlike Yams (YAML 1.1 reads `12:30` as 750).
        let file = try YAMLFile(text: "k: 12:30", path: "test.yml")
        #expect(file.root == .map(["k": .string("12:30")]))
    }

    @Test func quotedScalarsStayStrings() throws {
        let file = try YAMLFile(text: "a: 'yes'\nb: \"12\"\nc: |\n  off\n", path: "test.yml")
        #expect(file.root == .map(["a": .string("yes"), "b": .string("12"), "c": .string("off\n")]))
    }
}
