import CopydeskCore

/// A double-quoted passage inside another double quotation: the inner one takes single quotes
/// (the style's `quotes.secondary`; `'…'` when the marks are straight).
///
/// Reported only when the paragraph's quotation marks otherwise balance (a missing closing mark
/// looks like nesting, and is `quotes.unbalanced`'s job). The fix rewrites the inner pair when
/// both its marks are straight or curly and the outer quotation closes in the same paragraph; ANPA
/// and source-language marks, and quotes inside a quotation that runs on into the next paragraph,
/// get a suggestion only.
struct QuotesNestedRule: LintRule {
    static let description = RuleDescription(
        id: "quotes.nested",
        summary: "a quotation inside a double-quoted passage uses double quotes instead of single",
        severity: .info,
        triggering: [
            "\"He told me ↓\"this is the end\" and walked out,\" the witness said.",
            "“The president called the report ↓“fake news” and left the room,” the aide said.",
        ],
        nonTriggering: [
            "“He told me, ‘This is the end,’ and walked out,” the witness said.",
            "\"He told me, 'This is the end,' and walked out,\" the witness said of the \"incident.\"",
            "The witness said he was told \"this is the end.\" The aide called the report \"fake news.\"",
            "“He told me it was ‘a “final” offer,’ then left,” she said.",
            "\"I won't, he said. \"We will fight.\"",
        ],
        corrections: [
            "\"He told me \"this is the end\" and walked out,\" the witness said.":
                "\"He told me 'this is the end' and walked out,\" the witness said.",
            "“The president called the report “fake news” and left the room,” the aide said.":
                "“The president called the report ‘fake news’ and left the room,” the aide said.",
        ],
        exampleStyle: "ap")

    let marks: QuoteMarks

    init(style: Style) {
        marks = QuoteMarks(style: style)
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        let blocks = document.blocks
        for (index, block) in blocks.enumerated() where block.hasQuotableText {
            let scanner = document.quotes(block)
            guard !scanner.marks.isEmpty, scanner.unmatchedDoubles.isEmpty else { continue }
            // Balanced, or open only because the quotation continues in the next paragraph.
            if !scanner.unclosedDoubles.isEmpty {
                guard scanner.unclosedDoubles.count == 1, index + 1 < blocks.count, blocks[index + 1].kind == .paragraph,
                      document.quotes(blocks[index + 1]).opensWithDoubleQuote else { continue }
            }
            for mark in scanner.marks where mark.role == .open && mark.level == .double && mark.enclosing == .double {
                guard let partner = mark.partner else { continue }
                let closing = scanner.marks[partner]
                let straight = mark.glyph == .straightDouble && closing.glyph == .straightDouble
                let curly = mark.glyph == .curlyOpenDouble && closing.glyph == .curlyCloseDouble
                let open = straight ? "'" : marks.secondaryOpen, close = straight ? "'" : marks.secondaryClose
                let inner = scanner.text(mark.range.upperBound..<closing.range.lowerBound)
                let message = "use single quotes for a quotation inside a quotation: \(open)\(QuotedText.bounded(inner))\(close)"
                // While the outer quotation runs on into the next paragraph, a missing closing
                // mark cannot be ruled out: suggest only.
                if (straight || curly) && scanner.unclosedDoubles.isEmpty {
                    report.add(block: block.index, range: mark.range.lowerBound..<closing.range.upperBound, message,
                               fix: [TextEdit(range: mark.range, replacement: open), TextEdit(range: closing.range, replacement: close)])
                } else {
                    report.add(block: block.index, range: mark.range.lowerBound..<closing.range.upperBound, message,
                               suggestion: "\(open)\(inner)\(close)")
                }
            }
        }
    }
}
