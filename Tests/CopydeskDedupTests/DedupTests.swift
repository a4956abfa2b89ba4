import Copydesk
import Foundation
import Testing

@Suite struct DedupTests {
    func deduplicator() throws -> (Deduplicator, String) {
        let directory = try Fixtures.temporaryDirectory()
        let store = try SQLiteStore(path: directory + "/archive.sqlite", parameters: MatchSettings().parametersDescription)
        return (try Deduplicator(store: store), directory)
    }

    @Test func anExactResendIsADuplicate() async throws {
        let (dedup, _) = try deduplicator()
        let first = try Fixtures.story(headline: Fixtures.strikeHeadline, byline: Fixtures.strikeByline, Fixtures.strike, id: "AP-1001")
        #expect(try await dedup.check(first, record: true).dedupClass == .new)
        // Resent under a new id, with a new headline and extra spaces: same body.
        var paragraphs = Fixtures.strike
        paragraphs[3] = paragraphs[3].replacingOccurrences(of: " ", with: "  ")
        let resend = try Fixtures.story(headline: "Rotterdam dockworkers strike", byline: "By STAFF", paragraphs, id: "AP-1002")
        let result = try await dedup.check(resend, record: true)
        #expect(result.dedupClass == .duplicate)
        #expect(result.match?.exact == true)
        #expect(result.match?.earlier.id == "AP-1001")
        #expect(result.message == "duplicate of AP-1001 (exact)")
    }

    @Test func aWriteThroughIsAnUpdateNamingItsNewAndChangedParagraphs() async throws {
        let (dedup, _) = try deduplicator()
        let first = try Fixtures.story(headline: Fixtures.strikeHeadline, byline: Fixtures.strikeByline, Fixtures.strike, id: "AP-1234")
        _ = try await dedup.check(first, record: true)
        let writeThrough = try Fixtures.story(headline: "Rotterdam strike diverts ships to Antwerp, Bremerhaven", byline: Fixtures.strikeByline,
                                              Fixtures.strikeWriteThrough, id: "AP-1240")
        let result = try await dedup.check(writeThrough, record: true)
        let match = try #require(result.match)
        #expect(result.dedupClass == .update)
        #expect(match.earlier.id == "AP-1234")
        #expect(match.newParagraphs == [3, 9, 15])
        #expect(match.changedParagraphs == [7])
        #expect(match.seenParagraphs.count == 11)
        #expect(match.containment > 0.9)
        #expect(match.jaccard > 0.5 && match.jaccard < 0.9)
        #expect(result.message.hasPrefix("update of AP-1234 (J 0."))
        #expect(result.message.hasSuffix("): paragraphs 3, 9, 15 new, 7 changed"))
        let diff = try #require(match.paragraphs.first { $0.paragraph == 7 }?.diff)
        #expect(diff.changes.added.contains { $0.contains("Bremerhaven") })
        #expect(diff.changes.removed.contains { $0.contains("five") })
        #expect(match.paragraphs.first { $0.paragraph == 7 }?.earlierParagraph == 6)
    }

    @Test func theSameEventFromTwoAgenciesIsRelatedNotADuplicate() async throws {
        let (dedup, _) = try deduplicator()
        _ = try await dedup.check(try Fixtures.story(headline: Fixtures.strikeHeadline, Fixtures.strike, id: "AP-1234"), record: true)
        let reuters = try Fixtures.story(headline: "Rotterdam port workers strike over automation", Fixtures.strikeReuters, id: "RTR-77")
        let result = try await dedup.check(reuters, record: true)
        #expect(result.dedupClass == .related)
        #expect(result.match?.earlier.id == "AP-1234")
        #expect(result.match?.seenParagraphs == [3])
        #expect((result.match?.jaccard ?? 1) < 0.2)
        #expect(result.message.hasSuffix(": paragraph 3 seen"))
    }

    @Test func unrelatedStoriesOnTheSameTopicAreNew() async throws {
        let (dedup, _) = try deduplicator()
        _ = try await dedup.check(try Fixtures.story(headline: Fixtures.strikeHeadline, Fixtures.strike, id: "AP-1234"), record: true)
        let antwerp = try Fixtures.story(headline: "Belgian port strike halts Antwerp shipping", Fixtures.antwerpStrike, id: "AP-2000")
        let result = try await dedup.check(antwerp, record: true)
        #expect(result.dedupClass == .new)
        #expect(result.match == nil)
    }

    @Test func aBriefResentWithOneWordChangedIsFoundWithTheWordDiff() async throws {
        let (dedup, _) = try deduplicator()
        let first = try Fixtures.story(headline: "Quake strikes off New Zealand", Fixtures.brief, id: "AP-NZ-1")
        let firstResult = try await dedup.check(first, record: true)
        #expect(firstResult.isBrief)
        let corrected = try Fixtures.story(headline: "Correction: Quake strikes off New Zealand", Fixtures.briefCorrected, id: "AP-NZ-2")
        let result = try await dedup.check(corrected, record: true)
        #expect(result.dedupClass == .update)
        let match = try #require(result.match)
        #expect(match.earlier.id == "AP-NZ-1")
        #expect(match.changedParagraphs == [1])
        #expect(match.seenParagraphs == [2])
        #expect(match.shingleSize == 3)
        let diff = try #require(match.paragraphs.first?.diff)
        #expect(diff.changes.removed == ["6.1"])
        #expect(diff.changes.added == ["6.4"])
        #expect(diff.rendered.contains("magnitude [-6.1-] {+6.4+} earthquake"))
    }

