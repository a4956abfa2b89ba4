import Testing
import Copydesk

@Suite struct NormalizeStageTests {
    @Test func repairsMojibakeAsTheIssueAsks() async throws {
        let result = try await normalizeText("CafÃ© owner says â€˜hiâ€™")
        #expect(result.text == "Café owner says ‘hi’\n")
        #expect(result.diagnostics.contains { $0.ruleID == "encoding.mojibake" })
    }

    @Test func stripsAZeroWidthSpaceAndReportsWhere() async throws {
        let story = "Putin-Xi meeting next week\n\nMOSCOW (AP) — Russian President\u{200B} Vladimir Putin will meet Xi Jinping.\n"
        let result = try await normalizeText(story)
        #expect(!result.text.contains("\u{200B}"))
        let invisible = try #require(result.diagnostics.first { $0.ruleID == "unicode.invisible" })
        #expect(position(invisible, in: result.source) == (3, 32))
        #expect(invisible.severity == .warning)
    }

    @Test func decodesAWindows1251File() async throws {
        let russian = "Саммит ШОС\n\nМОСКВА, 6 сентября - Президент России Владимир Путин встретится с Си Цзиньпином.\n"
        let bytes = try CharsetConverter.encode(russian, to: "windows-1251")
        let result = try await normalizeBytes(bytes)
        let story = try #require(result.story)
        #expect(story.metadata.encoding == "windows-1251")
        #expect(PlainTextWriter.write(story) == russian)
        #expect(story.headline?.string == "Саммит ШОС")
    }

    @Test func convertsANPAConventionsWithAnEmDash() async throws {
        let result = try await normalizeText("ATLANTA (AP) _ Police said the man was ``armed and dangerous.''\n")
        #expect(result.text == "ATLANTA (AP) — Police said the man was “armed and dangerous.”\n")
        #expect(Set(result.diagnostics.map(\.ruleID)) == ["typography.legacy-dash", "typography.legacy-quotes"])
    }

    @Test func composesToNFCAndHonoursOtherForms() async throws {
        let decomposed = "Cafe\u{301} owner in Zu\u{308}rich"
        let nfc = try await normalizeText(decomposed)
        #expect(nfc.text == "Café owner in Zürich\n")
        #expect(nfc.diagnostics.filter { $0.ruleID == "unicode.normalization" }.count == 2)
        let nfd = try await normalizeText("Café", options: ["form": .string("nfd")])
        #expect(nfd.text == "Cafe\u{301}\n")
        let nfkc = try await normalizeText("ﬁnance ministry", options: ["form": .string("nfkc")])
        #expect(nfkc.text == "finance ministry\n")
    }

    @Test func smartQuotesFollowTheLocale() async throws {
        let english = try await normalizeText("He said \"it's over\" today.", options: ["smart-quotes": .string("en")])
        #expect(english.text == "He said “it’s over” today.\n")
        let german = try await normalizeText("Er sagte \"Nein\".", options: ["smart-quotes": .string("de")])
        #expect(german.text == "Er sagte „Nein“.\n")
    }

    @Test func transliteratesByICUTransformID() async throws {
        let result = try await normalizeText("Москва", options: ["transliterate": .string("Any-Latin; Latin-ASCII")])
        #expect(result.text == "Moskva\n")
        #expect(result.diagnostics.map(\.ruleID) == ["unicode.transliterated"])
    }

