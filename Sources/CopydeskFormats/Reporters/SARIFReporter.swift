import CopydeskCore
import Foundation

/// SARIF 2.1.0, the format GitHub code scanning and most static-analysis viewers read: one run
/// whose `tool.driver.rules` describe every rule (ids, short descriptions, help, default level) and
/// whose results point at the finding with line and column (UTF-16 code units, as the run's
/// `columnKind` says) and carry the fix as `fixes[].artifactChanges`. Files that could not be
/// processed become error notifications of the invocation. Keys are sorted, so the same input gives
/// the same bytes.
public enum SARIFReporter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The version the driver reports unless told otherwise.
    public static let defaultToolVersion = "0.1.0"

    /// - Parameters:
    ///   - toolVersion: `tool.driver.version`.
    ///   - informationURI: `tool.driver.informationUri` (the project's home page), omitted when nil.
    public static func render(_ reports: [FileReport], rules: [RuleInfo], toolVersion: String = defaultToolVersion,
                              informationURI: String? = nil) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(log(reports, rules: rules, toolVersion: toolVersion, informationURI: informationURI))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // MARK: - The log

    static func log(_ reports: [FileReport], rules: [RuleInfo], toolVersion: String, informationURI: String?) -> Log {
        let catalog = ReportRuleCatalog(rules, reports: reports)
        let descriptors = catalog.rules.map { rule in
            ReportingDescriptor(
                id: rule.id,
                shortDescription: Message(text: rule.summary),
                fullDescription: Message(text: rule.help ?? rule.summary),
                help: Message(text: rule.help ?? rule.summary),
                defaultConfiguration: Configuration(level: level(rule.severity)),
                properties: Properties(tags: [rule.family]))
        }
        var results: [Result] = []
        var notifications: [Notification] = []
        for report in reports {
            let artifact = ArtifactLocation(uri: uri(forPath: report.path))
            if let error = report.error {
                notifications.append(Notification(
                    level: "error", message: Message(text: error),
                    locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: artifact, region: nil))]))
            }
            for diagnostic in report.sortedDiagnostics {
                let region = report.source.map { self.region(diagnostic.range, in: $0) }
                let fixes = diagnostic.fix.flatMap { fix -> [Fix]? in
                    guard let source = report.source, !fix.edits.isEmpty else { return nil }
                    let replacements = fix.edits.map {
                        Replacement(deletedRegion: self.region($0.range, in: source), insertedContent: ArtifactContent(text: $0.replacement))
                    }
                    return [Fix(artifactChanges: [ArtifactChange(artifactLocation: artifact, replacements: replacements)])]
                }
                results.append(Result(
                    ruleId: diagnostic.ruleID,
                    ruleIndex: catalog.index[diagnostic.ruleID]!,
                    level: level(diagnostic.severity),
                    message: Message(text: diagnostic.message),
                    locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: artifact, region: region))],
                    fixes: fixes))
            }
        }
        let invocation = Invocation(executionSuccessful: notifications.isEmpty,
                                    toolExecutionNotifications: notifications.isEmpty ? nil : notifications)
        let driver = ToolComponent(name: "copydesk", informationUri: informationURI, version: toolVersion, rules: descriptors)
        return Log(runs: [Run(tool: Tool(driver: driver), invocations: [invocation], results: results)])
    }

    /// `error`, `warning` or `note`.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// Lines and UTF-16 columns (end exclusive), plus the UTF-16 offset and length of the range in
    /// the decoded text.
    static func region(_ range: Range<Int>, in source: SourceFile) -> Region {
        let start = source.location(of: range.lowerBound)
        let end = source.location(of: max(range.lowerBound, range.upperBound))
        let startOffset = utf16Offset(start, in: source)
        return Region(startLine: start.line, startColumn: start.utf16Column, endLine: end.line, endColumn: end.utf16Column,
                      charOffset: startOffset, charLength: utf16Offset(end, in: source) - startOffset)
    }

    private static func utf16Offset(_ location: SourceLocation, in source: SourceFile) -> Int {
        let text = source.text
        let lineStart = text.utf8.index(text.startIndex, offsetBy: source.lineStarts[location.line - 1])
        return text.utf16.distance(from: text.startIndex, to: lineStart) + location.utf16Column - 1
    }

    /// A relative path becomes a relative URI reference (`./` dropped), an absolute one a `file://`
    /// URI; everything but unreserved characters and `/` is percent-encoded as UTF-8.
    public static func uri(forPath path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        let escaped = percentEncoded(path)
        return path.hasPrefix("/") ? "file://" + escaped : escaped
    }

    private static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return out
    }

    // MARK: - SARIF objects (only what Copydesk writes)

    struct Log: Encodable {
        var schema = SARIFReporter.schemaURI
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var invocations: [Invocation]
        var results: [Result]
        var columnKind = "utf16CodeUnits"
    }

    struct Tool: Encodable {
        var driver: ToolComponent
    }

    struct ToolComponent: Encodable {
        var name: String
        var informationUri: String?
        var version: String
        var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        var id: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var defaultConfiguration: Configuration
        var properties: Properties
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct Properties: Encodable {
        var tags: [String]
    }

    struct Message: Encodable {
        var text: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var fixes: [Fix]?
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable {
        var uri: String
    }

    struct Region: Encodable, Equatable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
        var charOffset: Int
        var charLength: Int
    }

    struct Fix: Encodable {
        var artifactChanges: [ArtifactChange]
    }

    struct ArtifactChange: Encodable {
        var artifactLocation: ArtifactLocation
        var replacements: [Replacement]
    }

    struct Replacement: Encodable {
        var deletedRegion: Region
        var insertedContent: ArtifactContent
    }

    struct ArtifactContent: Encodable {
        var text: String
    }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]?
    }

    struct Notification: Encodable {
        var level: String
        var message: Message
        var locations: [Location]
    }
}
