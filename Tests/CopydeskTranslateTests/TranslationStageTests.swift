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
}
