import CopydeskCore

/// Month names written against the style (`dates.months`). AP: with a day, Jan. Feb. Aug. Sept.
/// Oct. Nov. Dec. and March–July in full ("September 15" → "Sept. 15", "Mar. 3" → "March 3"), and
/// the month first ("15 September 2022" → "Sept. 15, 2022"); a month alone or with a year only is
/// spelled out ("Sept. 2022" → "September 2022"). Reuters: the same abbreviations without a period
/// ("Sept 15"). full: every month in full, in either order ("15 September").
///
/// Months are only recognised in Title case, so "may" and "march" (verbs) are not months, and
/// "May", "March" need a day number right after them. An abbreviation without a day is only
/// reported before a year or after "in", "early", "since"… with its period ("Jan Kowalski",
/// "Dec" stay). "15 September" is not reordered after "and", "to" or a number ("15 and 16
/// September"), and not with an ordinal (`dates.ordinal` removes it first). The dateline is
/// `dateline.format`'s. Fixes touch only the month word (or, for reordering, the day and month):
/// never an ordinal suffix.
struct DatesMonthRule: LintRule {
    static let description = RuleDescription(
        id: "dates.month",
        summary: "month abbreviated (or not) against the style",
        severity: .warning,
        triggering: [
            """
            Leaders to meet in Samarkand

            The SCO summit will be held on ↓September 15 and 16 in Samarkand, in southeastern Uzbekistan.

            Russia invaded Ukraine on ↓February 24, and the party congress opens ↓Oct 16.

            The vote is set for ↓Mar. 3, after a recount in ↓Sept. 2022.

            The talks began on ↓24 February 2022 in Belarus.
            """,
        ],
        nonTriggering: [
            """
            Leaders to meet in Samarkand

            The summit will be held Sept. 15-16 in Samarkand. The leaders met in early February and in January 2020.

            Talks may resume March 3 or in May, officials said; protesters will march June 5.

            Jan Kowalski, who joined in September, said the Oct. 7 attack and the May 9 parade changed everything.

            The ceasefire took effect on Aug. 15, 2021, after 20 years of war, and the 15 and 16 September talks ended.

            Apple unveiled the iPhone 14 September lineup, and Group 7 March rallies drew thousands.
            """,
        ],
        corrections: [
            "The SCO summit will be held on September 15 and 16; the war began February 24. Mar. 3 and Sept 2022 too.":
                "The SCO summit will be held on Sept. 15 and 16; the war began Feb. 24. March 3 and September 2022 too.",
            "The talks began on 24 February 2022 in Belarus and resumed on 3 March.":
                "The talks began on Feb. 24, 2022 in Belarus and resumed on March 3.",
        ],
        exampleStyle: "ap")

    static let lists = ["editor-notes"]

    /// Words after which a month with its period stands alone: "in Sept.", "since Oct.".
    private static let monthAloneAfter: Set<String> = ["in", "early", "late", "mid", "since", "until", "by", "last", "next",
                                                       "this", "of", "from", "through", "during", "before", "after"]
    /// Words before "15 September" that make it part of a list or range ("15 and 16 September").
    private static let rangeWords: Set<String> = ["and", "or", "to", "through", "-"]

    let form: String?
    let notes: [String]

