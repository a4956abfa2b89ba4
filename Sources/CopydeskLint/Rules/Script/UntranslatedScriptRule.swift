import CopydeskCore
import CopydeskICU

/// Runs of another script in copy written in the style's `script.expected` (Latin for English):
/// a Greek or Russian phrase, a Chinese name, a source abbreviation such as Greek "κ." or Russian
/// "г." that the translation left behind. One finding per run of words in that script (words
/// separated only by spaces, punctuation or figures), naming the script and, for Latin copy,
/// suggesting an ICU "Any-Latin; Latin-ASCII" transliteration.
///
/// Deliberately not reported: a run of fewer than three letters (single Greek letters such as
/// "Δ", "β-blockers", units such as "μm" are notation), except a short lowercase Greek or Cyrillic
/// word followed by a period (a source abbreviation such as "κ.", "г.", "ул.") and two or more
/// Chinese, Japanese or Korean characters (a word); and the original-script form of a name given
/// in brackets after its transliteration — "Moscow (Москва)", "Xi Jinping (习近平)", "(Russian:
/// Москва)", up to four words — a convention some desks use on purpose.
struct UntranslatedScriptRule: LintRule {
    static let description = RuleDescription(
        id: "script.untranslated",
        summary: "runs of another script (Greek, Cyrillic, Arabic, Chinese…) left untranslated in the copy",
        severity: .warning,
        triggering: [
            "ATHENS, Greece (AP) — The prime minister greeted the crowd with «↓Καλημέρα σε όλους» before the vote.",
            "ATHENS, Greece (AP) — ↓κ. Mitsotakis said the talks would resume on Monday.",
            "MOSCOW (AP) — The newspaper ↓Коммерсант reported the meeting, citing a source in the ↓Кремль.",
            "BEIJING (AP) — The slogan ↓中国梦 appeared on banners across the city.",
            // A whole paragraph left in the source language.
            "Greek officials said the vote would go ahead.\n\n↓Η κυβέρνηση δήλωσε ότι η ψηφοφορία θα γίνει κανονικά.",
        ],
        nonTriggering: [
            "MOSCOW (AP) — Moscow (Москва) and St. Petersburg were both on alert.",
            "BEIJING (AP) — Chinese President Xi Jinping (习近平) arrived on Sunday.",
            "KYIV, Ukraine (AP) — The city's name (Ukrainian: Київ) appears on the new signs.",
            "The Δ variant and β-blockers were discussed, and particles of 2.5 μm were measured.",
            "Striker Dušan Vlahović scored in Zürich; coach Ðorđe Ðorđević praised the naïve plan drawn up in São Paulo.",
            "The omega (Ω) symbol marks resistance.",
        ])

    private let expected: ScriptFamily.Letter?

    /// Opened on the first run of foreign script, not when the rule is built: ICU takes 10–15 ms
    /// to load this transform, which would be paid by every `copydesk lint` of all-Latin copy.
    private static let latinTransliterator = try? Transliterator(id: "Any-Latin; Latin-ASCII")

    init(style: Style) throws {
        expected = style.string("script.expected").flatMap(ScriptFamily.Letter.init(expected:))
    }

    /// A word's letters by script.
    private struct WordScript {
        var script: ScriptFamily.Letter = .common
        var foreign = 0
        var native = 0
        var lowercase = true
    }

