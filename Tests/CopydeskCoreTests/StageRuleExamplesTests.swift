import Copydesk
import Testing

/// The examples the stages declare for their rules (`Stage.rules`), each run through its stage
/// alone, as the stage runs in a pipeline: every `↓` marks where a finding of the rule must start
/// in the input, and a non-triggering example gives no finding of the rule.
///
/// Lint and translation examples need a style or a language pair and run in their own suites
/// (`RuleExamplesTests`, `TranslationRuleExamplesTests`); dedup's results need an archive of
/// earlier copy, so its rules declare no examples.
@Suite struct StageRuleExamplesTests {
    static let ownSuites: Set<String> = [LintStage.name, TranslationStage.name]

    /// `stage/rule` for every rule with examples.
    static let cases: [String] = StageRegistry.standard.registered
        .filter { !ownSuites.contains($0.name) }
        .flatMap { stage in stage.rules.filter { !$0.triggering.isEmpty || !$0.nonTriggering.isEmpty }.map { "\(stage.name)/\($0.id)" } }

    static func markers(in example: String) -> (String, [Int]) {
        var text = ""
        var offsets: [Int] = []
        for character in example {
            if character == "↓" { offsets.append(text.utf8.count) } else { text.append(character) }
        }
        return (text, offsets)
    }

    @Test func theNormalizeStageHasExamples() {
        #expect(Self.cases.filter { $0.hasPrefix("normalize/") }.count >= 9)
    }

    @Test(arguments: cases) func examples(of name: String) async throws {
        let stageName = String(name.prefix { $0 != "/" }), id = String(name.drop { $0 != "/" }.dropFirst())
        let type = try #require(StageRegistry.standard.type(named: stageName))
        let rule = try #require(type.rules.first { $0.id == id })
        let pipeline = Pipeline(name: "examples", stages: [try StageRegistry.standard.makeStage(named: stageName, options: [:])])
        for example in rule.triggering {
            let (text, offsets) = Self.markers(in: example)
            #expect(!offsets.isEmpty, "a triggering example marks its findings with ↓: \(example)")
            let result = await BatchRunner(pipeline: pipeline).process(bytes: Array(text.utf8), path: "example.txt")
            let starts = try #require(result.story).diagnostics.filter { $0.ruleID == id }.map(\.range.lowerBound)
            #expect(starts == offsets, "\(id): \(example)")
        }
        for example in rule.nonTriggering {
            let result = await BatchRunner(pipeline: pipeline).process(bytes: Array(example.utf8), path: "example.txt")
            let found = try #require(result.story).diagnostics.filter { $0.ruleID == id }
            #expect(found.isEmpty, "\(id) must not fire: \(example)")
        }
    }
}
