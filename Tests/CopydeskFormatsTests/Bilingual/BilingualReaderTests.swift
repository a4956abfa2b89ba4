import Testing
import CopydeskCore
import CopydeskFormats
import Foundation

@Suite struct BilingualReaderTests {
    /// Every verbatim piece is byte-for-byte the file; decoded pieces cover a reference or whitespace.
    static func expectExactMapping(_ text: MappedText, in source: SourceFile, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let file = Array(source.text.utf8)
        let bytes = Array(text.text.utf8)
        var offset = 0
        for piece in text.pieces {
            let part = Array(bytes[offset..<(offset + piece.length)])
            let original = Array(file[piece.source])
            switch piece.kind {
            case .verbatim:
                #expect(part == original, "verbatim piece differs from the file", sourceLocation: sourceLocation)
            case .decoded:
                let isReference = original.first == UInt8(ascii: "&") && original.last == UInt8(ascii: ";")
                let isSpace = part == [0x20] && original.allSatisfy { [0x20, 0x09, 0x0A, 0x0D].contains($0) }
                #expect(isReference || isSpace, "decoded piece \(String(decoding: original, as: UTF8.self))", sourceLocation: sourceLocation)
            case .edited:
                Issue.record("a reader produced an edited piece", sourceLocation: sourceLocation)
            }
            offset += piece.length
        }
        #expect(offset == bytes.count, sourceLocation: sourceLocation)
    }

    static func expectExactMapping(_ document: BilingualDocument, in source: SourceFile, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for unit in document.units {
            expectExactMapping(unit.source, in: source, sourceLocation: sourceLocation)
            if let target = unit.target { expectExactMapping(target, in: source, sourceLocation: sourceLocation) }
        }
    }

    static func line(_ text: MappedText, in source: SourceFile) -> Int {
        source.location(of: text.sourceRange.lowerBound).line
    }

    // MARK: Okapi samples

    @Test func okapiXLIFF12Sample() throws {
        let source = try XMLFixtures.sample("translation/okapi-test01.xlf")
        let document = try XLIFFReader.read(source)
        #expect(document.format == "xliff-1.2")
        #expect(document.sourceLanguage == "en")
        #expect(document.targetLanguage == "fr")
        #expect(document.units.count == 8)
        #expect(document.units.map(\.id) == ["1", "2", "3", "4", "5", "6", "7", "8"])
        let first = document.units[0]
        #expect(first.source.text == "Text attribute")
        #expect(first.target?.text == "Texte de l'attribute")
        #expect(first.sourceLanguage == "en" && first.targetLanguage == "fr")
        #expect(Self.line(first.source, in: source) == 9)
        #expect(Self.line(first.target!, in: source) == 10)
        #expect(source.slice(first.source.sourceRange) == "Text attribute")
        // Inline <g> text is included; the empty <x/> adds nothing.
        #expect(document.units[3].source.text == "Text with code and bold.")
        #expect(document.units[5].target?.text == "Text with a footnote and more text")
        #expect(Self.line(document.units[6].source, in: source) == 33)
        // The segmented unit: whole <source>, no target; seg-source ignored.
        #expect(document.units[7].source.text == "Sentence 1. Sentence 2.")
        #expect(document.units[7].target == nil)
        Self.expectExactMapping(document, in: source)
        #expect(try BilingualReader.read(source) == document)
    }

    @Test func okapiTMXSample() throws {
        let source = try XMLFixtures.sample("translation/okapi-sampleTMX2.tmx")
        let document = try TMXReader.read(source)
        #expect(document.format == "tmx")
        #expect(document.sourceLanguage == "en-us")
        #expect(document.targetLanguage == "FR-CA")
        #expect(document.units.count == 2)
        let first = document.units[0]
        #expect(first.id == "0001")
        #expect(first.source.text == "data (with a non-standard character: \u{F8FF}).")
        #expect(first.target?.text == "données (avec un caractère non standard: \u{F8FF}).")
        #expect(first.sourceLanguage == "en-us" && first.targetLanguage == "FR-CA")
        #expect(Self.line(first.source, in: source) == 39)
        #expect(Self.line(first.target!, in: source) == 49)
        // srclang="*all*" falls back to the header's en-us; of FR-CA and FR-FR the first is the target.
        let second = document.units[1]
        #expect(second.id == "0002")
        #expect(second.source.text == "menu" && second.target?.text == "menu")
        #expect(second.sourceLanguage == "en-us" && second.targetLanguage == "FR-CA")
        #expect(Self.line(second.source, in: source) == 59)
        #expect(Self.line(second.target!, in: source) == 62)
        Self.expectExactMapping(document, in: source)
        #expect(try BilingualReader.read(source) == document)
    }

    // MARK: Greek → English files written for the purpose

