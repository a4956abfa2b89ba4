import CopydeskCore

/// A paragraph repeated in the story: the same words as another paragraph (case, spacing and
/// punctuation aside), or the opening words of a longer one — a standfirst left in above the
/// lede that it copies, or a paragraph pasted twice and extended.
///
/// Which one is reported: for a prefix, the shorter paragraph (the truncated copy: deleting it
/// keeps the full text); for identical paragraphs, the later one (the repeat: deleting it keeps
/// the story's order). An identical paragraph needs at least 5 words (short answers such as
/// "No." can recur in a Q&A) and a prefix at least 8. No fix: the editor decides which to keep.
struct RepeatedParagraphRule: LintRule {
    static let description = RuleDescription(
        id: "repetition.paragraph",
        summary: "a paragraph repeated in the story (e.g. a standfirst that is also the lede)",
        severity: .warning,
        triggering: [
            """
            Moscow: Putin-Xi meeting next week

            ↓Chinese President Xi Jinping and his Russian counterpart Vladimir Putin will meet next week in Uzbekistan

            Chinese President Xi Jinping and his Russian counterpart Vladimir Putin will meet next week in Uzbekistan on the sidelines of a regional summit.

            The summit will be held on Sept. 15 and 16 in Samarkand.
            """,
            """
            Leaders to meet

            The summit will be held on Sept. 15 and 16 in Samarkand.

            Beijing generally confirms last-minute movements of its leaders.

            ↓The summit will be held on Sept. 15 and  16 in SAMARKAND
            """,
        ],
        nonTriggering: [
            """
            Leaders to meet

            Chinese President Xi Jinping will meet his Russian counterpart next week.

            Chinese President Xi Jinping last left China in January 2020.

            “No.”

            “No.”
            """,
        ],
        exampleStyle: "ap")

    static let minimumIdentical = 5
    static let minimumPrefix = 8

    init(style: Style) {}

    func check(_ document: LintDocument, _ report: inout LintReport) {
        let body = document.body
        // Each paragraph's words, lowercased.
        let words: [[String]] = body.map { block in
            block.words.count < Self.minimumIdentical ? [] : block.words.map { document.text(block, $0.range).lowercased() }
        }
        var reported = Set<Int>()
        var firstWithText: [[String]: Int] = [:]
        for (index, list) in words.enumerated() where !list.isEmpty {
            if let first = firstWithText[list] {
                reported.insert(index)
                add(&report, body[index], repeats: body[first], list, whole: true)
            } else {
                firstWithText[list] = index
            }
        }
        // Prefixes: compare only paragraphs that open with the same words.
        var groups: [ArraySlice<String>: [Int]] = [:]
        for (index, list) in words.enumerated() where list.count >= Self.minimumPrefix && !reported.contains(index) {
            groups[list.prefix(Self.minimumPrefix), default: []].append(index)
        }
        for key in groups.keys.sorted(by: { groups[$0]![0] < groups[$1]![0] }) {
            let members = groups[key]!
            guard members.count > 1 else { continue }
            for shorter in members where !reported.contains(shorter) {
                guard let longer = members.first(where: { other in
                    words[other].count > words[shorter].count && words[other].starts(with: words[shorter])
                }) else { continue }
                reported.insert(shorter)
                add(&report, body[shorter], repeats: body[longer], words[shorter], whole: false)
            }
        }
    }

    private func add(_ report: inout LintReport, _ block: LintDocument.Block, repeats other: LintDocument.Block,
                     _ words: [String], whole: Bool) {
        var end = block.bytes.count
        while end > 0, block.bytes[end - 1] == 0x20 || block.bytes[end - 1] == 0x0A { end -= 1 }
        let number = (other.paragraphNumber ?? 0) + 1
        let opening = other.words.prefix(6).map { String(decoding: other.bytes[$0.range], as: UTF8.self) }.joined(separator: " ")
        let message = whole
            ? "this paragraph repeats paragraph \(number) (\"\(opening)…\")"
            : "this paragraph repeats the opening of paragraph \(number) (\"\(opening)…\"), as a standfirst copied from the lede does"
        report.add(block: block.index, range: 0..<end, message, suggestion: "delete this paragraph")
    }
}
