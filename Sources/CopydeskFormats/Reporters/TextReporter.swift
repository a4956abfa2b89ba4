import CopydeskCore

/// Compiler-style output an editor's terminal understands:
///
/// ```
/// story.txt:3:18: warning: zero-width space (U+200B) removed [unicode.invisible]
///     3 | Chinese President​ Xi Jinping
///       |                  ^
/// ```
public struct TextReporter: Sendable {
    public var colour: Bool
    /// Print the source line and caret under each finding.
    public var showSource: Bool

    public init(colour: Bool, showSource: Bool = true) {
        self.colour = colour
        self.showSource = showSource
    }

    public func render(_ report: FileReport) -> String {
        var out = ""
        if let error = report.error {
            out += paint("\(report.path): error: \(error)", "1;31") + "\n"
            return out
        }
        guard let source = report.source else { return out }
        for diagnostic in report.sortedDiagnostics {
            let start = source.location(of: diagnostic.range.lowerBound)
            let end = source.location(of: diagnostic.range.upperBound)
            let label = paint(diagnostic.severity.rawValue + ":", colourCode(diagnostic.severity))
            out += "\(report.path):\(start.line):\(start.column): \(label) \(diagnostic.message) [\(diagnostic.ruleID)]\(report.storySuffix(for: diagnostic))\n"
            guard showSource else { continue }
            let line = visible(source.lineText(start.line))
            let number = String(start.line)
            let gutter = String(repeating: " ", count: number.count)
            out += " \(number) | \(line)\n"
            let width = end.line == start.line ? max(1, end.column - start.column) : 1
            let caretColumn = min(start.column - 1, line.unicodeScalars.count)
            out += " \(gutter) | " + String(repeating: " ", count: caretColumn)
                + paint("^" + String(repeating: "~", count: width - 1), colourCode(diagnostic.severity)) + "\n"
        }
        return out
    }

    public func renderSummary(_ summary: ReportSummary) -> String {
        var parts: [String] = []
        func add(_ count: Int, _ noun: String) { parts.append("\(count) \(noun)\(count == 1 ? "" : "s")") }
        add(summary.errors, "error")
        add(summary.warnings, "warning")
        add(summary.infos, "info")
        var line = parts.joined(separator: ", ") + " in \(summary.files) file\(summary.files == 1 ? "" : "s")"
        if summary.failedFiles > 0 { line += " (\(summary.failedFiles) could not be processed)" }
        return line + "\n"
    }

    /// Tabs and controls shown as single visible characters so the caret lines up.
    private func visible(_ line: Substring) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x09: return " "
            case 0x00..<0x20, 0x7F: return "\u{FFFD}"
            case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0xAD: return "·"
            default: return scalar
            }
        }))
    }

    private func colourCode(_ severity: Severity) -> String {
        switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .info: "1;36"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
