import Testing
import CopydeskCore
@testable import CopydeskFormats

/// Excerpts of long lines are windows around the finding: bounded, marked with `…` where cut, and
/// the caret still under the finding's first character, whatever the characters' byte widths.
@Suite struct TextExcerptWindowTests {
    /// The excerpt and caret lines printed for the first finding of `report`.
    static func excerpt(_ report: FileReport, width: Int) -> (line: String, caret: String) {
        let lines = TextReporter(colour: false, width: width).render(report).split(separator: "\n", omittingEmptySubsequences: false)
        return (String(lines[1]), String(lines[2]))
    }

    /// The excerpt's character above the caret (after the ` N | ` gutter).
    static func underCaret(_ excerpt: (line: String, caret: String)) -> (Character, Int) {
        let gutter = excerpt.line.firstIndex(of: "|").map { excerpt.line.distance(from: excerpt.line.startIndex, to: $0) + 2 } ?? 0
        let text = Array(excerpt.line.unicodeScalars.dropFirst(gutter))
        let caretColumn = excerpt.caret.unicodeScalars.dropFirst(gutter).prefix { $0 == " " }.count
        return (Character(text[caretColumn]), excerpt.line.unicodeScalars.count)
    }

    static func report(line: String, finding: String, occurrence: Int = 0, length: Int? = nil) -> FileReport {
        let text = "Headline\n\n" + line + "\nlast\n"
        var start = text.utf8.startIndex
        var index = 0
        var found = 0
        while let range = text[start...].range(of: finding) {
            found = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
            if index == occurrence { break }
            index += 1
            start = range.upperBound
        }
        let source = SourceFile(path: "long.txt", text: text)
        return FileReport(path: "long.txt", source: source, diagnostics: [
            Diagnostic(ruleID: "typography.legacy-dash", severity: .info, message: "double hyphen", range: found..<(found + (length ?? finding.utf8.count))),
        ])
    }

    static let sentence = "Μόσχα: the Kremlin said talks were useful and would go on, Ж officials 😀 said. "

    @Test(arguments: [0, 7, 40, 79])
    func theCaretStaysUnderTheFinding(occurrence: Int) {
        let line = String(repeating: Self.sentence, count: 40).replacingOccurrences(of: "useful", with: "useful --")
        let excerpt = Self.excerpt(Self.report(line: line, finding: "--", occurrence: min(occurrence, 39)), width: 80)
        let (character, width) = Self.underCaret(excerpt)
        #expect(character == "-", "\(excerpt.line)\n\(excerpt.caret)")
        #expect(width <= 80, "the excerpt line fits the width: \(width)")
        #expect(excerpt.line.contains("…"))
        #expect(excerpt.caret.hasSuffix("^~"))
    }

    @Test func aFindingAtTheStartOrEndOfALongLineUsesTheWholeWidth() {
        let line = String(repeating: Self.sentence, count: 20)
        let first = Self.excerpt(Self.report(line: "-- " + line, finding: "--"), width: 100)
        #expect(first.line.hasPrefix(" 3 | -- Μόσχα"), "no mark before the start of the line: \(first.line)")
        #expect(first.line.hasSuffix("…"))
        #expect(first.line.unicodeScalars.count == 100)
        let last = Self.excerpt(Self.report(line: line + "end --", finding: "--"), width: 100)
        #expect(last.line.hasPrefix(" 3 | …"))
        #expect(last.line.hasSuffix("end --"), "no mark after the end of the line: \(last.line)")
        #expect(Self.underCaret(last).0 == "-")
    }

    @Test func aLineThatFitsIsShownWholeAsBefore() {
        let report = Self.report(line: "MOSCOW (AP) -- The Kremlin said.", finding: "--")
        #expect(TextReporter(colour: false, width: 80).render(report) == """
            long.txt:3:13: info: double hyphen [typography.legacy-dash]
             3 | MOSCOW (AP) -- The Kremlin said.
               |             ^~

            """)
    }

    @Test func theUnderlineOfALongFindingStopsAtTheWindow() {
        let line = String(repeating: Self.sentence, count: 30)
        let report = Self.report(line: line, finding: "the Kremlin", occurrence: 10, length: 1500)
        let excerpt = Self.excerpt(report, width: 90)
        #expect(excerpt.caret.unicodeScalars.count <= 90, "\(excerpt.caret)")
        #expect(excerpt.caret.contains("^~~~~"))
        #expect(Self.underCaret(excerpt).0 == "t")
    }

    @Test func aVeryNarrowTerminalStillShowsForty() {
        let line = String(repeating: Self.sentence, count: 5) + "-- " + String(repeating: Self.sentence, count: 5)
        let excerpt = Self.excerpt(Self.report(line: line, finding: "--"), width: 10)
        #expect(excerpt.line.unicodeScalars.count == 40 + 5, "the ` 3 | ` gutter and forty columns")
        #expect(Self.underCaret(excerpt).0 == "-")
    }

    /// Written in pieces, the report is the same text as rendered whole.
    @Test func writtenInPiecesIsTheSameReport() {
        let line = String(repeating: "The Kremlin said talks were useful -- and would go on soon. ", count: 2000)
        let text = "Headline\n\n" + line + "\n"
        let bytes = Array(text.utf8)
        var diagnostics: [Diagnostic] = []
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 0x2D, bytes[i + 1] == 0x2D { diagnostics.append(Diagnostic(ruleID: "typography.legacy-dash", severity: .info, message: "dash", range: i..<(i + 2))) }
            i += 1
        }
        let report = FileReport(path: "long.txt", source: SourceFile(path: "long.txt", text: text), diagnostics: diagnostics)
        var pieces: [String] = []
        TextReporter(colour: false).write(report, chunk: 4096) { pieces.append($0) }
        #expect(pieces.count > 10)
        #expect(pieces.joined() == TextReporter(colour: false).render(report))
        #expect(pieces.joined().split(separator: "\n").allSatisfy { $0.unicodeScalars.count <= 120 })
    }
}
