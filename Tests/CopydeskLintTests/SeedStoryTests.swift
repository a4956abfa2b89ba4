import Copydesk
import Foundation
import Testing

/// The translated story this project started from: every class of problem it shows is caught,
/// on its line, under the translated-English style.
@Suite struct SeedStoryTests {
    static func findings() async throws -> [(rule: String, line: Int)] {
        let path = LintFixtures.projectRoot + "/../shared/samples/plain/seed-putin-xi-translated.txt"
        let yaml = try YAMLFile(text: """
            stages:
              - normalize:
                  legacy-typography: false
              - lint:
                  style: translated-en
            """, path: LintFixtures.projectRoot + "/Pipelines/seed-test.yml")
        let pipeline = try Pipeline.load(yaml: yaml, registry: .standard)
        let result = await BatchRunner(pipeline: pipeline, mode: .report).process(path: path)
        let story = try #require(result.story)
        return story.diagnostics.map { ($0.ruleID, story.source.location(of: $0.range.lowerBound).line) }
    }

    @Test(arguments: [
        ("dateline.missing", 3),
        ("artifacts.guid", 5),
        ("dates.relative", 7),
        ("quotes.punctuation", 11),
        ("dates.month", 13),
        ("terms.substitution", 17),    // ie
        ("attribution.verb", 17),      // Denisov noted
        ("dates.relative", 19),
        ("dashes.subhead", 21),
        ("terms.substitution", 33),    // Aukus
        ("dashes.subhead", 35),
        ("quotes.mixed", 35),          // “Impossible” among straight quotes
        ("dates.relative", 39),
        ("attribution.credit-line", 45),
    ])
    func reportsOnItsLine(rule: String, line: Int) async throws {
        let found = try await Self.findings()
        #expect(found.contains { $0.rule == rule && $0.line == line }, "expected \(rule) on line \(line); found \(found.map { "\($0.rule):\($0.line)" })")
    }

    @Test func reportsTheRepeatedLede() async throws {
        let found = try await Self.findings()
        #expect(found.contains { $0.rule == "repetition.paragraph" && ($0.line == 3 || $0.line == 7) })
    }
}
