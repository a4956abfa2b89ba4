import Copydesk
import Foundation
import Testing

/// A custom rule's `raw` patterns have a CPU-time budget per file: a catastrophic pattern in
/// paragraph scope stops once, is reported once for the file, and the other rules still run.
@Suite struct RegexBudgetTests {
    static func style(_ yaml: String) throws -> Style {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-budget-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/desk.yml"
        try "extends: ap\nrules:\n\(yaml)".write(toFile: path, atomically: true, encoding: .utf8)
        return try LintStage.loader.load(path, searchDirectories: [LintFixtures.projectRoot])
    }

    static let rules = """
          desk.bomb:
            type: existence
            message: "bomb %s"
            scope: paragraph
            raw: ["(a|aa)+$"]
          desk.hedging:
            type: existence
            message: "Cut '%s'"
            scope: paragraph
            raw: ["\\\\breportedly\\\\b"]
        """

    /// Forty paragraphs, each with a run of a's that backtracks for a long time.
    static let text = "Talks go on\n\n" + (1...40).map { "MOSCOW (AP) — Paragraph \($0) reportedly says \(String(repeating: "a", count: 40))!" }.joined(separator: "\n\n") + "\n"

    @Test func aCatastrophicPatternStopsOnceAndTheOtherRulesRun() throws {
        let stage = try LintStage(style: try Self.style(Self.rules), regexRuleBudget: 50, regexFileBudget: 1000)
        var story = try PlainTextReader.read(SourceFile(path: "bomb.txt", text: Self.text))
        try stage.lint(&story)
        let timeOuts = story.diagnostics.filter { $0.ruleID == "lint.regex-timeout" }
        #expect(timeOuts.count == 1)
        #expect(timeOuts.first?.severity == .error)
        #expect(timeOuts.first?.message.hasPrefix("rule 'desk.bomb' (") == true)
        #expect(timeOuts.first?.message.contains("U_REGEX_TIME_OUT") == true)
        #expect(!story.diagnostics.contains { $0.ruleID == "desk.bomb" }, "a rule stopped half-way reports nothing")
        #expect(story.diagnostics.filter { $0.ruleID == "desk.hedging" }.count == 40, "the other custom rule ran on every paragraph")
        // The time-out points at the start of the paragraph where the budget ran out.
        let offset = try #require(timeOuts.first?.range.lowerBound)
        #expect(Self.text.utf8.dropFirst(offset).starts(with: "MOSCOW".utf8))
    }

    /// Every story of a file shares the budget: the second story of a stream is not checked by the
    /// stopped rule again, and the time-out is not reported twice.
    @Test func storiesOfOneFileShareTheBudget() throws {
        let stage = try LintStage(style: try Self.style(Self.rules), regexRuleBudget: 50, regexFileBudget: 1000)
        let source = SourceFile(path: "stream.txt", text: Self.text)
        var first = try PlainTextReader.read(source), second = try PlainTextReader.read(source)
        try stage.lint(&first)
        try stage.lint(&second)
        #expect(first.diagnostics.filter { $0.ruleID == "lint.regex-timeout" }.count == 1)
        #expect(second.diagnostics.filter { $0.ruleID == "lint.regex-timeout" }.isEmpty)
        #expect(second.diagnostics.filter { $0.ruleID == "desk.hedging" }.count == 40)
        // Another file starts with a full budget.
        var other = try PlainTextReader.read(SourceFile(path: "other.txt", text: Self.text))
        try stage.lint(&other)
        #expect(other.diagnostics.filter { $0.ruleID == "lint.regex-timeout" }.count == 1)
    }

    /// With the file's budget spent, a rule that had time of its own left is stopped too, with a
    /// message that says why; a style can re-level the time-out.
    @Test func theFileBudgetStopsEveryRule() throws {
        let yaml = Self.rules + """

              lint.regex-timeout: warning
              desk.bomb2:
                type: existence
                message: "bomb %s"
                scope: paragraph
                raw: ["(a|aa)+$"]
            """
        let stage = try LintStage(style: try Self.style(yaml), regexRuleBudget: 200, regexFileBudget: 200)
        var story = try PlainTextReader.read(SourceFile(path: "bomb.txt", text: Self.text))
        try stage.lint(&story)
        let timeOuts = story.diagnostics.filter { $0.ruleID == "lint.regex-timeout" }
        #expect(timeOuts.count == 3, "desk.bomb uses the file's budget; desk.bomb2 and desk.hedging find none left: \(timeOuts.map(\.message))")
        #expect(timeOuts.allSatisfy { $0.severity == .warning })
        #expect(timeOuts.contains { $0.message.contains("together took their 200 ms") })
    }

    /// Matches under a budget are the matches without one.
    @Test func budgetedMatchesAreTheSame() throws {
        let regex = try ICURegex(pattern: "\\b[A-Z][a-z]+\\b")
        let text = String(repeating: "The Kremlin said on Tuesday that Putin would travel. ", count: 200)
        var used: Int64 = 0
        #expect(try regex.matches(in: text, budgetNanoseconds: 10_000_000_000, used: &used) == regex.matches(in: text))
        #expect(used > 0)
        #expect {
            _ = try ICURegex(pattern: "(a|aa)+$").matches(in: String(repeating: "a", count: 60) + "!", budgetNanoseconds: 20_000_000, used: &used)
        } throws: { ($0 as? ICUError)?.name == "U_REGEX_TIME_OUT" }
        #expect(used >= 20_000_000, "stopped only once the budget was spent")
    }
}