    @Test func badOptionsNameTheStageAndKey() {
        #expect(throws: CopydeskError.self) {
            try NormalizeStage(options: StageOptions(["transliterate": .string("Klingon-Latin")], declared: NormalizeStage.options, stageName: "normalize", file: "p.yml"))
        }
        #expect(throws: CopydeskError.configuration(file: "p.yml", message: "stage 'normalize': option 'form' must be one of nfc, nfd, nfkc, nfkd, nfkc-casefold, none, not 'nfx'")) {
            try StageOptions(["form": .string("nfx")], declared: NormalizeStage.options, stageName: "normalize", file: "p.yml")
        }
    }

    @Test func crlfIsOneFindingForTheWholeFile() async throws {
        let result = try await normalizeText("Headline\r\n\r\nFirst line\r\nsecond line.\r\n\r\nNext paragraph.\r\n")
        #expect(result.text == "Headline\n\nFirst line\nsecond line.\n\nNext paragraph.\n")
        let endings = result.diagnostics.filter { $0.ruleID == "whitespace.line-endings" }
        #expect(endings.count == 1)
        #expect(endings[0].fix?.edits.count == 6)
    }

    @Test func theSeedStoryKeepsItsText() async throws {
        // Clean UTF-8 with curly quotes and en-dash subheads: nothing for normalize to do.
        let bytes = try sampleBytes("plain/seed-putin-xi-translated.txt")
        let result = try await normalizeBytes(bytes)
        let story = try #require(result.story)
        #expect(story.diagnostics.isEmpty)
        #expect(story.headline?.string == "Moscow: Putin-Xi meeting next week")
        #expect(story.paragraphs.count == 22)
        #expect(PlainTextWriter.write(story) == String(decoding: bytes, as: UTF8.self) + "\n")
    }

    @Test func rawANPAStreamReadAsPlainTextLosesItsControlsAndKeepsItsWords() async throws {
        // Forced through the plain reader, the stream's control bytes reach the stage.
        let bytes = try sampleBytes("anpa/testfile.ap")
        let result = try await normalizeBytes(bytes, path: "testfile.ap", format: "plain")
        let story = try #require(result.story)
        let text = PlainTextWriter.write(story)
        #expect(story.diagnostics.contains { $0.ruleID == "unicode.control" })
        #expect(text.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\n" })
        #expect(text.contains("Riley Wallace says he is “content” as coach of"))
        #expect(text.contains("(Honolulu) — Riley Wallace"))
    }

    @Test func anANPAStoryIsNormalizedParagraphByParagraph() async throws {
        let bytes = try sampleBytes("anpa/testfile.ap")
        let result = try await normalizeBytes(bytes, path: "testfile.ap")
        let story = try #require(result.story)
        #expect(story.metadata.sourceFormat == "anpa")
        let text = PlainTextWriter.write(story)
        #expect(text.contains("(Honolulu) — Riley Wallace says he is “content” as coach of the University of Hawaii basketball team"))
    }

    @Test func normalizingTwiceChangesNothing() async throws {
        let dirty = "CafÃ©  owner\u{200B} said -- ``no'' \r\n\tand Cafe\u{301}\u{AD} closed. \n\nNext\u{202E} one.\n"
        let once = try await normalizeText(dirty)
        let twice = try await normalizeText(once.text)
        #expect(twice.text == once.text)
        #expect(twice.diagnostics.isEmpty)
    }

    @Test func applyingTheReportedFixesGivesTheNormalizedText() async throws {
        // What `lint --fix` will rely on: fixes on the input file, applied and re-linted, leave nothing.
        let dirty = "Athens  tax\u{200B} rise\n\nThe owner of CafÃ© Byzantio said -- ``no.'' \n"
        var text = dirty
        for _ in 0..<5 {
            let result = try await normalizeText(text)
            let fixes = result.diagnostics.compactMap(\.fix)
            if fixes.isEmpty { break }
            text = FixApplier.apply(fixes, to: text).text
        }
        let final = try await normalizeText(text)
        #expect(final.diagnostics.compactMap(\.fix).isEmpty)
        #expect(text + "" == (try await normalizeText(dirty)).text)
    }

    @Test func aLineEmptiedInsideAParagraphDoesNotSplitItOnTheNextRun() async throws {
        // The middle line holds only a control and a bidi override: once they go, the paragraph
        // must not read back as two.
        let once = try await normalizeText("Headline\n\nFirst line of the lede\n  \u{7F}\u{202D}\nsecond line of the lede.\n\nNext paragraph.\n")
        #expect(once.text == "Headline\n\nFirst line of the lede\nsecond line of the lede.\n\nNext paragraph.\n")
        #expect(once.diagnostics.contains { $0.ruleID == "whitespace.blank-line" })
        #expect(try await normalizeText(once.text).text == once.text)
    }

    @Test func aBlockLeftWithOnlyATabIsNotWritten() async throws {
        let once = try await normalizeText("\u{7}\t\n\nCafé owners protest.\n", options: ["tabs": .string("keep")])
        #expect(once.text == "Café owners protest.\n")
    }
}

