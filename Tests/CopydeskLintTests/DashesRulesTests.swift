import Copydesk
import Foundation
import Testing

/// Dashes, repetition and terms rules under styles other than their examples' (Guardian's en
/// dashes, Reuters' spaced hyphens), which the single-style examples cannot show.
@Suite struct DashesRulesTests {
    static func findings(_ id: String, _ text: String, style name: String) throws -> [(start: Int, fixed: String)] {
        let style = try LintFixtures.style(name)
        let type = try #require(LintRules.all.first { $0.description.id == id })
        let rule = try type.init(style: style)
        let diagnostics = try LintFixtures.run(rule, id: id, on: text, style: style)
        let fixed = FixApplier.apply(diagnostics.compactMap(\.fix), to: text).text
        return diagnostics.map { ($0.range.lowerBound, fixed) }
    }

    @Test func reutersSpacedHyphenIsItsDash() throws {
        let text = "BEIJING, Sept 6 (Reuters) - The talks - which began on Monday - stalled, officials said."
        #expect(try Self.findings("dashes.spaced-hyphen", text, style: "reuters").isEmpty)
        #expect(try Self.findings("dashes.wrong-dash", text, style: "reuters").isEmpty)
        let em = try Self.findings("dashes.wrong-dash", "The talks — which began on Monday — stalled.", style: "reuters")
        #expect(em.count == 2)
        #expect(em.first?.fixed == "The talks - which began on Monday - stalled.")
        let double = try Self.findings("dashes.double-hyphen", "The talks -- which began on Monday -- stalled.", style: "reuters")
        #expect(double.first?.fixed == "The talks - which began on Monday - stalled.")
    }

    @Test func guardianUsesSpacedEnDashes() throws {
        let text = "The talks — which began on Monday — stalled; the talks–which began–stalled."
        let found = try Self.findings("dashes.wrong-dash", text, style: "guardian")
        #expect(found.count == 2)
        #expect(found.first?.fixed == "The talks – which began on Monday – stalled; the talks–which began–stalled.")
        #expect(try Self.findings("dashes.wrong-dash", "The talks – which began on Monday – stalled.", style: "guardian").isEmpty)
        let spaced = try Self.findings("dashes.spaced-hyphen", "The talks - which began on Monday - stalled.", style: "guardian")
        #expect(spaced.first?.fixed == "The talks – which began on Monday – stalled.")
    }

    @Test func guardianRangesOnlyWhenClear() throws {
        let ranges = "In 1990-95 and the 2019-20 season, and 2019-2020, aged 18-24, on pages 15-16, from 10-12 June."
        let found = try Self.findings("dashes.range", ranges, style: "guardian")
        #expect(found.count == 6)
        #expect(found.first?.fixed == "In 1990–95 and the 2019–20 season, and 2019–2020, aged 18–24, on pages 15–16, from 10–12 June.")
        let notRanges = """
            Chelsea won 3-2 and came back from 2-3 down; call 555-1234 or 212-555-0123. The 6-foot-9 forward had \
            COVID-19; an F-16 and a Boeing 737-800 flew on 11-13-13. Aimed at 18-24-year-olds, 1,000-2,000 people, \
            route 2019-18, and the 10-12 vote.
            """
        #expect(try Self.findings("dashes.range", notRanges, style: "guardian").isEmpty)
        #expect(try Self.findings("dashes.range", "The 1990–95 figures, pages 15–16.", style: "guardian").isEmpty)
    }

    @Test func seedStorySubheadsAndTerms() throws {
        let path = LintFixtures.projectRoot + "/../shared/samples/plain/seed-putin-xi-translated.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(try Self.findings("dashes.subhead", text, style: "translated-en").count == 2)
        #expect(try Self.findings("terms.substitution", text, style: "translated-en").count == 2)
        #expect(try Self.findings("repetition.paragraph", text, style: "translated-en").count == 1)
        for id in ["dashes.double-hyphen", "dashes.spaced-hyphen", "dashes.wrong-dash", "dashes.range", "repetition.word"] {
            #expect(try Self.findings(id, text, style: "translated-en").isEmpty, "\(id)")
        }
    }

    @Test func markdownSubheadGetsAFix() throws {
        let text = "# Leaders to meet\n\nThe leaders met.\n\n## – Background –\n\nThey last met in February.\n"
        let style = try LintFixtures.style("ap")
        var story = try MarkdownReader.read(SourceFile(path: "example.md", text: text))
        let type = try #require(LintRules.all.first { $0.description.id == "dashes.subhead" })
        var report = LintReport()
        try type.init(style: style).check(LintDocument(story: story, style: style), &report)
        for finding in report.findings {
            story.report("dashes.subhead", .warning, finding.message, block: finding.block, range: finding.range, fix: finding.fix)
        }
        #expect(story.diagnostics.count == 1)
        let fixed = FixApplier.apply(story.diagnostics.compactMap(\.fix), to: text).text
        #expect(fixed == "# Leaders to meet\n\nThe leaders met.\n\n## Background\n\nThey last met in February.\n")
    }
}
