import CopydeskCore
import Foundation

/// Stable, documented JSON for programs (see the README's "JSON output"): keys sorted, one
/// document per run, positions as byte offsets plus 1-based line, column and UTF-16 column.
public enum JSONReporter {
    public struct Document: Codable, Sendable {
        public var version = 1
        public var files: [File]
        public var summary: ReportSummary
    }

    public struct File: Codable, Sendable {
        public var path: String
        public var error: String?
        public var format: String?
        public var encoding: String?
        public var metadata: Metadata?
        public var diagnostics: [Entry]
        /// Per story of the file, what stages reported besides findings (e.g. `dedup`); absent when empty.
        public var stages: [[String: ConfigValue]]?
    }

    public struct Metadata: Codable, Sendable {
        public var id, slug, version, priority, category, language, agency, headline, byline, dateline: String?
    }

    public struct Entry: Codable, Sendable {
        public var rule: String
        public var severity: Severity
        public var message: String
        public var range: Span
        public var fix: [Edit]?
        /// In a stream of stories, which one the finding is in; absent otherwise.
        public var story: Story?
    }

    /// A story of a stream: 1-based index, headline and slug.
    public struct Story: Codable, Sendable {
        public var index: Int
        public var headline: String?
        public var slug: String?
    }

    public struct Span: Codable, Sendable {
        public var start: SourceLocation
        public var end: SourceLocation
    }

    public struct Edit: Codable, Sendable {
        public var range: Span
        public var replacement: String
    }

    public static func document(_ reports: [FileReport]) -> Document {
        Document(files: reports.map(file), summary: ReportSummary(reports))
    }

    /// The whole document, as `Stream` writes it (and as `JSONEncoder` would encode `document`).
    public static func render(_ reports: [FileReport]) -> String {
        var out = ""
        write(reports) { out += $0 }
        return out
    }

    /// The whole document handed to `output` in pieces, file by file and finding by finding.
    public static func write(_ reports: [FileReport], to output: (String) -> Void) {
        var stream = Stream()
        output(stream.begin())
        var summary = ReportSummary()
        for report in reports {
            summary.add(report)
            stream.file(report, to: output)
        }
        output(stream.end(summary))
    }

    /// The same document as `render`, written file by file so a long batch keeps no reports:
    /// `begin`, then `file` for each report, then `end` with the run's summary.
    public struct Stream: Sendable {
        private var count = 0

        public init() {}

        public func begin() -> String { "{\n  \"files\" : [\n" }

        /// One file's entry, with the separator from the previous one.
        public mutating func file(_ report: FileReport) -> String {
            var out = ""
            file(report) { out += $0 }
            return out
        }

        /// One file's entry handed to `output` in pieces (see `JSONReportWriter`), so a file with
        /// a million findings is never held whole.
        public mutating func file(_ report: FileReport, to output: (String) -> Void) {
            withoutActuallyEscaping(output) { output in
                var writer = JSONReportWriter(output: output)
                writer.raw(count == 0 ? "    " : ",\n    ")
                writer.file(report, level: 2)
                writer.flush()
            }
            count += 1
        }

        public func end(_ summary: ReportSummary) -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let text = String(decoding: (try? encoder.encode(summary)) ?? Data("{}".utf8), as: UTF8.self)
            let indented = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .map { $0.offset == 0 || $0.element.isEmpty ? String($0.element) : "  " + $0.element }.joined(separator: "\n")
            return "\n  ],\n  \"summary\" : " + indented + ",\n  \"version\" : 1\n}\n"
        }
    }

    static func file(_ report: FileReport) -> File {
        let metadata = report.metadata.map {
            Metadata(id: $0.id, slug: $0.slug, version: $0.version, priority: $0.priority, category: $0.category,
                     language: $0.language, agency: $0.agency, headline: $0.headline, byline: $0.byline, dateline: $0.dateline)
        }
        guard let source = report.source else {
            return File(path: report.path, error: report.error, format: nil, encoding: nil, metadata: metadata, diagnostics: [], stages: nil)
        }
        func span(_ range: Range<Int>) -> Span { Span(start: source.location(of: range.lowerBound), end: source.location(of: range.upperBound)) }
        let entries = report.sortedDiagnostics.map { diagnostic in
            Entry(rule: diagnostic.ruleID, severity: diagnostic.severity, message: diagnostic.message, range: span(diagnostic.range),
                  fix: diagnostic.fix.map { $0.edits.map { Edit(range: span($0.range), replacement: $0.replacement) } },
                  story: report.story(for: diagnostic).map { Story(index: $0.index, headline: $0.headline, slug: $0.slug) })
        }
        let stages = report.stageData.contains { !$0.isEmpty } ? report.stageData : nil
        return File(path: report.path, error: report.error, format: report.metadata?.sourceFormat,
                    encoding: report.metadata?.encoding, metadata: metadata, diagnostics: entries, stages: stages)
    }
}
