import CopydeskCore

/// "today", "yesterday", "tomorrow" (list `relative-days`) in body text: the reader does not know
/// when "today" was, so wire copy names the day of the week (AP: "said Tuesday").
///
/// When the story's date is known — a dateline date with a year, a dateline month and day with the
/// year of `metadata.created`, or `metadata.created` itself (its UTC day) — the fix names the
/// weekday; otherwise the finding suggests it. Not reported: inside direct quotations, possessives
/// ("today's world", "tomorrow's leaders"), "of today" (nowadays), a capitalised word inside a
/// sentence (USA Today, NBC's Today show, the song Yesterday), words in capitals (bulletins), the
/// headline, and broadcast copy — paragraphs that open with a place in parentheses and a dash,
/// `(Honolulu) -- `, as AP's broadcast wire writes them — which is written to be read on the day.
struct DatesRelativeRule: LintRule {
    static let description = RuleDescription(
        id: "dates.relative",
        summary: "today/yesterday/tomorrow instead of the day of the week",
        severity: .warning,
        triggering: [
            """
            Putin and Xi to meet next week

            Chinese President Xi Jinping and Vladimir Putin will meet next week in Uzbekistan, Russian diplomacy said ↓today.

            Chinese Foreign Ministry spokesman Mao Ning said ↓today that he "has no information to give at this time."

            ↓Yesterday, the Kremlin declined to comment.
            """,
            """
            Stockholm, Aug 29, 2014 (AFP) - Swedish police said ↓today they had arrested two men, a day after the raid ↓yesterday.
            """,
        ],
        nonTriggering: [
            "BEIJING (AP) — Chinese President Xi Jinping will travel to Uzbekistan on Tuesday, the Foreign Ministry said.",
            "\"We will decide today,\" the minister told reporters on Monday. Today's young voters, she said, want jobs.",
            "The president told USA Today and NBC's Today show that the Europe of today needs more defense spending.",
            "“Tomorrow we march,” he said. “The leaders of tomorrow are in this room.”",
            """
            Hawaii SportsMinute

            (Honolulu) -- The state high school track and field championships get under way today at Kaiser High School.

            (Fresno, California) -- Five golfers are representing the University of Hawaii in a tournament which starts today.
            """,
        ],
        corrections: [
            "Stockholm, Aug 29, 2014 (AFP) - Swedish police said today they had arrested two men, a day after the raid yesterday.":
                "Stockholm, Aug 29, 2014 (AFP) - Swedish police said Friday they had arrested two men, a day after the raid Thursday.",
        ],
        exampleStyle: "ap")

    static let lists = ["relative-days", "editor-notes"]

    /// The style's phrase lists, this rule's among them (`.relativeDays`), matched once per document;
    /// nil when the style has no relative days.
    let phrases: StylePhrases?
    /// Day offset of each list entry: today 0, yesterday -1, tomorrow +1; nil for other entries.
    let offsets: [Int?]
    let notes: [String]

    init(style: Style) {
        let days = Self.phrases(style)
        phrases = days.isEmpty ? nil : StylePhrases.of(style)
        offsets = days.map { day in
            switch day.lowercased() {
            case "today": 0
            case "yesterday": -1
            case "tomorrow": 1
            default: nil
            }
        }
        notes = style.list("editor-notes")
    }

