import Copydesk
import Foundation
import Testing

/// A desk's own rules, written in a style file with Vale's field names.
@Suite struct CustomRuleTests {
    func lint(_ text: String, rules yaml: String) async throws -> [Diagnostic] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-custom-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/desk.yml"
        // Built-in rules off, so only the custom rule speaks.
        let off = LintRules.all.map { "  \($0.description.id): off" }.joined(separator: "\n")
        try "rules:\n\(off)\n\(yaml)".write(toFile: path, atomically: true, encoding: .utf8)
        let style = try LintStage.loader.load(path, searchDirectories: [LintFixtures.projectRoot])
        var story = try PlainTextReader.read(SourceFile(path: "s.txt", text: text))
        try LintStage(style: style).lint(&story)
        return story.diagnostics
    }

    let story = """
        Kiev talks stall

        KYIV, Ukraine (AP) — Officials in Kiev said the talks were very, very slow and that the the adviser would return.

        The advisor said the talks would resume, reportedly next week.
        """

    @Test func existenceFindsTokensAndRegexesOutsideExceptions() async throws {
        let found = try await lint(story, rules: """
              desk.hedging:
                type: existence
                message: "Cut '%s'"
                ignorecase: true
                tokens: [reportedly, allegedly]
                raw: ['\\bvery,\\s+very\\b']
            """)
        #expect(found.map(\.message) == ["Cut 'very, very'", "Cut 'reportedly'"])
        #expect(found.allSatisfy { $0.ruleID == "desk.hedging" && $0.severity == .warning })
    }

    @Test func substitutionSwapsWithAFixAndKeepsCase() async throws {
        let found = try await lint(story, rules: """
              desk.kyiv:
                type: substitution
                message: "Use '%s', not '%o'"
                swap: {Kiev: Kyiv}
            """)
        #expect(found.count == 2)  // headline and body; KYIV in the dateline is already right
        #expect(found[0].message == "Use 'Kyiv', not 'Kiev'")
        let fixed = FixApplier.apply(found.compactMap(\.fix), to: story).text
        #expect(fixed.hasPrefix("Kyiv talks stall"))
        #expect(fixed.contains("Officials in Kyiv said"))
    }

    @Test func occurrenceRepetitionAndConsistency() async throws {
        let occurrence = try await lint(story, rules: """
              desk.very:
                type: occurrence
                message: "'%s' too often"
                scope: sentence
                tokens: [very]
                max: 1
            """)
        #expect(occurrence.count == 1)
        #expect(occurrence[0].message.hasPrefix("'very' too often (2 times; at most 1)"))

        let repetition = try await lint(story, rules: """
              desk.twice:
                type: repetition
                message: "'%s' twice"
            """)
        #expect(repetition.map(\.message) == ["'the' twice"])
        #expect(FixApplier.apply(repetition.compactMap(\.fix), to: story).text.contains("that the adviser"))

        let consistency = try await lint(story, rules: """
              desk.adviser:
                type: consistency
                message: "'%s' here but '%o' earlier"
                either: {adviser: advisor}
            """)
        #expect(consistency.map(\.message) == ["'advisor' here but 'adviser' earlier (suggestion: adviser (used first in the story; not advisor))"])
    }

    /// Issue 18: stopped by the rule's time budget and reported as a finding, no longer thrown.
    @Test func aCatastrophicUserRegexIsStoppedByTheTimeLimit() async throws {
        let text = "Headline\n\n" + String(repeating: "a", count: 40) + "!"
        let found = try await lint(text, rules: """
              desk.bomb:
                type: existence
                raw: ['(a+)+$']
            """)
        #expect(found.map(\.ruleID) == ["lint.regex-timeout"])
        #expect(found.first?.message.hasPrefix("rule 'desk.bomb' (") == true)
    }
}

@Suite struct LanguageMismatchTests {
    @Test func aGermanStoryIsNotLintedWithAnEnglishStyle() throws {
        let style = try LintFixtures.style("ap")
        var story = try PlainTextReader.read(SourceFile(path: "de.txt", text: "Schalke verliert\n\nBERLIN (dpa) - Der «größte Skandal» seit Jahren, sagte er heute.\n"))
        story.metadata.language = "de"
        try LintStage(style: style).lint(&story)
        #expect(story.diagnostics.map(\.ruleID) == ["lint.language-mismatch"])
        story.metadata.language = "en-US"
        story.diagnostics = []
        try LintStage(style: style).lint(&story)
        #expect(story.diagnostics.contains { $0.ruleID == "quotes.foreign" })
    }
}
