import CopydeskCore
import CopydeskFormats
import CopydeskTestSupport
import Foundation
import Testing

@Suite struct NinjsReaderTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var headline: String
        var byline: String
        var paragraphs: Int
        var firstParagraphStart: String
        var headlineLine: Int
        var firstParagraphLine: Int
        var dateline: String?
        var testDescription: String { file }
    }

    static let expectations: [Expected] = [
        Expected(file: "1.4_ninjsExMediumText1.json", headline: "Captain of wrecked cruise ship on trial in Italy",
                 byline: "Paulo Santalucia and Frances d'Emilio", paragraphs: 4, firstParagraphStart: "GROSSETO, Italy (AP) -- The trial",
                 headlineLine: 35, firstParagraphLine: 37, dateline: "GROSSETO, Italy (AP) --"),
        Expected(file: "1.4_ninjsExSimpleText1.json", headline: "Captain of wrecked cruise ship on trial in Italy",
                 byline: "Paulo Santalucia and Frances d'Emilio", paragraphs: 4, firstParagraphStart: "GROSSETO, Italy (AP) -- The trial",
                 headlineLine: 6, firstParagraphLine: 8, dateline: "GROSSETO, Italy (AP) --"),
        Expected(file: "2.1_dpa_text.json", headline: "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?",
                 byline: "Von Christian Hollmann, dpa", paragraphs: 9, firstParagraphStart: "Für Lucien Favre war es «der größte Skandal",
                 headlineLine: 20, firstParagraphLine: 14, dateline: nil),
        Expected(file: "2.1_ntb_text.json", headline: "Google har kjøpt giganttomt i Skien", byline: "NTB", paragraphs: 1,
                 firstParagraphStart: "IT-giganten Google har kjøpt en tomt", headlineLine: 25, firstParagraphLine: 19, dateline: nil),
        Expected(file: "3.0_dpa_text.json", headline: "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?",
                 byline: "Von Christian Hollmann, dpa", paragraphs: 9, firstParagraphStart: "Für Lucien Favre war es «der größte Skandal",
                 headlineLine: 20, firstParagraphLine: 14, dateline: nil),
        Expected(file: "3.0_ninjsExSimpleText_3.json", headline: "Captain of wrecked cruise ship on trial in Italy",
                 byline: "Paulo Santalucia and Frances d'Emilio", paragraphs: 4, firstParagraphStart: "GROSSETO, Italy (AP) -- The trial",
                 headlineLine: 9, firstParagraphLine: 21, dateline: "GROSSETO, Italy (AP) --"),
        Expected(file: "3.0_ntb_text.json", headline: "Google har kjøpt giganttomt i Skien", byline: "NTB", paragraphs: 1,
                 firstParagraphStart: "IT-giganten Google har kjøpt en tomt", headlineLine: 25, firstParagraphLine: 19, dateline: nil),
    ]

    @Test func everySampleIsPinned() throws {
        #expect(try WireSamples.ninjsFiles() == Self.expectations.map(\.file))
    }

    @Test(arguments: expectations)
    func sampleReads(_ expected: Expected) throws {
        let source = try WireSamples.source("ninjs/" + expected.file)
        let story = try NinjsReader.read(source)
        #expect(story.metadata.sourceFormat == "ninjs")
        #expect(story.headline?.string == expected.headline)
        #expect(story.metadata.headline == expected.headline)
        #expect(story.byline?.string == expected.byline)
        #expect(story.paragraphs.count == expected.paragraphs)
        #expect(story.paragraphs.first?.string.hasPrefix(expected.firstParagraphStart) == true)
        #expect(story.metadata.dateline == expected.dateline)
        // Blocks point at the line of the JSON file their string is on.
        let headline = try #require(story.headline)
        #expect(source.wireLine(headline.text.sourceRange.lowerBound) == expected.headlineLine)
        #expect(source.wireLine(story.paragraphs[0].text.sourceRange.lowerBound) == expected.firstParagraphLine)
        // Verbatim pieces are byte-for-byte the file; every paragraph ends with its sentence.
        for block in story.blocks {
            var offset = 0
            let bytes = Array(block.string.utf8)
            for piece in block.text.pieces {
                if piece.kind == .verbatim {
                    #expect(String(decoding: bytes[offset..<(offset + piece.length)], as: UTF8.self) == block.text.wireSourceText(piece, in: source))
                }
                offset += piece.length
            }
            #expect(block.string == block.string.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    @Test func metadataFromEachVersion() throws {
        let v1 = try NinjsReader.read(WireSamples.source("ninjs/1.4_ninjsExMediumText1.json")).metadata
        #expect(v1.id == "http://ninjs.example.com/newsitems/20130709med123")
        #expect(v1.language == "en")
        #expect(v1.updated == Date(timeIntervalSince1970: 1_373_366_220))  // 2013-07-09T10:37:00Z
        #expect(v1.agency == nil)

        let dpa = try NinjsReader.read(WireSamples.source("ninjs/3.0_dpa_text.json")).metadata
        #expect(dpa.id == "urn:newsml:dpa.com:20090101:190510-99-167362")
        #expect(dpa.version == "2")
        #expect(dpa.priority == "4")
        #expect(dpa.language == "de")
        #expect(dpa.agency == "dpa")
        #expect(dpa.updated == Date(timeIntervalSince1970: 1_557_496_948))  // 2019-05-10T16:02:28+02:00

        for file in ["2.1_ntb_text.json", "3.0_ntb_text.json"] {
            let ntb = try NinjsReader.read(WireSamples.source("ninjs/" + file)).metadata
            #expect(ntb.slug == "skien-google")
            #expect(ntb.version == "6")
            #expect(ntb.priority == "5")
            #expect(ntb.language == "nb-NO")
            #expect(ntb.agency == "NTB")
            #expect(ntb.created == Date(timeIntervalSince1970: 1_565_343_004))  // 2019-08-09T09:30:04Z
            #expect(ntb.updated == Date(timeIntervalSince1970: 1_565_344_013))  // 2019-08-09T09:46:53Z
        }
    }

    @Test func htmlBodyEscapesAreDecodedPiecesOverTheirBytes() throws {
        // The dpa body is `<section class=\"main\"><p>…`: the escaped quotes sit in a tag, so the
        // paragraphs hold only verbatim text; the multi-byte letters are verbatim UTF-8.
        let source = try WireSamples.source("ninjs/2.1_dpa_text.json")
        let story = try NinjsReader.read(source)
        let first = story.paragraphs[0]
        #expect(first.text.pieces.allSatisfy { $0.kind == .verbatim })
        let range = first.text.sourceRange
        #expect(String(source.slice(range)).hasPrefix("Für Lucien Favre"))
        #expect(String(source.slice(range)).hasSuffix("für die Gäste auf."))
    }

    @Test func escapesInTextMapToDecodedPieces() throws {
        let json = """
            {
              "uri": "urn:test:1",
              "headlines": [{"role": "main", "value": "Caf\\u00e9 owners \\"protest\\""}],
              "by": "Eleni\\tPapadopoulou",
              "bodies": [{"role": "text", "contentType": "text/plain",
                "value": "ATHENS (AP) \\u2014 Hundreds marched.\\nThey chanted \\ud83d\\ude00 slogans.\\n\\nA second paragraph\\nwraps here."}]
            }
            """
        let source = SourceFile(path: "t.json", text: json)
        let story = try NinjsReader.read(source)
        let headline = try #require(story.headline)
        #expect(headline.string == "Café owners \"protest\"")
        let decoded = headline.text.pieces.filter { $0.kind == .decoded }
        #expect(decoded.map { headline.text.wireSourceText($0, in: source) } == ["\\u00e9", "\\\"", "\\\""])
        #expect(decoded.map(\.length) == [2, 1, 1])
        #expect(source.wireLine(headline.text.sourceRange.lowerBound) == 3)
        #expect(story.byline?.string == "Eleni\tPapadopoulou")

        // Blank line in the text: paragraphs split there, single newlines read as spaces.
        #expect(story.paragraphs.map(\.string) == [
            "ATHENS (AP) \u{2014} Hundreds marched. They chanted \u{1F600} slogans.",
            "A second paragraph wraps here.",
        ])
        let first = story.paragraphs[0].text
        let firstDecoded = first.pieces.filter { $0.kind == .decoded }.map { first.wireSourceText($0, in: source) }
        #expect(firstDecoded == ["\\u2014", "\\n", "\\ud83d\\ude00"])
        #expect(story.metadata.dateline == "ATHENS (AP) \u{2014}")
        #expect(source.wireLine(story.paragraphs[1].text.sourceRange.lowerBound) == 6)

        // A finding in the second paragraph maps to its bytes in the file.
        let second = story.paragraphs[1].text
        let wraps = second.text.utf8.count - "wraps here.".utf8.count
        let mapped = second.sourceRange(for: wraps..<(wraps + 5))
        #expect(source.slice(mapped) == "wraps")
    }

    @Test func bodyTextWithoutBlankLinesSplitsOnNewlines() throws {
        let json = #"{"type":"text","headline":"H","body_text":"One.\nTwo.\n\u00c9tienne said three."}"#
        let story = try NinjsReader.read(SourceFile(path: "t.json", text: json))
        #expect(story.paragraphs.map(\.string) == ["One.", "Two.", "Étienne said three."])
    }

    @Test func htmlEntitiesInlineTagsAndSubheads() throws {
        let json = #"""
            {"headline": "H", "body_html": "<h2>Rates &amp; taxes</h2><p>Tom&#8217;s <b>bold</b>   claim\n<a href=\"x\">here</a>&nbsp;now.</p><!-- c --><p>Second<br/>line &eacute;t&eacute;</p>"}
            """#
        let source = SourceFile(path: "t.json", text: json)
        let story = try NinjsReader.read(source)
        #expect(story.blocks.map(\.kind) == [.headline, .subhead, .paragraph, .paragraph])
        #expect(story.blocks[1].string == "Rates & taxes")
        #expect(story.blocks[2].string == "Tom\u{2019}s bold claim here\u{00A0}now.")
        #expect(story.blocks[3].string == "Second line été")
        let subhead = story.blocks[1].text
        let entity = try #require(subhead.pieces.first { $0.kind == .decoded })
        #expect(subhead.wireSourceText(entity, in: source) == "&amp;")
        let paragraph = story.blocks[2].text
        let decoded = paragraph.pieces.filter { $0.kind == .decoded }.map { paragraph.wireSourceText($0, in: source) }
        // The apostrophe entity, the run of spaces, the escaped newline, the nbsp entity.
        #expect(decoded == ["&#8217;", "   ", "\\n", "&nbsp;"])
        // Edits on verbatim text map to the file; the fix lands on the file bytes.
        let bold = paragraph.text.utf8.count - " claim here\u{00A0}now.".utf8.count - "bold".utf8.count
        #expect(source.slice(paragraph.sourceRange(for: bold..<(bold + 4))) == "bold")
    }

    @Test func invalidJSONNamesLineAndColumn() throws {
        let source = SourceFile(path: "bad.json", text: "{\n  \"headline\": \"x\",\n  \"body_text\": \"unterminated\n}")
        #expect(throws: CopydeskError.self) { try NinjsReader.read(source) }
        do {
            _ = try NinjsReader.read(source)
        } catch let error as CopydeskError {
            #expect(error.description.hasPrefix("bad.json: line 3, column 16:"))
        }
        let deep = String(repeating: "[", count: 5000)
        #expect(throws: CopydeskError.self) { try NinjsReader.read(SourceFile(path: "deep.json", text: deep)) }
        #expect(throws: CopydeskError.self) { try NinjsReader.read(SourceFile(path: "arr.json", text: "[1, 2]")) }
    }

    /// Random characters inside a ninjs `body_html`, from a seeded generator (a failure replays):
    /// the reader either refuses the file with an input error naming it, or returns a story whose
    /// every block maps into the file's bytes.
    @Test func garbageNeverCrashes() {
        var generator = WireTextGenerator(seed: WireTextGenerator.baseSeed ^ 0x6E69_6E6A_73)
        let alphabet = Array("{}[]\":,\\u0aZ<>/&;# \n\té".unicodeScalars)
        var read = 0
        for _ in 0..<300 {
            let length = Int.random(in: 0..<200, using: &generator)
            var text = "{\"body_html\": \""
            for _ in 0..<length { text.unicodeScalars.append(alphabet.randomElement(using: &generator)!) }
            for candidate in [text, text + "\"}"] {
                let byteCount = candidate.utf8.count
                do {
                    let story = try NinjsReader.read(SourceFile(path: "g.json", text: candidate))
                    read += 1
                    for block in story.blocks {
                        #expect(block.text.pieces.allSatisfy { $0.source.lowerBound >= 0 && $0.source.upperBound <= byteCount },
                                "\(escaped(candidate))")
                    }
                } catch let error as CopydeskError {
                    guard case .input(let file, _) = error else { Issue.record("not an input error: \(error)"); continue }
                    #expect(file == "g.json")
                } catch {
                    Issue.record("not a CopydeskError: \(error) for \(escaped(candidate))")
                }
            }
        }
        // Some of the closed documents are valid ninjs: the test reaches the reader's body parsing.
        #expect(read > 0)
    }
}
