import CopydeskCore

/// Straight quotation marks and apostrophes (`"`, `'`) in a style that demands curly ones
/// (`quotes.form: curly`).
///
/// One finding per paragraph, at its first straight mark, with a fix that converts every mark of
/// the paragraph whose role is clear: opening and closing quotes to the style's primary and
/// secondary pairs, apostrophes to ’ (the normalize stage's smart-quote logic). Primes (`5'11"`),
/// ANPA ``` `` ```…`''` and stray marks between spaces are left alone.
struct QuotesStraightRule: LintRule {
    static let description = RuleDescription(
        id: "quotes.straight",
        summary: "straight quotation marks where the style wants curly ones",
        severity: .info,
        triggering: [
            "The minister said the plan was ↓\"not workable\" and would be withdrawn.",
            """
            Storm hits coast

            The storm made landfall early on Monday.

            ↓"We have never seen anything like this," the mayor said. "It came in the night."

            Residents said it wasn↓'t the first time.
            """,
        ],
        nonTriggering: [
            "The minister said the plan was “not workable” and wouldn’t be ‘revisited’.",
            "The player, who is 5'11\", signed a 12\" record for the fans.",
        ],
        corrections: [
            "The minister said the plan was \"not workable\" and wouldn't be 'revisited'.":
                "The minister said the plan was “not workable” and wouldn’t be ‘revisited’.",
            "\"He told me, 'It's over,'\" she said of the 5'11\" player.":
                "“He told me, ‘It’s over,’” she said of the 5'11\" player.",
        ],
        exampleStyle: "guardian")

    let options: TypographyOptions?
    let marks: QuoteMarks

    init(style: Style) {
        marks = QuoteMarks(style: style)
        options = style.string("quotes.form") == "curly"
            ? TypographyOptions(legacyConventions: false, smartQuotes: QuoteMarks(style: style).quoteStyle)
            : nil
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard let options else { return }
        for block in document.blocks where block.hasQuotableText {
            guard block.bytes.contains(where: { $0 == 0x22 || $0 == 0x27 }) else { continue }
            let edits = Typography.changes(in: block.text, options: options)
                .filter { $0.ruleID == "typography.smart-quotes" || $0.ruleID == "typography.apostrophe" }
                .map(\.edit)
            guard let first = edits.first, let last = edits.last else { continue }
            let marks = edits.count == 1 ? "a straight quotation mark or apostrophe" : "\(edits.count) straight quotation marks or apostrophes"
            let q = self.marks
            report.add(block: block.index, range: first.range.lowerBound..<last.range.upperBound,
                       "use curly marks (\(q.primaryOpen)…\(q.primaryClose), \(q.secondaryOpen)…\(q.secondaryClose), ’ for apostrophes): \(marks) in this paragraph",
                       fix: edits)
        }
    }
}
