import CopydeskCore

/// The same word twice in a row (`the the`, `said said`), ignoring case, with only spaces or a
/// line break between them — the commonest slip of a fast edit. The fix deletes the second word
/// and the space before it.
///
/// Not reported: figures (`10 10` may be a table), doublings that are grammatical (`had had`,
/// `that that`, `is is`, `her her`, `do do`, `does does`), two capitalised words (names such as
/// `Walla Walla`, `Sing Sing`, `Bora Bora`, `Lang Lang`, and all-caps lines), words separated by
/// punctuation (`very, very`), and the doubled phrases in the style's `repeated-words` list
/// (`bye bye`, `ha ha`, …: one phrase a line).
struct RepeatedWordRule: LintRule {
    static let description = RuleDescription(
        id: "repetition.word",
        summary: "the same word twice in a row (`the the`)",
        severity: .warning,
        triggering: [
            "Chinese President Xi Jinping will meet the ↓the Russian leader next week, the ministry said.",
            "The ministry said ↓said in a statement that the talks would go ahead as planned.",
            "Moscow and Beijing signed a joint statement calling for a new era in\n↓in international relations.",
            "Talks begin\n\nThe ↓the delegation arrived on Monday; the talks began on Tuesday.",
        ],
        nonTriggering: [
            "Presidents Xi and Putin had had several phone calls since February, officials said.",
            "He said that that decision was final, and the prison at Sing Sing and the town of Walla Walla agreed.",
            "The problem is is that nobody knows, she said. It was very, very cold, with 10 10-ton trucks stuck.",
            "THE THE BAND PLAYED ON\n\nThe band played on.",
        ],
        corrections: [
            "Xi will meet the the Russian leader next week.": "Xi will meet the Russian leader next week.",
            "Xi will meet the\nthe Russian leader next week.": "Xi will meet the Russian leader next week.",
        ],
        exampleStyle: "ap")

    static let lists = ["repeated-words"]

    /// Doublings English grammar makes ("they had had", "he said that that").
    private static let grammatical: Set<String> = ["had", "that", "is", "her", "do", "does"]

    /// Lowercased doubled phrases from the style's list ("bye bye").
    let allowed: Set<String>

    init(style: Style) {
        allowed = Set(style.list("repeated-words").map { line in
            line.lowercased().split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        })
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        for block in document.blocks where block.kind != .byline {
            let bytes = block.bytes
            let words = block.words
            guard words.count > 1 else { continue }
            for index in 1..<words.count {
                let previous = words[index - 1], word = words[index]
                guard previous.range.count == word.range.count, !word.isNumber, !previous.isNumber,
                      !(previous.isCapitalized && word.isCapitalized) else { continue }
                // Only spaces, or one line break, between them.
                var newlines = 0, others = 0
                for byte in bytes[previous.range.upperBound..<word.range.lowerBound] {
                    if byte == 0x0A { newlines += 1 } else if byte != 0x20 { others += 1 }
                }
                guard others == 0, newlines <= 1, word.range.lowerBound > previous.range.upperBound else { continue }
                guard Self.equalFoldingASCII(bytes, previous.range, word.range) else { continue }
                let text = document.text(block, word.range)
                let lower = text.lowercased()
                if Self.grammatical.contains(lower) || allowed.contains(lower + " " + lower) { continue }
                report.add(block: block.index, range: word.range, "delete the repeated \"\(text)\"",
                           fix: [TextEdit(range: previous.range.upperBound..<word.range.upperBound, replacement: "")])
            }
        }
    }

    private static func equalFoldingASCII(_ bytes: [UInt8], _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        for k in 0..<a.count where PhraseMatcher.fold(bytes[a.lowerBound + k]) != PhraseMatcher.fold(bytes[b.lowerBound + k]) {
            return false
        }
        return true
    }
}
