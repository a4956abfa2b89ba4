import Testing
@testable import CopydeskCore

/// A stage with one option, to test the registry and pipeline files without the real stages.
struct UppercaseHeadlineStage: Stage {
    static let name = "uppercase-headline"
    static let summary = "test stage"
    static let options = [StageOption("marker", .string, default: "!", help: "appended")]
    let marker: String
    init(options: StageOptions) throws { marker = options.string("marker") }
    func process(_ story: inout Story, context: StageContext) async throws {}
}

@Suite struct PipelineTests {
    var registry: StageRegistry { StageRegistry([UppercaseHeadlineStage.self]) }

    @Test func readsStagesAndOptions() throws {
        let file = try YAMLFile(text: """
            name: desk
            input:
              encoding: windows-1251
            stages:
              - uppercase-headline:
                  marker: "?"
              - uppercase-headline
            """, path: "desk.yml")
        let pipeline = try Pipeline.load(yaml: file, registry: registry)
        #expect(pipeline.name == "desk")
        #expect(pipeline.input.encoding == "windows-1251")
        #expect(pipeline.stages.count == 2)
        #expect((pipeline.stages[0] as? UppercaseHeadlineStage)?.marker == "?")
        #expect((pipeline.stages[1] as? UppercaseHeadlineStage)?.marker == "!")
    }

    @Test func unknownOptionNamesFileLineStageAndKey() throws {
        let file = try YAMLFile(text: "stages:\n  - uppercase-headline:\n      colour: red\n", path: "desk.yml")
        #expect(throws: CopydeskError.configuration(
            file: "desk.yml:2", message: "stage 'uppercase-headline': unknown option 'colour' (known: marker)")) {
            try Pipeline.load(yaml: file, registry: registry)
        }
    }

    @Test func unknownStageAndTopLevelKeyAreErrors() throws {
        let stage = try YAMLFile(text: "stages:\n  - spellcheck\n", path: "p.yml")
        #expect(throws: CopydeskError.self) { try Pipeline.load(yaml: stage, registry: registry) }
        let key = try YAMLFile(text: "stages: []\nstagse: []\n", path: "p.yml")
        #expect(throws: CopydeskError.configuration(file: "p.yml:2", message: "unknown key 'stagse' (known: name, description, input, stages)")) {
            try Pipeline.load(yaml: key, registry: registry)
        }
    }

    @Test func wrongOptionTypeIsAnError() throws {
        let options = [StageOption("unwrap", .bool, default: "false", help: "")]
        #expect(throws: CopydeskError.configuration(file: "p.yml", message: "stage 's': option 'unwrap' must be true or false, not 'yes please'")) {
            try StageOptions(["unwrap": .string("yes please")], declared: options, stageName: "s", file: "p.yml")
        }
    }

    @Test func invalidYAMLNamesTheFile() {
        #expect(throws: CopydeskError.self) { try YAMLFile(text: "stages: [unclosed", path: "broken.yml") }
    }

    @Test func aliasBombIsRefused() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...7 { yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        #expect(throws: CopydeskError.self) { try YAMLFile(text: yaml, path: "bomb.yml") }
    }

    @Test func commandLineOverridesReplaceStageOptions() throws {
        let file = try YAMLFile(text: "stages:\n  - uppercase-headline:\n      marker: \"?\"\n", path: "p.yml")
        let pipeline = try Pipeline.load(yaml: file, registry: registry, overrides: ["uppercase-headline": ["marker": .string("#")]])
        #expect((pipeline.stages[0] as? UppercaseHeadlineStage)?.marker == "#")
        #expect(throws: CopydeskError.self) {
            try Pipeline.load(yaml: file, registry: registry, overrides: ["normalize": ["form": .string("nfd")]])
        }
    }
}
