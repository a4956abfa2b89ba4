import Copydesk
import Foundation
import Testing

/// A story written as NITF or ninjs and read back loses no paragraph and no metadata it carried.
@Suite struct WriterRoundTripTests {
    func story() throws -> Story {
        var story = try PlainTextReader.read(SourceFile(path: "story.txt", text: """
            Putin & Xi to meet in <Samarkand>

            By Eleni Papadopoulou

            MOSCOW (AP) — Russian President Vladimir Putin will meet Xi Jinping next week, the Kremlin said on "Tuesday".

            The summit of the Shanghai Cooperation Organization opens Sept. 15 in Samarkand.
            """))
        story.metadata.id = "urn:newsml:ap.org:20220906:RUS-CHINA"
        story.metadata.slug = "Russia-China-Summit"
        story.metadata.version = "2"
        story.metadata.language = "en"
        story.metadata.agency = "AP"
        story.metadata.priority = "3"
        story.metadata.created = Date(timeIntervalSince1970: 1_662_451_200)
        story.metadata.updated = Date(timeIntervalSince1970: 1_662_454_800)
        return story
    }

    @Test func nitfKeepsParagraphsAndMetadata() throws {
        let original = try story()
        let xml = NITFWriter.write(original)
        let back = try NITFReader.read(SourceFile(path: "story.xml", text: xml))
        #expect(back.headline?.string == "Putin & Xi to meet in <Samarkand>")
        #expect(back.byline?.string == "By Eleni Papadopoulou")
        #expect(back.paragraphs.map(\.string) == original.paragraphs.map(\.string))
        #expect(back.metadata.id == original.metadata.id)
        #expect(back.metadata.slug == original.metadata.slug)
        #expect(back.metadata.version == original.metadata.version)
        #expect(back.metadata.language == "en")
        #expect(back.metadata.agency == "AP")
        #expect(back.metadata.priority == "3")
        #expect(back.metadata.dateline == "MOSCOW (AP) —")
    }

    @Test func ninjsKeepsParagraphsAndMetadata() throws {
        let original = try story()
        let json = NinjsWriter.write(original)
        let back = try NinjsReader.read(SourceFile(path: "story.json", text: json))
        #expect(back.headline?.string == "Putin & Xi to meet in <Samarkand>")
        #expect(back.paragraphs.map(\.string) == original.paragraphs.map(\.string))
        #expect(back.metadata.id == original.metadata.id)
        #expect(back.metadata.slug == original.metadata.slug)
        #expect(back.metadata.version == original.metadata.version)
        #expect(back.metadata.language == "en")
        #expect(back.metadata.agency == "AP")
        #expect(back.metadata.priority == "3")
        #expect(back.metadata.created == original.metadata.created)
        #expect(back.metadata.updated == original.metadata.updated)
    }
}
