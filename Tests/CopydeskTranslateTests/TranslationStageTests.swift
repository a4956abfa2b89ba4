import Copydesk
import Testing

@Suite struct TranslationStageTests {
    static let greek = "Απεργία στον Πειραιά\n\nΟ υπουργός Ναυτιλίας Βασίλης Κικίλιας δήλωσε την Πέμπτη ότι η απεργία θα λήξει σύντομα.\n"
    static let english = "Strike in Piraeus\n\nShipping Minister Βασίλης Kikilias said on Thursday that the strike would end soon.\n"

    static func lint(_ story: inout Story) async throws {
        let style = try LintStage.loader.load("translated-en", searchDirectories: [TranslationFixtures.projectRoot])
        let pipeline = Pipeline(name: "test", stages: [try LintStage(style: style), try TranslationFixtures.stage()])
        try await pipeline.process(&story, mode: .report)
    }

    @Test func aNameLeftInGreekIsReportedOnceWithItsReading() async throws {
        var story = try TranslationFixtures.story(source: Self.greek, sourceLanguage: "el", target: Self.english, targetLanguage: "en")
        try await Self.lint(&story)
        let offset = Self.english.utf8.count - Array("Βασίλης Kikilias said on Thursday that the strike would end soon.\n".utf8).count
        let atName = story.diagnostics.filter { $0.range.lowerBound == offset }
        #expect(atName.map(\.ruleID) == ["translation.names"], "\(story.diagnostics.map { "\($0.ruleID): \($0.message)" })")
        #expect(atName.first?.message.contains("Vasilis") == true)
    }

    @Test func withoutAnOriginalTheStyleStillReportsTheGreekWord() async throws {
        var story = try PlainTextReader.read(SourceFile(path: "en.txt", text: Self.english))
        try await Self.lint(&story)
        #expect(story.diagnostics.contains { $0.ruleID == "script.untranslated" })
        #expect(!story.diagnostics.contains { $0.ruleID.hasPrefix("translation.") })
        #expect(story.stageData[TranslationStage.name] == nil)
    }

    @Test func translatedInstitutionAndSeaNamesAreNotMissingNamesButADroppedPersonIs() async throws {
        let greek = "Απεργία στο λιμάνι\n\nΗ Ένωση Λιμενεργατών ανακοίνωσε ότι ο πρόεδρός της Γιώργος Γόγος θα συναντηθεί με τον υπουργό.\n\nΟ Πειραιάς είναι το μεγαλύτερο λιμάνι της Ανατολικής Μεσογείου.\n"
        let english = "Port strike\n\nThe Dockworkers' Union said its president would meet the minister.\n\nPiraeus is the largest port in the eastern Mediterranean.\n"
        var story = try TranslationFixtures.story(source: greek, sourceLanguage: "el", target: english, targetLanguage: "en")
        try await TranslationFixtures.stage().process(&story, context: StageContext(mode: .report))
        let names = story.diagnostics.filter { $0.ruleID == "translation.names" }
        #expect(names.count == 1, "\(names.map(\.message))")
        #expect(names.first?.message.contains("Γιώργος Γόγος") == true)
    }
}

@Suite struct XLIFFTranslationTests {
    @Test func aUnitWithoutATargetIsReportedAtThatUnit() async throws {
        let xliff = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file source-language="el" target-language="en" datatype="plaintext" original="strike.txt">
                <body>
                  <trans-unit id="1"><source>Απεργία στο λιμάνι του Πειραιά</source><target>Strike at the port of Piraeus</target></trans-unit>
                  <trans-unit id="2"><source>Ο πρόεδρος των λιμενεργατών Γιώργος Γόγος είπε στην Πολιτική Προστασία ότι 1.800 κοντέινερ περιμένουν στις προβλήτες.</source></trans-unit>
                </body>
              </file>
            </xliff>
            """
        var story = try XLIFFStoryReader.read(SourceFile(path: "strike.xlf", text: xliff))
        try await TranslationFixtures.stage().process(&story, context: StageContext(mode: .report))
        let untranslated = story.diagnostics.filter { $0.ruleID == "translation.untranslated" }
        #expect(untranslated.count == 1, "\(story.diagnostics.map { "\($0.ruleID): \($0.message)" })")
        // Only that: not also the name, the number and the glossary term the blank target lacks.
        #expect(story.diagnostics.filter { $0.ruleID.hasPrefix("translation.") }.count == 1,
                "\(story.diagnostics.map { "\($0.ruleID): \($0.message)" })")
        let at = try #require(untranslated.first).range.lowerBound
        let unit = try #require(xliff.range(of: "<trans-unit id=\"2\">"))
        #expect(story.source.location(of: at).line == xliff[..<unit.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(at > xliff.utf8.distance(from: xliff.utf8.startIndex, to: unit.lowerBound.samePosition(in: xliff.utf8)!))
    }
}
