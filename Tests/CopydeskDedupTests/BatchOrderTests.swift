import Copydesk
import Foundation
import Testing

/// A batch is checked and recorded in input order, whatever the concurrency: the same batch on
/// a fresh archive gives the same result every time.
@Suite struct BatchOrderTests {
    func pipeline(in directory: String) throws -> Pipeline {
        var registry = StageRegistry.standard
        registry.register(DedupStage.self)
        let path = directory + "/wire.yml"
        try """
            name: wire
            stages:
              - normalize
              - dedup:
                  store: archive.sqlite
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return try Pipeline.load(path: path, registry: registry)
    }

    @Test func anOriginalItsCorrectionAndItsWriteThroughInInputOrderEveryRun() async throws {
        // The original is the longest file to process, so with concurrency it tends to finish last.
        var original = LongStory.paragraphs
        original += LongStory.paragraphs.map { $0.replacingOccurrences(of: "said", with: "told reporters") }
        let correction = original.enumerated().map { $0.offset == 1 ? $0.element.replacingOccurrences(of: "4,000", with: "14,000") : $0.element }
        var writeThrough = correction
        writeThrough.insert(LongStory.added[0], at: 8)
        writeThrough.append(LongStory.added[1])
        let stories = [("a-original.txt", original), ("b-correction.txt", correction), ("c-writethru.txt", writeThrough)]

        var outcomes: Set<[String]> = []
        for _ in 0..<20 {
            let directory = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            var paths: [String] = []
            for (name, paragraphs) in stories {
                let path = directory + "/" + name
                try Fixtures.text(headline: LongStory.headline, paragraphs).write(toFile: path, atomically: true, encoding: .utf8)
                paths.append(path)
            }
            let results = await BatchRunner(pipeline: try pipeline(in: directory), maximumConcurrency: 3).run(paths)
            let classes = results.map { result in
                result.diagnostics.filter { $0.family == "dedup" }.map { "\($0.ruleID) \($0.message.split(separator: "#").first ?? "")" }.joined()
            }
            outcomes.insert(classes)
        }
        #expect(outcomes.count == 1, "\(outcomes)")
        let classes = try #require(outcomes.first)
        #expect(classes[0] == "dedup.new new: nothing similar in the archive")
        #expect(classes[1] == "dedup.update update of a-original.txt")
        #expect(classes[2] == "dedup.update update of b-correction.txt")
    }

    @Test func turnsAreTakenInOrder() async {
        let turns = InputTurns()
        let log = Log()
        await withTaskGroup(of: Void.self) { group in
            for index in (0..<12).reversed() {
                group.addTask {
                    let turn = turns.turn(index)
                    await turn.wait()
                    await log.append(index)
                    await turn.finish()
                }
            }
        }
        #expect(await log.entries == Array(0..<12))
    }

    actor Log {
        var entries: [Int] = []
        func append(_ value: Int) { entries.append(value) }
    }
}