    static let xliff20 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="el" trgLang="en">
          <file id="f1" original="ana-mpa/kafeneia.txt">
            <unit id="p1">
              <segment id="s1">
                <source>Εκατοντάδες ιδιοκτήτες καφενείων διαδήλωσαν την Τρίτη έξω από τη Βουλή.</source>
                <target>Hundreds of cafe owners demonstrated outside parliament on Tuesday.</target>
              </segment>
            </unit>
            <group id="g1">
              <unit id="p2">
                <originalData><data id="d1">&lt;br/&gt;</data></originalData>
                <segment id="a">
                  <source>«Είναι φόρος στον ήλιο», είπε ο <pc id="1">Νίκος Καρράς</pc>.</source>
                  <target>"It is a tax on sunshine," said <pc id="1">Nikos Karras</pc>.</target>
                </segment>
                <ignorable><source> </source></ignorable>
                <segment id="b">
                  <source>Το υπουργείο αναμένει έσοδα 40 εκατ. ευρώ<ph id="2" dataRef="d1"/> &amp; δεν υποχωρεί.</source>
                  <target>The ministry expects revenue of 40 million euros<ph id="2" dataRef="d1"/> &amp; is not backing down.</target>
                </segment>
              </unit>
              <unit id="p3">
                <segment>
                  <source>Η Αθήνα   θα αποφασίσει
                    την Παρασκευή.</source>
                </segment>
              </unit>
            </group>
          </file>
        </xliff>
        """

    @Test func xliff20GreekToEnglish() throws {
        let source = SourceFile(path: "kafeneia.xlf", text: Self.xliff20)
        let document = try XLIFFReader.read(source)
        #expect(document.format == "xliff-2.0")
        #expect(document.sourceLanguage == "el" && document.targetLanguage == "en")
        #expect(document.units.map(\.id) == ["p1", "p2/a", "p2/b", "p3"])
        #expect(document.units[0].source.text == "Εκατοντάδες ιδιοκτήτες καφενείων διαδήλωσαν την Τρίτη έξω από τη Βουλή.")
        #expect(document.units[0].target?.text == "Hundreds of cafe owners demonstrated outside parliament on Tuesday.")
        #expect(document.units[1].source.text == "«Είναι φόρος στον ήλιο», είπε ο Νίκος Καρράς.")
        #expect(document.units[1].target?.text == "\"It is a tax on sunshine,\" said Nikos Karras.")
        #expect(document.units[2].target?.text == "The ministry expects revenue of 40 million euros & is not backing down.")
        #expect(document.units[3].source.text == "Η Αθήνα θα αποφασίσει την Παρασκευή.")
        #expect(document.units[3].target == nil)
        #expect(document.units.allSatisfy { $0.sourceLanguage == "el" && $0.targetLanguage == "en" })
        // Ranges point at the right lines, and Greek columns count characters, not bytes.
        #expect(Self.line(document.units[0].source, in: source) == 6)
        #expect(Self.line(document.units[1].target!, in: source) == 15)
        #expect(Self.line(document.units[2].source, in: source) == 19)
        #expect(Self.line(document.units[3].source, in: source) == 25)
        let karras = try #require(document.units[1].source.text.utf8.firstRange(of: "Νίκος".utf8))
        let offset = document.units[1].source.text.utf8.distance(from: document.units[1].source.text.utf8.startIndex, to: karras.lowerBound)
        let at = source.location(of: document.units[1].source.sourceRange(for: offset..<(offset + 1)).lowerBound)
        #expect(at.line == 14)
        #expect(source.lineText(14).dropFirst(at.column - 1).hasPrefix("Νίκος Καρράς</pc>"))
        Self.expectExactMapping(document, in: source)
    }

    static let tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
          <header creationtool="copydesk-tests" creationtoolversion="1" segtype="paragraph"
                  o-tmf="none" adminlang="en" srclang="el" datatype="plaintext"/>
          <body>
            <tu tuid="ana-1">
              <tuv xml:lang="en-GB"><seg>The government announced a new tax on pavement tables.</seg></tuv>
              <tuv xml:lang="el"><seg>Η κυβέρνηση ανακοίνωσε νέο φόρο στα τραπεζοκαθίσματα.</seg></tuv>
            </tu>
            <tu tuid="ana-2">
              <tuv xml:lang="EL"><seg>Ο φόρος θα αποφέρει 1.200,5 εκατ. ευρώ <bpt i="1">&lt;b&gt;</bpt>ετησίως<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
              <tuv xml:lang="el-GR"><seg>Ο φόρος θα αποφέρει 1.200,5 εκατ. ευρώ ετησίως.</seg></tuv>
              <tuv xml:lang="en"><seg>The tax will raise 1,200.5 million euros <bpt i="1">&lt;b&gt;</bpt>a year<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
              <tuv xml:lang="fr"><seg>La taxe rapportera 1 200,5 millions d'euros par an.</seg></tuv>
            </tu>
            <tu>
              <tuv xml:lang="el"><seg>Μόνο ελληνικά.</seg></tuv>
            </tu>
          </body>
        </tmx>
        """