    static func phrases(_ style: Style) -> [String] { style.list("relative-days") }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard let phrases, !Self.isBroadcast(document) else { return }
        var reference: CivilDate?? = .none
        for block in document.body {
            let matches = document.phrases(phrases, .relativeDays, block)
            guard !matches.isEmpty else { continue }
            let b = block.bytes
            let quoted = QuotedSpans(b)
            for match in matches {
                let start = match.range.lowerBound, end = match.range.upperBound
                // Possessive: today's, today’s.
                if end < b.count, b[end] == 0x27 || (b[end] == 0xE2 && end + 2 < b.count && b[end + 1] == 0x80 && b[end + 2] == 0x99) { continue }
                if Tokenizer.isUpper(b, start) {
                    if end - start > 1, Tokenizer.isUpper(b, start + 1) { continue }
                    if !Self.startsSentence(block, at: start) { continue }
                }
                if quoted.contains(start) { continue }
                if let previous = block.words.last(where: { $0.range.upperBound <= start }),
                   previous.range.upperBound + 1 == start, document.text(block, previous.range).lowercased() == "of" { continue }
                let found = document.text(block, match.range)
                if reference == .none { reference = .some(Self.referenceDate(document, notes: notes)) }
                if let date = reference!, let offset = offsets[match.phrase] {
                    let weekday = MonthNames.weekdays[date.adding(days: offset).weekday]
                    report.add(block: block.index, range: match.range, "use the day of the week: \"\(weekday)\", not \"\(QuotedText.bounded(found))\"",
                               fix: [TextEdit(range: match.range, replacement: weekday)])
                } else {
                    report.add(block: block.index, range: match.range, "name the day of the week instead of \"\(QuotedText.bounded(found))\"",
                               suggestion: "the day of the week, e.g. \"said Tuesday\"")
                }
            }
        }
    }

    /// Broadcast copy: a body paragraph opens with `(Place) --` / `(Place) — ` / `(Place) - `.
    static func isBroadcast(_ document: LintDocument) -> Bool {
        document.body.contains { block in
            let b = block.bytes
            var i = 0
            while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
            guard i < b.count, b[i] == 0x28 else { return false }
            guard let close = b[i..<min(b.count, i + 60)].firstIndex(of: 0x29), close > i + 1 else { return false }
            guard b[(i + 1)..<close].allSatisfy({ $0 >= 0x80 || $0 == 0x20 || $0 == 0x2C || $0 == 0x2E || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }) else { return false }
            var j = close + 1
            while j < b.count, b[j] == 0x20 { j += 1 }
            return j < b.count && (b[j] == 0x2D || b[j] == 0xE2)
        }
    }

    /// At the start of a sentence (after any opening quote or parenthesis).
    private static func startsSentence(_ block: LintDocument.Block, at offset: Int) -> Bool {
        let b = block.bytes
        for sentence in block.sentences {
            var i = sentence.lowerBound
            while i < offset, b[i] == 0x22 || b[i] == 0x28 || b[i] == 0x27 || b[i] == 0x20 || b[i] == 0x09 || b[i] == 0xE2 || b[i] == 0x80 || b[i] == 0x9C || b[i] == 0x98 { i += 1 }
            if i == offset { return true }
            if sentence.lowerBound > offset { break }
        }
        // After a dateline: "MOSCOW (AP) — Today, …".
        var i = offset
        while i > 0, b[i - 1] == 0x20 { i -= 1 }
        if i >= 3, b[i - 3] == 0xE2, b[i - 2] == 0x80, b[i - 1] == 0x94 || b[i - 1] == 0x93 { return true }
        if i >= 1, b[i - 1] == 0x2D || b[i - 1] == 0x5F { return true }
        return false
    }

    /// The story's date: from the dateline (with its year, or the year of `created`), else `created`.
    static func referenceDate(_ document: LintDocument, notes: [String]) -> CivilDate? {
        let created = document.metadata.created.map(CivilDate.init)
        if let dateline = DatelineParser.find(in: document, notes: notes), let month = dateline.month, let day = dateline.day {
            if let year = dateline.year {
                let date = CivilDate(year: year, month: month, day: day)
                return date.isValid ? date : nil
            }
            if let created {
                var year = created.year
                if month == 12 && created.month == 1 { year -= 1 } else if month == 1 && created.month == 12 { year += 1 }
                let date = CivilDate(year: year, month: month, day: day)
                return date.isValid ? date : nil
            }
            return nil
        }
        return created
    }
}

/// Byte offsets inside direct quotations of one paragraph: `"…"`, `“…”`, `«…»`. A paragraph that
/// opens a quote and does not close it (a multi-paragraph quote) is quoted to its end.
struct QuotedSpans {
    private var spans: [Range<Int>] = []

    init(_ b: [UInt8]) {
        var open: Int?
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 0x22 {
                if let start = open { spans.append(start..<i); open = nil } else { open = i }
            } else if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80 {
                if b[i + 2] == 0x9C, open == nil { open = i } else if b[i + 2] == 0x9D, let start = open { spans.append(start..<i); open = nil }
                i += 3
                continue
            } else if c == 0xC2, i + 1 < b.count {
                if b[i + 1] == 0xAB, open == nil { open = i } else if b[i + 1] == 0xBB, let start = open { spans.append(start..<i); open = nil }
                i += 2
                continue
            }
            i += 1
        }
        if let start = open { spans.append(start..<b.count) }
    }

    func contains(_ offset: Int) -> Bool { spans.contains { $0.contains(offset) } }
}
