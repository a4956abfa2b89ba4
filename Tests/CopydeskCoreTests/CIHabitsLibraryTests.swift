@testable import Copydesk
import Foundation
import Testing

@Suite struct SuppressionsTests {
    static let known: Set<String> = ["dates.month", "dates.ordinal", "quotes.mixed", "attribution.anonymous"]

    static func finding(_ rule: String, at needle: String, in story: String) -> Diagnostic {
        let range = story.range(of: needle)!
        let lower = story.utf8.distance(from: story.startIndex, to: range.lowerBound)
        return Diagnostic(ruleID: rule, severity: .warning, message: rule, range: lower..<(lower + needle.utf8.count))
    }

    static func text(_ range: Range<Int>, in story: String) -> String {
        String(decoding: Array(story.utf8)[range], as: UTF8.self)
    }

    @Test func familiesAllRulesAndUnclosedRegions() {
        let story = """
            ATHENS, Greece (AP) — Talks on September 15.
            <!-- copydesk-disable dates -->
            The notice said October 20th.
            <!-- copydesk-enable -->
            A vote on November 3rd.
            <!-- copydesk-disable -->
            "Officials said" on December 1.
            """
        let suppressions = Suppressions(text: story, knownRules: Self.known)
        let findings = [
            Self.finding("dates.month", at: "September", in: story),
            Self.finding("dates.month", at: "October", in: story),
            Self.finding("dates.ordinal", at: "20th", in: story),
            Self.finding("dates.month", at: "November", in: story),
            Self.finding("dates.month", at: "December", in: story),
            Self.finding("attribution.anonymous", at: "Officials said", in: story),
        ]
        // The family switch covers both date rules; `enable` with no ids closes every region;
        // the unclosed all-rules region runs to the end.
        #expect(suppressions.apply(to: findings) == [findings[0], findings[3]])
    }

    @Test func unknownIdsAreReportedAndDisableNothing() throws {
        let story = "<!-- copydesk-disable-next-line dates.montth -->\nTalks on September 15.\n"
        let suppressions = Suppressions(text: story, knownRules: Self.known)
        let month = Self.finding("dates.month", at: "September", in: story)
        let result = suppressions.apply(to: [month])
        #expect(result.contains(month))
        let unknown = try #require(result.first { $0.ruleID == Suppressions.unknownRule })
        #expect(Self.text(unknown.range, in: story) == "dates.montth")
    }

    @Test func otherCommentsAreNotDirectives() {
        let story = "<!-- an editor's note: check the copydesk-style guide -->\n<!-- copydesk-disabled dates.month -->\nTalks on September 15.\n"
        let month = Self.finding("dates.month", at: "September", in: story)
        #expect(Suppressions(text: story, knownRules: Self.known).apply(to: [month]) == [month])
    }
}

@Suite struct GitDiffParsingTests {
    @Test func hunksGiveTheAddedLinesOfEachFile() {
        let diff = """
            diff --git a/stories/athens.txt b/stories/athens.txt
            index 1111111..2222222 100644
            --- a/stories/athens.txt
            +++ b/stories/athens.txt
            @@ -3 +3 @@ Athens cafe owners protest new tax
            -ATHENS, Greece (AP) -- Hundreds
            +ATHENS, Greece (AP) — Hundreds
            @@ -7,0 +8,2 @@
            +
            +Talks will be held on Sept. 15.
            @@ -12,2 +13,0 @@
            -Old paragraph.
            -
            diff --git a/stories/caf\\303\\251.txt b/stories/caf\\303\\251.txt
            new file mode 100644
            --- /dev/null
            +++ "b/stories/caf\\303\\251 t\\303\\244x.txt"
            @@ -0,0 +1,3 @@
            +Cafe

            """
        let files = GitChanges.parseDiff(diff)
        #expect(files.count == 2)
        #expect(files[0].path == "stories/athens.txt")
        #expect(files[0].changedLines == [3...3, 8...9])
        #expect(files[0].isChanged(line: 9) && !files[0].isChanged(line: 10) && !files[0].isChanged(line: 13))
        #expect(files[1].path == "stories/café täx.txt")
        #expect(files[1].changedLines == nil)
    }
}

@Suite struct BaselineLibraryTests {
    @Test func entriesAreSortedCountedAndRelativeToTheBaselineFolder() throws {
        let text = "ATHENS, Greece (AP) — Talks on September 15, officials said. Officials said more.\n"
        let source = SourceFile(path: "/desk/stories/athens.txt", text: text)
        func at(_ needle: String, _ rule: String) -> Diagnostic {
            let range = text.range(of: needle)!
            let lower = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            return Diagnostic(ruleID: rule, severity: .warning, message: rule, range: lower..<(lower + needle.utf8.count))
        }
        let report = FileReport(path: "/desk/stories/athens.txt", source: source,
                                diagnostics: [at("officials said", "attribution.anonymous"), at("September", "dates.month")])
        let baseline = Baseline(reports: [report], baselinePath: "/desk/.copydesk-baseline.json")
        #expect(baseline.findings.map(\.rule) == ["attribution.anonymous", "dates.month"])
        #expect(baseline.findings.allSatisfy { $0.path == "stories/athens.txt" })
        #expect(try JSONDecoder().decode(Baseline.self, from: Data(baseline.rendered().utf8)) == baseline)

        var filter = Baseline.Filter(baseline, baselinePath: "/desk/.copydesk-baseline.json")
        // The same finding twice in the same place: the second is new.
        var twice = report
        twice.diagnostics.append(at("September", "dates.month"))
        let left = filter.apply(twice)
        #expect(left.diagnostics.map(\.ruleID) == ["dates.month"])
    }
}
