import Testing
import Copydesk
import Foundation

@Suite struct ReporterTests {
    let source = SourceFile(path: "story.txt", text: "Headline\n\nPutin\u{200B} said Café\tnow.\n")

    var report: FileReport {
        FileReport(path: "story.txt", source: source, diagnostics: [
            Diagnostic(ruleID: "whitespace.tab", severity: .info, message: "tab becomes a space", range: 29..<30,
                       fix: Fix(edits: [TextEdit(range: 29..<30, replacement: " ")])),
            Diagnostic(ruleID: "unicode.invisible", severity: .warning, message: "zero-width space (U+200B) removed", range: 15..<18,
                       fix: Fix(edits: [TextEdit(range: 15..<18, replacement: "")])),
        ])
    }

    @Test func textReportIsCompilerStyleInFileOrder() {
        let text = TextReporter(colour: false).render(report)
        #expect(text == """
            story.txt:3:6: warning: zero-width space (U+200B) removed [unicode.invisible]
             3 | Putin· said Café now.
               |      ^
            story.txt:3:17: info: tab becomes a space [whitespace.tab]
             3 | Putin· said Café now.
               |                 ^

            """)
        let summary = TextReporter(colour: false).renderSummary(ReportSummary([report]))
        #expect(summary == "0 errors, 1 warning, 1 info in 1 file\n")
    }

    @Test func colourOnlyWhenAsked() {
        #expect(TextReporter(colour: true).render(report).contains("\u{1B}["))
        #expect(!TextReporter(colour: false).render(report).contains("\u{1B}["))
    }

    @Test func jsonIsStableAndCarriesPositionsAndFixes() throws {
        let json = JSONReporter.render([report, FileReport(path: "gone.txt", source: nil, diagnostics: [], error: "cannot read file (No such file or directory)")])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.count == 2)
        let first = try #require((files[0]["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["rule"] as? String == "unicode.invisible")
        let start = try #require((first["range"] as? [String: Any])?["start"] as? [String: Int])
        #expect(start == ["offset": 15, "line": 3, "column": 6, "utf16Column": 6])
        #expect(((first["fix"] as? [[String: Any]])?.first?["replacement"] as? String) == "")
        #expect(files[1]["error"] as? String == "cannot read file (No such file or directory)")
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary["failedFiles"] == 1)
        #expect(summary["warnings"] == 1)
        // Same input, same bytes.
        #expect(json == JSONReporter.render([report, FileReport(path: "gone.txt", source: nil, diagnostics: [], error: "cannot read file (No such file or directory)")]))
    }
}

/// The streamed JSON must be the very document `render` makes, byte for byte, for any number of files.
@Suite struct JSONStreamTests {
    static func reports(_ count: Int) -> [FileReport] {
        let source = SourceFile(path: "story.txt", text: "Headline\n\nPutin\u{200B} said Café\tnow.\n")
        let full = FileReport(path: "story.txt", source: source, diagnostics: [
            Diagnostic(ruleID: "unicode.invisible", severity: .warning, message: "zero-width space (U+200B) removed", range: 15..<18,
                       fix: Fix(edits: [TextEdit(range: 15..<18, replacement: "")])),
        ], stageData: [["dedup": .map(["class": .string("new")])]])
        let failed = FileReport(path: "gone.txt", source: nil, diagnostics: [], error: "cannot read file (No such file or directory)")
        return (0..<count).map { $0 % 2 == 0 ? full : failed }
    }

    @Test(arguments: [0, 1, 2, 5])
    func streamedIsTheBatchDocument(_ count: Int) {
        let reports = Self.reports(count)
        var stream = JSONReporter.Stream()
        var out = stream.begin()
        for report in reports { out += stream.file(report) }
        out += stream.end(ReportSummary(reports))
        #expect(out == JSONReporter.render(reports))
    }
}
