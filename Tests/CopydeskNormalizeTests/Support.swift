import Copydesk
import Foundation

/// Runs the normalize stage over bytes as `copydesk normalize` would.
func normalizeBytes(_ bytes: [UInt8], path: String = "story.txt", options: [String: ConfigValue] = [:], encoding: String? = nil, format: String? = nil) async throws -> BatchRunner.Result {
    let stageOptions = try StageOptions(options, declared: NormalizeStage.options, stageName: NormalizeStage.name)
    let pipeline = Pipeline(name: "test", stages: [try NormalizeStage(options: stageOptions)])
    return await BatchRunner(pipeline: pipeline, encoding: encoding, format: format).process(bytes: bytes, path: path)
}

func normalizeText(_ text: String, options: [String: ConfigValue] = [:]) async throws -> (text: String, diagnostics: [Diagnostic], source: SourceFile) {
    let result = try await normalizeBytes(Array(text.utf8), options: options)
    guard let story = result.story else { throw result.error ?? CopydeskError.usage("no story") }
    return (PlainTextWriter.write(story), story.diagnostics, story.source)
}

/// `../shared/samples` beside the project.
let samplesDirectory: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.deletingLastPathComponent().appendingPathComponent("shared/samples").path
}()

func sampleBytes(_ relativePath: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: samplesDirectory + "/" + relativePath)))
}

/// Line and column of a diagnostic's start.
func position(_ diagnostic: Diagnostic, in source: SourceFile) -> (Int, Int) {
    let location = source.location(of: diagnostic.range.lowerBound)
    return (location.line, location.column)
}
