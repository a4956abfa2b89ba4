import Testing
import Copydesk
import Foundation

@Suite struct PlainTextReaderTests {
    @Test func headlineBylineDatelineAndParagraphs() throws {
        let text = """
            Athens cafe owners protest new tax

            By Eleni Papadopoulou

            ATHENS, Greece (AP) — Hundreds of cafe owners marched on Tuesday.

            The finance ministry said the tax
            would raise 40 million euros.
            """
        let story = try PlainTextReader.read(SourceFile(path: "s.txt", text: text))
        #expect(story.blocks.map(\.kind) == [.headline, .byline, .paragraph, .paragraph])
        #expect(story.headline?.string == "Athens cafe owners protest new tax")
        #expect(story.byline?.string == "By Eleni Papadopoulou")
        #expect(story.metadata.dateline == "ATHENS, Greece (AP) —")
        #expect(story.metadata.agency == nil)
        #expect(story.paragraphs[1].string == "The finance ministry said the tax\nwould raise 40 million euros.")
        // Each block knows its bytes in the file.
        let second = story.paragraphs[1].text.sourceRange
        #expect(story.source.location(of: second.lowerBound).line == 7)
    }

    @Test func reutersAndShoutedDatelines() throws {
        let reuters = try PlainTextReader.read(SourceFile(path: "r.txt", text: "BEIJING, Sept 6 (Reuters) - China said on Tuesday it would attend."))
        #expect(reuters.metadata.dateline == "BEIJING, Sept 6 (Reuters) -")
        let bare = try PlainTextReader.read(SourceFile(path: "b.txt", text: "Headline\n\nMOSCOW — The Kremlin said."))
        #expect(bare.metadata.dateline == "MOSCOW —")
        let none = try PlainTextReader.read(SourceFile(path: "n.txt", text: "Headline\n\nChinese President Xi Jinping - the leader - said."))
        #expect(none.metadata.dateline == nil)
    }

    @Test func aSingleParagraphHasNoHeadline() throws {
        let story = try PlainTextReader.read(SourceFile(path: "p.txt", text: "MOSCOW (AP) — The Kremlin said on Tuesday that talks would go on.\n"))
        #expect(story.blocks.map(\.kind) == [.paragraph])
    }

    @Test func markdownHeadingsBecomeHeadlineAndSubheads() throws {
        let story = try MarkdownReader.read(SourceFile(path: "m.md", text: "# Putin and Xi to meet\n\nMOSCOW (AP) — Text.\n\n## Silence from Beijing\nMore text.\n"))
        #expect(story.blocks.map(\.kind) == [.headline, .paragraph, .subhead, .paragraph])
        #expect(story.headline?.string == "Putin and Xi to meet")
        #expect(story.headline?.text.sourceRange == 2..<22)
        #expect(PlainTextWriter.write(story, markdown: true) == "# Putin and Xi to meet\n\nMOSCOW (AP) — Text.\n\n## Silence from Beijing\n\nMore text.\n")
    }

    @Test func formatIsDetectedFromContentAndName() throws {
        let registry = ReaderRegistry.standard
        #expect(try registry.read(SourceFile(path: "story.md", text: "Plain words")).metadata.sourceFormat == "markdown")
        #expect(try registry.read(SourceFile(path: "-", text: "# Heading\n\nBody")).metadata.sourceFormat == "markdown")
        #expect(try registry.read(SourceFile(path: "story.txt", text: "Headline\n\nBody")).metadata.sourceFormat == "plain")
        #expect(throws: CopydeskError.self) { try registry.read(SourceFile(path: "x", text: "y"), format: "nitf") }
    }
}
