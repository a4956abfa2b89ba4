import CopydeskCore

/// Straight (`"`) and curly (`“ ”`) double quotation marks both used in one story.
///
/// The form used more often is the story's form (on a tie, the one used first); each quotation
/// in the other form is reported once, at its opening mark, with a fix that rewrites it in the
/// story's form. Apostrophes, primes (`5'11"`), single quotes, ANPA ``` `` ```…`''` and
/// source-language marks (`quotes.foreign`) do not count. Silent when the style demands one form
/// (`quotes.form: curly` or `straight`): `quotes.straight` / `quotes.curly` report those marks.
struct QuotesMixedRule: LintRule {
    static let description = RuleDescription(
        id: "quotes.mixed",
        summary: "straight and curly double quotation marks mixed in one story",
        severity: .warning,
        triggering: [
            "“We will rebuild,” the mayor said. ↓\"Every house, every school.\" She did not give a date. “Not this year.”",
            """
            Leaders to meet

            "In less than 10 days, a new meeting of our leaders will take place," the ambassador said.

            – ↓“Impossible” –

            He also deemed it "impossible" to isolate Russia.
            """,
        ],
        nonTriggering: [
            "\"We will rebuild,\" the mayor said. \"Every house, every school.\" He is 5'11\" and doesn't give up.",
            "“We will rebuild,” the mayor said of the 12\" flood line. “Every house, every school.”",
            "Riley Wallace says he is ``content'' as coach, but the \"offer\" was \"serious.\"",
            "\"We will rebuild,\" the mayor said, standing by the 12” flood mark. \"Every house.\"",
            "Obama on ‘fiscal cliff’: \"We're not there yet,\" he said of the ’90s-era rules.",
        ],
        corrections: [
            "“We will rebuild,” the mayor said. \"Every house.\" “Not this year.”":
                "“We will rebuild,” the mayor said. “Every house.” “Not this year.”",
            "\"We will rebuild,\" the mayor said. “Every house.” \"Not this year.\"":
                "\"We will rebuild,\" the mayor said. \"Every house.\" \"Not this year.\"",
        ],
        exampleStyle: "ap")

    let active: Bool

    init(style: Style) {
        let form = style.string("quotes.form") ?? "any"
        active = form != "curly" && form != "straight"
    }

    private enum Form { case straight, curly }

    private static func form(_ mark: QuoteScanner.Mark, in scanner: QuoteScanner) -> Form? {
        guard mark.level == .double, mark.role != .prime else { return nil }
        switch mark.glyph {
        case .straightDouble: return .straight
        case .curlyOpenDouble, .curlyCloseDouble:
            // “ closing a German „ belongs to quotes.foreign.
            if let partner = mark.partner, scanner.marks[partner].glyph == .other { return nil }
            return .curly
        default: return nil
        }
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard active else { return }
        var scanners: [(LintDocument.Block, QuoteScanner)] = []
        var straight = 0, curly = 0
        var first: Form?
        for block in document.blocks where block.hasQuotableText {
            let scanner = document.quotes(block)
            guard !scanner.marks.isEmpty else { continue }
            for mark in scanner.marks {
                switch Self.form(mark, in: scanner) {
                case .straight?: straight += 1; if first == nil { first = .straight }
                case .curly?: curly += 1; if first == nil { first = .curly }
                case nil: break
                }
            }
            scanners.append((block, scanner))
        }
        guard straight > 0, curly > 0 else { return }
        let minority: Form = straight == curly ? (first == .straight ? .curly : .straight) : (straight < curly ? .straight : .curly)
        let counts = "\(straight) straight, \(curly) curly marks in the story"
        let message = minority == .curly
            ? "curly quotation marks among straight ones: use \"…\" like the rest of the story (\(counts))"
            : "straight quotation marks among curly ones: use “…” like the rest of the story (\(counts))"

        for (block, scanner) in scanners {
            for (index, mark) in scanner.marks.enumerated() where Self.form(mark, in: scanner) == minority {
                // A closing mark paired with an opening one was reported with it.
                if mark.role == .close, let partner = mark.partner, partner < index,
                   Self.form(scanner.marks[partner], in: scanner) == minority { continue }
                var range = mark.range
                var members = [mark]
                if mark.role == .open, let partner = mark.partner {
                    let closing = scanner.marks[partner]
                    range = mark.range.lowerBound..<closing.range.upperBound
                    if Self.form(closing, in: scanner) == minority { members.append(closing) }
                }
                var edits: [TextEdit]? = []
                for member in members {
                    guard member.role == .open || member.role == .close else { edits = nil; break }
                    let replacement = minority == .curly ? "\"" : (member.role == .open ? "\u{201C}" : "\u{201D}")
                    edits?.append(TextEdit(range: member.range, replacement: replacement))
                }
                report.add(block: block.index, range: range, message, fix: edits)
            }
        }
    }
}
