import Copydesk
@testable import CopydeskLint
import Foundation
import Testing

/// Dateline and dates rules where the examples cannot say enough: other styles than the
/// example style, story metadata (agency, language, creation date), and the dateline parser.
@Suite struct DatelineRulesTests {
    struct Found { var id: String; var text: String; var message: String; var fixed: String? }

    /// Runs one rule on a plain-text story with optional metadata; each finding with the text it
    /// covers and the story after applying that rule's fixes.
    static func run(_ type: any LintRule.Type, style name: String, _ text: String,
                    metadata: (inout StoryMetadata) -> Void = { _ in }) throws -> (found: [Found], fixed: String) {
        let style = try LintFixtures.style(name)
        let rule = try type.init(style: style)
        var story = try PlainTextReader.read(SourceFile(path: "test.txt", text: text))
        metadata(&story.metadata)
        var report = LintReport()
        rule.check(LintDocument(story: story, style: style), &report)
        var found: [Found] = []
        for finding in report.findings {
            let block = story.blocks[finding.block].string
            let bytes = Array(block.utf8)
            found.append(Found(id: type.description.id, text: String(decoding: bytes[finding.range], as: UTF8.self), message: finding.message, fixed: nil))
            story.report(type.description.id, .warning, finding.message, block: finding.block, range: finding.range, fix: finding.fix)
        }
        let fixed = FixApplier.apply(story.diagnostics.compactMap(\.fix), to: text).text
        return (found, fixed)
    }

    @Test func parsesTheAgencyForms() throws {
        func parse(_ text: String) -> (place: [String], date: String?, credit: String?, dash: Dateline.Dash?)? {
            let bytes = Array(text.utf8)
            guard let dateline = DatelineParser.parse(bytes, block: 0) else { return nil }
            func s(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }
            return (dateline.place.map(s), dateline.date.map(s), dateline.credit.map(s), dateline.dash)
        }
        let ap = try #require(parse("CHATHAM, Mass. (AP) — A storm hit."))
        #expect(ap.place == ["CHATHAM", "Mass."] && ap.date == nil && ap.credit == "AP" && ap.dash == .em)
        let reuters = try #require(parse("BEIJING, Sept 6 (Reuters) - China said."))
        #expect(reuters.place == ["BEIJING"] && reuters.date == "Sept 6" && reuters.credit == "Reuters" && reuters.dash == .hyphen)
        let afp = try #require(parse("Stockholm, Aug 29, 2014 (AFP) - Police said."))
        #expect(afp.place == ["Stockholm"] && afp.date == "Aug 29, 2014" && afp.credit == "AFP")
        #expect(parse("ATLANTA (AP) _ The mayor said.")?.dash == .underscore)
        #expect(parse("Tegucigalpa, Jan 2 (EFE).- The army said.")?.dash == .dotHyphen)
        #expect(parse("Jan 30 (Reuters) - Stocks fell.")?.place == [])
        #expect(parse("ST. LOUIS (AP) — A storm hit.")?.place == ["ST. LOUIS"])
        // Not datelines.
        #expect(parse("Three people — including a child — died.") == nil)
        #expect(parse("NATO leaders — meeting in Brussels — agreed.") == nil)
        #expect(parse("Chinese President Xi Jinping will meet Putin - officials said.") == nil)
        #expect(parse("\"We won — finally,\" she said.") == nil)
    }

    @Test func reutersDatelines() throws {
        let clean = "China to host talks\n\nBEIJING, Sept 6 (Reuters) - China will host talks next week, the ministry said.\n\nNo date was set."
        for type in DatelineFamily.rules {
            #expect(try Self.run(type, style: "reuters", clean).found.isEmpty, "\(type.description.id)")
        }
        let market = "Stocks fall\n\nJan 30 (Reuters) - U.S. stocks fell on Monday as investors awaited earnings.\n\nThe Dow lost 1%."
        #expect(try Self.run(DatelineFormatRule.self, style: "reuters", market).found.isEmpty)
        let wrong = "China to host talks\n\nBEIJING, Sept. 6th (Reuters) — China will host talks next week, the ministry said.\n\nNo date was set."
        let result = try Self.run(DatelineFormatRule.self, style: "reuters", wrong)
        #expect(result.found.count == 3)
        #expect(result.fixed == clean)
        #expect(try Self.run(DatelineFormatRule.self, style: "reuters", result.fixed).found.isEmpty)
    }

