import Testing
import CopydeskCore
import CopydeskFormats
import Foundation

@Suite struct NITFReaderTests {
    static let namespaced = """
        <?xml version="1.0" encoding="UTF-8"?>
        <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" version="-//IPTC//DTD NITF 3.6//EN" xml:lang="en-GB">
          <head>
            <title>Greek cafe owners protest new tax</title>
            <meta name="generator" content="wire-system 4.2"/>
            <docdata>
              <doc-id regsrc="AP" id-string="a1b2c3d4-greece-tax"/>
              <urgency ed-urg="3"/>
              <date.issue norm="20241105T093000Z"/>
              <du-key key="Greece-Tax" version="2"/>
              <doc.copyright year="2024" holder="The Associated Press"/>
            </docdata>
          </head>
          <body>
            <body.head>
              <hedline>
                <hl1>Greek cafe owners protest new tax on tables</hl1>
                <hl2>Finance ministry expects 40 million euros</hl2>
              </hedline>
              <byline>By <person>Eleni Papadopoulou</person>, <byttl>Associated Press</byttl></byline>
              <dateline><location>ATHENS, Greece</location> (AP) —</dateline>
              <abstract><p>Cafe owners marched on parliament.</p></abstract>
            </body.head>
            <body.content>
              <p>Hundreds of cafe owners marched on parliament on Tuesday, saying a tax on
                pavement tables would put them out of business.</p>
              <p>“It’s a tax on sunshine,” said <em>Nikos Karras</em>, who runs a cafe in
                the Plaka district &amp; chairs the owners&#8217; association.</p>
              <media media-type="image"><media-caption><p>Protesters outside parliament.</p></media-caption></media>
              <hl2>Ministry unmoved</hl2>
              <block>
                <p>The ministry said the tax would raise <q>about 40&#xA0;million euros</q> a year.</p>
              </block>
            </body.content>
          </body>
        </nitf>
        """

    static let plain = """
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <!DOCTYPE nitf SYSTEM "nitf-3-2.dtd">
        <nitf>
         <head>
          <title>Kremlin says summit talks will continue</title>
          <meta name="language" content="en"/>
          <docdata>
           <doc-id id-string="RTR-20241105-0042"/>
           <urgency ed-urg="5"/>
           <du-key key="RUSSIA-CHINA/SUMMIT"/>
          </docdata>
         </head>
         <body>
          <body.head>
           <hedline><hl1>Kremlin says summit talks will continue</hl1></hedline>
           <distributor>Reuters</distributor>
          </body.head>
          <body.content>
           <p>MOSCOW, Nov 5 (Reuters) - The Kremlin said on Tuesday that talks with China would go on.</p>
           <p>The two leaders met for three hours, officials said.</p>
           <p>  </p>
          </body.content>
         </body>
        </nitf>
        """

