import Foundation
import Copydesk
import Testing

/// What a desk writes to add a check of its own: a type, a name, options, and a registration.
struct HeadlineLengthStage: Stage {
    static let name = "headline-length"
    static let summary = "flags headlines longer than the desk allows"
    static let options = [StageOption("max", .int, default: "60", help: "longest headline, in characters")]
    /// What the stage reports: styles may switch it off or re-level it, reports describe it.
    static let rules = [RuleDescription(id: "desk.headline-length", summary: "a headline longer than the desk allows",
                                        severity: .warning, triggering: [], nonTriggering: [])]

    let maximum: Int
    init(options: StageOptions) throws { maximum = options.int("max") }

    func process(_ story: inout Story, context: StageContext) async throws {
        guard let index = story.blocks.firstIndex(where: { $0.kind == .headline }) else { return }
        let headline = story.blocks[index].string
        if headline.count > maximum {
            story.report("desk.headline-length", .warning, "headline has \(headline.count) characters; the desk allows \(maximum)",
                         block: index, range: 0..<headline.utf8.count)
        }
    }
}

@Suite struct CustomStageTests {
    @Test func aRegisteredStageRunsInsideAYAMLPipeline() async throws {
        var registry = StageRegistry.standard
        registry.register(HeadlineLengthStage.self)
        let yaml = try YAMLFile(text: """
            name: desk
            stages:
              - normalize
              - headline-length:
                  max: 20
            """, path: "desk.yml")
        let pipeline = try Pipeline.load(yaml: yaml, registry: registry)
        // The zero-width space is removed by normalize before the custom stage counts characters.
        let story = "Putin and Xi\u{200B} to meet in Samarkand\n\nMOSCOW (AP) — They will meet next week.\n"
        let result = await BatchRunner(pipeline: pipeline).process(bytes: Array(story.utf8), path: "story.txt")
        let diagnostics = try #require(result.story?.diagnostics)
        #expect(diagnostics.map(\.ruleID) == ["unicode.invisible", "desk.headline-length"])
        #expect(diagnostics[1].message == "headline has 33 characters; the desk allows 20")
        // The custom finding spans the whole headline line in the input, zero-width space included.
        #expect(diagnostics[1].range == 0..<36)
    }

    @Test func theStandardRegistryDoesNotKnowTheCustomStage() throws {
        let yaml = try YAMLFile(text: "stages:\n  - headline-length\n", path: "desk.yml")
        #expect(throws: CopydeskError.self) { try Pipeline.load(yaml: yaml, registry: .standard) }
    }

    /// A pipeline with the custom stage before `lint`, and a style that says something of its rule.
    private func runWithStyle(_ rule: String) async throws -> [Diagnostic] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("custom-stage-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "extends: ap\nname: Desk\nrules:\n  desk.headline-length: \(rule)\n".write(toFile: directory + "/desk-style.yml", atomically: true, encoding: .utf8)
        var registry = StageRegistry.standard
        registry.register(HeadlineLengthStage.self)
        let yaml = try YAMLFile(text: """
            name: desk
            stages:
              - normalize
              - headline-length:
                  max: 20
              - lint:
                  style: \(directory)/desk-style.yml
            """, path: directory + "/desk.yml")
        let pipeline = try Pipeline.load(yaml: yaml, registry: registry)
        let story = "Putin and Xi to meet in Samarkand next week\n\nMOSCOW (AP) — The two leaders will meet next week, the Kremlin said.\n"
        let result = await BatchRunner(pipeline: pipeline).process(bytes: Array(story.utf8), path: "story.txt")
        return try #require(result.story?.diagnostics)
    }

    @Test func aStyleSwitchesOffOrRelevelsACustomStagesRule() async throws {
        #expect(!(try await runWithStyle("off")).contains { $0.ruleID == "desk.headline-length" })
        let relevelled = try await runWithStyle("error").filter { $0.ruleID == "desk.headline-length" }
        #expect(relevelled.map(\.severity) == [.error])
    }

    @Test func aStyleNamingAnUnknownRuleIsStillRefused() async throws {
        // Without the custom stage in the registry, its rule id is unknown to the style loader.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("custom-stage-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "extends: ap\nrules:\n  desk.headline-length: off\n".write(toFile: directory + "/s.yml", atomically: true, encoding: .utf8)
        #expect(throws: CopydeskError.self) { try StyleLoader.standard.load(directory + "/s.yml", searchDirectories: DataFiles.searchRoots()) }
    }

    @Test func reportsDescribeACustomStagesRules() throws {
        var registry = StageRegistry.standard
        registry.register(HeadlineLengthStage.self)
        let rules = RuleInfo.known(in: registry)
        #expect(rules.contains { $0.id == "desk.headline-length" && $0.summary == "a headline longer than the desk allows" && $0.severity == .warning })
        // Every shipped stage's rules are there too, each once.
        for id in ["quotes.straight", "unicode.invisible", "whitespace.blank-line", "dedup.duplicate", "translation.numbers", "lint.language-mismatch"] {
            #expect(rules.filter { $0.id == id }.count == 1, "\(id)")
        }
        #expect(Set(rules.map(\.id)).count == rules.count)
    }
}