    @Test func tmxGreekToEnglish() throws {
        let source = SourceFile(path: "memory.tmx", text: Self.tmx)
        let document = try TMXReader.read(source)
        #expect(document.format == "tmx")
        #expect(document.sourceLanguage == "el" && document.targetLanguage == "en-GB")
        #expect(document.units.count == 3)
        // The header's srclang picks the source even when it is not the first tuv.
        let first = document.units[0]
        #expect(first.id == "ana-1")
        #expect(first.source.text == "Η κυβέρνηση ανακοίνωσε νέο φόρο στα τραπεζοκαθίσματα.")
        #expect(first.target?.text == "The government announced a new tax on pavement tables.")
        #expect(first.sourceLanguage == "el" && first.targetLanguage == "en-GB")
        #expect(Self.line(first.source, in: source) == 8)
        #expect(Self.line(first.target!, in: source) == 7)
        // Case-insensitive match ("EL"); el-GR is another language, so it is the target.
        let second = document.units[1]
        #expect(second.source.text == "Ο φόρος θα αποφέρει 1.200,5 εκατ. ευρώ ετησίως.")
        #expect(second.sourceLanguage == "EL" && second.targetLanguage == "el-GR")
        #expect(Self.line(second.source, in: source) == 11)
        // A tu with one tuv: no target.
        #expect(document.units[2].id == nil && document.units[2].target == nil)
        #expect(document.units[2].source.text == "Μόνο ελληνικά.")
        Self.expectExactMapping(document, in: source)
    }

    @Test func tmxPicksTheFirstOtherLanguageAsTarget() throws {
        let text = """
            <tmx version="1.4"><header srclang="el"/><body>
            <tu><tuv xml:lang="el"><seg>Αθήνα</seg></tuv><tuv xml:lang="en"><seg>Athens</seg></tuv><tuv xml:lang="fr"><seg>Athènes</seg></tuv></tu>
            <tu srclang="en"><tuv xml:lang="el"><seg>Θεσσαλονίκη</seg></tuv><tuv xml:lang="en"><seg>Thessaloniki</seg></tuv></tu>
            </body></tmx>
            """
        let document = try TMXReader.read(SourceFile(path: "m.tmx", text: text))
        #expect(document.units.map(\.source.text) == ["Αθήνα", "Thessaloniki"])
        #expect(document.units.map(\.target?.text) == ["Athens", "Θεσσαλονίκη"])
        #expect(document.units.map(\.targetLanguage) == ["en", "el"])
    }

    // MARK: Errors

    @Test func billionLaughsXLIFFIsRejected() {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE xliff [
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
            <xliff version="1.2"><file source-language="el" target-language="en"><body>
            <trans-unit id="1"><source>&lol9;</source><target>&lol9;</target></trans-unit>
            </body></file></xliff>
            """
        let source = SourceFile(path: "laughs.xlf", text: text)
        let message = XMLFixtures.inputError { _ = try XLIFFReader.read(source) }
        #expect(message?.hasPrefix("3:2: DOCTYPE with entity declarations is not accepted") == true)
        #expect(XMLFixtures.inputError { _ = try BilingualReader.read(source) } == message)
    }

    @Test func structuralErrorsNameLineAndColumn() {
        let noSource = SourceFile(path: "a.xlf", text: "<xliff version=\"1.2\">\n<file source-language=\"el\"><body>\n  <trans-unit id=\"1\"><target>x</target></trans-unit>\n</body></file></xliff>")
        #expect(XMLFixtures.inputError { _ = try XLIFFReader.read(noSource) } == "3:3: <trans-unit> without a <source> element")
        let wrongRoot = SourceFile(path: "b.xlf", text: "<?xml version=\"1.0\"?>\n<nitf/>")
        #expect(XMLFixtures.inputError { _ = try XLIFFReader.read(wrongRoot) } == "2:1: root element is <nitf>, not <xliff>: not an XLIFF document")
        #expect(XMLFixtures.inputError { _ = try TMXReader.read(wrongRoot) } == "2:1: root element is <nitf>, not <tmx>: not a TMX document")
        let noSeg = SourceFile(path: "c.tmx", text: "<tmx version=\"1.4\"><header srclang=\"el\"/><body>\n<tu> <tuv xml:lang=\"el\"/></tu></body></tmx>")
        #expect(XMLFixtures.inputError { _ = try TMXReader.read(noSeg) } == "2:6: <tuv> without a <seg> element")
        let malformed = SourceFile(path: "d.xlf", text: "<xliff version=\"2.0\" srcLang=\"el\">\n<file><unit id=\"1\"><segment><source>Α</target>")
        #expect(XMLFixtures.inputError { _ = try XLIFFReader.read(malformed) }?.hasPrefix("2:38: mismatched end tag </target>: expected </source>") == true)
    }
}
