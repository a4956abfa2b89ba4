import Copydesk
import Foundation
import Testing

/// Sleeps longer for earlier files, so they finish last.
struct SlowFirstStage: Stage {
    static let name = "slow-first"
    static let summary = "test stage"
    init(options: StageOptions) throws {}
    func process(_ story: inout Story, context: StageContext) async throws {
        let number = Int(story.blocks.first?.string ?? "") ?? 0
        try await Task.sleep(for: .milliseconds(max(0, 40 - number * 5)))
    }
}

@Suite struct BatchRunnerTests {
    @Test func resultsComeBackInInputOrderAndAFailedFileDoesNotStopTheBatch() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var paths: [String] = []
        for number in 0..<8 {
            let path = directory.appendingPathComponent("story-\(number).txt").path
            try "\(number)\n".write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        paths.insert(directory.path, at: 3)  // a directory is an input error
        let pipeline = Pipeline(name: "t", stages: [try SlowFirstStage(options: StageOptions([:], declared: [], stageName: "slow-first"))])
        var seen: [String] = []
        await BatchRunner(pipeline: pipeline, maximumConcurrency: 4).run(paths) { seen.append($0.path) }
        #expect(seen == paths)
        let results = await BatchRunner(pipeline: pipeline, maximumConcurrency: 4).run(paths)
        #expect(results[3].error == .input(file: directory.path, message: "is a directory"))
        #expect(results.filter { $0.story != nil }.count == 8)
    }
}
