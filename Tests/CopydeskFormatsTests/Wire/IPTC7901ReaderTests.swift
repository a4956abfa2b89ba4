import CopydeskCore
import CopydeskFormats
import Foundation
import Testing

/// Realistic IPTC 7901 messages written for these tests (there is no public sample): a dpa
/// German service message with indented paragraphs and a Notizblock, and a dpa international
/// English message with a byline, service notes and the "not for publication" block.
enum IPTC7901Fixtures {
    static let german = "\u{01}bdt0237 3 pl 298  dpa 0871\r\n"
        + "Hessen/Wahlen/Landtag/\r\n"
        + "(Zusammenfassung 1600)\r\n"
        + "\u{02}Wahlbeteiligung in Hessen deutlich gesunken =\r\n"
        + "\r\n"
        + "   Wiesbaden (dpa) - Bei der Landtagswahl in Hessen ist die Wahlbeteiligung\r\n"
        + "deutlich gesunken. Nach Angaben des Landeswahlleiters gaben bis 14.00 Uhr\r\n"
        + "nur 38,5 Prozent der Berechtigten ihre Stimme ab.\r\n"
        + "   Vor fünf Jahren waren es zur gleichen Zeit noch 45,1 Prozent gewesen.\r\n"
        + "»Das ist enttäuschend«, sagte ein Sprecher der Landeswahlleitung.\r\n"
        + "\r\n"
        + "   Notizblock\r\n"
        + "\r\n"
        + "   Internet\r\n"
        + "   - [Landeswahlleiter](https://wahlen.hessen.de)\r\n"
        + "\r\n"
        + "   * * * *\r\n"
        + "   Die folgenden Informationen sind nicht zur Veröffentlichung bestimmt\r\n"
        + "\r\n"
        + "   Ansprechpartner: Max Mustermann, +49 611 000000\r\n"
        + "\r\n"
        + "dpa ab yyzz n1 rs\r\n"
        + "\u{03}131137 GMT Nov 13\r\n"
        + "\u{7F}\u{7F}\u{7F}\u{7F}\u{04}"

    static let englishBody = "Switzerland/migration/UN/\n"
        + "\u{02}REFILE\n"
        + "1ST LEAD\n"
        + "Switzerland joins list of countries resisting UN migration pact\n"
        + "By dpa correspondents =\n"
        + "\n"
        + "Geneva (dpa) - Switzerland is joining a growing number of countries\n"
        + "that will refrain from signing a UN migration pact in December, the\n"
        + "government announced on Wednesday.\n"
        + "\n"
        + "The government said it \"wishes to postpone its final decision pending\n"
        + "conclusion of the parliamentary debates.\"\n"
        + "\n"
        + "# Notebook\n"
        + "\n"
        + "## Note to editors\n"
        + "- adds head of UNGA in grafs 7-11\n"
        + "\n"
        + "* * * *\n"
        + "The following information is not intended for publication\n"
        + "\n"
        + "## Editorial contacts\n"
        + "- Editing by: Rachel More\n"
        + "\n"
        + "dpa al rmo hct rmo\n"
        + "\u{03}212322 GMT Nov 18\n"
        + "\u{7F}\u{7F}\u{04}"

    static let english = "\u{01}eca0003 3 i 380  dpa 0045\n\n" + englishBody

    /// A short urgent message without notebook: the sign-off closes the text.
    static let urgent = "\u{01}bdt0240 1 vm 45  dpa 0874\r\n"
        + "Verkehr/Unfälle/\r\n"
        + "\u{02}Zugunglück bei Köln - mehrere Verletzte =\r\n"
        + "\r\n"
        + "   Köln (dpa) - Bei einem Zugunglück nahe Köln sind am Mittwoch\r\n"
        + "mehrere Menschen verletzt worden.\r\n"
        + "\r\n"
        + "dpa xy ab\r\n"
        + "\u{03}131150 GMT Nov 13\r\n"
        + "\u{7F}\u{04}"
}

