import Copydesk
import Foundation
import Testing

@Suite struct DedupPipelineTests {
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

    @Test func normalizeThenDedupTwiceThroughTheBatchRunner() async throws {
        let directory = try Fixtures.temporaryDirectory()
        let files = [
            (directory + "/strike.txt", Fixtures.text(headline: Fixtures.strikeHeadline, byline: Fixtures.strikeByline, Fixtures.strike)),
            (directory + "/antwerp.txt", Fixtures.text(headline: "Belgian port strike halts Antwerp shipping", Fixtures.antwerpStrike)),
            (directory + "/strike-writethru.txt", Fixtures.text(headline: "Rotterdam strike diverts ships", byline: Fixtures.strikeByline, Fixtures.strikeWriteThrough)),
        ]
        for (path, text) in files { try text.write(toFile: path, atomically: true, encoding: .utf8) }
        let paths = files.map(\.0)

        // Files run concurrently: the write-through may be checked before or after its original.
        let first = await BatchRunner(pipeline: try pipeline(in: directory), mode: .transform).run(paths)
        #expect(first.allSatisfy { $0.error == nil })
        #expect(first[1].diagnostics.filter { $0.family == "dedup" }.map(\.ruleID) == ["dedup.new"])
        #expect(FileManager.default.fileExists(atPath: directory + "/archive.sqlite"))

        // A fresh pipeline (a second `copydesk run`): everything is a duplicate of itself.
        let second = await BatchRunner(pipeline: try pipeline(in: directory), mode: .transform).run(paths)
        for result in second {
            #expect(result.error == nil)
            let dedup = result.diagnostics.filter { $0.family == "dedup" }
            #expect(dedup.map(\.ruleID) == ["dedup.duplicate"], "\(result.path): \(dedup.map(\.message))")
            let name = URL(fileURLWithPath: result.path).lastPathComponent
            #expect(dedup.first?.message.hasPrefix("duplicate of \(name)#") == true)
            #expect(dedup.first?.severity == .warning)
        }
        let stats = try await SQLiteStore(path: directory + "/archive.sqlite").stats()
        #expect(stats.stories == 3)
    }

    @Test func theWriteThroughRunAfterItsOriginalIsReportedAsAnUpdate() async throws {
        let directory = try Fixtures.temporaryDirectory()
        let original = directory + "/a.txt", later = directory + "/b.txt"
        try Fixtures.text(headline: Fixtures.strikeHeadline, Fixtures.strike).write(toFile: original, atomically: true, encoding: .utf8)
        try Fixtures.text(headline: "Rotterdam strike diverts ships", Fixtures.strikeWriteThrough).write(toFile: later, atomically: true, encoding: .utf8)
        _ = await BatchRunner(pipeline: try pipeline(in: directory)).run([original])
        let result = await BatchRunner(pipeline: try pipeline(in: directory)).run([later])
        let diagnostic = try #require(result.first?.diagnostics.first { $0.family == "dedup" })
        #expect(diagnostic.ruleID == "dedup.update")
        #expect(diagnostic.message.hasPrefix("update of a.txt#"))
        #expect(diagnostic.message.hasSuffix(": paragraphs 3, 9, 15 new, 7 changed"))
        // Positioned at the headline in the input file.
        #expect(diagnostic.range == 0..<"Rotterdam strike diverts ships".utf8.count)
    }
}
