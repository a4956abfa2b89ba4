import Testing
import CopydeskCore

/// What messages quote of the input stays short, however long the input.
@Suite struct QuotedTextTests {
    @Test func shortTextIsUnchanged() {
        #expect(QuotedText.bounded("Café") == "Café")
        #expect(QuotedText.bounded(String(repeating: "a", count: 60)) == String(repeating: "a", count: 60))
        #expect(QuotedText.bounded("🇬🇷🇬🇷", limit: 2) == "🇬🇷🇬🇷", "characters, not scalars, are counted")
    }

    @Test func longTextIsCutWithAnEllipsis() {
        #expect(QuotedText.bounded(String(repeating: "ab", count: 100)) == String(repeating: "ab", count: 30) + "…")
        #expect(QuotedText.bounded(String(repeating: "é", count: 1000), limit: 40) == String(repeating: "é", count: 40) + "…")
    }

    /// A run of combining marks is a single character: it is cut by scalars.
    @Test func aRunOfCombiningMarksIsCut() {
        let run = "a" + String(repeating: "\u{301}", count: 1_000_000)
        let quoted = QuotedText.bounded(run)
        #expect(quoted.hasSuffix("…"))
        #expect(quoted.unicodeScalars.count <= 4 * QuotedText.limit + 1)
    }

    @Test func aMessageIsCutByStoryReport() {
        var story = Story(source: SourceFile(path: "s.txt", text: "Headline\n\nText.\n"))
        story.blocks = [TextBlock(kind: .paragraph, text: MappedText(verbatim: "Text.", sourceOffset: 10))]
        story.report("desk.long", .info, String(repeating: "x", count: 5000), block: 0, range: 0..<4)
        #expect(story.diagnostics[0].message.count == QuotedText.messageLimit + 1)
    }
}
