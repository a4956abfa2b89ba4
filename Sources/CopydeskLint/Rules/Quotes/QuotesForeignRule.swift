import CopydeskCore

/// Quotation marks left from a source language: « » ‹ › „ ‚ 「 」 『 』 and the like, a German `“`
/// closing a `„`, or a `”` opening a quotation (Swedish/Finnish) — anything but the style's
/// `quotes.primary` / `quotes.secondary` pairs, straight quotes and apostrophes.
///
/// Each quotation is reported once, at its opening mark (or at the wrong mark alone when only the
/// closing one is foreign). When the marks pair up, the fix maps them to the style's pair (double
/// marks such as «…» and „…“ to the primary, ‹…› and ‚…‘ to the secondary), dropping the spaces a
/// French text puts inside «…»; a lone mark gets a suggestion.
struct QuotesForeignRule: LintRule {
    static let description = RuleDescription(
        id: "quotes.foreign",
        summary: "quotation marks from a source language («…», „…“, 「…」)",
        severity: .warning,
        triggering: [
            "The spokesman called the talks ↓«constructive» and said more meetings were planned.",
            "Macron said the plan was ↓«\u{202F}irresponsible\u{202F}», according to aides.",
            "The newspaper described it as ↓„a historic mistake“ in its editorial.",
            "The minister said the country would ↓”never surrender” to pressure.",
            "The poster read ↓「No entry」 in large letters, and a lone ↓» sat at the end.",
        ],
        nonTriggering: [
            "The spokesman called the talks “constructive” and said “more meetings” were ‘likely’.",
            "\"We don't know,\" he said of the '90s-era rules and the 5'11\" player's contract.",
            "The teachers’ union said the plan, drafted in ’98, was ‘unworkable’.",
        ],
        corrections: [
            "The spokesman called the talks «constructive» and said more meetings were planned.":
                "The spokesman called the talks “constructive” and said more meetings were planned.",
            "Macron said the plan was « irresponsible », according to aides.":
                "Macron said the plan was “irresponsible”, according to aides.",
            "The newspaper described it as „a historic mistake“ and „a ‚deliberate‘ choice“.":
                "The newspaper described it as “a historic mistake” and “a ‘deliberate’ choice”.",
            "The minister said the country would ”never surrender” to pressure.":
                "The minister said the country would “never surrender” to pressure.",
        ],
        exampleStyle: "ap")

    let marks: QuoteMarks
    /// Marks that are never foreign: the style's pairs, straight quotes, apostrophes, ANPA marks.
    let allowed: Set<Unicode.Scalar>

    init(style: Style) {
        marks = QuoteMarks(style: style)
        var allowed: Set<Unicode.Scalar> = ["\"", "'", "`", "\u{2019}"]
        for mark in [marks.primaryOpen, marks.primaryClose, marks.secondaryOpen, marks.secondaryClose] {
            allowed.formUnion(mark.unicodeScalars)
        }
        self.allowed = allowed
    }

    /// A mark the style does not use, or one of its own used the wrong way round (“ closing, ” opening).
    private func isForeign(_ mark: QuoteScanner.Mark) -> Bool {
        guard mark.role == .open || mark.role == .close || mark.role == .stray else { return false }
        if !allowed.contains(mark.scalar) { return true }
        switch mark.level {
        case .double:
            if mark.role == .open { return String(mark.scalar) != marks.primaryOpen && mark.glyph != .straightDouble && mark.glyph != .anpaOpenDouble }
            if mark.role == .close { return String(mark.scalar) != marks.primaryClose && mark.glyph != .straightDouble && mark.glyph != .anpaCloseDouble }
            return false
        case .single:
            // ’ is also the apostrophe; ‘ closing a ‚ is caught with its pair.
            return mark.role == .close && mark.glyph == .curlyOpenSingle
        }
    }

    private static func isSpace(_ bytes: [UInt8], _ i: Int) -> Int {
        guard i >= 0, i < bytes.count else { return 0 }
        if bytes[i] == 0x20 { return 1 }
        if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { return 2 }  // NBSP
        if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xAF || bytes[i + 2] == 0x89 { return 3 }  // U+202F, U+2009
        return 0
    }

