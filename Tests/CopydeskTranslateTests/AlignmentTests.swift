@testable import CopydeskTranslate
import Copydesk
import Testing

@Suite(.timeLimit(.minutes(2))) struct AlignmentTests {
    func pairs(_ document: TranslationDocument) -> [String] {
        document.pairs.map { "\($0.source)-\($0.target)" }
    }

    @Test func greekStoryWithADroppedParagraphAndCreditsAligns() throws {
        let (source, target) = try AlignmentStories.portStrike()
        let document = try AlignmentStories.document(source: source, sourceLanguage: "el", target: target)
        #expect(pairs(document) == ["[0]-[0]", "[1]-[1]", "[2]-[2]", "[3]-[3]", "[4]-[4]", "[5]-[]", "[6]-[5]", "[7]-[6]", "[8]-[]", "[]-[7]"])
        let dropped = try #require(document.pairs.first { $0.source == [5] })
        #expect(dropped.confidence >= 0.75)
        for pair in document.pairs where !pair.source.isEmpty && !pair.target.isEmpty { #expect(pair.confidence >= 0.8, "\(pair)") }
    }

    @Test func frenchStoryWithSplitMergeDropAndEditorsNoteAligns() throws {
        let document = try AlignmentStories.document(source: AlignmentStories.railStrikeFrench, sourceLanguage: "fr",
                                                     target: AlignmentStories.railStrikeEnglish)
        // The editor's note is set aside; the headline pairs with the target's first real line;
        // paragraph 2 is split, 3 (short) dropped, 4 and 5 merged.
        #expect(pairs(document) == ["[]-[0]", "[0]-[1]", "[1]-[2]", "[2]-[3, 4]", "[3]-[]", "[4, 5]-[5]", "[6]-[6]"])
    }

    @Test func russianStoryWithHeadlineOnOneSideSubheadAndAdditionAligns() throws {
        let document = try AlignmentStories.document(source: AlignmentStories.summitRussian, sourceLanguage: "ru",
                                                     target: AlignmentStories.summitEnglish)
        #expect(pairs(document) == ["[0]-[]", "[1]-[0]", "[2]-[1]", "[]-[2]", "[3]-[3]", "[4]-[4]", "[5]-[5]", "[6]-[]"])
    }

    @Test func aRewrittenBriefIsNotTrusted() throws {
        let document = try AlignmentStories.document(source: AlignmentStories.briefGreek, sourceLanguage: "el", target: AlignmentStories.briefEnglish)
        let gaps = AlignmentGaps(document)
        #expect(!gaps.reliable)
        #expect(gaps.gaps.isEmpty)
    }

    @Test func namesAreComparedAfterTransliteration() {
        let greek = Anchors.of(Array("Ο πρωθυπουργός Κυριάκος Μητσοτάκης συναντήθηκε με τον Ρετζέπ Ταγίπ Ερντογάν.".utf8),
                               transliteration: "Greek-Latin/UNGEGN")
        let english = Anchors.of(Array("Prime Minister Kyriakos Mitsotakis met Recep Tayyip Erdogan.".utf8))
        for name in ["~krk", "~mts", "~rdg"] {
            #expect(greek.weak.contains(name), "\(greek)")
            #expect(english.weak.contains(name), "\(english)")
        }
        let russian = Anchors.of(Array("Глава МИД России Сергей Лавров и генсек НАТО встретились.".utf8), transliteration: "Russian-Latin/BGN")
        #expect(russian.strong.contains("=NATO"), "\(russian)")
        #expect(russian.weak.contains("~lvr"), "\(russian)")
        // Numbers agree across locales; latin text is not transliterated, and its long words are cognates.
        #expect(Anchors.of(Array("1.200,5 και 3,5% και 1.800".utf8)).strong == Anchors.of(Array("1,200.5 and 3.5% and 18,000".utf8)).strong)
        #expect(Anchors.of(Array("le gouvernement".utf8)).cognates == Anchors.of(Array("the government".utf8)).cognates)
    }

    @Test func sentenceSplitterKnowsAbbreviationsAndTheGreekQuestionMark() throws {
        let document = try AlignmentStories.document(source: "x", sourceLanguage: "el", target: "y")
        let splitter = SentenceSplitter(profile: document.profile)
        func split(_ text: String, _ language: String) -> [String] {
            let bytes = Array(text.utf8)
            return splitter.sentences(bytes, language: language).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
        #expect(split("Ο κ. Παπαδόπουλος μίλησε. Τι θα γίνει; Κανείς δεν ξέρει.", "el")
            == ["Ο κ. Παπαδόπουλος μίλησε.", "Τι θα γίνει;", "Κανείς δεν ξέρει."])
        #expect(split("M. Macron a parlé à 10 h. « Nous agirons », a-t-il dit. Mme Borne était absente.", "fr")
            == ["M. Macron a parlé à 10 h.", "« Nous agirons », a-t-il dit.", "Mme Borne était absente."])
        #expect(split("Mr. Smith met Dr. Jones in the U.S. capital. They talked for 2.5 hours!", "en")
            == ["Mr. Smith met Dr. Jones in the U.S. capital.", "They talked for 2.5 hours!"])
        #expect(split("Am 15. September sprach Dr. Müller. Die Sitzung endete.", "de") == ["Am 15. September sprach Dr. Müller.", "Die Sitzung endete."])
        #expect(split("В 2024 г. рост составил 3,6%. Об этом сообщил Росстат.", "ru") == ["В 2024 г. рост составил 3,6%.", "Об этом сообщил Росстат."])
        // A semicolon is a question mark only in Greek.
        #expect(split("Prices rose; Wages did not.", "en").count == 1)
        #expect(split("\"We will stay,\" he said. \"Nothing changes.\"", "en") == ["\"We will stay,\" he said.", "\"Nothing changes.\""])
    }

    @Test func sentenceAlignerFindsASentenceLeftOutOfAPair() throws {
        let document = try AlignmentStories.document(source: AlignmentStories.railStrikeFrench, sourceLanguage: "fr",
                                                     target: AlignmentStories.railStrikeEnglish)
        let gaps = AlignmentGaps(document)
        #expect(gaps.reliable)
        // The short paragraph left out is found; nothing else is.
        #expect(gaps.gaps.map { "\($0.side)\($0.block)" } == ["source3"])
    }

    @Test func alignmentIsQuickOnALongStory() throws {
        // 120 paragraphs each side: O(m·n) with small constants.
        let (source, target) = try AlignmentStories.portStrike()
        let body = { (text: String) in text.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n") }
        let longSource = "Τίτλος\n\n" + Array(repeating: body(source), count: 15).joined(separator: "\n\n")
        let longTarget = "Title\n\n" + Array(repeating: body(target), count: 15).joined(separator: "\n\n")
        let document = try AlignmentStories.document(source: longSource, sourceLanguage: "el", target: longTarget)
        #expect(document.pairs.count > 100)
    }
}
