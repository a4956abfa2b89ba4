import CopydeskCore
import Foundation

/// Writes one file's entry of the JSON report byte for byte as `JSONEncoder` does with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, but straight into a byte buffer,
/// diagnostic by diagnostic, handed on in pieces.
///
/// Why not `JSONEncoder`: for a file with many findings it builds a tree of every value, then the
/// whole text, which the stream then split into lines to indent: on a 20 MB line with 333,000
/// findings that was 2.2 GB and most of the run. This writes what the encoder would, in the same
/// key order, without the tree, the copies or the re-indenting; its memory is one piece. The
/// `stages` maps (small, and of open shape) still go through `JSONEncoder`. `JSONReportWriterTests`
/// compares the two on every kind of entry.
struct JSONReportWriter {
    private var bytes: [UInt8] = []
    private let chunk: Int
    private let output: (String) -> Void

    init(chunk: Int = 1 << 16, output: @escaping (String) -> Void) {
        self.chunk = chunk
        self.output = output
        bytes.reserveCapacity(chunk + 4096)
    }

    /// Hands on what is buffered.
    mutating func flush() {
        guard !bytes.isEmpty else { return }
        output(String(decoding: bytes, as: UTF8.self))
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func flushIfFull() {
        if bytes.count >= chunk { flush() }
    }

    /// The entry of `report` as an element of the `files` array: its `{` at the current position,
    /// its lines indented by `level` steps of two spaces (2 in the report document).
    mutating func file(_ report: FileReport, level: Int) {
        let metadata = report.metadata
        var keys: [(String, (inout JSONReportWriter) -> Void)] = []
        if let source = report.source {
            keys.append(("diagnostics", { $0.diagnostics(report.sortedDiagnostics, of: report, source: source, level: level + 1) }))
        } else {
            keys.append(("diagnostics", { $0.emptyArray(level: level + 1) }))
        }
        if report.source != nil, let encoding = metadata?.encoding { keys.append(("encoding", { $0.string(encoding) })) }
        if let error = report.error { keys.append(("error", { $0.string(error) })) }
        if report.source != nil, let format = metadata?.sourceFormat { keys.append(("format", { $0.string(format) })) }
        if let metadata { keys.append(("metadata", { $0.metadata(metadata, level: level + 1) })) }
        keys.append(("path", { $0.string(report.path) }))
        if report.source != nil, report.stageData.contains(where: { !$0.isEmpty }) {
            keys.append(("stages", { $0.encoded(report.stageData, level: level + 1) }))
        }
        object(keys, level: level)
    }

    // MARK: - Values

    private mutating func object(_ fields: [(String, (inout JSONReportWriter) -> Void)], level: Int) {
        guard !fields.isEmpty else { emptyObject(level: level); return }
        raw("{\n")
        for (index, field) in fields.enumerated() {
            indent(level + 1)
            string(field.0)
            raw(" : ")
            field.1(&self)
            raw(index + 1 < fields.count ? ",\n" : "\n")
        }
        indent(level)
        raw("}")
    }

    private mutating func emptyArray(level: Int) {
        raw("[\n\n")
        indent(level)
        raw("]")
    }

    private mutating func emptyObject(level: Int) {
        raw("{\n\n")
        indent(level)
        raw("}")
    }

    private mutating func diagnostics(_ diagnostics: [Diagnostic], of report: FileReport, source: SourceFile, level: Int) {
        guard !diagnostics.isEmpty else { emptyArray(level: level); return }
        raw("[\n")
        for (index, diagnostic) in diagnostics.enumerated() {
            indent(level + 1)
            entry(diagnostic, story: report.story(for: diagnostic), source: source, level: level + 1)
            raw(index + 1 < diagnostics.count ? ",\n" : "\n")
            flushIfFull()
        }
        indent(level)
        raw("]")
    }

    /// `{fix?, message, range, rule, severity, story?}`, as `JSONReporter.Entry` encodes.
    private mutating func entry(_ diagnostic: Diagnostic, story: StoryLabel?, source: SourceFile, level: Int) {
        raw("{\n")
        if let fix = diagnostic.fix {
            indent(level + 1)
            raw("\"fix\" : ")
            if fix.edits.isEmpty {
                emptyArray(level: level + 1)
            } else {
                raw("[\n")
                for (index, edit) in fix.edits.enumerated() {
                    indent(level + 2)
                    raw("{\n")
                    indent(level + 3)
                    raw("\"range\" : ")
                    span(edit.range, source: source, level: level + 3)
                    raw(",\n")
                    indent(level + 3)
                    raw("\"replacement\" : ")
                    string(edit.replacement)
                    raw("\n")
                    indent(level + 2)
                    raw(index + 1 < fix.edits.count ? "},\n" : "}\n")
                }
                indent(level + 1)
                raw("]")
            }
            raw(",\n")
        }
        indent(level + 1)
        raw("\"message\" : ")
        string(diagnostic.message)
        raw(",\n")
        indent(level + 1)
        raw("\"range\" : ")
        span(diagnostic.range, source: source, level: level + 1)
        raw(",\n")
        indent(level + 1)
        raw("\"rule\" : ")
        string(diagnostic.ruleID)
        raw(",\n")
        indent(level + 1)
        raw("\"severity\" : ")
        string(diagnostic.severity.rawValue)
        if let story {
            raw(",\n")
            indent(level + 1)
            raw("\"story\" : ")
            var fields: [(String, (inout JSONReportWriter) -> Void)] = []
            if let headline = story.headline { fields.append(("headline", { $0.string(headline) })) }
            fields.append(("index", { $0.raw(String(story.index)) }))
            if let slug = story.slug { fields.append(("slug", { $0.string(slug) })) }
            object(fields, level: level + 1)
        }
        raw("\n")
        indent(level)
        raw("}")
    }

    private mutating func span(_ range: Range<Int>, source: SourceFile, level: Int) {
        raw("{\n")
        indent(level + 1)
        raw("\"end\" : ")
        location(source.location(of: range.upperBound), level: level + 1)
        raw(",\n")
        indent(level + 1)
        raw("\"start\" : ")
        location(source.location(of: range.lowerBound), level: level + 1)
        raw("\n")
        indent(level)
        raw("}")
    }

    private mutating func location(_ location: SourceLocation, level: Int) {
        raw("{\n")
        for (index, (key, value)) in [("column", location.column), ("line", location.line), ("offset", location.offset),
                                      ("utf16Column", location.utf16Column)].enumerated() {
            indent(level + 1)
            raw("\"")
            raw(key)
            raw("\" : ")
            raw(String(value))
            raw(index < 3 ? ",\n" : "\n")
        }
        indent(level)
        raw("}")
    }

    private mutating func metadata(_ metadata: StoryMetadata, level: Int) {
        let values: [(String, String?)] = [
            ("agency", metadata.agency), ("byline", metadata.byline), ("category", metadata.category), ("dateline", metadata.dateline),
            ("headline", metadata.headline), ("id", metadata.id), ("language", metadata.language), ("priority", metadata.priority),
            ("slug", metadata.slug), ("version", metadata.version),
        ]
        object(values.compactMap { key, value in value.map { value in (key, { $0.string(value) }) } }, level: level)
    }

    /// A value of open shape through `JSONEncoder`, its lines indented to `level`.
    private mutating func encoded(_ value: some Encodable, level: Int) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var first = true
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if !first {
                raw("\n")
                if !line.isEmpty { indent(level) }
            }
            bytes.append(contentsOf: line)
            first = false
        }
    }

    // MARK: - Bytes

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func indent(_ level: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    /// A JSON string as the encoder writes it.
    mutating func string(_ text: String) {
        JSONStringWriter.append(text, to: &bytes)
    }
}
