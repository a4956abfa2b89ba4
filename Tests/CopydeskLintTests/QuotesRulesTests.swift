import Copydesk
import Foundation
import Testing

/// Quotes rules beyond their examples: `quotes.curly` under a style that demands straight marks
/// (no shipped style does), `quotes.punctuation: outside`, the seed story, and fixes that leave
/// the other quotes rules quiet.
@Suite struct QuotesRulesTests {
    static func rule(_ id: String, _ style: Style) throws -> any LintRule {
        let type = try #require(LintRules.all.first { $0.description.id == id })
        return try type.init(style: style)
    }

    static func style(_ name: String, _ changes: [String: ConfigValue] = [:]) throws -> Style {
        var style = try LintFixtures.style(name)
        for (key, value) in changes { style.settings[key] = value }
        return style
    }

    static func fix(_ id: String, _ text: String, _ style: Style) throws -> String {
        let diagnostics = try LintFixtures.run(try rule(id, style), id: id, on: text, style: style)
        return FixApplier.apply(diagnostics.compactMap(\.fix), to: text).text
    }

    @Test func curlyFiresOncePerParagraphUnderAStraightStyle() throws {
        let style = try Self.style("ap", ["quotes.form": .string("straight")])
        let text = """
            Talks collapse

            “We came in good faith,” the envoy said. “We won’t be back.”

            The aide called it ‘a pause’.
            """
        let diagnostics = try LintFixtures.run(try Self.rule("quotes.curly", style), id: "quotes.curly", on: text, style: style)
        #expect(diagnostics.count == 2)
        let fixed = try Self.fix("quotes.curly", text, style)
        #expect(fixed == """
            Talks collapse

            "We came in good faith," the envoy said. "We won't be back."

            The aide called it 'a pause'.
            """)
        #expect(try LintFixtures.run(try Self.rule("quotes.curly", style), id: "quotes.curly", on: fixed, style: style).isEmpty)
        // quotes.straight and quotes.mixed stay quiet in a straight style.
        for id in ["quotes.straight", "quotes.mixed"] {
            #expect(try LintFixtures.run(try Self.rule(id, style), id: id, on: text, style: style).isEmpty, "\(id)")
        }
    }

    @Test func curlyIsSilentUnlessTheStyleDemandsStraight() throws {
        for name in ["ap", "guardian", "reuters", "translated-en"] {
            let style = try Self.style(name)
            let text = "“We came in good faith,” the envoy said."
            #expect(try LintFixtures.run(try Self.rule("quotes.curly", style), id: "quotes.curly", on: text, style: style).isEmpty, "\(name)")
        }
    }

    @Test func punctuationOutsideMovesItOnlyForFragments() throws {
        let style = try Self.style("ap", ["quotes.punctuation": .string("outside")])
        let id = "quotes.punctuation"
        #expect(try Self.fix(id, "The minister called the plan \"a disgrace.\"", style) == "The minister called the plan \"a disgrace\".")
        #expect(try Self.fix(id, "He described it as “hasty, ill-judged,” and left.", style) == "He described it as “hasty, ill-judged”, and left.")
        for clean in ["\"We will fight,\" he said.", "He said: \"We will fight.\"", "She said it was \"made in the U.S.\"", "He said, \"We will fight.\""] {
            #expect(try LintFixtures.run(try Self.rule(id, style), id: id, on: clean, style: style).isEmpty, "\(clean)")
        }
    }

    @Test func punctuationAnyDoesNothing() throws {
        let style = try Self.style("guardian")
        let text = "He called the plan \"a disgrace\". \"We will fight\", he said."
        #expect(try LintFixtures.run(try Self.rule("quotes.punctuation", style), id: "quotes.punctuation", on: text, style: style).isEmpty)
    }

    @Test func seedStoryQuotes() throws {
        let path = LintFixtures.projectRoot + "/../shared/samples/plain/seed-putin-xi-translated.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let style = try Self.style("translated-en")
        let source = SourceFile(path: path, text: text)
        func lines(_ id: String) throws -> [Int] {
            try LintFixtures.run(try Self.rule(id, style), id: id, on: text, style: style).map { source.location(of: $0.range.lowerBound).line }
        }
        #expect(try lines("quotes.mixed") == [35])
        #expect(try lines("quotes.punctuation") == [11])
        for id in ["quotes.unbalanced", "quotes.nested", "quotes.foreign", "quotes.straight", "quotes.curly"] {
            #expect(try lines(id).isEmpty, "\(id)")
        }
    }

    @Test func multiParagraphQuoteAcrossThreeParagraphs() throws {
        let style = try Self.style("ap")
        let text = """
            Talks collapse

            GENEVA (AP) — The talks collapsed on Friday.

            “We came here in good faith,” the envoy said. “We listened to every proposal.

            “We made our own. We asked for ‘a fair hearing.’

            “But there is a limit, and that limit was reached today.”

            The next round has not been scheduled.
            """
        for id in ["quotes.unbalanced", "quotes.nested", "quotes.mixed", "quotes.foreign", "quotes.punctuation"] {
            #expect(try LintFixtures.run(try Self.rule(id, style), id: id, on: text, style: style).isEmpty, "\(id)")
        }
        // The last paragraph of the quote forgets to close it.
        let open = text.replacingOccurrences(of: "reached today.”", with: "reached today.")
        #expect(try LintFixtures.run(try Self.rule("quotes.unbalanced", style), id: "quotes.unbalanced", on: open, style: style).count == 1)
    }

    @Test func foreignFixLeavesOtherRulesQuiet() throws {
        let style = try Self.style("translated-en")
        let text = "Macron called the plan « irresponsible » and „a historic mistake“."
        let fixed = try Self.fix("quotes.foreign", text, style)
        #expect(fixed == "Macron called the plan “irresponsible” and “a historic mistake”.")
        for id in ["quotes.foreign", "quotes.unbalanced", "quotes.mixed"] {
            #expect(try LintFixtures.run(try Self.rule(id, style), id: id, on: fixed, style: style).isEmpty, "\(id)")
        }
    }
}
