import Testing
import CopydeskCore
import CopydeskFormats
import Foundation

/// The IPTC NewsML-G2 specification listings in `../shared/samples/newsml-g2` (CC BY 4.0).
@Suite struct NewsMLG2SampleTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var file: String
        var headline: String?
        var headlineLine: Int?
        var paragraphs: Int
        var firstParagraph: String?
        var firstParagraphLine: Int?
        var description: String { file }
    }

    static let expectations: [Expectation] = [
        // newsItem whose inlineXML holds only comments: the contentMeta headline, no body text.
        Expectation(file: "LISTING_1_A_NewsML-G2_News_Item.xml", headline: "Fed to halt QE to avert \"bubble\"", headlineLine: 73,
                    paragraphs: 0, firstParagraph: nil, firstParagraphLine: nil),
        // newsItem with NITF inside inlineXML.
        Expectation(file: "LISTING_2_NewsML-G2_Text_Document.xml", headline: "Fed to halt QE to avert \"bubble\"", headlineLine: 59,
                    paragraphs: 2,
                    firstParagraph: "(New York, NY - October 21) Et, sent luptat luptat, commy Nim zzriureet vendreetue modo dolenis ex euisis nosto et lan ullandit lum doloreet vulla feugiam coreet, cons eleniam il ute facin veril et aliquis ad minis et lor sum del iriure dit la feugiamcommy nostrud min ulla autpat velisl duisismodip ero dipit nit utpatum sandrer cipisim nit lortis augiat nulla faccum at am, quam velenis nulput la auguerostrud magna commolore eliquatie exerate facilis modiamconsed dion henisse quipit at. Ut la feu facilla feu faccumsan ecte modoloreet ad ex el utat.",
                    firstParagraphLine: 64),
        Expectation(file: "LISTING_22_Sports_story_in_NewsML-G2NITF.xml",
                    headline: "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m.", headlineLine: 92,
                    paragraphs: 6,
                    firstParagraph: "(Sports Network) - A pair of teams coming off big weekend sweeps will square off tonight at Citizens Bank Park, where the Philadelphia Phillies welcome the Arizona Diamondbacks for the start of a three-game series.",
                    firstParagraphLine: 106),
        // A bare contentSet fragment (no namespace declared) with NITF inside.
        Expectation(file: "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml",
                    headline: "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m.", headlineLine: 10,
                    paragraphs: 1,
                    firstParagraph: "(Sports Network) - With the Philadelphia Phillies picking up momentum after their three-game sweep of the Atlanta Braves, and the Arizona Diamondbacks capturing all four of their games against the Houston Astros, tonight's game at Citizen Bank Park looks set to be a clash of the Titans.",
                    firstParagraphLine: 24),
        // A bare contentMeta fragment: metadata only.
        Expectation(file: "LISTING_28_Illustrating_Located_Subject_and_Dateline.xml", headline: nil, headlineLine: nil,
                    paragraphs: 0, firstParagraph: nil, firstParagraphLine: nil),
    ]

    @Test func everySampleIsCovered() throws {
        let directory = XMLFixtures.samplesDirectory().appendingPathComponent("newsml-g2")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".xml") }.sorted()
        #expect(files == Self.expectations.map(\.file).sorted())
    }

    @Test(arguments: expectations)
    func sampleReads(_ expected: Expectation) throws {
        let source = try XMLFixtures.sample("newsml-g2/" + expected.file)
        #expect(NewsMLG2Reader.confidence(for: source) >= 70)
        #expect(NITFReader.confidence(for: source) == 0)
        let story = try NewsMLG2Reader.read(source)
        #expect(story.metadata.sourceFormat == "newsml-g2")
        #expect(story.headline?.string == expected.headline)
        #expect(story.paragraphs.count == expected.paragraphs)
        #expect(story.paragraphs.first?.string == expected.firstParagraph)
        if let headline = story.headline { #expect(XMLFixtures.line(of: headline, in: source) == expected.headlineLine) }
        if let first = story.paragraphs.first { #expect(XMLFixtures.line(of: first, in: source) == expected.firstParagraphLine) }
        XMLFixtures.expectExactMapping(story)
    }

    @Test func newsItemMetadata() throws {
        let first = try NewsMLG2Reader.read(XMLFixtures.sample("newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml")).metadata
        #expect(first.id == "urn:newsml:acmenews.com:20161018:US-FINANCE-FED")
        #expect(first.version == "11")
        #expect(first.slug == "US-Finance-Fed")
        #expect(first.language == "en-GB")  // newsItem@xml:lang (no language element)
        #expect(first.agency == "REUTERS")  // the creator is a staff member; provider qcode nprov:REUTERS
        #expect(first.updated == XMLDateFixture.date("2018-10-21T21:25:32Z"))
        #expect(first.created == XMLDateFixture.date("2016-10-18T18:12:21Z"))

        let sports = try NewsMLG2Reader.read(XMLFixtures.sample("newsml-g2/LISTING_22_Sports_story_in_NewsML-G2NITF.xml"))
        #expect(sports.metadata.slug == "AAV!PREVIEW-ARI-PHI")
        #expect(sports.metadata.language == "en-US")
        #expect(sports.metadata.agency == "The Sports Network")
        // The contentMeta headline stays metadata; the block is the NITF hl1.
        #expect(sports.metadata.headline == "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.")
        #expect(sports.byline?.string == "Sports Network")  // byline holding only a byttl
        #expect(sports.metadata.dateline == "(Sports Network) -")  // recognised in the lede

        let text = try NewsMLG2Reader.read(XMLFixtures.sample("newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml"))
        #expect(text.byline?.string == "By Meredith Jameson")  // without ", <byttl>Staff Reporter</byttl>"
        #expect(text.metadata.agency == "acmenews.com")  // provider given by uri only
        #expect(text.metadata.dateline == nil)

        let located = try NewsMLG2Reader.read(XMLFixtures.sample("newsml-g2/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml"))
        #expect(located.blocks.isEmpty)
        #expect(located.metadata.dateline == "MOSCOW, Monday (Reuters)")
        #expect(located.metadata.language == "en-US")
        #expect(located.metadata.agency == "Thomson Reuters")
    }

    @Test func blockPositionsLandOnTheXMLLines() throws {
        let source = try XMLFixtures.sample("newsml-g2/LISTING_22_Sports_story_in_NewsML-G2NITF.xml")
        let story = try NewsMLG2Reader.read(source)
        #expect(story.paragraphs.map { XMLFixtures.line(of: $0, in: source) } == [106, 110, 113, 116, 119, 123])
        // Column: the first character after `<p>`.
        let second = story.paragraphs[1].text.sourceRange
        let start = source.location(of: second.lowerBound)
        #expect(source.lineText(110).hasPrefix(String(repeating: " ", count: start.column - 4) + "<p>The Phillies"))
        // The paragraph ends at the last byte before `</p>` on line 112.
        let end = source.location(of: second.upperBound)
        #expect(end.line == 112)
        #expect(source.slice(second).hasSuffix("Houston Astros."))

        // A finding inside the fourth paragraph lands on line 117 of the XML file, at "lefty".
        var reported = story
        let index = reported.blocks.firstIndex { $0.string.hasPrefix("Arizona sends") }!
        let text = reported.blocks[index].string
        let lefty = text.range(of: "lefty")!
        let lower = text.utf8.distance(from: text.startIndex, to: lefty.lowerBound)
        reported.report("test.rule", .warning, "found", block: index, range: lower..<(lower + 5))
        let location = source.location(of: reported.diagnostics[0].range.lowerBound)
        #expect(location.line == 116)
        #expect(source.lineText(116).dropFirst(location.column - 1).hasPrefix("lefty is 0-4"))
        #expect(source.slice(reported.diagnostics[0].range) == "lefty")
    }
}

enum XMLDateFixture {
    static func date(_ iso: String) -> Date? {
        try? Date(iso, strategy: .iso8601)
    }
}
