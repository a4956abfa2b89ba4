import CopydeskCore

/// The style's house terms (`terms:`, wrong → right: `Kiev` → `Kyiv`, `Aukus` → `AUKUS`, `ie` →
/// `i.e.`), matched as whole words and case-sensitively in one pass of a phrase automaton; the
/// fix writes the right term.
///
/// An entry of four or more letters with a capital in it also matches its all-caps form
/// (`KIEV, Ukraine (AP) —` → `KYIV`), written in capitals. Not reported: the term inside a longer word
/// (`Kievan Rus'`), the right form itself (`i.e.`), and URLs, e-mail addresses, hashtags and
/// handles (`https://…/Kiev`, `rte.ie`, `#Kiev`). An entry whose right side equals its wrong
/// side is an exception: since the longest match wins, `chicken Kiev => chicken Kiev` keeps the
/// dish's name.
struct TermSubstitutionRule: LintRule {
    static let description = RuleDescription(
        id: "terms.substitution",
        summary: "house terms (`Kiev` → `Kyiv`, `Aukus` → `AUKUS`, `ie` → `i.e.`)",
        severity: .warning,
        triggering: [
            "“This summit will be the first real (↓ie in-person) summit since the pandemic,” Denisov said.",
            "They condemned the role of NATO and the ↓Aukus alliance, officials in ↓Kiev said.",
            "↓KIEV, Ukraine (AP) — The ↓Kiev-based ministry said on Monday the talks would resume.",
        ],
        nonTriggering: [
            "The first real (i.e. in-person) summit since the pandemic was held in Kyiv, under AUKUS rules.",
            "Kievan Rus' was a medieval state; see https://en.wikipedia.org/wiki/Kiev or write to press@kiev.example.",
            "The hashtag #Kiev trended, the rte.ie website said, as did the site kiev.ua.",
        ],
        corrections: [
            "Officials in Kiev condemned Aukus (ie the pact).": "Officials in Kyiv condemned AUKUS (i.e. the pact).",
        ],
        exampleStyle: "ap")

    /// The style's phrase lists, this rule's among them (`.terms`), matched once per document; nil
    /// when the style has no terms.
    let phrases: StylePhrases?
    let found: [String]
    let replacements: [String]

    init(style: Style) {
        (found, replacements) = Self.terms(style)
        phrases = found.isEmpty ? nil : StylePhrases.of(style)
    }

    /// The wrong forms to match and the right form of each.
    static func terms(_ style: Style) -> (wrong: [String], right: [String]) {
        var wrong: [String] = []
        var right: [String] = []
        for term in style.terms where !term.wrong.isEmpty {
            wrong.append(term.wrong)
            right.append(term.right)
        }
        // All-caps forms of entries with a capital (names): KIEV → KYIV; exceptions such as
        // `Peking University => Peking University` get theirs too.
        let known = Set(wrong)
        for (term, replacement) in zip(wrong, right) {
            let upper = term.uppercased()
            guard term.count >= 4, term.contains(where: \.isUppercase), upper != term, !known.contains(upper),
                  upper != replacement.uppercased() || term == replacement else { continue }
            wrong.append(upper)
            right.append(replacement.uppercased())
        }
        return (wrong, right)
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard let phrases else { return }
        for block in document.blocks where block.kind != .byline {
            let bytes = block.bytes
            for match in document.phrases(phrases, .terms, block) {
                let right = replacements[match.phrase]
                let found = self.found[match.phrase]
                guard found != right, !Self.inAddress(bytes, match.range) else { continue }
                report.add(block: block.index, range: match.range, "use \"\(QuotedText.bounded(right))\", not \"\(QuotedText.bounded(found))\" (house terms)",
                           fix: [TextEdit(range: match.range, replacement: right)])
            }
        }
    }

    /// The match lies in a URL, e-mail address, domain name, hashtag or handle: the
    /// space-delimited token holding it has `://`, `www.`, `@`, `/`, a leading `#`, or a period
    /// between letters (`kiev.ua`, `rte.ie`; not a sentence's final period).
    static func inAddress(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        var start = range.lowerBound, end = range.upperBound
        while start > 0, !isSpace(bytes[start - 1]) { start -= 1 }
        while end < bytes.count, !isSpace(bytes[end]) { end += 1 }
        let token = bytes[start..<end]
        if token.contains(UInt8(ascii: "@")) || token.contains(UInt8(ascii: "/")) { return true }
        if let first = token.first(where: { $0 != UInt8(ascii: "(") && $0 != UInt8(ascii: "\"") }), first == UInt8(ascii: "#") { return true }
        var i = start + 1
        while i + 1 < end {
            if bytes[i] == UInt8(ascii: "."), Self.isASCIILetter(bytes[i - 1]), Self.isASCIILetter(bytes[i + 1]) {
                // `i.e.`, `U.S.`: single letters between periods are abbreviations, not domains.
                let single = (i < 2 || !Self.isASCIILetter(bytes[i - 2])) && (i + 2 >= end || !Self.isASCIILetter(bytes[i + 2]))
                if !single { return true }
            }
            i += 1
        }
        return false
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }
}
