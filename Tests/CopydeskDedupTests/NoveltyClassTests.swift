import Copydesk
import Foundation
import Testing

/// The class follows the paragraph novelty: a version with anything new to read is an update,
/// however close its Jaccard is to the earlier one; a duplicate has nothing new.
@Suite struct NoveltyClassTests {
    func deduplicator() throws -> Deduplicator {
        let directory = try Fixtures.temporaryDirectory()
        let store = try SQLiteStore(path: directory + "/archive.sqlite", parameters: MatchSettings().parametersDescription)
        return try Deduplicator(store: store)
    }

    func check(_ first: [String], then second: [String]) async throws -> DedupResult {
        let dedup = try deduplicator()
        _ = try await dedup.check(Fixtures.story(headline: LongStory.headline, first, id: "AP-0501"), record: true)
        return try await dedup.check(Fixtures.story(headline: "Floods force evacuation of Faenza", second, id: "AP-0502"), record: true)
    }

    @Test func aLongWriteThroughWithTwoNewParagraphsIsAnUpdateAboveTheDuplicateThreshold() async throws {
        #expect(LongStory.paragraphs.count >= 30)
        let result = try await check(LongStory.paragraphs, then: LongStory.writeThrough)
        let match = try #require(result.match)
        // The thresholds alone would spike it: J is above `duplicate`.
        #expect(match.jaccard >= MatchSettings().duplicate)
        #expect(match.similarityClass == .duplicate)
        #expect(result.dedupClass == .update)
        #expect(match.newParagraphs == [9, 28])
        #expect(match.changedParagraphs == [1])
        #expect(result.message.hasPrefix("update of AP-0501 (J 0.9"))
        #expect(result.message.hasSuffix(": paragraphs 9, 28 new, 1 changed"))
    }

    @Test func aCorrectedFigureIsAnUpdate() async throws {
        let result = try await check(LongStory.paragraphs, then: LongStory.figureCorrected)
        let match = try #require(result.match)
        #expect(match.jaccard >= MatchSettings().duplicate)
        #expect(result.dedupClass == .update)
        #expect(match.changedParagraphs == [2])
        #expect(result.message.hasSuffix(": paragraph 2 changed"))
    }

    @Test func aFixedTypoIsStillADuplicate() async throws {
        let (first, fixed) = LongStory.typoFixed
        let result = try await check(first, then: fixed)
        let match = try #require(result.match)
        #expect(result.dedupClass == .duplicate)
        #expect(match.changedParagraphs == [15])
        #expect(result.message.hasSuffix(": paragraph 15 with spelling fixes"))
    }

    @Test func aTrimmedResendWithNothingNewIsADuplicateThatNamesTheDroppedParagraph() async throws {
        let result = try await check(LongStory.paragraphs, then: LongStory.trimmed)
        #expect(result.dedupClass == .duplicate)
        #expect(result.match?.droppedParagraphs == [32])
        #expect(result.message.hasSuffix(": no new or changed paragraphs; paragraph 32 of AP-0501 dropped"))
    }

    @Test func anUpdateByContainmentWithNothingNewIsADuplicate() async throws {
        // Half the story resent (J near 0.5, containment low): every paragraph seen.
        let half = Array(LongStory.paragraphs.prefix(20))
        let result = try await check(LongStory.paragraphs, then: half)
        #expect(result.match?.similarityClass == .update)
        #expect(result.dedupClass == .duplicate)
    }

    @Test func theShortBriefCorrectionStaysAnUpdate() async throws {
        let dedup = try deduplicator()
        _ = try await dedup.check(Fixtures.story(headline: "Quake", Fixtures.brief, id: "AP-1"), record: true)
        let result = try await dedup.check(Fixtures.story(headline: "Quake", Fixtures.briefCorrected, id: "AP-2"), record: true)
        #expect(result.dedupClass == .update)
    }

    @Test func whatCountsAsATrivialChange() throws {
        let tokenizer = try WordTokenizer()
        func trivial(_ old: String, _ new: String) throws -> Bool {
            NoveltyClass.isTrivial(try WordDiff(from: old, to: new, tokenizer: tokenizer))
        }
        let base = "The goverment said on Tuesday that the talks would resume in Geneva next week."
        #expect(try trivial(base, base.replacingOccurrences(of: "goverment", with: "government")))
        #expect(try trivial("Officals said the bridge was closed.", "Officials said the bridge was closed."))
        #expect(try trivial("The minister recieved the report.", "The minister received the report."))   // transposition
        #expect(try trivial("The road was closed any way.", "The road was closed anyway."))
        // A figure, a short word, a word added or removed, another word: the editor must read them.
        #expect(try !trivial("A magnitude 6.1 earthquake struck.", "A magnitude 6.4 earthquake struck."))
        #expect(try !trivial("The minister will now resign.", "The minister will not resign."))
        #expect(try !trivial("The minister did resign.", "The minister did not resign."))
        #expect(try !trivial("The minister did not resign.", "The minister did resign."))
        #expect(try !trivial("Police arrested three men.", "Police released three men."))
        #expect(try !trivial("Hundreds were evacuated.", "Thousands were evacuated."))
    }
}