@Suite struct IPTC7901ReaderTests {
    @Test func germanDpaMessage() throws {
        let source = SourceFile(path: "dpa.txt", text: IPTC7901Fixtures.german)
        let story = try IPTC7901Reader.read(source)
        let meta = story.metadata
        #expect(meta.sourceFormat == "iptc7901")
        #expect(meta.id == "bdt0237")
        #expect(meta.priority == "3")
        #expect(meta.category == "pl")
        #expect(meta.agency == "dpa")
        #expect(meta.slug == "Hessen/Wahlen/Landtag")
        #expect(meta.version == "(Zusammenfassung 1600)")
        #expect(meta.created == Date(timeIntervalSince1970: 1_384_342_620))  // 131137 GMT Nov 13
        #expect(story.headline?.string == "Wahlbeteiligung in Hessen deutlich gesunken")
        #expect(story.byline == nil)
        #expect(story.paragraphs.map(\.string) == [
            "Wiesbaden (dpa) - Bei der Landtagswahl in Hessen ist die Wahlbeteiligung deutlich gesunken. Nach Angaben des Landeswahlleiters gaben bis 14.00 Uhr nur 38,5 Prozent der Berechtigten ihre Stimme ab.",
            "Vor fünf Jahren waren es zur gleichen Zeit noch 45,1 Prozent gewesen. »Das ist enttäuschend«, sagte ein Sprecher der Landeswahlleitung.",
        ])
        #expect(meta.dateline == "Wiesbaden (dpa) -")
        // Positions: the second paragraph starts on line 9; `fünf` maps to its bytes.
        let second = story.paragraphs[1]
        #expect(source.wireLine(second.text.sourceRange.lowerBound) == 9)
        let text = second.string
        let fuenf = try #require(text.range(of: "fünf"))
        let start = text.utf8.distance(from: text.utf8.startIndex, to: fuenf.lowerBound)
        #expect(source.slice(second.text.sourceRange(for: start..<(start + "fünf".utf8.count))) == "fünf")
        ANPAReaderTests.checkMapping(story)
    }

    @Test func englishDpaMessageWithBylineAndNotes() throws {
        let story = try IPTC7901Reader.read(SourceFile(path: "dpa-en.txt", text: IPTC7901Fixtures.english))
        let meta = story.metadata
        #expect(meta.id == "eca0003")
        #expect(meta.category == "i")
        #expect(meta.slug == "Switzerland/migration/UN")
        #expect(meta.version == "REFILE, 1ST LEAD")
        #expect(meta.created == Date(timeIntervalSince1970: 1_542_842_520))  // 212322 GMT Nov 18
        #expect(story.blocks.map(\.kind) == [.headline, .byline, .paragraph, .paragraph])
        #expect(story.headline?.string == "Switzerland joins list of countries resisting UN migration pact")
        #expect(story.byline?.string == "By dpa correspondents")
        #expect(story.paragraphs[1].string == "The government said it \"wishes to postpone its final decision pending conclusion of the parliamentary debates.\"")
        #expect(meta.dateline == "Geneva (dpa) -")
        ANPAReaderTests.checkMapping(story)
    }

    @Test func streamOfMessages() throws {
        let text = IPTC7901Fixtures.german + "\r\n" + IPTC7901Fixtures.english + IPTC7901Fixtures.urgent
        let stories = try IPTC7901Reader.readAll(SourceFile(path: "stream.txt", text: text))
        #expect(stories.map(\.metadata.id) == ["bdt0237", "eca0003", "bdt0240"])
        let urgent = stories[2]
        #expect(urgent.metadata.priority == "1")
        #expect(urgent.headline?.string == "Zugunglück bei Köln - mehrere Verletzte")
        // The sign-off `dpa xy ab` is not a paragraph.
        #expect(urgent.paragraphs.map(\.string) == ["Köln (dpa) - Bei einem Zugunglück nahe Köln sind am Mittwoch mehrere Menschen verletzt worden."])
        for story in stories { ANPAReaderTests.checkMapping(story) }
    }

    @Test func controlCodesStrippedInTransit() throws {
        let stripped = String(String.UnicodeScalarView(IPTC7901Fixtures.english.unicodeScalars.filter {
            $0.value >= 0x20 && $0.value != 0x7F || $0 == "\n"
        }))
        let source = SourceFile(path: "stripped.txt", text: stripped)
        #expect(IPTC7901Reader.confidence(for: source) > PlainTextReader.confidence(for: source))
        let story = try IPTC7901Reader.read(source)
        #expect(story.metadata.id == "eca0003")
        #expect(story.metadata.slug == "Switzerland/migration/UN")
        #expect(story.headline?.string == "Switzerland joins list of countries resisting UN migration pact")
        #expect(story.byline?.string == "By dpa correspondents")
        #expect(story.paragraphs.count == 2)
        #expect(story.metadata.created == Date(timeIntervalSince1970: 1_542_842_520))
    }

    @Test func legacyCharsetIsDecodedBeforeTheReader() throws {
        // The input step decodes ISO-8859-1 before a reader runs; the reader sees the umlauts.
        let latin1 = try #require(IPTC7901Fixtures.urgent.data(using: .isoLatin1))
        #expect(latin1.count < IPTC7901Fixtures.urgent.utf8.count)
        let text = try #require(String(data: latin1, encoding: .isoLatin1))
        let story = try IPTC7901Reader.read(SourceFile(path: "latin1.txt", text: text))
        #expect(story.headline?.string == "Zugunglück bei Köln - mehrere Verletzte")
    }

    @Test func twoLineHeadlineAndVonByline() throws {
        let text = "\u{01}bdt0300 4 ku 120  dpa 0900\nKultur/Film/\n\u{02}Berlinale:\nGoldener Bär für Dokumentarfilm =\nVon Anna Beispiel, dpa =\n\n"
            + "   Berlin (dpa) - Der Goldene Bär geht in diesem Jahr an einen\nDokumentarfilm.\n\u{03}181905 GMT Feb 24\n\u{04}"
        let story = try IPTC7901Reader.read(SourceFile(path: "film.txt", text: text))
        #expect(story.headline?.string == "Berlinale: Goldener Bär für Dokumentarfilm")
        #expect(story.byline?.string == "Von Anna Beispiel, dpa")
        #expect(story.paragraphs.map(\.string) == ["Berlin (dpa) - Der Goldene Bär geht in diesem Jahr an einen Dokumentarfilm."])
        #expect(story.metadata.created == Date(timeIntervalSince1970: 1_708_283_100))  // 2024-02-18 19:05 GMT
    }

    @Test func garbageDoesNotCrash() {
        var generator = SystemRandomNumberGenerator()
        let controls: [UInt8] = [0x01, 0x02, 0x03, 0x04, 0x0A, 0x0D, 0x20, 0x3D, 0x2F, 0x23, 0x2A, 0x7F, 0x31, 0x61]
        for round in 0..<400 {
            var bytes: [UInt8] = round % 2 == 0 ? Array("\u{01}bdt0001 3 pl 10  dpa 1\r\nA/B/\r\n\u{02}".utf8) : []
            for _ in 0..<Int.random(in: 0..<500, using: &generator) {
                bytes.append(Bool.random(using: &generator) ? controls.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator))
            }
            let source = SourceFile(path: "noise.txt", text: String(decoding: bytes, as: UTF8.self))
            _ = IPTC7901Reader.confidence(for: source)
            if let stories = try? IPTC7901Reader.readAll(source) {
                for story in stories { ANPAReaderTests.checkMapping(story) }
            }
        }
        // Every prefix of a real message.
        let full = Array(IPTC7901Fixtures.german.utf8)
        for cut in stride(from: 0, to: full.count, by: 7) {
            _ = try? IPTC7901Reader.readAll(SourceFile(path: "cut.txt", text: String(decoding: full[0..<cut], as: UTF8.self)))
        }
    }
}