    @Test func namespacedNITF() throws {
        let source = SourceFile(path: "greece.xml", text: Self.namespaced)
        #expect(NITFReader.confidence(for: source) == 95)
        #expect(NewsMLG2Reader.confidence(for: source) == 0)
        let story = try NITFReader.read(source)
        #expect(story.blocks.map(\.kind) == [.headline, .subhead, .byline, .dateline, .paragraph, .paragraph, .subhead, .paragraph])
        #expect(story.headline?.string == "Greek cafe owners protest new tax on tables")
        #expect(story.blocks[1].string == "Finance ministry expects 40 million euros")
        #expect(story.byline?.string == "By Eleni Papadopoulou")
        #expect(story.blocks[3].string == "ATHENS, Greece (AP) —")
        #expect(story.paragraphs.map(\.string) == [
            "Finance ministry expects 40 million euros",
            "Hundreds of cafe owners marched on parliament on Tuesday, saying a tax on pavement tables would put them out of business.",
            "“It’s a tax on sunshine,” said Nikos Karras, who runs a cafe in the Plaka district & chairs the owners’ association.",
            "Ministry unmoved",
            "The ministry said the tax would raise about 40\u{A0}million euros a year.",
        ])
        let metadata = story.metadata
        #expect(metadata.sourceFormat == "nitf")
        #expect(metadata.id == "a1b2c3d4-greece-tax")
        #expect(metadata.priority == "3")
        #expect(metadata.slug == "Greece-Tax")
        #expect(metadata.version == "2")
        #expect(metadata.agency == "The Associated Press")
        #expect(metadata.language == "en-GB")
        #expect(metadata.headline == "Greek cafe owners protest new tax on tables")
        #expect(metadata.byline == "By Eleni Papadopoulou")
        #expect(metadata.dateline == "ATHENS, Greece (AP) —")
        #expect(metadata.created == XMLDateFixture.date("2024-11-05T09:30:00Z"))
        XMLFixtures.expectExactMapping(story)
    }

    @Test func nitfWithoutNamespaceAndWithADoctype() throws {
        let source = SourceFile(path: "kremlin.nitf", text: Self.plain)
        #expect(NITFReader.confidence(for: source) == 95)
        let story = try NITFReader.read(source)
        #expect(story.blocks.map(\.kind) == [.headline, .paragraph, .paragraph])
        #expect(story.headline?.string == "Kremlin says summit talks will continue")
        #expect(story.paragraphs.first?.string == "MOSCOW, Nov 5 (Reuters) - The Kremlin said on Tuesday that talks with China would go on.")
        #expect(story.metadata.agency == "Reuters")
        #expect(story.metadata.language == "en")
        #expect(story.metadata.slug == "RUSSIA-CHINA/SUMMIT")
        #expect(story.metadata.priority == "5")
        #expect(story.metadata.dateline == "MOSCOW, Nov 5 (Reuters) -")  // recognised in the lede
        XMLFixtures.expectExactMapping(story)

        // The DTD is never loaded; a desk may refuse any DOCTYPE naming one.
        var strict = XMLLimits()
        strict.allowsExternalDTDReference = false
        let message = XMLFixtures.inputError { _ = try NITFReader.read(source, limits: strict) }
        #expect(message == "2:16: DOCTYPE referencing an external DTD (\"nitf-3-2.dtd\") is not accepted; Copydesk never loads DTDs")
    }

    @Test func entitiesAreDecodedPiecesCoveringTheirReference() throws {
        let source = SourceFile(path: "greece.xml", text: Self.namespaced)
        let story = try NITFReader.read(source)
        let quote = story.paragraphs[2]
        let decoded = quote.text.pieces.filter { $0.kind == .decoded && source.slice($0.source).hasPrefix("&") }
        #expect(decoded.map { String(source.slice($0.source)) } == ["&amp;", "&#8217;"])
        #expect(decoded.map(\.length) == [1, 3])
        // A range over the decoded "&" maps to the whole reference in the file.
        let text = quote.string
        let ampersand = text.utf8.distance(from: text.startIndex, to: text.firstIndex(of: "&")!)
        #expect(source.slice(quote.text.sourceRange(for: ampersand..<(ampersand + 1))) == "&amp;")
        // The line break and indentation inside the paragraph read as one decoded space.
        let wrapped = quote.text.pieces.first { $0.kind == .decoded && !source.slice($0.source).hasPrefix("&") }
        #expect(wrapped.map { source.slice($0.source).hasPrefix("\n") } == true)
        // Inline markup (<em>) splits verbatim pieces but the text is continuous.
        #expect(quote.string.contains("said Nikos Karras, who"))
        let nbsp = story.paragraphs[4].text.pieces.first { $0.kind == .decoded && source.slice($0.source) == "&#xA0;" }
        #expect(nbsp?.length == 2)
    }

    /// PA-style results and a fixture list: a table is copy (a mangled club name must be found),
    /// read row by row as `table` blocks, never dropped; list items are `list` blocks.
    static let resultsTable = """
        <?xml version="1.0" encoding="UTF-8"?>
        <nitf>
          <head><title>Bundesliga results</title></head>
          <body>
            <body.head><hedline><hl1>Bundesliga results</hl1></hedline></body.head>
            <body.content>
              <p>Bayern Munich stayed top after a 3-1 win at home on Saturday.</p>
              <table>
                <caption>Saturday's results</caption>
                <thead><tr><th>Home</th><th>Score</th><th>Away</th></tr></thead>
                <tbody>
                  <tr><td>Bayern MÃ¼nchen</td><td>3-1</td><td>Werder Bremen</td></tr>
                  <tr><td>1. FC K&#246;ln</td><td>0-0</td><td>
                      Mainz 05</td></tr>
                  <tr><td></td><td>2-2</td><td>Hoffenheim</td></tr>
                </tbody>
              </table>
              <ul><li>Sunday: Dortmund v Freiburg (1530 GMT)</li><li><p>Monday: no games.</p></li></ul>
            </body.content>
          </body>
        </nitf>
        """

    @Test func tablesAreReadRowByRowAndListsItemByItem() throws {
        let source = SourceFile(path: "results.xml", text: Self.resultsTable)
        let story = try NITFReader.read(source)
        #expect(story.blocks.map(\.kind) == [.headline, .paragraph, .table, .table, .table, .table, .table, .list, .paragraph])
        #expect(story.blocks[2...6].map(\.string) == [
            "Saturday's results",
            "Home\tScore\tAway",
            "Bayern MÃ¼nchen\t3-1\tWerder Bremen",
            "1. FC Köln\t0-0\tMainz 05",
            "2-2\tHoffenheim",
        ])
        #expect(story.blocks[7].string == "Sunday: Dortmund v Freiburg (1530 GMT)")
        #expect(story.blocks[8].string == "Monday: no games.")
        // The mangled name points at its cell in the file.
        let row = story.blocks[4]
        let location = source.location(of: row.text.sourceRange.lowerBound)
        #expect(String(source.lineText(location.line)).contains("<tr><td>Bayern MÃ¼nchen</td>"))
        XMLFixtures.expectExactMapping(story)
    }

    @Test func blocksPointAtTheirLineAndColumn() throws {
        let source = SourceFile(path: "greece.xml", text: Self.namespaced)
        let story = try NITFReader.read(source)
        for block in story.blocks {
            let start = source.location(of: block.text.sourceRange.lowerBound)
            let line = String(source.lineText(start.line))
            // The first verbatim stretch of the block is in the file at that position.
            let firstPiece = block.text.pieces[0]
            #expect(firstPiece.kind == .verbatim)
            let prefix = String(decoding: block.string.utf8.prefix(min(12, firstPiece.length)), as: UTF8.self)
            // The column counts Unicode scalars, so compare by scalars.
            let rest = String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(start.column - 1)))
            #expect(rest.hasPrefix(prefix), "\(block.kind) at \(start.line):\(start.column)")
        }
        let quoteLine = source.location(of: story.paragraphs[2].text.sourceRange.lowerBound)
        #expect(quoteLine.line == 27)
        #expect(quoteLine.column == 10)
    }

    @Test func readerRegistryPicksTheFormatFromContent() throws {
        let registry = ReaderRegistry([PlainTextReader.self, MarkdownReader.self, NITFReader.self, NewsMLG2Reader.self])
        #expect(try registry.read(SourceFile(path: "story.txt", text: Self.namespaced)).metadata.sourceFormat == "nitf")
        #expect(try registry.read(SourceFile(path: "story", text: Self.plain)).metadata.sourceFormat == "nitf")
        let sample = try XMLFixtures.sample("newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml")
        #expect(try registry.read(sample).metadata.sourceFormat == "newsml-g2")
        let plain = SourceFile(path: "p.txt", text: "Kremlin says talks go on\n\nMOSCOW (AP) — The Kremlin said.\n")
        #expect(NITFReader.confidence(for: plain) == 0)
        #expect(NewsMLG2Reader.confidence(for: plain) == 0)
        #expect(try registry.read(plain).metadata.sourceFormat == "plain")
        // Other XML is not claimed.
        let other = SourceFile(path: "x.xml", text: "<xliff version=\"1.2\"><file/></xliff>")
        #expect(NITFReader.confidence(for: other) == 0)
        #expect(NewsMLG2Reader.confidence(for: other) == 0)
    }

    @Test func notNITF() {
        let message = XMLFixtures.inputError { _ = try NITFReader.read(SourceFile(path: "x.xml", text: "<html><body/></html>")) }
        #expect(message == "root element is <html>, not <nitf>: not an NITF document")
    }
}