    @Test func agencyComesFromMetadata() throws {
        let story = "Storm hits\n\nCHATHAM, Mass. (AP) — A winter storm cut power on Monday.\n\nCrews worked overnight."
        #expect(try Self.run(DatelineAgencyRule.self, style: "translated-en", story) { $0.agency = "The Associated Press" }.found.isEmpty)
        #expect(try Self.run(DatelineAgencyRule.self, style: "translated-en", story).found.isEmpty)
        let other = try Self.run(DatelineAgencyRule.self, style: "translated-en", story) { $0.agency = "Thomson Reuters" }
        #expect(other.found.map(\.text) == ["AP"])
        let afp = story.replacingOccurrences(of: "(AP)", with: "(AFP)")
        #expect(try Self.run(DatelineAgencyRule.self, style: "guardian", afp) { $0.agency = "Agence France-Presse" }.found.isEmpty)
    }

    @Test func missingDatelineNeedsHardNewsInEnglish() throws {
        let story = "Leaders to meet\n\nChinese President Xi Jinping will meet Vladimir Putin next week, the Kremlin said.\n\nThe summit is in Samarkand."
        #expect(try Self.run(DatelineMissingRule.self, style: "ap", story).found.map(\.text) == ["Chinese"])
        #expect(try Self.run(DatelineMissingRule.self, style: "ap", story) { $0.language = "de" }.found.isEmpty)
        #expect(try Self.run(DatelineMissingRule.self, style: "ap", story) { $0.dateline = "MOSCOW (AP) —" }.found.isEmpty)
        #expect(try Self.run(DatelineMissingRule.self, style: "guardian", story).found.isEmpty)
        #expect(try Self.run(DatelineMissingRule.self, style: "ap", "Leaders to meet\n\n").found.isEmpty)
    }

    @Test func relativeDayFixNamesTheWeekdayOfTheStoryDate() throws {
        let story = "Leaders to meet\n\nRussian diplomacy said today the leaders will meet. The Kremlin said so yesterday.\n\nMore tomorrow."
        // 2022-09-06 was a Tuesday.
        let created = try #require(ISO8601DateFormatter().date(from: "2022-09-06T10:00:00Z"))
        let result = try Self.run(DatesRelativeRule.self, style: "ap", story) { $0.created = created }
        #expect(result.fixed == "Leaders to meet\n\nRussian diplomacy said Tuesday the leaders will meet. The Kremlin said so Monday.\n\nMore Wednesday.")
        // A Reuters dateline date takes the year from the metadata.
        let reuters = "Talks\n\nBEIJING, Sept 6 (Reuters) - China said today it will attend.\n\nNo more."
        let dated = try Self.run(DatesRelativeRule.self, style: "reuters", reuters) { $0.created = created }
        #expect(dated.fixed.contains("China said Tuesday"))
        // No date known: a suggestion, no fix.
        let undated = try Self.run(DatesRelativeRule.self, style: "reuters", reuters)
        #expect(undated.found.count == 1 && undated.fixed == reuters)
    }

    @Test func monthFormsPerStyle() throws {
        let text = "Talks\n\nThe summit opens Sept. 15 and ends on 16 Sept, after talks in Sept. 2022.\n\nMore."
        #expect(try Self.run(DatesMonthRule.self, style: "reuters", text).fixed
            == "Talks\n\nThe summit opens Sept 15 and ends on Sept 16, after talks in September 2022.\n\nMore.")
        #expect(try Self.run(DatesMonthRule.self, style: "guardian", text).fixed
            == "Talks\n\nThe summit opens September 15 and ends on 16 September, after talks in September 2022.\n\nMore.")
        // The ordinal and month fixes do not overlap: both apply in one pass.
        let both = "Talks\n\nThe summit opens September 15th.\n\nMore."
        let month = try Self.run(DatesMonthRule.self, style: "ap", both)
        let ordinal = try Self.run(DatesOrdinalRule.self, style: "ap", month.fixed)
        #expect(ordinal.fixed == "Talks\n\nThe summit opens Sept. 15.\n\nMore.")
    }
}
