import Copydesk
import Foundation
import Testing

/// Bugs the reliability properties found in the core types, each pinned by its smallest case.
@Suite struct ReliabilityCoreRegressionTests {
    /// A deletion made by one step (an empty edited piece) was dropped from the map when a later
    /// step edited the same text: `sourceEdits` ("every change made to this text, as edits on the
    /// input file") lost the deletion, so applying them to the file no longer gave the text
    /// (found by mappedTextSourceEditsReproduceTheText).
    @Test func aDeletionSurvivesALaterEdit() {
        var text = MappedText(verbatim: "ab\u{7F}cd  ef", sourceOffset: 0)
        text.apply([TextEdit(range: 2..<3, replacement: "")])      // the control character goes
        #expect(text.text == "abcd  ef")
        text.apply([TextEdit(range: 4..<6, replacement: " ")])     // then the double space
        #expect(text.text == "abcd ef")
        #expect(text.sourceEdits == [TextEdit(range: 2..<3, replacement: ""), TextEdit(range: 5..<7, replacement: " ")])
        // "ef" sits at 6 in the current text and at 7 in the file.
        #expect(text.sourceRange(for: 5..<7) == 7..<9)
        #expect(FixApplier.apply(edits: text.sourceEdits, to: "ab\u{7F}cd  ef") == text.text)
    }

    @Test func aDeletionAtTheStartOfALaterEditIsKept() {
        var text = MappedText(verbatim: "x\u{200B}  y", sourceOffset: 10)
        text.apply([TextEdit(range: 1..<4, replacement: "")])
        text.apply([TextEdit(range: 1..<3, replacement: " ")])
        #expect(text.text == "x y")
        #expect(FixApplier.apply(edits: text.sourceEdits.map { TextEdit(range: ($0.range.lowerBound - 10)..<($0.range.upperBound - 10), replacement: $0.replacement) },
                                 to: "x\u{200B}  y") == "x y")
    }

    /// A rule that took a multi-byte closing quote for one byte (attribution.missing: `close + 1`)
    /// made a finding whose range ended inside the character; the report now widens it to whole
    /// characters, and a fix that would cut one is dropped (found by diagnosticsLieInsideTheInputAtTheirLineAndColumn).
    @Test func aRangeInsideACharacterWidensToWholeCharacters() {
        let text = "He said \u{201D}no\u{201D} today"
        var story = Story(source: SourceFile(path: "s.txt", text: text),
                          blocks: [TextBlock(kind: .paragraph, text: MappedText(verbatim: text, sourceOffset: 0))])
        let quote = text.utf8.count - " today".utf8.count - 3  // the second ” starts here
        story.report("test.rule", .warning, "m", block: 0, range: 0..<(quote + 1),
                     fix: [TextEdit(range: quote..<(quote + 1), replacement: "\"")])
        let diagnostic = story.diagnostics[0]
        #expect(diagnostic.range == 0..<(quote + 3))
        #expect(diagnostic.fix == nil, "a fix that cuts a character would write broken UTF-8")
    }
}
