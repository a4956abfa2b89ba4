import Testing
import Foundation
@testable import CopydeskFormats
import CopydeskCore

/// The JSON report is written by hand (`JSONReportWriter`) for speed; it must be, byte for byte,
/// what `JSONEncoder` makes of the documented `JSONReporter.Document`, for every kind of entry.
@Suite struct JSONReportWriterTests {
    static func encoded(_ reports: [FileReport]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(JSONReporter.document(reports)), as: UTF8.self) + "\n"
    }

    static var reports: [FileReport] {
        var controls = ""
        for value in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(value)!) }
        let text = "Cafe\u{301} owner says \"hi\" \\ 😀 in ΑΘΗΝΑ/Athens\r\n\r\nMOSCOW (AP) -- Putin\u{200B} said.\n"
        let source = SourceFile(path: "wire/story \"1\".txt", text: text)
        var metadata = StoryMetadata()
        metadata.headline = "Café owner says \"hi\""
        metadata.agency = "AP"
        metadata.language = "en"
        metadata.sourceFormat = "plain"
        metadata.encoding = "windows-1252"
        var bare = StoryMetadata()
        bare.sourceFormat = "nitf"
        // A stream of two stories: each finding names its story (one has a headline, one a slug only).
        let stream = SourceFile(path: "feed.ap", text: "Talks -- go on\nSecond -- story\n")
        var streamed = FileReport(path: "feed.ap", source: stream, diagnostics: [
            Diagnostic(ruleID: "typography.legacy-dash", severity: .info, message: "double hyphen", range: 6..<8),
            Diagnostic(ruleID: "typography.legacy-dash", severity: .info, message: "double hyphen", range: 22..<24),
        ])
        streamed.stories = [StoryLabel(index: 1, count: 2, headline: "Talks \"go on\"", slug: "talks", range: 0..<15),
                            StoryLabel(index: 2, count: 2, headline: nil, slug: "second", range: 15..<30)]
        return [
            streamed,
            FileReport(path: source.path, source: source, metadata: metadata, diagnostics: [
                Diagnostic(ruleID: "typography.legacy-dash", severity: .info, message: "double hyphen -- becomes — (em-spaced)", range: 52..<56,
                           fix: Fix(edits: [TextEdit(range: 52..<56, replacement: " — ")])),
                Diagnostic(ruleID: "desk.controls", severity: .error, message: "controls \(controls) and \u{7F} / \"q\" \\ é", range: 0..<4),
                Diagnostic(ruleID: "whitespace.line-endings", severity: .info, message: "CRLF", range: 0..<0,
                           fix: Fix(edits: [TextEdit(range: 48..<50, replacement: "\n"), TextEdit(range: 46..<48, replacement: "\n")])),
                Diagnostic(ruleID: "desk.empty", severity: .warning, message: "", range: 3..<3, fix: Fix(edits: [])),
                Diagnostic(ruleID: "unicode.invisible", severity: .warning, message: "zero-width space (U+200B) removed", range: 67..<70,
                           fix: Fix(edits: [TextEdit(range: 67..<70, replacement: "")])),
            ], stageData: [["dedup": .map(["class": .string("update"), "paragraphs": .list([.int(3), .double(0.5), .bool(true)]), "empty": .list([])])], [:]]),
            FileReport(path: "clean.xml", source: SourceFile(path: "clean.xml", text: "<nitf/>"), metadata: bare, diagnostics: []),
            FileReport(path: "gone.txt", source: nil, diagnostics: [], error: "cannot read file (No such file or directory)"),
            FileReport(path: "failed.xml", source: nil, metadata: metadata, diagnostics: [], error: "1:2: bad \"markup\"\tat\n"),
            FileReport(path: "empty-stages.txt", source: SourceFile(path: "empty-stages.txt", text: ""), diagnostics: [], stageData: [[:]]),
        ]
    }

    @Test func theWrittenDocumentIsWhatJSONEncoderMakes() {
        let reports = Self.reports
        #expect(JSONReporter.render(reports) == Self.encoded(reports))
        for report in reports { #expect(JSONReporter.render([report]) == Self.encoded([report]), "\(report.path)") }
        #expect(JSONReporter.render([]) == Self.encoded([]))
    }

    @Test func aFileIsHandedOnInPiecesAndThePiecesMakeTheDocument() {
        let source = SourceFile(path: "long.txt", text: String(repeating: "said -- it ", count: 20_000))
        let diagnostics = (0..<20_000).map {
            Diagnostic(ruleID: "typography.legacy-dash", severity: .info, message: "double hyphen", range: ($0 * 11 + 5)..<($0 * 11 + 7))
        }
        let report = FileReport(path: "long.txt", source: source, diagnostics: diagnostics)
        var pieces: [Int] = []
        var out = ""
        var stream = JSONReporter.Stream()
        stream.file(report) { pieces.append($0.utf8.count); out += $0 }
        #expect(pieces.count > 20, "written in pieces, not whole")
        #expect(pieces.dropLast().allSatisfy { $0 < (1 << 16) + 4096 })
        #expect(stream.begin() + out + stream.end(ReportSummary([report])) == Self.encoded([report]))
    }
}
