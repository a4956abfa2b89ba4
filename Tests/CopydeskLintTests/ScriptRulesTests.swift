import Copydesk
import Foundation
import Testing
@testable import CopydeskLint

/// Behaviour of the script rules that their examples cannot show: the look-alike table, fixes
/// through the CLI path, the `script.expected` switch, and throughput.
@Suite struct ScriptRulesTests {
    static func rule(_ id: String, style: Style) throws -> any LintRule {
        let type = try #require(LintRules.all.first { $0.description.id == id })
        return try type.init(style: style)
    }

    static func lint(_ id: String, _ text: String, style name: String = "ap") throws -> [Diagnostic] {
        let style = try LintFixtures.style(name)
        return try LintFixtures.run(try rule(id, style: style), id: id, on: text, style: style)
    }

    @Test(arguments: [
        ("\u{430}", "a"), ("\u{410}", "A"), ("\u{435}", "e"), ("\u{415}", "E"), ("\u{43E}", "o"), ("\u{41E}", "O"),
        ("\u{440}", "p"), ("\u{420}", "P"), ("\u{441}", "c"), ("\u{421}", "C"), ("\u{445}", "x"), ("\u{443}", "y"),
        ("\u{456}", "i"), ("\u{406}", "I"), ("\u{41C}", "M"), ("\u{41D}", "H"), ("\u{422}", "T"), ("\u{41A}", "K"),
        ("\u{3BF}", "o"), ("\u{39F}", "O"), ("\u{391}", "A"), ("\u{392}", "B"), ("\u{395}", "E"), ("\u{397}", "H"),
        ("\u{399}", "I"), ("\u{39A}", "K"), ("\u{39C}", "M"), ("\u{39D}", "N"), ("\u{3A1}", "P"), ("\u{3A4}", "T"),
    ])
    func lookAlikeIsReplacedInItsCase(foreign: String, latin: String) throws {
        // The look-alike inside a Latin word is replaced by the Latin letter of the same case.
        let word = "Zz" + foreign + "zz"
        let found = try Self.lint("script.mixed", "The word \(word) was in the copy.")
        #expect(found.count == 1)
        let fixed = FixApplier.apply(found.compactMap(\.fix), to: "The word \(word) was in the copy.").text
        #expect(fixed == "The word Zz\(latin)zz was in the copy.")
    }

    @Test func realWordsInOneScriptPass() throws {
        let text = """
            Russian daily Коммерсант and Greek daily Καθημερινή, Ukrainian Київ, Serbian Ђоковић, Bulgarian София,
            Đoković, Ðorđević, Zürich, São Paulo, naïve, Dvořák, Łódź, Þórsson, Ærø, İstanbul, Şişli, Nguyễn Tấn Dũng,
            β-blockers, α-helix, 5 μm, Δt, ΔT, the Ω-3 label, COVID-19, Xi-Путин summit, Moscow-Москва line.
            """
        #expect(try Self.lint("script.mixed", text).isEmpty)
    }

    @Test func cyrillicWordWithLatinLettersIsReportedWithoutFix() throws {
        let found = try Self.lint("script.mixed", "The newspaper \u{41C}\u{43E}\u{441}\u{43A}\u{432}a wrote it.")
        #expect(found.count == 1)
        #expect(found.first?.fix == nil)
        #expect(found.first?.message.contains("Cyrillic word") == true)
    }

    @Test func untranslatedSuggestsATransliteration() throws {
        let style = try LintFixtures.style("ap")
        let story = try PlainTextReader.read(SourceFile(path: "s.txt", text: "The crowd heard «Καλημέρα σε όλους» from the stage."))
        var report = LintReport()
        try Self.rule("script.untranslated", style: style).check(LintDocument(story: story, style: style), &report)
        #expect(report.findings.count == 1)
        #expect(report.findings.first?.message.contains("Greek") == true)
        #expect(report.findings.first?.suggestion?.contains("Kalemera se olous") == true)
    }

    @Test func untranslatedNeedsAnExpectedScript() throws {
        var style = Style(name: "bare")
        let text = "The crowd heard «Καλημέρα σε όλους» from the stage."
        let quiet = try Self.rule("script.untranslated", style: style)
        #expect(try LintFixtures.run(quiet, id: "script.untranslated", on: text, style: style).isEmpty)
        style.settings["script.expected"] = .string("latin")
        let active = try Self.rule("script.untranslated", style: style)
        #expect(try LintFixtures.run(active, id: "script.untranslated", on: text, style: style).count == 1)
    }

    @Test func untranslatedGlossesAndLongBracketedText() throws {
        #expect(try Self.lint("script.untranslated", "Athens daily Kathimerini («Καθημερινή») reported it.").isEmpty)
        // A whole sentence in brackets is not a gloss of a name.
        let long = "The note (Η κυβέρνηση δήλωσε ότι η ψηφοφορία θα γίνει κανονικά) was read out."
        #expect(try Self.lint("script.untranslated", long).count == 1)
    }

    @Test func scriptRulesScanQuickly() throws {
        let style = try LintFixtures.style("translated-en")
        let paragraph = "Chinese President Xi Jinping and his Russian counterpart Vladimir Putin will meet next week in Samarkand, Uzbekistan, on the sidelines of a regional summit, Russian diplomacy said on Tuesday, in the Chinese president's first trip abroad since early 2020 — Zürich, São Paulo, Đoković."
        let text = "Headline\n\n" + Array(repeating: paragraph, count: 2_000).joined(separator: "\n\n")
        let story = try PlainTextReader.read(SourceFile(path: "big.txt", text: text))
        let document = LintDocument(story: story, style: style)
        for id in ["script.mixed", "script.untranslated"] {
            let rule = try Self.rule(id, style: style)
            var report = LintReport()
            rule.check(document, &report)
            #expect(report.findings.isEmpty)
        }
    }
}
