/// A quotation opened and never closed, or closed and never opened, within a paragraph.
///
/// Follows the wire convention for a quotation that runs over several paragraphs: each paragraph
/// opens it again and only the last one closes it, so a paragraph may end with the quotation open
/// when the next paragraph starts with an opening mark. Counts double quotes (straight, curly,
/// ANPA ``` `` ```…`''`, and source-language marks, so „…“ is one quotation) and, inside them,
/// single curly quotes. Apostrophes (`don’t`, `students’`, `’90s`) and primes (`5'11"`) are not
/// quotation marks. Reports the lone mark; the fix needs judgement, so none is offered.
struct QuotesUnbalancedRule: LintRule {
    static let description = RuleDescription(
        id: "quotes.unbalanced",
        summary: "a quotation opened and not closed (or closed and never opened) in a paragraph",
        severity: .warning,
        triggering: [
            "The minister said the plan was ↓\"not workable and would be withdrawn next week.",
            "Police said the suspect had been ↓“detained in the capital, officials said.",
            "The coach said he was \"content\" with the result, but the team was not satisfied↓\" with it.",
            """
            Storm hits coast

            MIAMI (AP) — The storm made landfall early Monday.

            "We have never seen anything like this," the mayor said. ↓"It came in the night.

            The city will rebuild.
            """,
            "“We were told it was ↓‘temporary, the mayor said, and it never was,” she said.",
        ],
        nonTriggering: [
            "He is 5'11\" tall and played two seasons in the '90s for the students' union team.",
            "“We don’t know,” said the teachers’ union spokesman, who served in the ’90s.",
            """
            Talks collapse

            GENEVA (AP) — The talks collapsed on Friday.

            "We came here in good faith," the envoy said. "We listened to every proposal and we made our own.

            "But there is a limit to what a government can accept, and that limit was reached today."

            The next round has not been scheduled.
            """,
            "Riley Wallace says he is ``content'' as coach of the team, but he's being courted.",
            "“He told me, ‘This is the end,’ and walked out,” the witness said.",
            "The shop sold a 12\" vinyl record and rock 'n' roll posters.",
            "Le Monde called it „a turning point“ in the talks.",
            "The store sold 55” televisions and “smart” fridges, the owner said.",
            "“They called it ‘the Jones’ plan’ and voted it down,” she said. “It took 50 years.”",
            "“The fight is not over,” he said. “We will be back in ‘24, and we’ll win.”",
        ],
        exampleStyle: "ap")

    init(style: Style) {}

    func check(_ document: LintDocument, _ report: inout LintReport) {
        let blocks = document.blocks
        let scanners = blocks.map { $0.hasQuotableText ? document.quotes($0) : nil }
        for (index, block) in blocks.enumerated() {
            guard let scanner = scanners[index], !scanner.marks.isEmpty else { continue }
            // The quotation may stay open when the next paragraph opens again.
            let continues = block.kind == .paragraph && index + 1 < blocks.count && blocks[index + 1].kind == .paragraph
                && (scanners[index + 1]?.opensWithDoubleQuote ?? false)
            for (order, mark) in scanner.unclosedDoubles.enumerated() {
                if continues && order == 0 { continue }
                let range = scanner.marks[mark].range
                report.add(block: block.index, range: range,
                           "close the quotation opened here, or open the next paragraph with a quotation mark if the quote continues")
            }
            for mark in scanner.unmatchedDoubles {
                let m = scanner.marks[mark]
                let message = m.role == .stray
                    ? "stray quotation mark: remove it or pair it with another"
                    : "this closing quotation mark has no opening mark in the paragraph; add one where the quote starts"
                report.add(block: block.index, range: m.range, message)
            }
            // Inside a quotation that runs on, an inner quotation may run on too.
            for mark in scanner.unclosedSingles + (continues ? [] : scanner.singlesOpenAtEnd) {
                let m = scanner.marks[mark]
                // Only single curly quotes inside a double quotation: straight ' is too often an apostrophe.
                guard m.glyph == .curlyOpenSingle, m.enclosing == .double else { continue }
                report.add(block: block.index, range: m.range,
                           "close the quotation inside the quote opened here with ’ before the closing double quote")
            }
        }
    }
}
