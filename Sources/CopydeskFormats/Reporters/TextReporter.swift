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
    /// Columns an excerpt line may take, its ` 12 | ` gutter included: a terminal's width. A
    /// longer source line is shown as a window around the finding (see `ExcerptWindow`).
    public var width: Int

    /// The width when standard output is not a terminal (a CI log, a pipe, a file).
    public static let defaultWidth = 120
    /// The narrowest excerpt printed, whatever the terminal says.
    static let minimumExcerpt = 40

    public init(colour: Bool, showSource: Bool = true, width: Int = TextReporter.defaultWidth) {
        self.colour = colour
        self.showSource = showSource
        self.width = width
    }

    /// The whole report of one file as a string (for tests and short reports); `write` streams it.
    public func render(_ report: FileReport) -> String {
        var out = ""
        write(report) { out += $0 }
        return out
    }

    /// Writes the report finding by finding, handing `output` pieces of about `chunk` bytes, so a
    /// file with a million findings never has its report in memory.
    public func write(_ report: FileReport, chunk: Int = 1 << 16, to output: (String) -> Void) {
        if let error = report.error {
            output(paint("\(report.path): error: \(error)", "1;31") + "\n")
            return
        }
        guard let source = report.source else { return }
        var out = ""
        var text = source.text
        text.withUTF8 { bytes in
            for diagnostic in report.sortedDiagnostics {
                finding(diagnostic, in: source, bytes: bytes, path: report.path, story: report.storySuffix(for: diagnostic), into: &out)
                if out.utf8.count >= chunk {
                    output(out)
                    out = ""
                }
            }
        }
        if !out.isEmpty { output(out) }
    }

    private func finding(_ diagnostic: Diagnostic, in source: SourceFile, bytes: UnsafeBufferPointer<UInt8>, path: String, story: String = "", into out: inout String) {
        let start = source.location(of: diagnostic.range.lowerBound)
        let end = source.location(of: diagnostic.range.upperBound)
        let label = paint(diagnostic.severity.rawValue + ":", colourCode(diagnostic.severity))
        out += "\(path):\(start.line):\(start.column): \(label) \(diagnostic.message) [\(diagnostic.ruleID)]\(story)\n"
        guard showSource else { return }
        let number = String(start.line)
        // Lines of `text`: a story cut from a stream starts at `origin.line` of its file, and its
        // first line may begin before the story (`origin.firstLinePrefix`, not in `bytes`).
        let local = min(max(0, start.line - 1 - source.origin.line), source.lineStarts.count - 1)
        let lineStart = source.lineStarts[local]
        var lineEnd = local + 1 < source.lineStarts.count ? source.lineStarts[local + 1] : bytes.count
        while lineEnd > lineStart, bytes[lineEnd - 1] == 0x0A || bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        let offset = min(max(0, diagnostic.range.lowerBound), bytes.count)
        let columns = max(Self.minimumExcerpt, width - number.count - 4)
        let window: ExcerptWindow, shown: String
        if local == 0, !source.origin.firstLinePrefix.isEmpty {
            let line = Array(source.origin.firstLinePrefix.utf8) + Array(bytes[lineStart..<lineEnd])
            let shift = line.count - (lineEnd - lineStart)
            (window, shown) = line.withUnsafeBufferPointer { line in
                let window = ExcerptWindow.make(line, lineStart: 0, lineEnd: line.count, offset: offset - lineStart + shift,
                                                column: start.column - 1, columns: columns)
                return (window, visible(String(decoding: UnsafeBufferPointer(rebasing: line[window.range]), as: UTF8.self)))
            }
        } else {
            window = ExcerptWindow.make(bytes, lineStart: lineStart, lineEnd: lineEnd, offset: offset, column: start.column - 1, columns: columns)
            shown = visible(String(decoding: UnsafeBufferPointer(rebasing: bytes[window.range]), as: UTF8.self))
        }
        out += " \(number) | " + (window.cutBefore ? "…" : "") + shown + (window.cutAfter ? "…" : "") + "\n"
        var underline = end.line == start.line ? max(1, end.column - start.column) : 1
        if let room = window.room { underline = max(1, min(underline, room)) }
        out += " \(String(repeating: " ", count: number.count)) | " + String(repeating: " ", count: window.caretColumn)
            + paint("^" + String(repeating: "~", count: underline - 1), colourCode(diagnostic.severity)) + "\n"
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
    private func visible(_ line: String) -> String {
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