    @Test func aBriefThatGrowsIntoAWriteThroughIsAnUpdate() async throws {
        let (dedup, _) = try deduplicator()
        _ = try await dedup.check(try Fixtures.story(headline: "Rotterdam dockworkers strike", [Fixtures.strike[0]], id: "AP-URGENT"), record: true)
        let result = try await dedup.check(try Fixtures.story(headline: Fixtures.strikeHeadline, Fixtures.strike, id: "AP-1234"), record: true)
        #expect(result.dedupClass == .update)
        #expect(result.match?.earlier.id == "AP-URGENT")
        #expect(result.match?.newParagraphs == Array(2...12))
    }

    @Test func chineseCopyIsMatchedThroughICUWordBreaks() async throws {
        let (dedup, _) = try deduplicator()
        _ = try await dedup.check(try Fixtures.story(headline: "政府工作报告提出经济增长目标", Fixtures.chinese, id: "XH-1"), record: true)
        let resend = try await dedup.check(try Fixtures.story(headline: "总理作政府工作报告", Fixtures.chinese, id: "XH-2"), record: false)
        #expect(resend.dedupClass == .duplicate)
        let result = try await dedup.check(try Fixtures.story(headline: "政府工作报告提出经济增长目标", Fixtures.chineseUpdated, id: "XH-3"), record: true)
        #expect(result.dedupClass == .update)
        #expect(result.match?.earlier.id == "XH-1")
        #expect(result.match?.newParagraphs == [5])
        #expect(result.match?.changedParagraphs == [4])
    }

    @Test func checkOnlyDoesNotRecordAndRerunsAreIdempotent() async throws {
        let (dedup, _) = try deduplicator()
        let story = try Fixtures.story(headline: Fixtures.strikeHeadline, Fixtures.strike, id: "AP-1")
        #expect(try await dedup.check(story, record: false).dedupClass == .new)
        #expect(try await dedup.store.stats().stories == 0)
        #expect(try await dedup.check(story, record: true).recorded)
        let again = try await dedup.check(story, record: true)
        #expect(again.dedupClass == .duplicate && !again.recorded)
        #expect(try await dedup.store.stats().stories == 1)
    }

    @Test func theStageReportsDiagnosticsAndStageData() async throws {
        let directory = try Fixtures.temporaryDirectory()
        let stage = try DedupStage(options: StageOptions(["store": .string("desk.sqlite")], declared: DedupStage.options,
                                                         stageName: "dedup", baseDirectory: directory))
        #expect(stage.storePath == directory + "/desk.sqlite")
        var first = try Fixtures.story(headline: Fixtures.strikeHeadline, Fixtures.strike, id: "AP-1234")
        try await stage.process(&first, context: StageContext())
        #expect(first.diagnostics.map(\.ruleID) == ["dedup.new"])
        var second = try Fixtures.story(headline: "Rotterdam strike diverts ships", Fixtures.strikeWriteThrough, id: "AP-1240")
        try await stage.process(&second, context: StageContext())
        let diagnostic = try #require(second.diagnostics.first)
        #expect(diagnostic.ruleID == "dedup.update")
        #expect(diagnostic.severity == .info)
        #expect(diagnostic.range == 0..<Fixtures.strikeHeadline.utf8.count - Fixtures.strikeHeadline.utf8.count + "Rotterdam strike diverts ships".utf8.count)
        guard case .map(let data)? = second.stageData["dedup"] else { Issue.record("no stage data"); return }
        #expect(data["class"] == .string("update"))
        #expect(data["newParagraphs"] == .list([.int(3), .int(9), .int(15)]))
        guard case .map(let earlier)? = data["earlier"], case .list(let paragraphs)? = data["paragraphs"] else { Issue.record("no details"); return }
        #expect(earlier["id"] == .string("AP-1234"))
        #expect(paragraphs.count == 15)
        #expect(FileManager.default.fileExists(atPath: directory + "/desk.sqlite"))
    }

    @Test func badOptionsAreConfigurationErrors() {
        #expect(throws: CopydeskError.self) {
            try DedupStage(options: StageOptions(["duplicate": .string("high")], declared: DedupStage.options, stageName: "dedup"))
        }
        #expect(throws: CopydeskError.self) {
            try DedupStage(options: StageOptions(["update": .double(0.95)], declared: DedupStage.options, stageName: "dedup"))
        }
    }
}

@Suite struct DedupReportModeTests {
    @Test func aRunThatOnlyReportsNeverChangesTheArchive() async throws {
        let directory = try Fixtures.temporaryDirectory()
        let stage = try DedupStage(options: StageOptions(["store": .string("desk.sqlite")], declared: DedupStage.options,
                                                         stageName: "dedup", baseDirectory: directory))
        var story = try Fixtures.story(headline: Fixtures.strikeHeadline, Fixtures.strike, id: "AP-1234")
        try await stage.process(&story, context: StageContext(mode: .report))
        #expect(story.diagnostics.map(\.ruleID) == ["dedup.new"])
        var again = try Fixtures.story(headline: Fixtures.strikeHeadline, Fixtures.strike, id: "AP-1234")
        try await stage.process(&again, context: StageContext(mode: .report))
        #expect(again.diagnostics.map(\.ruleID) == ["dedup.new"])
        #expect(try await SQLiteStore(path: directory + "/desk.sqlite").stats().stories == 0)
    }
}
