import CopydeskCore

/// Curly quotation marks and apostrophes (“ ” ‘ ’) in a style that demands straight ones
/// (`quotes.form: straight`).
///
/// One finding per paragraph, at its first curly mark, with a fix that makes every one of them
/// straight (`"` and `'`). Source-language marks (« » „…) are `quotes.foreign`'s; primes stay.
struct QuotesCurlyRule: LintRule {
    static let description = RuleDescription(
        id: "quotes.curly",
        summary: "curly quotation marks where the style wants straight ones",
        severity: .info,
        // No shipped style demands straight quotes: the examples lay `quotes.form: straight` over AP.
        triggering: [
            "The minister said the plan was ↓“not workable” and wouldn’t be revisited.",
        ],
        nonTriggering: [
            "The minister said the plan was \"not workable\" and wouldn't be revisited.",
            "The 6'5\" center scored 20 points.",
        ],
        corrections: [
            "The minister said the plan was “not workable” and wouldn’t be revisited.":
                "The minister said the plan was \"not workable\" and wouldn't be revisited.",
        ],
        exampleStyle: "ap",
        exampleSettings: ["quotes.form": .string("straight")])

    let active: Bool

    init(style: Style) {
        active = style.string("quotes.form") == "straight"
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard active else { return }
        for block in document.blocks where block.hasQuotableText {
            let bytes = block.bytes
            var edits: [TextEdit] = []
            var i = 0
            while i + 2 < bytes.count {
                if bytes[i] == 0xE2, bytes[i + 1] == 0x80 {
                    switch bytes[i + 2] {
                    case 0x9C, 0x9D: edits.append(TextEdit(range: i..<(i + 3), replacement: "\""))
                    case 0x98, 0x99: edits.append(TextEdit(range: i..<(i + 3), replacement: "'"))
                    default: break
                    }
                    i += 3
                } else {
                    i += 1
                }
            }
            guard let first = edits.first, let last = edits.last else { continue }
            let marks = edits.count == 1 ? "a curly quotation mark or apostrophe" : "\(edits.count) curly quotation marks or apostrophes"
            report.add(block: block.index, range: first.range.lowerBound..<last.range.upperBound,
                       "use straight marks (\"…\", '…', ' for apostrophes): \(marks) in this paragraph",
                       fix: edits)
        }
    }
}