    init(style: Style) {
        let months = style.string("dates.months")
        form = months == "ap" || months == "reuters" || months == "full" ? months : nil
        notes = style.list("editor-notes")
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard let form else { return }
        let dateline = DatelineParser.find(in: document, notes: notes)
        for block in document.blocks where block.kind != .byline && block.kind != .dateline {
            let b = block.bytes
            let words = block.words
            for k in words.indices {
                let word = words[k]
                guard word.isCapitalized, word.range.count >= 3, word.range.count <= 9, case let first = b[word.range.lowerBound],
                      first >= 0x41, first <= 0x5A, let month = MonthNames.month(titleCase: b[word.range]) else { continue }
                if let dateline, dateline.block == block.index, dateline.range.contains(word.range.lowerBound) { continue }
                let hasPeriod = word.range.upperBound < b.count && b[word.range.upperBound] == 0x2E
                let isFull = word.range.count == MonthNames.full[month - 1].utf8.count
                let monthRange = word.range.lowerBound..<(word.range.upperBound + (hasPeriod && !isFull ? 1 : 0))
                let written = document.text(block, monthRange)
                let next = k + 1 < words.count && words[k + 1].range.lowerBound == monthRange.upperBound + 1
                    && b[monthRange.upperBound] == 0x20 ? words[k + 1] : nil

                // With a day: "Sept. 15".
                if let next, let (_, _) = DateBytes.day(b, next.range) {
                    let wanted = MonthNames.withDate(month, form: form)
                    if written != wanted {
                        report.add(block: block.index, range: monthRange,
                                   form == "full" ? "use \"\(wanted)\" (spell out month names)"
                                       : "use \"\(wanted) \(Self.dayText(document, block, next.range))\" (\(Self.reason(month, form: form)))",
                                   fix: [TextEdit(range: monthRange, replacement: wanted)])
                    }
                    continue
                }

                // Day first, UK style: "15 Sept" → "15 September" when the style spells months out.
                if form == "full", k > 0, Self.isPlainDay(b, words[k - 1]), words[k - 1].range.upperBound + 1 == word.range.lowerBound {
                    let wanted = MonthNames.full[month - 1]
                    if !isFull {
                        report.add(block: block.index, range: monthRange, "use \"\(document.text(block, words[k - 1].range)) \(wanted)\" (spell out month names)",
                                   fix: [TextEdit(range: monthRange, replacement: wanted)])
                    }
                    continue
                }

                // Day first: "24 February 2022" (AP, Reuters put the month first).
                if form != "full", k > 0, Self.isPlainDay(b, words[k - 1]), words[k - 1].range.upperBound + 1 == word.range.lowerBound,
                   b[words[k - 1].range.upperBound] == 0x20, !Self.followsRangeWord(document, block, k - 1) {
                    let day = words[k - 1]
                    var replacement = "\(MonthNames.withDate(month, form: form)) \(document.text(block, day.range))"
                    var end = monthRange.upperBound
                    if let next, DateBytes.year(b, next.range) != nil {
                        replacement += ", " + document.text(block, next.range)
                        end = next.range.upperBound
                    }
                    // "resumed 15 Sept." ends a sentence: its period stays as the full stop.
                    if hasPeriod, !isFull, end == monthRange.upperBound {
                        let after = monthRange.upperBound
                        if after == b.count || b[after] == 0x0A || (b[after] == 0x20 && after + 1 < b.count && Tokenizer.isUpper(b, after + 1)) {
                            end = word.range.upperBound
                        }
                    }
                    report.add(block: block.index, range: day.range.lowerBound..<end,
                               "use \"\(replacement)\" (\(form == "ap" ? "AP" : "Reuters"): month first)",
                               fix: [TextEdit(range: day.range.lowerBound..<end, replacement: replacement)])
                    continue
                }

                // No day: spelled out. Abbreviations only before a year or after "in", "since"…
                guard !isFull else { continue }
                let beforeYear = next.map { DateBytes.year(b, $0.range) != nil } ?? false
                let afterPreposition = hasPeriod && k > 0
                    && Self.monthAloneAfter.contains(document.text(block, words[k - 1].range).lowercased())
                    && !(k + 1 < words.count && words[k + 1].isCapitalized && words[k + 1].range.lowerBound == monthRange.upperBound + 1)
                guard beforeYear || afterPreposition else { continue }
                let wanted = MonthNames.full[month - 1]
                report.add(block: block.index, range: monthRange, "use \"\(wanted)\" (spell out a month without a day)",
                           fix: [TextEdit(range: monthRange, replacement: wanted)])
            }
        }
    }

    private static func reason(_ month: Int, form: String) -> String {
        switch form {
        case "reuters": "Reuters: abbreviated month with a date, no period"
        case "full": "spell out month names"
        default: (3...7).contains(month) ? "AP: March to July are never abbreviated" : "AP: abbreviate the month with a date"
        }
    }

    /// The day as it should read: digits without an ordinal (`dates.ordinal` reports that).
    private static func dayText(_ document: LintDocument, _ block: LintDocument.Block, _ range: Range<Int>) -> String {
        var end = range.lowerBound
        while end < range.upperBound, ByteClass.isDigit(block.bytes[end]) { end += 1 }
        return document.text(block, range.lowerBound..<end)
    }

    /// 1–31 in digits alone (no ordinal, no range).
    private static func isPlainDay(_ b: [UInt8], _ word: LintDocument.Word) -> Bool {
        guard word.isNumber, let (_, suffix) = DateBytes.day(b, word.range), suffix == nil else { return false }
        return word.range.allSatisfy { ByteClass.isDigit(b[$0]) }
    }

    /// Not a day-first date to reorder: the second of a list or range ("15 and 16 September",
    /// "15-16 September"), or not after a word that introduces a date.
    private static func followsRangeWord(_ document: LintDocument, _ block: LintDocument.Block, _ index: Int) -> Bool {
        let start = block.words[index].range.lowerBound
        if start > 0 {
            let before = block.bytes[start - 1]
            if before != 0x20 { return true }
        }
        guard index > 0 else { return false }
        let previous = block.words[index - 1]
        let text = document.text(block, previous.range).lowercased()
        if previous.isNumber || rangeWords.contains(text) || text == "the" { return true }
        // "15 - 16 September", "15–16 September"
        let gap = document.text(block, previous.range.upperBound..<start)
        if gap.contains("-") || gap.contains("–") || gap.contains(",") { return true }
        // Only where a date is expected: "on 24 February", "Tuesday 15 September" (not "iPhone 14 September").
        return !(dateLeads.contains(text) || MonthNames.weekday(anyCase: text) != nil)
    }

    /// Words after which "15 September" is a date.
    private static let dateLeads: Set<String> = ["on", "by", "since", "from", "before", "after", "of", "dated", "effective", "until", "till"]
}
