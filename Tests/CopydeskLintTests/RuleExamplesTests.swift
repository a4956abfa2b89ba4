import Copydesk
import Foundation
import Testing

/// Runs every built-in rule's own examples (SwiftLint style): each `↓` in a triggering example is
/// where a finding must start, non-triggering examples must produce nothing, and corrections must
/// produce the fixed text and then lint clean for that rule.
@Suite struct RuleExamplesTests {
    static let ruleIDs = LintRules.all.map { $0.description.id }

    @Test func ruleIDsAreStableFamilyDotRuleAndUnique() {
        #expect(Set(Self.ruleIDs).count == Self.ruleIDs.count)
        for id in Self.ruleIDs {
            let parts = id.split(separator: ".")
            #expect(parts.count == 2, "\(id)")
            #expect(id == id.lowercased(), "\(id)")
        }
    }

    @Test(arguments: ruleIDs)
    func examples(of id: String) throws {
        let type = try #require(LintRules.all.first { $0.description.id == id })
        let description = type.description
        #expect(!description.triggering.isEmpty, "\(id) needs triggering examples")
        #expect(!description.nonTriggering.isEmpty, "\(id) needs non-triggering examples")
        var style = try LintFixtures.style(description.exampleStyle)
        for (key, value) in description.exampleSettings { style.settings[key] = value }
        let rule = try type.init(style: style)

        for example in description.triggering {
            let (text, markers) = LintFixtures.markers(in: example)
            let diagnostics = try LintFixtures.run(rule, id: id, on: text, style: style)
            let starts = diagnostics.map(\.range.lowerBound).sorted()
            #expect(starts == markers, "\(id) on:\n\(example)\nfound: \(diagnostics.map(\.message))")
        }
        for example in description.nonTriggering {
            let diagnostics = try LintFixtures.run(rule, id: id, on: example, style: style)
            #expect(diagnostics.isEmpty, "\(id) should not fire on:\n\(example)\nfound: \(diagnostics.map(\.message))")
        }
        for (before, after) in description.corrections.sorted(by: { $0.key < $1.key }) {
            let (text, _) = LintFixtures.markers(in: before)
            let diagnostics = try LintFixtures.run(rule, id: id, on: text, style: style)
            let fixed = FixApplier.apply(diagnostics.compactMap(\.fix), to: text).text
            #expect(fixed == after, "\(id) correction of:\n\(before)")
            let again = try LintFixtures.run(rule, id: id, on: fixed, style: style)
            #expect(again.compactMap(\.fix).isEmpty, "\(id): a second fix pass should change nothing on:\n\(fixed)")
        }
    }
}

enum LintFixtures {
    static let projectRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func style(_ name: String) throws -> Style {
        try LintStage.loader.load(name, searchDirectories: [projectRoot])
    }

    /// The example without its `↓` markers, and the byte offsets where they stood.
    static func markers(in example: String) -> (String, [Int]) {
        var text = ""
        var offsets: [Int] = []
        for character in example {
            if character == "↓" { offsets.append(text.utf8.count) } else { text.append(character) }
        }
        return (text, offsets)
    }

    /// One rule alone on a plain-text story, as the lint stage would run it. A story the reader
    /// refuses is an error, not a story without findings (a non-triggering example must be read).
    static func run(_ rule: any LintRule, id: String, on text: String, style: Style) throws -> [Diagnostic] {
        var story = try PlainTextReader.read(SourceFile(path: "example.txt", text: text))
        var report = LintReport()
        rule.check(LintDocument(story: story, style: style), &report)
        for finding in report.findings {
            story.report(id, .warning, finding.message, block: finding.block, range: finding.range, fix: finding.fix)
        }
        return story.diagnostics
    }
}