    private func classify(_ bytes: [UInt8], _ range: Range<Int>, expected: ScriptFamily.Letter) -> WordScript {
        var result = WordScript()
        var kana = false
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = bytes[i]
            if byte < 0x80 {
                // ASCII: a Latin letter or a figure.
                if byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A {
                    if expected == .latin { result.native += 1 } else {
                        if result.foreign == 0 { result.script = .latin }
                        result.foreign += 1
                        if byte < 0x61 { result.lowercase = false }
                    }
                }
                i += 1
                continue
            }
            guard let (scalar, width) = ScriptFamily.scalar(bytes, i) else { i += 1; continue }
            i += width
            var script = ScriptFamily.script(of: scalar)
            if script == .common { continue }
            if script == expected { result.native += 1; continue }
            if script == .kana { kana = true; script = .han }
            // The first foreign script a word shows names it; words rarely mix two.
            if result.foreign == 0 { result.script = script }
            result.foreign += 1
            if scalar.properties.isUppercase { result.lowercase = false }
        }
        if kana && result.script == .han { result.script = .kana }   // Japanese: kana among Han characters
        return result
    }

    /// Whether the bytes may hold a letter outside Latin and common punctuation: a lead byte of
    /// U+0340 or above, other than the E2 block (punctuation, symbols). A quick filter only.
    @inline(__always)
    static func mayHoldOtherScript(_ bytes: ArraySlice<UInt8>) -> Bool {
        // (Only bytes of 0xCD and above can pass, so ASCII runs are skipped.)
        ByteScan.containsNonASCII(bytes) { byte in byte >= 0xCD && byte != 0xE2 && (byte < 0x80 || byte >= 0xC0) }
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard let expected else { return }
        for block in document.blocks {
            let bytes = block.bytes
            if expected == .latin, !Self.mayHoldOtherScript(bytes[...]) { continue }
            // Runs of consecutive foreign words; figures between them do not break a run.
            var run: (first: Int, last: Int, letters: Int, script: ScriptFamily.Letter)?
            func close() {
                if let current = run { finish(current, block: block, document: document, &report) }
                run = nil
            }
            for (index, word) in block.words.enumerated() {
                if expected == .latin, !Self.mayHoldOtherScript(bytes[word.range]) {
                    // A Latin word (or figures) ends a run.
                    if !word.isNumber { close() }
                    continue
                }
                let info = classify(bytes, word.range, expected: expected)
                if info.foreign == 0 && info.native == 0 { continue }          // figures
                guard info.foreign > info.native else { close(); continue }
                if var current = run, current.script == info.script || (current.script.isCJK && info.script.isCJK) {
                    current.last = index
                    current.letters += info.foreign
                    if info.script == .kana { current.script = .kana }
                    run = current
                } else {
                    close()
                    run = (index, index, info.foreign, info.script)
                }
            }
            close()
        }
    }

    private func finish(_ run: (first: Int, last: Int, letters: Int, script: ScriptFamily.Letter), block: LintDocument.Block,
                        document: LintDocument, _ report: inout LintReport) {
        let bytes = block.bytes
        let start = block.words[run.first].range.lowerBound
        var end = block.words[run.last].range.upperBound
        let minimum = run.script.isCJK ? 2 : 3
        var abbreviation = false
        if run.letters < minimum {
            // "κ." / "г." / "ул.": a short lowercase Greek or Cyrillic word with a period.
            let info = classify(bytes, start..<end, expected: .latin)
            guard run.first == run.last, run.script == .greek || run.script == .cyrillic, info.lowercase,
                  end < bytes.count, bytes[end] == UInt8(ascii: ".") else { return }
            abbreviation = true
            end += 1
        }
        if !abbreviation, run.last - run.first < 4, isBracketedGloss(bytes, start..<end) { return }
        let text = document.text(block, start..<end)
        let script = run.script.name
        if abbreviation {
            report.add(block: block.index, range: start..<end,
                       "translate the \(script) abbreviation \"\(QuotedText.bounded(text))\" left from the source text")
            return
        }
        var suggestion: String?
        // A transliteration helps with a name or a phrase; a whole sentence needs translating.
        if expected == .latin, let transliterator = Self.latinTransliterator, run.last - run.first < 8 {
            let latin = transliterator.transliterate(text)
            if latin != text { suggestion = "\"\(QuotedText.bounded(latin))\" (transliterated)" }
        }
        report.add(block: block.index, range: start..<end,
                   "\(script) text left untranslated: translate it, or transliterate it into \(expected?.name ?? "the expected") script",
                   suggestion: suggestion)
    }

    /// The run is all there is inside brackets, after a name: "Moscow (Москва)", or a labelled
    /// gloss "(Russian: Москва)".
    private func isBracketedGloss(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var before = range.lowerBound
        while let previous = Self.quoteOrSpace(bytes, endingAt: before) { before = previous }
        guard before > 0 else { return false }
        if bytes[before - 1] == UInt8(ascii: ":") {
            // "(Russian: …": a short label back to the bracket, on the same line.
            var open = before - 2
            while open >= 0, bytes[open] != UInt8(ascii: "("), bytes[open] != 0x0A, bytes[open] != UInt8(ascii: ")") { open -= 1 }
            guard open >= 0, bytes[open] == UInt8(ascii: "("), before - open <= 40 else { return false }
        } else {
            guard bytes[before - 1] == UInt8(ascii: "(") else { return false }
        }
        var after = range.upperBound
        while after < bytes.count {
            if bytes[after] == UInt8(ascii: ".") { after += 1; continue }
            guard let next = Self.quoteOrSpace(bytes, startingAt: after) else { break }
            after = next
        }
        return after < bytes.count && bytes[after] == UInt8(ascii: ")")
    }

    /// Quotation marks a gloss may stand in: " ' “ ” ‘ ’ „ « ».
    private static let quotes: [[UInt8]] = ["\"", "'", "“", "”", "‘", "’", "„", "«", "»"].map { Array($0.utf8) }

    /// The offset before a space or quotation mark that ends at `end`, or nil.
    private static func quoteOrSpace(_ bytes: [UInt8], endingAt end: Int) -> Int? {
        if end > 0, bytes[end - 1] == 0x20 { return end - 1 }
        for quote in quotes where end >= quote.count && bytes[(end - quote.count)..<end].elementsEqual(quote) {
            return end - quote.count
        }
        return nil
    }

    /// The offset after a space or quotation mark that starts at `start`, or nil.
    private static func quoteOrSpace(_ bytes: [UInt8], startingAt start: Int) -> Int? {
        if bytes[start] == 0x20 { return start + 1 }
        for quote in quotes where start + quote.count <= bytes.count && bytes[start..<(start + quote.count)].elementsEqual(quote) {
            return start + quote.count
        }
        return nil
    }
}
