import Copydesk
import Foundation
import Testing
@testable import CopydeskLint

/// Behaviour of the artifacts rules that their examples cannot show: the seed story, the
/// desk-editable `editor-notes` list, fixes that decode entities, and throughput.
@Suite struct ArtifactsRulesTests {
    static func lint(_ id: String, _ text: String, style: Style? = nil) throws -> [Diagnostic] {
        let style = try style ?? LintFixtures.style("ap")
        let type = try #require(LintRules.all.first { $0.description.id == id })
        return try LintFixtures.run(try type.init(style: style), id: id, on: text, style: style)
    }

    @Test func seedStoryGUIDIsReportedAndDeletedByTheFix() throws {
        let path = LintFixtures.projectRoot + "/../shared/samples/plain/seed-putin-xi-translated.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let found = try Self.lint("artifacts.guid", text)
        #expect(found.count == 1)
        let source = SourceFile(path: "seed.txt", text: text)
        #expect(found.first.map { source.location(of: $0.range.lowerBound).line } == 5)
        let fixed = FixApplier.apply(found.compactMap(\.fix), to: text).text
        #expect(!fixed.contains("B2E5F5DF"))
        #expect(fixed.contains("Uzbekistan\n\n\n\nChinese President"))
        #expect(try Self.lint("artifacts.guid", fixed).isEmpty)
        // No other artifacts in the seed story.
        for id in ["artifacts.markup", "artifacts.sign-off", "artifacts.editor-note"] {
            #expect(try Self.lint(id, text).isEmpty, "\(id)")
        }
    }

    @Test func guidInsideASentenceIsASuggestion() throws {
        let found = try Self.lint("artifacts.guid", "The ministry cited case B2E5F5DF-FABE-4F2F-9E73-7F4CE0E9712F in its statement.")
        #expect(found.count == 1)
        #expect(found.first?.fix == nil)
    }

    @Test func editorNotesComeFromTheStyleList() throws {
        var style = Style(name: "desk")
        style.lists["editor-notes"] = ["Note to desks:"]
        let text = "Storm nears coast\n\nNote to desks: Photos to follow.\n\nEds: this list entry is not in the desk's list."
        let found = try Self.lint("artifacts.editor-note", text, style: style)
        #expect(found.count == 1)
        #expect(found.first?.range.lowerBound == text.utf8.count - "Note to desks: Photos to follow.\n\nEds: this list entry is not in the desk's list.".utf8.count)
        // Without a list the rule says nothing.
        #expect(try Self.lint("artifacts.editor-note", text, style: Style(name: "empty")).isEmpty)
    }

    @Test func entitiesDecodeAndTagsAreSuggestions() throws {
        let text = "He said it&#x27;s &ldquo;done&rdquo; &mdash; <em>really</em> &#151; at R&amp;D."
        let found = try Self.lint("artifacts.markup", text)
        let fixed = FixApplier.apply(found.compactMap(\.fix), to: text).text
        #expect(fixed == "He said it's “done” — <em>really</em> — at R&D.")
        #expect(found.filter { $0.fix == nil }.count == 2)
        #expect(try Self.lint("artifacts.markup", fixed).allSatisfy { $0.fix == nil })
    }

    @Test func signOffOnlyAtTheEnd() throws {
        #expect(try Self.lint("artifacts.sign-off", "The summit ends Friday. bur-jm/tw\n\nMore talks are due next week.").isEmpty)
        let found = try Self.lint("artifacts.sign-off", "Talks end\n\nThe summit ends Friday.\n\njhe/kjm/mh")
        #expect(found.count == 1)
    }

    @Test func artifactsRulesScanQuickly() throws {
        let style = try LintFixtures.style("ap")
        let paragraph = "Chinese President Xi Jinping and his Russian counterpart Vladimir Putin will meet next week in Samarkand, Uzbekistan, on the sidelines of a regional summit, AT&T and R&D said on Tuesday at 10 < 12 p.m., in the president's first trip abroad since early 2020 and/or 24/7 — F-16, FACADE."
        let text = "Headline\n\n" + Array(repeating: paragraph, count: 2_000).joined(separator: "\n\n")
        let story = try PlainTextReader.read(SourceFile(path: "big.txt", text: text))
        let document = LintDocument(story: story, style: style)
        for id in ["artifacts.guid", "artifacts.markup", "artifacts.sign-off", "artifacts.editor-note"] {
            let type = try #require(LintRules.all.first { $0.description.id == id })
            let rule = try type.init(style: style)
            var report = LintReport()
            rule.check(document, &report)
            #expect(report.findings.isEmpty, "\(id)")
        }
    }
}
