import CopydeskCore
import Foundation

/// reviewdog's diagnostic format as JSON Lines (`reviewdog -f=rdjsonl`): one `Diagnostic` object per
/// line, keys sorted. Positions follow reviewdog.proto: 1-based lines, columns counted in UTF-8
/// bytes from the start of the line, end exclusive. Each edit of a fix becomes a suggestion (range
/// plus replacement text; an empty text deletes). Severities map to `ERROR`, `WARNING` and `INFO`.
/// A file that could not be processed gives an `ERROR` with the path and no range.
///
/// ```
/// {"code":{"value":"unicode.invisible"},"location":{"path":"story.txt","range":{"end":{"column":9,"line":3},"start":{"column":6,"line":3}}},"message":"zero-width space (U+200B) removed","severity":"WARNING","source":{"name":"copydesk"},"suggestions":[{"range":{"end":{"column":9,"line":3},"start":{"column":6,"line":3}},"text":""}]}
/// ```
public enum RDJSONLReporter {
    public static func render(_ reports: [FileReport], rules: [RuleInfo]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        func emit(_ diagnostic: RDDiagnostic) {
            guard let data = try? encoder.encode(diagnostic) else { return }
            out += String(decoding: data, as: UTF8.self) + "\n"
        }
        for report in reports {
            if let error = report.error {
                emit(RDDiagnostic(message: error, location: RDLocation(path: report.path, range: nil), severity: "ERROR",
                                  source: RDSource(name: "copydesk"), code: nil, suggestions: nil))
            }
            for diagnostic in report.sortedDiagnostics {
                let suggestions = diagnostic.fix.flatMap { fix -> [RDSuggestion]? in
                    guard let source = report.source, !fix.edits.isEmpty else { return nil }
                    return fix.edits.map { RDSuggestion(range: range($0.range, in: source), text: $0.replacement) }
                }
                emit(RDDiagnostic(
                    message: diagnostic.message,
                    location: RDLocation(path: report.path, range: report.source.map { range(diagnostic.range, in: $0) }),
                    severity: severity(diagnostic.severity),
                    source: RDSource(name: "copydesk"),
                    code: RDCode(value: diagnostic.ruleID),
                    suggestions: suggestions))
            }
        }
        return out
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "ERROR"
        case .warning: "WARNING"
        case .info: "INFO"
        }
    }

    static func range(_ range: Range<Int>, in source: SourceFile) -> RDRange {
        RDRange(start: position(range.lowerBound, in: source), end: position(max(range.lowerBound, range.upperBound), in: source))
    }

    /// Line and UTF-8 byte column, both 1-based.
    static func position(_ offset: Int, in source: SourceFile) -> RDPosition {
        let location = source.location(of: offset)
        return RDPosition(line: location.line, column: location.offset - source.lineStarts[location.line - 1] + 1)
    }

    struct RDDiagnostic: Encodable {
        var message: String
        var location: RDLocation
        var severity: String
        var source: RDSource
        var code: RDCode?
        var suggestions: [RDSuggestion]?
    }

    struct RDLocation: Encodable {
        var path: String
        var range: RDRange?
    }

    struct RDRange: Encodable, Equatable {
        var start: RDPosition
        var end: RDPosition
    }

    struct RDPosition: Encodable, Equatable {
        var line: Int
        var column: Int
    }

    struct RDSource: Encodable {
        var name: String
    }

    struct RDCode: Encodable {
        var value: String
    }

    struct RDSuggestion: Encodable {
        var range: RDRange
        var text: String
    }
}
