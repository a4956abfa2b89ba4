import CopydeskCore

/// GitHub Actions workflow commands, one line per finding, which the runner turns into annotations
/// on the pull request:
///
/// ```
/// ::warning file=story.txt,line=3,col=6,endLine=3,endColumn=7,title=unicode.invisible::zero-width space (U+200B) removed
/// ```
///
/// Errors are `::error`, warnings `::warning`, infos `::notice`. Columns are 1-based UTF-16 code
/// units with an exclusive end, as in SARIF; GitHub only takes columns for a single line, so a
/// finding that spans lines gives `line` and `endLine` without columns (a range that stops at the
/// start of a line ends at the end of the line before). A file that could not be processed gives
/// `::error file=…::why`.
public enum GitHubReporter {
    public static func render(_ reports: [FileReport], rules: [RuleInfo]) -> String {
        var out = ""
        for report in reports {
            if let error = report.error {
                out += "::error file=\(property(report.path))::\(message(error))\n"
            }
            for diagnostic in report.sortedDiagnostics {
                var properties = ["file=" + property(report.path)]
                if let source = report.source {
                    let (start, end) = span(diagnostic.range, in: source)
                    properties.append("line=\(start.line)")
                    if start.line == end.line { properties.append("col=\(start.column)") }
                    properties.append("endLine=\(end.line)")
                    if start.line == end.line { properties.append("endColumn=\(end.column)") }
                }
                properties.append("title=" + property(diagnostic.ruleID))
                out += "::\(command(diagnostic.severity)) \(properties.joined(separator: ","))::\(message(diagnostic.message))\n"
            }
        }
        return out
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// Start and end as line and UTF-16 column.
    static func span(_ range: Range<Int>, in source: SourceFile) -> (start: (line: Int, column: Int), end: (line: Int, column: Int)) {
        let start = source.location(of: range.lowerBound)
        let end = source.location(of: max(range.lowerBound, range.upperBound))
        if end.line > start.line, end.column == 1 {
            // The range takes in a line break: end it at the end of the line it breaks.
            let line = end.line - 1
            return ((start.line, start.utf16Column), (line, source.lineText(line).utf16.count + 1))
        }
        return ((start.line, start.utf16Column), (end.line, end.utf16Column))
    }

    /// Escaping for the message after `::`.
    public static func message(_ text: String) -> String {
        escape(text, extra: false)
    }

    /// Escaping for a property value (`file=`, `title=`): also `:` and `,`, which end the value.
    public static func property(_ text: String) -> String {
        escape(text, extra: true)
    }

    private static func escape(_ text: String, extra: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where extra: out += "%3A"
            case "," where extra: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