    /// A space just before byte `i` (NBSP, U+202F, U+2009 or a plain space): its width.
    private static func spaceBefore(_ bytes: [UInt8], _ i: Int) -> Int {
        if i >= 1, bytes[i - 1] == 0x20 { return 1 }
        if i >= 2, bytes[i - 2] == 0xC2, bytes[i - 1] == 0xA0 { return 2 }
        if i >= 3, bytes[i - 3] == 0xE2, bytes[i - 2] == 0x80, bytes[i - 1] == 0xAF || bytes[i - 1] == 0x89 { return 3 }
        return 0
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        for block in document.blocks where block.hasQuotableText {
            let scanner = document.quotes(block)
            guard !scanner.marks.isEmpty else { continue }
            let bytes = block.bytes
            for (index, mark) in scanner.marks.enumerated() {
                let foreign = isForeign(mark)
                if let partner = mark.partner {
                    // A pair is handled at its opening mark.
                    guard partner > index else { continue }
                    let closing = scanner.marks[partner]
                    let closingForeign = isForeign(closing)
                    guard foreign || closingForeign else { continue }
                    let open = mark.level == .double ? marks.primaryOpen : marks.secondaryOpen
                    let close = mark.level == .double ? marks.primaryClose : marks.secondaryClose
                    var edits: [TextEdit] = []
                    if foreign {
                        var range = mark.range
                        // French «\u{202F}…\u{202F}»: the spaces inside go with the marks.
                        if mark.scalar == "«" || mark.scalar == "»" || mark.scalar == "‹" || mark.scalar == "›" {
                            while range.upperBound < closing.range.lowerBound, Self.isSpace(bytes, range.upperBound) > 0 {
                                range = range.lowerBound..<(range.upperBound + Self.isSpace(bytes, range.upperBound))
                            }
                        }
                        edits.append(TextEdit(range: range, replacement: open))
                    }
                    if closingForeign || foreign {
                        var range = closing.range
                        if closing.scalar == "»" || closing.scalar == "«" || closing.scalar == "›" || closing.scalar == "‹" {
                            let lower = edits.last?.range.upperBound ?? mark.range.upperBound
                            while range.lowerBound > lower, Self.spaceBefore(bytes, range.lowerBound) > 0 {
                                range = (range.lowerBound - Self.spaceBefore(bytes, range.lowerBound))..<range.upperBound
                            }
                        }
                        if scanner.text(range) != close { edits.append(TextEdit(range: range, replacement: close)) }
                    }
                    let inner = scanner.text(mark.range.upperBound..<closing.range.lowerBound)
                        .trimmingSpaces()
                    let found = scanner.text(mark.range) + "…" + scanner.text(closing.range)
                    let start = foreign ? mark.range.lowerBound : closing.range.lowerBound
                    report.add(block: block.index, range: start..<closing.range.upperBound,
                               "use \(open)\(QuotedText.bounded(inner))\(close) instead of the source-language quotation marks \(QuotedText.bounded(found))",
                               fix: edits.isEmpty ? nil : edits)
                } else if foreign {
                    let wanted = mark.level == .double ? "\(marks.primaryOpen) or \(marks.primaryClose)" : "\(marks.secondaryOpen) or \(marks.secondaryClose)"
                    report.add(block: block.index, range: mark.range,
                               "quotation mark \(mark.scalar) from a source language: use \(wanted)", suggestion: wanted)
                }
            }
        }
    }
}

extension String {
    /// Without the spaces (including NBSP and narrow NBSP) at either end.
    fileprivate func trimmingSpaces() -> String {
        let spaces: Set<Unicode.Scalar> = [" ", "\u{A0}", "\u{202F}", "\u{2009}"]
        let scalars = Array(unicodeScalars)
        var start = 0, end = scalars.count
        while start < end, spaces.contains(scalars[start]) { start += 1 }
        while end > start, spaces.contains(scalars[end - 1]) { end -= 1 }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[start..<end])
        return String(result)
    }
}
