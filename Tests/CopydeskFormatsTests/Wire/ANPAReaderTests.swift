import CopydeskCore
import CopydeskFormats
import Foundation
import Testing

@Suite struct ANPAReaderTests {
    /// Every verbatim piece of every block is byte-for-byte the file; every decoded piece (a joined
    /// line break) covers only whitespace and control bytes of the file.
    static func checkMapping(_ story: Story) {
        for block in story.blocks {
            let bytes = Array(block.string.utf8)
            var offset = 0
            for piece in block.text.pieces {
                let file = block.text.wireSourceText(piece, in: story.source)
                if piece.kind == .verbatim {
                    #expect(String(decoding: bytes[offset..<(offset + piece.length)], as: UTF8.self) == file)
                } else {
                    #expect(file.unicodeScalars.allSatisfy { $0.value <= 0x20 || $0 == "\u{7F}" }, "decoded piece over \(file.debugDescription)")
                }
                offset += piece.length
            }
        }
    }

    @Test func apStreamHasFourStories() throws {
        let source = try WireSamples.source("anpa/testfile.ap")
        let stories = try ANPAReader.readAll(source)
        // The file opens with the tail of a story whose header was lost: skipped.
        #expect(stories.map(\.metadata.id) == ["v0220", "v0315", "v3514", "d0421"])
        #expect(stories.map(\.metadata.slug) == ["AP-HI--2ndSportsMinute", "AP-SJV--NewsWatch", "AP-NV--RNO-NevadaTempera", "BC-GamingRoundup"])
        #expect(stories.map(\.metadata.priority) == ["r", "r", "d", "a"])
        #expect(stories.map(\.metadata.category) == ["s", "g", "o", "f"])
        #expect(stories.map(\.metadata.agency) == ["AP", "AP", "AP", "AP"])
        #expect(stories.map(\.headline?.string) == [
            "Here is the latest Hawaii sports from The Associated Press",
            "Here is the latest San Joaquin Valley news from The Associated Press",
            "AP-NV--RNO-Nevada Temperature and Precipitation Table",
            "Clinton Drops Support for Gaming Tax Plan",
        ])
        for story in stories {
            #expect(story.metadata.sourceFormat == "anpa")
            #expect(story.metadata.headline == story.headline?.string)
            Self.checkMapping(story)
        }
    }

    @Test func sportsMinuteParagraphsAndDateline() throws {
        let source = try WireSamples.source("anpa/testfile.ap")
        let story = try ANPAReader.read(source)  // the first story with text
        #expect(story.metadata.id == "v0220")
        #expect(story.metadata.dateline == "(Honolulu) --")
        // 1994-04-28 14:20 EDT from the stamp `AP-NY-04-28-94 1420EDT`.
        #expect(story.metadata.created == Date(timeIntervalSince1970: 767_557_200))
        let prose = story.paragraphs.filter { $0.string.hasPrefix("(") || $0.string.hasPrefix("In other") }
        #expect(prose.count == 6)
        #expect(story.paragraphs.count == 7)  // and the boxed title `! Hawaii SportsMinute !`
        // Hard-wrapped lines are joined with one space; `` and '' stay for the normalize stage.
        #expect(prose[0].string == "(Honolulu) -- Riley Wallace says he is ``content'' as coach of the University of Hawaii basketball team, but he's being courted. It's been revealed that Wallace is on a list of candidates for the coaching vacancy at Washington State.")
        #expect(source.wireLine(prose[0].text.sourceRange.lowerBound) == 28)
        let joins = prose[0].text.pieces.filter { $0.kind == .decoded }
        #expect(joins.count == 3)
        #expect(joins.allSatisfy { prose[0].text.wireSourceText($0, in: source) == "\r\n" })
        // A finding on `content` maps to line 28 of the file; one on `Washington` to line 31.
        let text = prose[0].string
        let contentRange = try #require(text.range(of: "content"))
        let content = text.utf8.distance(from: text.utf8.startIndex, to: contentRange.lowerBound)
        #expect(source.slice(prose[0].text.sourceRange(for: content..<(content + 7))) == "content")
        let washington = try #require(text.range(of: "Washington"))
        let start = text.utf8.distance(from: text.utf8.startIndex, to: washington.lowerBound)
        let mapped = prose[0].text.sourceRange(for: start..<(start + 10))
        #expect(source.slice(mapped) == "Washington")
        #expect(source.wireLine(mapped.lowerBound) == 31)
    }

    @Test func newsWatchSubheadsAndUnderscoreDash() throws {
        let stories = try ANPAReader.readAll(WireSamples.source("anpa/testfile.ap"))
        let story = stories[1]
        #expect(story.blocks.filter { $0.kind == .subhead }.map(\.string) == [
            "Sentence, this just in from Mark Howell, KUZZ", "Home Invasion, from Carol Benson, KOSO",
        ])
        #expect(story.paragraphs.filter { $0.kind == .paragraph }.count == 10)
        #expect(story.metadata.dateline == "(Bakersfield) --")
        let quote = try #require(story.paragraphs.first { $0.string.hasPrefix("Bailey's lawyer") })
        #expect(quote.string.contains("in the letter _ quote _ ``As God is my witness, I did not set out to harm anyone that day.''"))
    }

    @Test func truncatedGamingStoryKeepsWhatWasRead() throws {
        let stories = try ANPAReader.readAll(WireSamples.source("anpa/testfile.ap"))
        let story = stories[3]
        #expect(story.byline?.string == "By The Associated Press")
        #expect(story.metadata.version == "Adv30-01")
        #expect(story.metadata.created == nil)  // no ETX, no stamp
        let paragraphs = story.paragraphs.filter { $0.kind == .paragraph }
        #expect(paragraphs.count == 10)
        #expect(paragraphs[0].string == "President Clinton has dropped his support for a multibillion-dollar gaming tax as a way to finance federal welfare reform programs.")
        #expect(story.blocks.filter { $0.kind == .subhead }.first?.string == "Mystery Interests, Threat of Lawsuits Brings a Change of Mind")
        #expect(story.source.wireLine(story.headline!.text.sourceRange.lowerBound) == 236)
    }

    @Test func tabularStoryKeepsLines() throws {
        let story = try ANPAReader.readAll(WireSamples.source("anpa/testfile.ap"))[2]
        #expect(story.paragraphs.first?.string == "ABUS21 KRNO\nRNOSTPNV\nTTAA00 KRNO 281820\nNEVADA TEMPERATURE AND PRECIPITATION TABLE\nNATIONAL WEATHER SERVICE RENO NV\n1130 AM PDT THU APR 28 1994")
        #expect(story.metadata.dateline == nil)
    }

    @Test func bayCityStreamHasSeventeenStories() throws {
        let source = try WireSamples.source("anpa/testfile.baycity")
        let stories = try ANPAReader.readAll(source)
        #expect(stories.count == 17)
        #expect(stories.map(\.metadata.id) == (43...59).map { "a00\($0)" })
        #expect(stories.map { $0.headline?.string.prefix(6) } == (43...59).map { "BCN\($0):" })
        #expect(stories[0].headline?.string == "BCN43:UPDATE:POLICE SEEK HELP IDENTIFYING LOS GATOS BONES")
        #expect(stories[0].metadata.slug == "bc-BONES")
        #expect(stories.allSatisfy { $0.metadata.agency == nil })
        // The story tag line `BCN43   -UPDATE ON ADVISORY` is not a paragraph.
        #expect(stories[0].paragraphs.count == 8)
        #expect(stories[0].paragraphs[0].string.hasPrefix("Los Gatos police are asking"))
        #expect(stories[0].paragraphs[0].string.hasSuffix("on the Los Gatos Creek trail Thursday."))
        #expect(stories[0].metadata.dateline == nil)
        for story in stories { Self.checkMapping(story) }
    }

    @Test func doubleSpacedStoryIsUnwrappedAndItsDatelineRecognised() throws {
        let source = try WireSamples.source("anpa/testfile.baycity")
        let story = try ANPAReader.readAll(source)[4]
        #expect(story.headline?.string == "BCN47:UPDATE:POLICE SEEK HELP IDENTIFYING LOS GATOS BONES")
        let dateline = try #require(story.blocks.first { $0.kind == .dateline })
        #expect(dateline.string == "LOS GATOS (BCN)")
        #expect(story.metadata.dateline == "LOS GATOS (BCN)")
        #expect(source.wireLine(dateline.text.sourceRange.lowerBound) == 142)
        let first = story.paragraphs[0]
        #expect(first.string == "Los Gatos police held a news conference this afternoon along a wooded park trail to display some items found on a youth whose bones were found by a hiker.")
        #expect(story.paragraphs.count == 13)
        // The join over `  \r\n\r\n` is one decoded space; `wooded` maps to line 146.
        let text = first.string
        let wooded = try #require(text.range(of: "wooded"))
        let start = text.utf8.distance(from: text.utf8.startIndex, to: wooded.lowerBound)
        #expect(source.wireLine(first.text.sourceRange(for: start..<(start + 6)).lowerBound) == 146)
        // A word broken at a hyphen joins without a space.
        #expect(story.paragraphs.contains { $0.string.contains("short-sleeved sport shirt") })
    }

    @Test func datebookHasNoTagParagraph() throws {
        let story = try ANPAReader.readAll(WireSamples.source("anpa/testfile.baycity"))[6]
        #expect(story.metadata.slug == "bc-DATEBOOK")
        #expect(story.metadata.category == "c")
        #expect(story.paragraphs.first?.string == "BAY CITY NEWS SERVICE DATEBOOK FOR SATURDAY, APRIL 22")
    }

    @Test func singleStoryWithVersionByLineAndDateline() throws {
        let text = "\u{16}\u{16}\u{01}a0412\u{1F}r-----\n"
            + "u i\u{13}\u{11} AM-Russia-Summit 1stLd-Writethru 11-13 0612\r\n"
            + "\u{02}^AM-Russia-Summit, 1st Ld-Writethru,0612<\r\n"
            + "^Eds: UPDATES with Kremlin comment.<\r\n"
            + "^Putin, Xi Pledge Closer Ties<\r\n"
            + "^By JOHN DOE=\r\n"
            + "^Associated Press Writer=\r\n"
            + "\t   MOSCOW (AP) _ Russian President Vladimir Putin and Chinese President\r\n"
            + "Xi Jinping on Wednesday pledged ``closer ties.''\r\n"
            + "\t   The two leaders met for three hours.\r\n"
            + "\t   \u{03}AP-WF-11-13-13 1509GMT<\r\n\u{0C}\u{04}"
        let source = SourceFile(path: "one.anpa", text: text)
        let story = try ANPAReader.read(source)
        let meta = story.metadata
        #expect(meta.id == "a0412")
        #expect(meta.slug == "AM-Russia-Summit")
        #expect(meta.version == "1stLd-Writethru")
        #expect(meta.priority == "u")
        #expect(meta.category == "i")
        #expect(meta.agency == "AP")
        #expect(meta.created == Date(timeIntervalSince1970: 1_384_355_340))  // 2013-11-13 15:09 GMT
        #expect(story.headline?.string == "Putin, Xi Pledge Closer Ties")
        #expect(story.byline?.string == "By JOHN DOE")
        #expect(meta.dateline == "MOSCOW (AP) _")
        #expect(story.paragraphs.map(\.string) == [
            "MOSCOW (AP) _ Russian President Vladimir Putin and Chinese President Xi Jinping on Wednesday pledged ``closer ties.''",
            "The two leaders met for three hours.",
        ])
        Self.checkMapping(story)
    }

    @Test func truncatedStreamsDoNotCrash() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: WireSamples.directory + "/anpa/testfile.ap"))
        let bytes = [UInt8](data)
        var cut = 0
        while cut < bytes.count {
            let source = SourceFile(path: "cut.ap", text: String(decoding: bytes[0..<cut], as: UTF8.self))
            if let stories = try? ANPAReader.readAll(source) {
                for story in stories { Self.checkMapping(story) }
            }
            cut += 97
        }
        // Cut inside the second story's body: the first is whole, the second has what was read.
        let second = try #require(String(decoding: bytes, as: UTF8.self).utf8.firstRange(of: Array("Kern Superior Court".utf8)))
        let offset = String(decoding: bytes, as: UTF8.self).utf8.distance(from: String(decoding: bytes, as: UTF8.self).utf8.startIndex, to: second.upperBound)
        let stories = try ANPAReader.readAll(SourceFile(path: "cut.ap", text: String(decoding: bytes[0..<offset], as: UTF8.self)))
        #expect(stories.count == 2)
        #expect(stories[1].paragraphs.last?.string == "Kern Superior Court")
    }

    @Test func garbageAndNoiseDoNotCrash() throws {
        var generator = SystemRandomNumberGenerator()
        let controls: [UInt8] = [0x01, 0x02, 0x03, 0x04, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x11, 0x12, 0x13, 0x14, 0x16, 0x1F, 0x5E, 0x3C, 0x3D, 0x20, 0x7F]
        for round in 0..<400 {
            let length = Int.random(in: 0..<600, using: &generator)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                bytes.append(Bool.random(using: &generator) ? controls.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator))
            }
            if round % 2 == 0 { bytes.insert(contentsOf: [0x16, 0x16, 0x01, 0x61, 0x30, 0x30, 0x34, 0x33, 0x1F], at: 0) }
            let source = SourceFile(path: "noise.ap", text: String(decoding: bytes, as: UTF8.self))
            _ = ANPAReader.confidence(for: source)
            if let stories = try? ANPAReader.readAll(source) {
                for story in stories { Self.checkMapping(story) }
            }
        }
        // Line noise between two stories: the reader resynchronises on the next SOH.
        let story = "\u{16}\u{16}\u{01}a0001\u{1F}x\nr a\u{13}\u{11} Slug-One 04-21 0010\r\n\u{02}\t   First story text.\r\n\u{03}\u{04}"
        let noisy = story + "\u{1A}#%\u{0F}garbage\u{01}\u{02}\u{05}" + story.replacingOccurrences(of: "a0001", with: "a0002").replacingOccurrences(of: "First", with: "Second")
        let stories = try ANPAReader.readAll(SourceFile(path: "n.ap", text: noisy))
        #expect(stories.map(\.metadata.id).first == "a0001")
        #expect(stories.map(\.metadata.id).last == "a0002")
        #expect(stories.last?.paragraphs.map(\.string) == ["Second story text."])
        #expect(throws: CopydeskError.self) { try ANPAReader.read(SourceFile(path: "empty.ap", text: "no control codes at all")) }
    }
}
