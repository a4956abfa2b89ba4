import Copydesk
import Foundation
import Testing

/// A wire stream read story by story (`BatchRunner.streamAbove`) reports exactly what reading it
/// whole reports, and a story over the size limit is refused by name while the rest goes on.
@Suite struct StreamedStoriesTests {
    static let samples = LintFixtures.projectRoot + "/../shared/samples/anpa"

    /// A stream of real ANPA copy: the Bay City News feed (CRLF and LF lines, `SYN SYN` before
    /// each `SOH`), the AP test file (line noise before its first message) and the feed again.
    static func makeStream() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("feed.anpa").path
        var bytes = try Data(contentsOf: URL(fileURLWithPath: samples + "/testfile.baycity"))
        bytes += try Data(contentsOf: URL(fileURLWithPath: samples + "/testfile.ap"))
        bytes += try Data(contentsOf: URL(fileURLWithPath: samples + "/testfile.baycity"))
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }

    static func pipeline(_ name: String) throws -> Pipeline {
        try Pipeline.load(path: LintFixtures.projectRoot + "/Pipelines/\(name).yml", registry: .standard)
    }

    static func run(_ paths: [String], pipeline: Pipeline, mode: StageContext.Mode, streaming: Bool, limit: Int = 64 << 20) async -> [BatchRunner.Result] {
        var runner = BatchRunner(pipeline: pipeline, mode: mode)
        runner.streamAbove = streaming ? 0 : nil
        runner.maximumStorySize = limit
        return await runner.run(paths)
    }

    /// Every finding as the text report prints it (with excerpts), then each one's rule, byte
    /// range in the file and fix edits in file offsets, so two runs compare byte for byte.
    static func dump(_ results: [BatchRunner.Result]) -> String {
        var out = ""
        var summary = ReportSummary()
        for result in results {
            let report = result.report
            summary.add(report)
            out += TextReporter(colour: false, showSource: true).render(report)
        }
        out += TextReporter(colour: false).renderSummary(summary)
        for result in results {
            let base = result.story?.source.origin.offset ?? 0
            for diagnostic in result.report.sortedDiagnostics {
                let range = (diagnostic.range.lowerBound + base)..<(diagnostic.range.upperBound + base)
                out += "\(diagnostic.ruleID) \(range) \(diagnostic.message)"
                // The line-ending fix covers the lines of its own story when streamed (its
                // message gives the whole file's count); every other fix is compared whole.
                if diagnostic.ruleID != WhitespaceCleanup.lineEndingRule, let fix = diagnostic.fix {
                    out += " fix " + fix.edits.map { "\($0.range.lowerBound + base)..<\($0.range.upperBound + base)=\($0.replacement)" }.joined(separator: ",")
                }
                out += "\n"
            }
        }
        return out
    }

    @Test func streamedLintFindingsAreByteIdenticalToReadingTheStreamWhole() async throws {
        let path = try Self.makeStream()
        let pipeline = try Self.pipeline("lint")
        let whole = await Self.run([path], pipeline: pipeline, mode: .report, streaming: false)
        let streamed = await Self.run([path], pipeline: pipeline, mode: .report, streaming: true)
        #expect(whole.count == 1)
        // 17 Bay City messages twice and the AP file's 4: one result per story.
        #expect(streamed.count == whole[0].stories.count)
        #expect(streamed.count > 30)
        #expect(streamed.allSatisfy { $0.error == nil && $0.part != nil })
        let expected = Self.dump(whole), actual = Self.dump(streamed)
        #expect(expected.contains("(story 20 of"))
        #expect(expected.contains("whitespace.line-endings"))
        #expect(actual == expected)
    }

    @Test func streamedNormalizeWritesTheSameFileAsReadingItWhole() async throws {
        let path = try Self.makeStream()
        let pipeline = try Self.pipeline("normalize")
        let whole = await Self.run([path], pipeline: pipeline, mode: .transform, streaming: false)
        let streamed = await Self.run([path], pipeline: pipeline, mode: .transform, streaming: true)
        let expected = OutputFormat.same.write(whole[0].stories)
        let actual = streamed.map { OutputFormat.same.write($0.stories) }.joined()
        #expect(expected.utf8.count > 50_000)
        #expect(actual == expected)
        #expect(Self.dump(streamed) == Self.dump(whole))
    }

    @Test func aHugePlainFileNormalizedInPiecesGivesTheSameTextAndFindings() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("wire.txt").path
        // About 2.4 MB of wire paragraphs, so the file is cut at blank lines twice: double
        // spaces, ANPA dashes and quotes, mojibake, a zero-width space, CRLF lines, a blank line
        // of spaces and one of a tab, and hard-wrapped paragraphs.
        let paragraphs = [
            "MOSCOW (AP) -- Russian President Vladimir Putin met Chinese President\u{200B} Xi Jinping on Tuesday.",
            "``We agreed on everything,'' Putin said  at the Kremlin, calling the talks \"very good.\"",
            "The cafÃ© near Red Square was closed for the visit,\nofficials said, and traffic was stopped for hours.",
            "Trade between the two countries rose 26.3 percent last year_ to $190 billion.\r\nBoth sides expect more.",
        ]
        var text = "Putin and Xi meet in Moscow\n\n"
        var index = 0
        while text.utf8.count < 2_400_000 {
            text += paragraphs[index % paragraphs.count] + (index % 97 == 0 ? "\n   \n" : index % 89 == 0 ? "\n\t\n" : "\n\n")
            index += 1
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let pipeline = try Self.pipeline("normalize")
        let whole = await Self.run([path], pipeline: pipeline, mode: .transform, streaming: false)
        var runner = BatchRunner(pipeline: pipeline, mode: .transform)
        runner.streamAbove = 0
        runner.cutsPlainText = true
        let pieces = await runner.run([path])
        #expect(pieces.count >= 3)
        #expect(pieces.allSatisfy { $0.part?.isStory == false && $0.error == nil })
        let expected = OutputFormat.same.write(whole[0].stories)
        let actual = pieces.map { OutputFormat.same.write($0.stories) }.filter { !$0.isEmpty }.joined(separator: "\n")
        #expect(expected.contains("Putin said at the Kremlin") && !expected.contains("cafÃ©"))
        #expect(actual == expected)
        #expect(Self.dump(pieces) == Self.dump(whole))
    }

    @Test func aStoryOverTheLimitIsRefusedByNameAndTheRestOfTheBatchGoesOn() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let feed = try Data(contentsOf: URL(fileURLWithPath: Self.samples + "/testfile.baycity"))
        // One message of the feed grown to 40 KB of body text; the others stay small.
        var bytes = [UInt8](feed)
        let sohs = bytes.indices.filter { bytes[$0] == 0x01 }
        let paragraph = Array("\r\n\t   Police said the remains were found near the reservoir trail on Sunday.".utf8)
        let insertAt = sohs[3] - 8
        for _ in 0..<560 { bytes.insert(contentsOf: paragraph, at: insertAt) }
        let stream = directory.appendingPathComponent("feed.anpa").path
        try Data(bytes).write(to: URL(fileURLWithPath: stream))
        let next = directory.appendingPathComponent("next.txt").path
        try "SAN JOSE (BCN) -- The council met on Tuesday  to vote on the budget.\n".write(toFile: next, atomically: true, encoding: .utf8)

        let results = await Self.run([stream, next], pipeline: try Self.pipeline("lint"), mode: .report, streaming: true, limit: 32 << 10)
        let refused = results.filter { $0.error != nil }
        #expect(refused.count == 1)
        let message = try #require(refused.first?.error?.description)
        #expect(message.hasPrefix(stream + ": line "))
        #expect(message.contains("story 3 of 17"))
        #expect(message.contains("larger than the story size limit of 32 KB (--max-story-size)"))
        // The other 16 stories and the next file were processed.
        #expect(results.filter { $0.path == stream && $0.error == nil && $0.story != nil }.count == 16)
        let last = try #require(results.last)
        #expect(last.path == next && last.error == nil)
        #expect(last.diagnostics.contains { $0.ruleID.hasPrefix("whitespace") })

        // A file of another format over the limit is one story too large: refused, not read.
        var runner = BatchRunner(pipeline: try Self.pipeline("lint"), mode: .report)
        runner.streamAbove = 0
        runner.maximumStorySize = 16
        let plain = await runner.process(path: next)
        #expect(plain.error?.description == "\(next): file is 69 bytes, larger than the story size limit of 16 bytes (--max-story-size); not read")
    }
}
