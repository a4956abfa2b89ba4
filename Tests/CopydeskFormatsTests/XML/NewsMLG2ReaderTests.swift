import Testing
import CopydeskCore
import CopydeskFormats
import Foundation

@Suite struct NewsMLG2ReaderTests {
    static let message = """
        <?xml version="1.0" encoding="UTF-8"?>
        <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
          <header><sent>2024-11-05T10:00:00Z</sent></header>
          <itemSet>
            <newsItem guid="urn:newsml:example.com:20241105:photo" version="1">
              <itemMeta><itemClass qcode="ninat:picture"/><provider qcode="nprov:EXAMPLE"/></itemMeta>
              <contentMeta><headline>Protesters outside parliament</headline></contentMeta>
            </newsItem>
            <newsItem guid="urn:newsml:example.com:20241105:text" version="3" xml:lang="en">
              <itemMeta>
                <itemClass qcode="ninat:text"/>
                <provider literal="Example News"/>
                <versionCreated>2024-11-05T09:45:00+02:00</versionCreated>
              </itemMeta>
              <contentMeta>
                <creator type="cptype:person"><name>Eleni Papadopoulou</name></creator>
                <urgency>3</urgency>
                <language tag="en-GB"/>
                <slugline>Greece-Tax</slugline>
                <headline role="hlrole:short">Cafe tax protest</headline>
                <headline role="hlrole:main">Greek cafe owners protest tax on pavement tables</headline>
                <by>By Eleni Papadopoulou</by>
                <dateline>ATHENS, Greece (AP) —</dateline>
              </contentMeta>
              <contentSet>
                <inlineXML contenttype="application/xhtml+xml">
                  <html xmlns="http://www.w3.org/1999/xhtml">
                    <head><title>Cafe tax</title></head>
                    <body>
                      <p>ATHENS, Greece (AP) — Hundreds of cafe owners marched on <b>Tuesday</b>.</p>
                      <h2>Ministry unmoved</h2>
                      <p>The ministry said the tax would raise 40&#160;million euros.<br/>Officials declined to comment.</p>
                    </body>
                  </html>
                </inlineXML>
              </contentSet>
            </newsItem>
          </itemSet>
        </newsMessage>
        """

    @Test func newsMessageReadsTheFirstItemWithText() throws {
        let source = SourceFile(path: "message.xml", text: Self.message)
        #expect(NewsMLG2Reader.confidence(for: source) == 95)
        let story = try NewsMLG2Reader.read(source)
        #expect(story.metadata.id == "urn:newsml:example.com:20241105:text")
        #expect(story.blocks.map(\.kind) == [.headline, .byline, .paragraph, .subhead, .paragraph])
        // No headline in the XHTML body: the contentMeta main headline, at its bytes in contentMeta.
        #expect(story.headline?.string == "Greek cafe owners protest tax on pavement tables")
        #expect(XMLFixtures.line(of: story.headline!, in: source) == 21)
        #expect(story.byline?.string == "By Eleni Papadopoulou")
        #expect(story.paragraphs.map(\.string) == [
            "ATHENS, Greece (AP) — Hundreds of cafe owners marched on Tuesday.",
            "Ministry unmoved",
            "The ministry said the tax would raise 40\u{A0}million euros. Officials declined to comment.",
        ])
        #expect(story.metadata.headline == "Greek cafe owners protest tax on pavement tables")
        #expect(story.metadata.dateline == "ATHENS, Greece (AP) —")
        #expect(story.metadata.language == "en-GB")
        #expect(story.metadata.priority == "3")
        #expect(story.metadata.slug == "Greece-Tax")
        #expect(story.metadata.version == "3")
        #expect(story.metadata.agency == "Example News")  // the creator is a person
        #expect(story.metadata.updated == XMLDateFixture.date("2024-11-05T07:45:00Z"))
        XMLFixtures.expectExactMapping(story)

        let all = try NewsMLG2Reader.readAll(source)
        #expect(all.count == 2)
        #expect(all[0].blocks.map(\.string) == ["Protesters outside parliament"])
        #expect(all[0].metadata.agency == "EXAMPLE")
    }

    @Test func bareNewsItemWithPrefixedXHTMLAndPlainText() throws {
        let xhtml = SourceFile(path: "item.xml", text: """
            <g2:newsItem xmlns:g2="http://iptc.org/std/nar/2006-10-01/" guid="a" version="1">
              <g2:contentMeta><g2:headline>Short</g2:headline></g2:contentMeta>
              <g2:contentSet>
                <g2:inlineXML contenttype="application/xhtml+xml">
                  <h:html xmlns:h="http://www.w3.org/1999/xhtml"><h:body>
                    <h:h1>Kremlin says talks will go on</h:h1>
                    <h:p>MOSCOW (AP) — The Kremlin said on Tuesday that talks would go on.</h:p>
                  </h:body></h:html>
                </g2:inlineXML>
              </g2:contentSet>
            </g2:newsItem>
            """)
        #expect(NewsMLG2Reader.confidence(for: xhtml) == 95)
        let story = try NewsMLG2Reader.read(xhtml)
        #expect(story.headline?.string == "Kremlin says talks will go on")
        #expect(story.metadata.headline == "Short")
        #expect(story.metadata.dateline == "MOSCOW (AP) —")
        #expect(story.paragraphs.count == 1)

        let plain = SourceFile(path: "plain.xml", text: """
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="b" version="1">
              <contentMeta><headline>Markets close higher</headline></contentMeta>
              <contentSet>
                <inlineData contenttype="text/plain">Stocks rose on Tuesday
            as investors &amp; traders cheered.

            Oil fell 2 percent.
            </inlineData>
              </contentSet>
            </newsItem>
            """)
        let text = try NewsMLG2Reader.read(plain)
        #expect(text.headline?.string == "Markets close higher")
        #expect(text.paragraphs.map(\.string) == ["Stocks rose on Tuesday as investors & traders cheered.", "Oil fell 2 percent."])
        #expect(XMLFixtures.line(of: text.paragraphs[1], in: plain) == 7)
        XMLFixtures.expectExactMapping(text)
    }

    @Test func itemsWithoutStoryText() {
        let package = SourceFile(path: "p.xml", text: "<packageItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"p\"/>")
        #expect(NewsMLG2Reader.confidence(for: package) == 60)
        #expect(XMLFixtures.inputError { _ = try NewsMLG2Reader.read(package) }
            == "a NewsML-G2 <packageItem> carries no story text (the newsml-g2 reader reads newsItem and newsMessage)")
        let empty = SourceFile(path: "m.xml", text: "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><header/></newsMessage>")
        #expect(XMLFixtures.inputError { _ = try NewsMLG2Reader.read(empty) } == "the NewsML-G2 <newsMessage> holds no newsItem")
        let broken = SourceFile(path: "b.xml", text: "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"b\">\n  <contentMeta>\n    <headline>Cut off")
        #expect(NewsMLG2Reader.confidence(for: broken) == 95)
        #expect(XMLFixtures.inputError { _ = try NewsMLG2Reader.read(broken) } == "3:22: end of file inside <headline> (opened at 3:5)")
    }
}
