import CopydeskCore

/// Commas and periods at a closing double quotation mark, per `quotes.punctuation`.
///
/// `inside` (AP, US): a comma or period right after a closing double quote goes inside it
/// (`"…problems".` → `"…problems."`); when the quotation already ends with `?`, `!`, `.` or `,`
/// the mark outside is dropped (`"Why?",` → `"Why?"`). `outside` (logical punctuation): only for a
/// fragment quoted mid-sentence (`called it "a disgrace."` → `"a disgrace".`), since a full
/// sentence keeps its punctuation inside. `any`: nothing. Question and exclamation marks follow
/// the meaning and are never moved. Primes (`a 12".`) are not quotation marks.
struct QuotesPunctuationRule: LintRule {
    static let description = RuleDescription(
        id: "quotes.punctuation",
        summary: "comma or period on the wrong side of a closing quotation mark",
        severity: .warning,
        triggering: [
            "The mayor called the plan “reckless↓”, and the council agreed to review it.",
            "He added that the two presidents \"have many things to discuss, both on bilateral issues and international problems↓\".",
            "“Who is responsible?↓”, the senator asked.",
        ],
        nonTriggering: [
            "He added that the two presidents \"have many things to discuss.\"",
            "“Who is responsible?” the senator asked. “Nobody,” the aide said.",
            "The band sold its 12\". The record is called \"Help!\" and was described as \"a \"classic\"\" by critics.",
            "Riley Wallace says he is ``content,'' as coach.",
            "He asked whether the deal was \"final\"? Nobody answered.",
        ],
        corrections: [
            "He added that the two presidents \"have many things to discuss, both on bilateral issues and international problems\".":
                "He added that the two presidents \"have many things to discuss, both on bilateral issues and international problems.\"",
            "The mayor called the plan “reckless”, and said: “He told me ‘no’”.":
                "The mayor called the plan “reckless,” and said: “He told me ‘no.’”",
            "“Who is responsible?”, the senator asked.":
                "“Who is responsible?” the senator asked.",
        ],
        exampleStyle: "ap")

    enum Mode { case inside, outside, any }
    let mode: Mode
    let abbreviations: Set<String>

    init(style: Style) {
        switch style.string("quotes.punctuation") {
        case "inside"?: mode = .inside
        case "outside"?: mode = .outside
        default: mode = .any
        }
        abbreviations = style.abbreviations
    }

    private static func name(_ byte: UInt8) -> String { byte == UInt8(ascii: ",") ? "comma" : "period" }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard mode != .any else { return }
        for block in document.blocks where block.hasQuotableText {
            let bytes = block.bytes
            // Fast path: a comma or period next to a quotation mark.
            guard bytes.contains(where: { $0 == 0x2C || $0 == 0x2E }), QuoteScanner.mayContainQuotes(bytes) else { continue }
            let scanner = document.quotes(block)
            // The style's own closing marks; source-language ones are quotes.foreign's first.
            for (index, mark) in scanner.marks.enumerated() where mark.level == .double && mark.role == .close
                && (mark.glyph == .straightDouble || mark.glyph == .curlyCloseDouble || mark.glyph == .anpaCloseDouble) {
                switch mode {
                case .inside: inside(block, scanner, index, &report)
                case .outside: outside(block, scanner, index, &report)
                case .any: break
                }
            }
        }
    }

    private func inside(_ block: LintDocument.Block, _ scanner: QuoteScanner, _ index: Int, _ report: inout LintReport) {
        let bytes = block.bytes
        let mark = scanner.marks[index]
        let p = mark.range.upperBound
        guard p < bytes.count, bytes[p] == 0x2C || bytes[p] == 0x2E else { return }
        // An ellipsis, or a period or comma inside a word or number (".com", ",000"), is not this.
        if p + 1 < bytes.count, bytes[p + 1] == 0x2E || Tokenizer.isWordByte(bytes, p + 1) { return }
        let punctuation = bytes[p]
        let range = mark.range.lowerBound..<(p + 1)
        // Closing single quotes just before the double one: the punctuation goes inside them too.
        var insertion = mark.range.lowerBound
        var previous = index - 1
        while previous >= 0, scanner.marks[previous].range.upperBound == insertion,
              scanner.marks[previous].level == .single, scanner.marks[previous].role == .close {
            insertion = scanner.marks[previous].range.lowerBound
            previous -= 1
        }
        let closing = scanner.text(insertion..<mark.range.upperBound)
        guard insertion > 0 else { return }
        let before = bytes[insertion - 1]
        if before == 0x3F || before == 0x21 || before == 0x2E || before == 0x2C {
            // The quotation ends with its own mark: the one outside goes.
            report.add(block: block.index, range: range,
                       "drop the \(Self.name(punctuation)) after the closing quotation mark; the quotation already ends with \(Character(Unicode.Scalar(before)))",
                       fix: [TextEdit(range: p..<(p + 1), replacement: "")])
            return
        }
        // After an ellipsis or a dash, moving the mark needs judgement.
        if before >= 0x80 {
            var start = insertion - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            if let scalar = Tokenizer.scalar(bytes, start), scalar == "…" || (0x2010...0x2015).contains(scalar.value) { return }
        }
        let moved = String(Unicode.Scalar(punctuation)) + closing
        // The word before, for the message: problems."
        let word = block.words.last { $0.range.upperBound <= insertion }.map { scanner.text($0.range.lowerBound..<insertion) } ?? ""
        report.add(block: block.index, range: range,
                   "put the \(Self.name(punctuation)) inside the closing quotation mark: \(word.suffix(40))\(moved)",
                   fix: [TextEdit(range: insertion..<(p + 1), replacement: moved)])
    }

    private func outside(_ block: LintDocument.Block, _ scanner: QuoteScanner, _ index: Int, _ report: inout LintReport) {
        let bytes = block.bytes
        let mark = scanner.marks[index]
        let p = mark.range.lowerBound - 1
        guard p > 0, bytes[p] == 0x2C || bytes[p] == 0x2E, let partner = scanner.marks[index].partner else { return }
        let opening = scanner.marks[partner]
        // Only a fragment quoted mid-sentence: a word and a space before the opening mark, and
        // the quotation starts in lowercase.
        let start = opening.range.lowerBound
        guard start >= 2, bytes[start - 1] == 0x20, Tokenizer.isWordByte(bytes, start - 2),
              opening.range.upperBound < p, bytes[opening.range.upperBound] >= 0x61, bytes[opening.range.upperBound] <= 0x7A else { return }
        if bytes[p] == 0x2E {
            // The period of an abbreviation stays: "in the U.S."
            if p >= 2, bytes[p - 2] == 0x2E || bytes[p - 1] == 0x2E { return }
            if let word = block.words.last(where: { $0.range.upperBound <= p + 1 && $0.range.upperBound >= p }) {
                let text = String(decoding: bytes[word.range.lowerBound..<p], as: UTF8.self)
                if abbreviations.contains(text) || text.contains(".") { return }
            }
        }
        if p + 1 < mark.range.lowerBound { return }
        let punctuation = bytes[p]
        let moved = scanner.text(mark.range) + String(Unicode.Scalar(punctuation))
        let word = block.words.last { $0.range.upperBound <= p }.map { scanner.text($0.range.lowerBound..<p) } ?? ""
        report.add(block: block.index, range: p..<mark.range.upperBound,
                   "put the \(Self.name(punctuation)) outside the closing quotation mark of a quoted fragment: \(word.suffix(40))\(moved)",
                   fix: [TextEdit(range: p..<mark.range.upperBound, replacement: moved)])
    }
}
