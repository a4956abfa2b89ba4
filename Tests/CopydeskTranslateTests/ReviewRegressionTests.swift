import Copydesk
import Foundation
import GRDB
import Testing

/// Regressions from the review of the translation stage: inputs that trapped, took quadratic
/// time, or gave false alarms. Each test failed (or trapped, or timed out) before its fix.
/// No wall-clock bounds (speed is measured by benchmarks): a quadratic path shows as a test that
/// runs into the suite's time limit.
@Suite(.timeLimit(.minutes(2))) struct ReviewRegressionTests {
    /// An XLIFF 1.2 file with the given units (source, target), el→en unless told.
    static func xliff(_ units: [(String, String)], source: String = "el", target: String = "en") -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
            <file source-language="\(source)" target-language="\(target)" datatype="plaintext" original="x">
            <body>

            """
        for (index, unit) in units.enumerated() {
            out += "<trans-unit id=\"\(index + 1)\"><source>\(escape(unit.0))</source><target>\(escape(unit.1))</target></trans-unit>\n"
        }
        return out + "</body></file></xliff>\n"
    }

    /// Runs the translation stage on an XLIFF text.
    static func run(xliff text: String) async throws -> (diagnostics: [Diagnostic], story: Story) {
        var story = try XLIFFStoryReader.read(SourceFile(path: "review.xlf", text: text))
        let stage = try TranslationFixtures.stage()
        try await stage.process(&story, context: StageContext(mode: .report))
        return (story.diagnostics, story)
    }

    static func run(_ sourceLanguage: String, _ source: String, _ target: String) async throws -> [Diagnostic] {
        try await TranslationFixtures.run(TranslationExample(sourceLanguage, source, "en", target), stage: TranslationFixtures.stage())
    }

    // MARK: Numbers

    /// "ninety " × 110,000 then "trillion" overflowed Int64 in the number-word reader and trapped.
    @Test func numberWordsThatOverflowAreNotANumber() async throws {
        let target = "It will send " + String(repeating: "ninety ", count: 110_000) + "trillion tonnes of aid."
        let result = try await Self.run(xliff: Self.xliff([("Θα στείλει 12 τόνους βοήθειας.", target)]))
        let numbers = result.diagnostics.filter { $0.ruleID == "translation.numbers" }
        // The run of words is no number: the 12 tonnes are missing, nothing else is said of it.
        #expect(numbers.count == 1 && numbers[0].message.contains("12"), "\(numbers.map(\.message))")
    }

    /// Thirteen number words in a row are not one number.
    @Test func aLongRunOfNumberWordsIsNotANumber() async throws {
        let found = try await Self.run("el", "Θα στείλει 12 τόνους βοήθειας.",
                                       "It will send one two three four five six seven eight nine ten eleven twelve tonnes of aid.")
        #expect(found.filter { $0.ruleID == "translation.numbers" }.count == 1)
    }

    /// Words after a scale word belong to the number: "deux mille cinq cents" is 2,500, not 2,000 and 500.
    @Test(arguments: [
        ("fr", "Environ deux mille cinq cents manifestants ont défilé à Paris samedi, selon la préfecture de police."),
        ("el", "Περίπου δύο χιλιάδες πεντακόσιοι διαδηλωτές πορεύτηκαν στο Παρίσι το Σάββατο, σύμφωνα με την αστυνομία."),
        ("ru", "Около двух тысяч пятисот демонстрантов прошли по Парижу в субботу, сообщила полиция."),
    ])
    func numberWordsGroupByThousands(_ language: String, _ source: String) async throws {
        let right = try await Self.run(language, source, "About 2,500 protesters marched in Paris on Saturday, according to police.")
        #expect(right.filter { $0.ruleID == "translation.numbers" }.isEmpty, "\(right.map(\.message))")
        let wrong = try await Self.run(language, source, "About 2,000 protesters marched in Paris on Saturday, according to police.")
        #expect(wrong.filter { $0.ruleID == "translation.numbers" }.count >= 1, "\(wrong.map(\.message))")
    }

    @Test func englishNumberWordsGroupByThousands() async throws {
        let found = try await Self.run("fr", "Le pays compte 2 300 000 habitants.", "The country has two million three hundred thousand inhabitants.")
        #expect(found.filter { $0.ruleID == "translation.numbers" }.isEmpty, "\(found.map(\.message))")
    }

    /// "1" + ".000" × 20,000 rescanned every separator for every group (30 s).
    @Test func aFigureOfManyGroupsIsReadInLinearTime() async throws {
        let figure = "1" + String(repeating: ".000", count: 20_000)
        let result = try await Self.run(xliff: Self.xliff([("Έστειλε \(figure) ευρώ.", "It sent \(figure.replacingOccurrences(of: ".", with: ",")) euros.")]))
        // Read as written on both sides: the grouping differs, so the literal differs.
        #expect(result.diagnostics.filter { $0.ruleID == "translation.numbers" }.count <= 1)
    }

    // MARK: Names

    /// One name 2,500 times in a paragraph: each appearance copied the name's forms and scanned
    /// all copies (25 s); each was compared with every word of the translation.
    @Test func aRepeatedNameIsCheckedOnce() async throws {
        let source = String(repeating: "Ο πρωθυπουργός Κυριάκος Μητσοτάκης είπε, ", count: 2_500)
        let target = String(repeating: "Prime Minister Kyriakos Mitsotakis said, ", count: 2_500)
        let result = try await Self.run(xliff: Self.xliff([(source, target)]))
        #expect(result.diagnostics.filter { $0.ruleID == "translation.names" }.isEmpty)
        // And a misspelling is still found, at each place it is written.
        let misspelt = try await Self.run(xliff: Self.xliff([(source, target.replacingOccurrences(of: "Mitsotakis", with: "Mitsotakes"))]))
        let names = misspelt.diagnostics.filter { $0.ruleID == "translation.names" }
        #expect(names.count == 2_500 && names.allSatisfy { $0.message.contains("Mitsotakis in the desk's spelling") }, "\(names.prefix(2).map(\.message))")
    }

    // MARK: Alignment

    /// One XLIFF unit of 2,500 sentences a side: sentences were aligned in m·n time and memory,
    /// and the gaps computed three times.
    @Test func aLongUnitIsNotAlignedSentenceBySentence() async throws {
        let source = String(repeating: "Ο υπουργός είπε ότι θα έρθει αύριο στη Θεσσαλονίκη. ", count: 2_500)
        let target = String(repeating: "The minister said he would come to Thessaloniki tomorrow. ", count: 2_500)
        let result = try await Self.run(xliff: Self.xliff([(source, target)]))
        #expect(result.diagnostics.filter { $0.ruleID == "translation.omission" || $0.ruleID == "translation.addition" }.isEmpty)
    }

    /// 1,400 paragraphs a side: aligned in a band around the diagonal (the full table took
    /// half a minute in a debug build), and a paragraph left out in the middle is still found.
    @Test func aLongStoryIsAlignedInABand() async throws {
        let count = 1_400
        let source = (0..<count).map { "Ο υπουργός είπε ότι θα στείλει \($0) τόνους βοήθειας στην περιοχή." }.joined(separator: "\n\n")
        let target = (0..<count).filter { $0 != 700 }.map { "The minister said he would send \($0) tonnes of aid to the region." }.joined(separator: "\n\n")
        var story = try TranslationFixtures.story(source: source, sourceLanguage: "el", target: target, targetLanguage: "en")
        try await TranslationFixtures.stage().process(&story, context: StageContext(mode: .report))
        let omissions = story.diagnostics.filter { $0.ruleID == "translation.omission" }
        #expect(omissions.count == 1 && omissions[0].message.contains("700 τόνους"), "\(omissions.prefix(3).map(\.message))")
    }

    /// More paragraphs a side than the aligner takes: paired by position, said so in the stage
    /// data and once by translation.omission, and no rule compares the (maybe wrong) pairs.
    @Test func tooManyParagraphsArePairedByPosition() async throws {
        let count = 1_600
        let source = (0..<count).map { "Ο υπουργός είπε ότι θα στείλει \($0) τόνους βοήθειας στην περιοχή." }.joined(separator: "\n\n")
        // One paragraph left out near the start: every later pair is off by one.
        let target = (1..<count).map { "The minister said he would send \($0) tonnes of aid to the region." }.joined(separator: "\n\n")
        var story = try TranslationFixtures.story(source: source, sourceLanguage: "el", target: target, targetLanguage: "en")
        try await TranslationFixtures.stage().process(&story, context: StageContext(mode: .report))
        let found = story.diagnostics.filter { $0.ruleID.hasPrefix("translation.") }
        #expect(found.count == 1 && found[0].ruleID == "translation.omission" && found[0].message.contains("too long to align"), "\(found.prefix(3).map(\.message))")
        guard case .map(let data)? = story.stageData["translation"] else { Issue.record("no stage data"); return }
        #expect(data["aligned-by"] == .string("position"))
        #expect(data["reliable"] == .bool(false))
    }

    // MARK: Punctuation

    /// An English list item ending in ";" is not a Greek question mark, nor a question.
    @Test func aSemicolonEndingAListItemIsNotAGreekQuestionMark() async throws {
        let found = try await Self.run("el", """
            Η κυβέρνηση ανακοίνωσε τα εξής μέτρα για τους συνταξιούχους της χώρας από τον Ιανουάριο:

            αύξηση των συντάξεων κατά 7,75%·
            """, """
            The government announced the following measures for the country's pensioners from January:

            an increase in pensions of 7.75%;
            """)
        #expect(found.filter { $0.ruleID == "translation.punctuation" }.isEmpty, "\(found.map(\.message))")
    }

    /// Where the original asks, ";" is the Greek question mark: one finding, a suggestion (not a fix).
    @Test func aSemicolonWhereTheOriginalAsksIsSuggestedAsAQuestionMark() async throws {
        let found = try await Self.run("el", "Θα αντέξει η κυβέρνηση;", "Will the government hold;").filter { $0.ruleID == "translation.punctuation" }
        #expect(found.count == 1, "\(found.map(\.message))")
        #expect(found.first?.fix == nil)
        #expect(found.first?.message.contains("suggestion: ?") == true, "\(found.map(\.message))")
    }

    /// A space before ":" is called French spacing only from a French original.
    @Test func spacingBeforeAColonIsCalledFrenchOnlyFromFrench() async throws {
        let greek = try await Self.run("el", "Ο υπουργός είπε: «Όχι».", "The minister said : “No.”").filter { $0.ruleID == "translation.punctuation" }
        #expect(greek.count == 1 && !greek[0].message.contains("French") && greek[0].message.contains("English puts no space"), "\(greek.map(\.message))")
        let french = try await Self.run("fr", "Le ministre a dit : « Non. »", "The minister said : “No.”").filter { $0.ruleID == "translation.punctuation" }
        #expect(french.count == 1 && french[0].message.contains("French spacing"), "\(french.map(\.message))")
    }

    // MARK: Translation memory

    /// A NULL or wrong-typed column in the memory trapped on reading; now an error naming the file.
    @Test func aDamagedMemoryRowIsAnErrorNamingTheFile() throws {
        let path = try MemoryTests.temporaryArchive()
        let memory = try TranslationMemory(path: path)
        let text = "Ο πρωθυπουργός θα μεταβεί την Πέμπτη στις Βρυξέλλες για τη Σύνοδο Κορυφής."
        _ = try memory.add([MemoryTests.entry(text, "The prime minister will travel to Brussels on Thursday for the summit.")])
        #expect(try memory.lookup([text], sourceLanguage: "el", targetLanguage: "en").first??.score == 100)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "UPDATE tm_segments SET target_text = 42, created = 'yesterday'") }
        try queue.close()
        var failed = false
        do {
            _ = try TranslationMemory(path: path).lookup([text], sourceLanguage: "el", targetLanguage: "en")
        } catch {
            failed = true
            #expect("\(error)".hasPrefix(path + ": ") && "\(error)".contains("damaged"), "\(error)")
        }
        #expect(failed)
    }
}
