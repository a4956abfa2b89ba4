import CopydeskCore

/// An ordinal in a date: "September 15th", "Sept. 15th", "15th September", "the 15th of
/// September" — wire styles write "Sept. 15" (AP), "Sept 15" (Reuters), "15 September" (UK).
///
/// Only days next to a month name (Title case), or a second day joined to one ("September 15th
/// and 16th"); "the 20th Congress" and "his 15th birthday" are not dates. The fix removes the
/// suffix and nothing else (the month's spelling is `dates.month`'s fix, so the two never
/// overlap); "the 15th of September" gets a suggestion, since "the" and "of" must go too. The
/// dateline is `dateline.format`'s.
struct DatesOrdinalRule: LintRule {
    static let description = RuleDescription(
        id: "dates.ordinal",
        summary: "ordinal suffix in a date",
        severity: .warning,
        triggering: [
            """
            Leaders to meet in Samarkand

            The SCO summit will be held on Sept. ↓15th and ↓16th in Samarkand, and the congress opens October ↓16th.

            The invasion began on ↓24th February, and elections are due on ↓the 15th of September.
            """,
        ],
        nonTriggering: [
            """
            Leaders to meet in Samarkand

            The SCO summit will be held Sept. 15-16 in Samarkand, weeks before the 20th Congress of the Chinese Communist Party.

            He celebrated his 15th birthday on May 3 and finished 2nd in the race on the 4th.
            """,
        ],
        corrections: [
            "The summit will be held on Sept. 15th and 16th; the congress opens October 16th, after the 24th February anniversary.":
                "The summit will be held on Sept. 15 and 16; the congress opens October 16, after the 24 February anniversary.",
        ],
        exampleStyle: "ap")

    static let lists = ["editor-notes"]

    private static let joiners: Set<String> = ["and", "or", "to", "through"]

    let form: String
    let notes: [String]

    init(style: Style) {
        form = style.string("dates.months") ?? "ap"
        notes = style.list("editor-notes")
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        let dateline = DatelineParser.find(in: document, notes: notes)
        for block in document.blocks where block.kind != .byline && block.kind != .dateline {
            let b = block.bytes
            let words = block.words
            /// Whether word `k` is a month name, and the month.
            func month(_ k: Int) -> Int? {
                guard k >= 0, k < words.count else { return nil }
                return MonthNames.month(titleCase: b[words[k].range])
            }
            /// Words `a` and `b` are separated by one space (or a period and a space after a month).
            func adjacent(_ a: Int, _ c: Int) -> Bool {
                let gap = words[a].range.upperBound..<words[c].range.lowerBound
                return gap.count == 1 && b[gap.lowerBound] == 0x20
                    || gap.count == 2 && b[gap.lowerBound] == 0x2E && b[gap.lowerBound + 1] == 0x20
            }
            var dayAfterMonth: Set<Int> = []
            for k in words.indices {
                let word = words[k]
                guard word.range.count >= 2, word.range.count <= 4, ByteClass.isDigit(b[word.range.lowerBound]),
                      let (day, suffix) = DateBytes.day(b, word.range) else { continue }
                if let dateline, dateline.block == block.index, dateline.range.contains(word.range.lowerBound) { continue }
                let afterMonth = k > 0 && month(k - 1) != nil && adjacent(k - 1, k)
                let joined = k > 1 && dayAfterMonth.contains(k - 2) && adjacent(k - 2, k - 1) && adjacent(k - 1, k)
                    && Self.joiners.contains(document.text(block, words[k - 1].range).lowercased())
                if afterMonth || joined { dayAfterMonth.insert(k) }
                guard let suffix else { continue }
                let beforeMonth = k + 1 < words.count && month(k + 1) != nil && adjacent(k, k + 1)
                let digits = document.text(block, word.range.lowerBound..<suffix.lowerBound)
                if afterMonth || joined || beforeMonth {
                    report.add(block: block.index, range: word.range, "write \"\(QuotedText.bounded(digits))\" without \"\(QuotedText.bounded(document.text(block, suffix)))\" (no ordinals in dates)",
                               fix: [TextEdit(range: suffix, replacement: "")])
                } else if k + 2 < words.count, document.text(block, words[k + 1].range) == "of", adjacent(k, k + 1), adjacent(k + 1, k + 2),
                          let month = month(k + 2) {
                    var start = word.range.lowerBound
                    if k > 0, adjacent(k - 1, k), document.text(block, words[k - 1].range).lowercased() == "the" { start = words[k - 1].range.lowerBound }
                    let wanted = form == "full" ? "\(day) \(MonthNames.full[month - 1])" : "\(MonthNames.withDate(month, form: form)) \(day)"
                    let range = start..<words[k + 2].range.upperBound
                    report.add(block: block.index, range: range, "write \"\(wanted)\" (no ordinals in dates)", suggestion: wanted)
                }
            }
        }
    }
}
