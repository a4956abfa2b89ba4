import Copydesk
import Testing

/// What a desk writes to add a check of its own: a type, a name, options, and a registration.
struct HeadlineLengthStage: Stage {
    static let name = "headline-length"
    static let summary = "flags headlines longer than the desk allows"
    static let options = [StageOption("max", .int, default: "60", help: "longest headline, in characters")]

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
}
