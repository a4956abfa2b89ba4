import CopydeskCore

/// `attribution.credit-line`: an agency credit line or trailer left in the body ("Source:
/// RES-EAP", "(ANA-MPA)", "/TASS/"): a paragraph that is, or begins with, an entry of the style's
/// `credit-lines` list. Not publishable text.
///
/// Entries ending in a colon ("Source:") match as a prefix. Other entries ("(AFP)", "/TASS/") match
/// when the paragraph is the entry alone or the entry and a short tail ("(ANA-MPA) ek/ss"); an
/// entry followed by a dash and text is a dateline ("(ANSA) - ROME, July 1 - …") and is left to
/// the dateline rules, as are datelines such as "PARIS (AFP) -". Reuters trailers ("(Reporting by
/// …; Editing by …)") are not credit lines. Fix: when the credit line is the last paragraph and
/// nothing else, its text is deleted (the paragraph left empty disappears from plain text).
struct AttributionCreditLineRule: LintRule {
    static let description = RuleDescription(
        id: "attribution.credit-line",
        summary: "agency credit lines and trailers left in the body (Source: …, (ANA-MPA), /TASS/)",
        severity: .warning,
        triggering: [
            "Putin and Xi to meet\n\nThe leaders will meet next week in Samarkand.\n\n↓Source: RES-EAP",
            "Greek ferry strike\n\nFerries stayed in port on Wednesday as seamen walked out for 24 hours.\n\n↓(ANA-MPA)",
            "Sanctions\n\nRussia said it would respond to the new sanctions.\n\n↓/TASS/\n\nMore to follow.",
        ],
        nonTriggering: [
            "ATHENS (AP) — Ferries stayed in port on Wednesday as seamen walked out for 24 hours.",
            "Strike\n\n(ANSA) - ROME, July 1 - Italy's rail workers walked out on Friday.\n\nTrains resumed in the evening.",
            "Talks\n\nThe talks ended without a deal.\n\n(Reporting by Jane Doe; Editing by John Smith)",
            "Sources\n\nSources of funding for the project remain unclear, the ministry said.",
            "Credit\n\nThe statement was issued by the agency (ANA-MPA) on Tuesday.",
        ],
        corrections: [
            "Putin and Xi to meet\n\nThe leaders will meet next week in Samarkand.\n\nSource: RES-EAP":
                "Putin and Xi to meet\n\nThe leaders will meet next week in Samarkand.\n\n",
            "Greek ferry strike\n\nFerries stayed in port on Wednesday.\n\n(ANA-MPA)":
                "Greek ferry strike\n\nFerries stayed in port on Wednesday.\n\n",
        ],
        exampleStyle: "ap")

    static let lists = ["credit-lines"]

    let entries: [[UInt8]]
    /// The entries by their first byte, ASCII case folded: a paragraph is compared only with the
    /// entries that start like it.
    let entriesByFirstByte: [[[UInt8]]]

    init(style: Style) throws {
        entries = style.list("credit-lines").map { Array($0.utf8) }.filter { !$0.isEmpty }
        var byFirst = [[[UInt8]]](repeating: [], count: 256)
        for entry in entries { byFirst[Int(PhraseMatcher.fold(entry[0]))].append(entry) }
        entriesByFirstByte = byFirst
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard !entries.isEmpty else { return }
        let body = document.body
        for (n, block) in body.enumerated() where block.kind != .headline && block.kind != .byline {
            let bytes = block.bytes
            var start = 0
            while start < bytes.count, AttributionText.isSpace(bytes[start]) { start += 1 }
            var end = bytes.count
            while end > start, AttributionText.isSpace(bytes[end - 1]) { end -= 1 }
            guard start < end else { continue }
            let candidates = entriesByFirstByte[Int(PhraseMatcher.fold(bytes[start]))]
            guard !candidates.isEmpty, candidates.contains(where: { isCredit(bytes, start..<end, $0) }) else { continue }
            let isLast = n == body.count - 1
            let short = block.words.count <= 8 && !bytes[start..<end].contains(0x0A)
            let fix = isLast && short ? [TextEdit(range: 0..<bytes.count, replacement: "")] : nil
            let shown = end - start <= 60 ? end : (block.words.last { $0.range.upperBound <= start + 60 }?.range.upperBound ?? end)
            let found = document.text(block, start..<shown) + (shown < end ? "…" : "")
            report.add(block: block.index, range: start..<end,
                       "remove the agency credit line \"\(QuotedText.bounded(found))\" (not publishable text)", fix: fix)
        }
    }

    private func isCredit(_ bytes: [UInt8], _ text: Range<Int>, _ entry: [UInt8]) -> Bool {
        guard text.count >= entry.count else { return false }
        for (k, byte) in entry.enumerated() where PhraseMatcher.fold(byte) != PhraseMatcher.fold(bytes[text.lowerBound + k]) {
            return false
        }
        let after = text.lowerBound + entry.count
        let last = entry[entry.count - 1]
        let isWordChar = (last | 0x20 >= 0x61 && last | 0x20 <= 0x7A) || (last >= 0x30 && last <= 0x39)
        // "Sources:" is a prefix; a word entry must end at a word boundary.
        if isWordChar, after < text.upperBound, Tokenizer.isWordByte(bytes, after) { return false }
        if last == UInt8(ascii: ":") { return true }
        // The rest after the entry: nothing, punctuation, or a short tail that is not a sentence.
        var i = after
        while i < text.upperBound, AttributionText.isSpace(bytes[i]) || bytes[i] == UInt8(ascii: ".") { i += 1 }
        if i == text.upperBound { return true }
        let byte = bytes[i]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == 0xE2 { return false }   // dateline dash
        var words = 0
        var inWord = false
        for k in i..<text.upperBound {
            let b = bytes[k]
            if b == 0x20 { inWord = false; continue }
            if b == UInt8(ascii: "."), k + 1 < text.upperBound, bytes[k + 1] == 0x20 { return false }   // a sentence
            if !inWord { words += 1; inWord = true }
        }
        return words <= 3
    }
}
