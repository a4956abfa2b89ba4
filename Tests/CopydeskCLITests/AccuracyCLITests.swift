import Foundation
import Testing

/// Findings of `copydesk lint` on a story, as the text report prints them.
struct LintedFinding: Equatable {
    var line: Int
    var column: Int
    var rule: String
    var message: String
}

enum AccuracyCLI {
    /// Writes `text` to a file named `name` in a fresh folder and lints it.
    static func lint(_ text: String, name: String = "story.txt", arguments: [String] = []) throws -> [LintedFinding] {
        let directory = try CLI.temporaryDirectory()
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try lint(path: path, arguments: arguments)
    }

    static func lint(path: String, arguments: [String] = []) throws -> [LintedFinding] {
        let result = try CLI.run(["lint", "--no-source", "--fail-on", "never"] + arguments + [path])
        return result.stdout.split(separator: "\n").compactMap { whole -> LintedFinding? in
            // A finding in a stream ends with its story: ` [rule] (story 2 of 2: "…")`.
            let line = whole.range(of: "] (story ", options: .backwards).map { whole[..<$0.lowerBound] + "]" } ?? whole
            guard line.hasPrefix(path + ":"), line.hasSuffix("]"), let open = line.lastIndex(of: "[") else { return nil }
            let rest = line.dropFirst(path.count + 1)
            let parts = rest.split(separator: ":", maxSplits: 3)
            guard parts.count == 4, let number = Int(parts[0]), let column = Int(parts[1]) else { return nil }
            let rule = String(line[line.index(after: open)..<line.index(before: line.endIndex)])
            var message = String(parts[3].dropFirst())
            message.removeLast(rule.count + 3)   // " [rule]"
            return LintedFinding(line: number, column: column, rule: rule, message: message)
        }
    }
}

/// Attribution verbs in every tense and shape, quiet where the word is not attribution.
@Suite struct AttributionAccuracyCLITests {
    static let story = """
        Water company disputes fine

        LONDON (AP) — The water company has claimed it intends to appeal a record fine for sewage spills, the regulator said on Tuesday.

        Its chief executive declared it might also help customers if bills were capped, and she admitted the figures published last year were wrong.

        The environment secretary claimed, by 2030, every river would meet the new standard. Campaigners are claiming that the target is already out of reach.

        The company claims the spills were caused by heavy rain. It had stated in a letter that its plants met every permit.

        "We will fight this decision in every court we can," the chairman declared.

        Britain declared war on Germany in 1939. Two patients were admitted to hospital, and an admitted patient must be seen within four hours.

        The company's stated goals include halving spills by 2030. Member states that have signed the treaty must report spills every year.

        Insurance claims rose by a third after the floods, and a group posted a video claiming responsibility for damaging a pumping station.
        """

    @Test func loadedVerbsAreFoundInEveryTenseAndShapeAndNowhereElse() throws {
        let findings = try AccuracyCLI.lint(Self.story).filter { $0.rule == "attribution.verb" }
        let verbs = findings.map { finding -> String in
            let line = Self.story.split(separator: "\n", omittingEmptySubsequences: false)[finding.line - 1]
            let start = line.unicodeScalars.index(line.unicodeScalars.startIndex, offsetBy: finding.column - 1)
            return String(String(line.unicodeScalars[start...]).prefix { $0.isLetter })
        }
        #expect(verbs == ["claimed", "declared", "admitted", "claimed", "claiming", "claims", "stated", "declared"], "\(findings)")
        #expect(findings.first?.message == "\"claimed\" is not neutral: use \"said\" unless its meaning is intended (AP) (suggestion: said)")
        #expect(findings.contains { $0.message.hasPrefix("\"claims\" is not neutral: use \"says\"") })
        #expect(findings.contains { $0.message.hasPrefix("\"claiming\" is not neutral: use \"saying\"") })
    }

    @Test func messagesNameTheStyleInForce() throws {
        for (style, name) in [("reuters", "Reuters"), ("guardian", "Guardian"), ("ap", "AP")] {
            let findings = try AccuracyCLI.lint(Self.story, arguments: ["--style", style]).filter { $0.rule == "attribution.verb" }
            #expect(!findings.isEmpty)
            #expect(findings.allSatisfy { $0.message.contains("(\(name))") }, "\(style): \(findings.map(\.message))")
            #expect(style == "ap" || findings.allSatisfy { !$0.message.contains("(AP)") })
        }
    }

    @Test func theVerbsAreTheStylesData() throws {
        // A desk that accepts "claimed" takes it out of its own list: the rule follows.
        let directory = try CLI.temporaryDirectory()
        let verbs = try String(contentsOf: CLI.projectRoot.appendingPathComponent("StyleRules/lists/attribution-verbs.txt"), encoding: .utf8)
        let kept = verbs.split(separator: "\n").filter { !$0.hasPrefix("claim") }.joined(separator: "\n")
        try kept.write(to: directory.appendingPathComponent("verbs.txt"), atomically: true, encoding: .utf8)
        try """
            name: Desk
            extends: ap
            lists:
              attribution-verbs: verbs.txt
            """.write(to: directory.appendingPathComponent("desk.yml"), atomically: true, encoding: .utf8)
        let findings = try AccuracyCLI.lint(Self.story, arguments: ["--style", directory.appendingPathComponent("desk.yml").path])
            .filter { $0.rule == "attribution.verb" }
        #expect(findings.count == 4, "\(findings)")
        #expect(findings.allSatisfy { !$0.message.contains("claim") && $0.message.contains("(Desk)") })
    }

    @Test func anonymousSourcesAfterAQuotationAreFound() throws {
        let story = """
            Coalition talks stall

            ATHENS, Greece (AP) — Talks on forming a coalition government broke down on Wednesday after the two largest parties failed to agree on a finance minister.

            "Anyone who thinks this is over does not know our party," the party's spokesman told reporters. The two leaders will meet again on Friday, sources said.
            """
        let findings = try AccuracyCLI.lint(story).filter { $0.rule == "attribution.anonymous" }
        #expect(findings.map(\.line) == [5])
        #expect(findings.first?.message.hasPrefix("\"sources said\": say who the sources are") == true)
    }
}
