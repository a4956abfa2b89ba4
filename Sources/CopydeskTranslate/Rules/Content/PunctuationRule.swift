import CopydeskCore
import Foundation
import CopydeskICU

/// `translation.punctuation`: the original's punctuation conventions left in the translation,
/// and a question or exclamation that the translation ends differently (pofilter's `endpunc`).
///
/// In the translation, when its language does not use them (ICU `LocaleDelimiters` says which
/// quotation marks it uses): guillemets « » ‹ › and low-9 quotes „ ‚ (fixed to the target's marks,
/// “ ” in English, with the French inner spaces removed); a space, no-break space or U+202F before
/// : ; ! ? (fixed by removing it) when the translation's language does not space them, called French
/// spacing when the original's language does (`spaced-marks` in its language file); a Greek question
/// mark (U+037E, fixed; or ";" ending a sentence of a paragraph whose original asks a question,
/// suggested — an English list item may end with ";") and ano teleia "·" when the original is Greek; and
/// abbreviations of the original's language left in ("κ."/"k." for κύριος, "M." for Monsieur, "г."
/// for год; from `StyleRules/translation/languages/`), reported only when the original has the
/// same abbreviation there. Per aligned pair, the last paragraph of each side: the original ends
/// with a question (Greek ";" counts) or an exclamation and the translation does not, or the
/// other way round. Decimal commas and dot grouping are `translation.numbers`'s (it can check the
/// value against the original), so a figure is reported once.
struct TranslationPunctuationRule: TranslationRule {
    static let description = TranslationRuleDescription(
        id: "translation.punctuation",
        summary: "the original's punctuation left in the translation (« », „ “, French spacing, Greek ;) or a question or exclamation lost",
        severity: .warning,
        triggering: [
            TranslationExample("fr", "« Ce sommet promet d'être intéressant », a déclaré M. Denissov.",
                               "en", "↓« This summit promises to be interesting », Denisov said."),
            TranslationExample("fr", "Le ministère a déclaré : « Aucune information pour le moment. »",
                               "en", "The ministry said↓ : “No information at this time.”"),
            TranslationExample("el", "Τι θα γίνει με τις συντάξεις; ρώτησε ο βουλευτής.\n\nΟ κ. Μητσοτάκης δεν απάντησε.",
                               "en", "What will happen to pensions↓; the MP asked.\n\n↓k. Mitsotakis did not answer."),
            TranslationExample("ru", "Встреча состоялась в 2022 г. в Самарканде.",
                               "en", "The meeting took place in 2022 ↓g. in Samarkand."),
            TranslationExample("el", "Θα αντέξει η κυβέρνηση;",
                               "en", "The government will hold↓."),
            TranslationExample("de", "„Wir werden nicht nachgeben“, sagte der Minister.",
                               "en", "↓„We will not give in“, the minister said."),
        ],
        nonTriggering: [
            TranslationExample("fr", "« Ce sommet promet d'être intéressant ! » a déclaré M. Denissov.",
                               "en", "“This summit promises to be interesting!” Denisov said."),
            TranslationExample("el", "Θα αντέξει η κυβέρνηση; Ο κ. Μητσοτάκης είπε: «Ναι».",
                               "en", "Will the government hold? Mitsotakis said: “Yes.”"),
            TranslationExample("en", "Will the government hold? The minister said: “Yes.”",
                               "fr", "Le gouvernement tiendra-t-il ? Le ministre a dit : « Oui. »"),
            TranslationExample("ru", "Встреча состоялась в 2022 г. в Самарканде, сообщил М. Песков.",
                               "en", "The meeting took place in 2022 in Samarkand, M. Peskov said."),
        ])

    let languages: LanguageTable

    init(profile: TranslationProfile) throws {
        languages = try LanguageTable(profile: profile)
    }

    /// The target's own marks, or nil when its language uses the given ones.
    struct Marks {
        var open = "“", close = "”", innerOpen = "‘", innerClose = "’"
        var usesGuillemets = false
        var usesLow9 = false
        var usesSpacing = false

        init(_ language: String) {
            if let delimiters = try? LocaleDelimiters(locale: language) {
                open = delimiters.quotationStart
                close = delimiters.quotationEnd
                innerOpen = delimiters.alternateQuotationStart
                innerClose = delimiters.alternateQuotationEnd
            }
            let all = [open, close, innerOpen, innerClose]
            usesGuillemets = all.contains { $0.contains("«") || $0.contains("»") || $0.contains("‹") || $0.contains("›") }
            usesLow9 = all.contains { $0.contains("„") || $0.contains("‚") }
            usesSpacing = language == "fr"
        }
    }

    func check(_ document: TranslationDocument, _ report: inout RuleReport) {
        let sourceLanguage = document.sourceLanguage.map(TranslationProfileLoader.primary) ?? "und"
        let targetLanguage = document.targetLanguage.map(TranslationProfileLoader.primary) ?? "en"
        guard sourceLanguage != targetLanguage else { return }
        let source = languages.data(sourceLanguage), target = languages.data(targetLanguage)
        let marks = Marks(targetLanguage)
        let greekSource = source.questionMarks.contains(";")
        // A ";" in the translation is the Greek question mark only where the original asks a question.
        var asking = Set<Int>()
        if greekSource {
            for pair in document.pairs where pair.source.contains(where: { Self.asksWithSemicolon(document.source[$0].bytes) }) {
                asking.formUnion(pair.target)
            }
        }
        for block in document.target {
            checkMarks(block, marks, greekSource: greekSource, asking: asking.contains(block.index), frenchSource: !source.spacedMarks.isEmpty,
                       targetName: Self.languageName(targetLanguage), &report)
        }
        for pair in document.pairs where !pair.source.isEmpty && !pair.target.isEmpty {
            let sourceText = PairText(pair.source, of: document.source)
            for abbreviation in source.abbreviations {
                guard contains(sourceText.bytes, Array(abbreviation.source.utf8)) else { continue }
                for index in pair.target {
                    abbreviations(document.target[index], abbreviation, sourceLanguage: sourceLanguage, &report)
                }
            }
            endPunctuation(pair, document, source: source, target: target, greekSource: greekSource, &report)
        }
    }

    // MARK: Marks of the original's language

    /// The language's English name for messages ("English"), or its tag.
    static func languageName(_ tag: String) -> String {
        Locale(identifier: "en").localizedString(forLanguageCode: tag) ?? tag
    }

    /// Whether a Greek paragraph asks a question: a ";" (or U+037E) after a letter, a digit or a closing mark.
    static func asksWithSemicolon(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count {
            let (scalar, width) = TextScan.scalar(bytes, i)
            if scalar == 0x3B || scalar == 0x37E, let (before, _) = TextScan.scalar(before: i, bytes),
               TextScan.isLetter(before) || (before < 0x80 && ByteClass.isDigit(UInt8(before))) || [0xBB, 0x201D, 0x22, 0x29].contains(before) {
                return true
            }
            i += width
        }
        return false
    }

    private func checkMarks(_ block: TranslationDocument.Block, _ marks: Marks, greekSource: Bool, asking: Bool, frenchSource: Bool,
                            targetName: String, _ report: inout RuleReport) {
        let bytes = block.bytes
        let quotes = QuoteScan(bytes, range: 0..<bytes.count)
        var reported = Set<Int>()
        // Pairs of guillemets or low-9 quotes: one finding at the opening mark, fixing both.
        for quotation in quotes.quotations {
            let guillemet = quotation.opener == 0xAB || quotation.opener == 0x2039
            let low9 = quotation.opener == 0x201E || quotation.opener == 0x201A
            guard (guillemet && !marks.usesGuillemets) || (low9 && !marks.usesLow9) else { continue }
            let inner = quotation.depth > 1 && quotation.opener != 0xAB && quotation.opener != 0x201E
            let open = inner ? marks.innerOpen : marks.open, close = inner ? marks.innerClose : marks.close
            var openEnd = quotation.open + quotation.openWidth
            while TextScan.spaceWidth(bytes, openEnd) > 0, openEnd < quotation.close { openEnd += TextScan.spaceWidth(bytes, openEnd) }
            var closeStart = quotation.close
            while closeStart > openEnd, let (scalar, start) = TextScan.scalar(before: closeStart, bytes),
                  scalar == 0x20 || scalar == 0xA0 || scalar == 0x202F || scalar == 0x2009 { closeStart = start }
            let fix = [TextEdit(range: quotation.open..<openEnd, replacement: open),
                       TextEdit(range: closeStart..<(quotation.close + quotation.closeWidth), replacement: close)]
            let written = String(decoding: bytes[quotation.open..<(quotation.open + quotation.openWidth)], as: UTF8.self)
                + "…" + String(decoding: bytes[quotation.close..<(quotation.close + quotation.closeWidth)], as: UTF8.self)
            report.add(block: block.index, range: quotation.open..<(quotation.open + quotation.openWidth),
                       "\(written) are the original's quotation marks: write \(open)…\(close)", fix: fix)
            reported.insert(quotation.open)
            reported.insert(quotation.close)
        }
        var i = 0
        while i < bytes.count {
            let (scalar, width) = TextScan.scalar(bytes, i)
            defer { i += width }
            if (scalar == 0xAB || scalar == 0xBB || scalar == 0x2039 || scalar == 0x203A), !marks.usesGuillemets, !reported.contains(i) {
                report.add(block: block.index, range: i..<(i + width),
                           "\(String(decoding: bytes[i..<(i + width)], as: UTF8.self)) is the original's quotation mark: write \(scalar == 0xAB || scalar == 0x2039 ? marks.open : marks.close)")
            } else if (scalar == 0x201E || scalar == 0x201A), !marks.usesLow9, !reported.contains(i) {
                report.add(block: block.index, range: i..<(i + width),
                           "\(String(decoding: bytes[i..<(i + width)], as: UTF8.self)) is the original's quotation mark: write \(scalar == 0x201E ? marks.open : marks.innerOpen)",
                           fix: [TextEdit(range: i..<(i + width), replacement: scalar == 0x201E ? marks.open : marks.innerOpen)])
            } else if scalar == 0x37E, greekSource {
                report.add(block: block.index, range: i..<(i + width),
                           "\";\" (U+037E) is the Greek question mark: write \"?\"", fix: [TextEdit(range: i..<(i + width), replacement: "?")])
            } else if scalar == 0x3B, greekSource, asking, endsSentence(bytes, i + 1) {
                // A suggestion, not a fix: an English list item or clause may end with ";" too.
                report.add(block: block.index, range: i..<(i + 1),
                           "\";\" where the original asks a question is the Greek question mark: write \"?\"", suggestion: "?")
            } else if scalar == 0x387 || scalar == 0xB7, greekSource, i + width < bytes.count, TextScan.spaceWidth(bytes, i + width) > 0 {
                report.add(block: block.index, range: i..<(i + width),
                           "\"·\" is the Greek ano teleia: write a semicolon or a colon", suggestion: ";")
            } else if scalar == 0x3A || scalar == 0x3B || scalar == 0x21 || scalar == 0x3F, !marks.usesSpacing {
                // A space before : ; ! ? (French spacing), but not "12 : 30" scores or a lone mark.
                var start = i
                while let (before, at) = TextScan.scalar(before: start, bytes),
                      before == 0x20 || before == 0xA0 || before == 0x202F || before == 0x2009 { start = at }
                guard start < i, start > 0, bytes[start - 1] != 0x0A else { continue }
                let after = i + width < bytes.count ? bytes[i + width] : 0x20
                if scalar == 0x3A, ByteClass.isDigit(bytes[start - 1]),
                   ByteClass.isDigit(after) || (after == 0x20 && i + 2 < bytes.count && ByteClass.isDigit(bytes[i + 2])) { continue }
                report.add(block: block.index, range: start..<i,
                           frenchSource
                               ? "a space before \"\(String(UnicodeScalar(UInt8(scalar))))\" is the original's French spacing: remove it"
                               : "\(targetName) puts no space before \"\(String(UnicodeScalar(UInt8(scalar))))\": remove it",
                           fix: [TextEdit(range: start..<i, replacement: "")])
            }
        }
    }

    /// Whether a mark at `i` ends a sentence: only closing quotes or brackets, then the end of
    /// the paragraph, or a closing quote then a lowercase word ("…;” he asked).
    private func endsSentence(_ bytes: [UInt8], _ i: Int) -> Bool {
        var k = i
        var closed = false
        while k < bytes.count {
            let (scalar, width) = TextScan.scalar(bytes, k)
            if [0x201D, 0x2019, 0xBB, 0x22, 0x29].contains(scalar) { closed = true; k += width; continue }
            break
        }
        while k < bytes.count, TextScan.spaceWidth(bytes, k) > 0 { k += TextScan.spaceWidth(bytes, k) }
        if k >= bytes.count { return true }
        if closed {
            let (scalar, _) = TextScan.scalar(bytes, k)
            return TextScan.isLetter(scalar) && !TextScan.isUpper(scalar)
        }
        // "…συντάξεις; ρώτησε" left as "pensions; the MP asked": a question followed by its speaker.
        return isAskedClause(bytes, k)
    }

    private func isAskedClause(_ bytes: [UInt8], _ k: Int) -> Bool {
        let rest = String(decoding: bytes[k..<min(bytes.count, k + 40)], as: UTF8.self).lowercased()
        let words = rest.split(separator: " ").prefix(3)
        return words.contains { $0.hasPrefix("asked") || $0.hasPrefix("wondered") }
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle, start == 0 || !TextScan.isLetter(TextScan.scalar(before: start, haystack)!.0) {
                return true
            }
        }
        return false
    }

    // MARK: Abbreviations

    private func abbreviations(_ block: TranslationDocument.Block, _ abbreviation: LanguageData.Abbreviation,
                               sourceLanguage: String, _ report: inout RuleReport) {
        let bytes = block.bytes
        for form in abbreviation.leftIn {
            let needle = Array(form.utf8)
            guard !needle.isEmpty, needle.count <= bytes.count else { continue }
            for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
                guard Array(bytes[start..<(start + needle.count)]) == needle else { continue }
                if let (before, _) = TextScan.scalar(before: start, bytes), TextScan.isLetter(before) || before == 0x2E { continue }
                let end = start + needle.count
                if end < bytes.count, TextScan.isLetter(TextScan.scalar(bytes, end).0) { continue }
                // A title before a name ("k. Mitsotakis") or a unit after a figure ("2022 g.").
                var next = end
                while next < bytes.count, TextScan.spaceWidth(bytes, next) > 0 { next += TextScan.spaceWidth(bytes, next) }
                let beforeName = next > end && next < bytes.count && TextScan.isUpper(TextScan.scalar(bytes, next).0)
                let afterFigure = start >= 2 && ByteClass.isDigit(bytes[start - 2]) && bytes[start - 1] == 0x20
                guard afterFigure || (beforeName && !needle.first.map(ByteClass.isDigit)!) else { continue }
                // An initial in an English name ("M. Peskov" for Mikhail) is fine unless the
                // original wrote the abbreviation before the same name.
                if beforeName, !afterFigure, needle.count == 2, needle[0] &- 0x41 < 26, sourceLanguage != "fr" { continue }
                report.add(block: block.index, range: start..<end,
                           "\"\(form)\" is the original's \"\(abbreviation.source)\" left in (\(abbreviation.meaning)): remove it")
            }
        }
    }

    // MARK: End punctuation

    private enum Ending: Equatable { case question, exclamation, other, none }

    private func ending(_ bytes: [UInt8], _ data: LanguageData) -> (Ending, Range<Int>) {
        var end = bytes.count
        while end > 0 {
            guard let (scalar, start) = TextScan.scalar(before: end, bytes) else { break }
            if scalar == 0x20 || scalar == 0x0A || scalar == 0xA0 || scalar == 0x202F || [0x201D, 0x2019, 0xBB, 0x22, 0x29, 0x5D, 0x2018, 0x201C].contains(scalar) {
                end = start
                continue
            }
            let mark = String(UnicodeScalar(scalar).map(Character.init) ?? " ")
            if data.questionMarks.contains(mark) { return (.question, start..<end) }
            if scalar == 0x21 { return (.exclamation, start..<end) }
            if TextScan.isLetter(scalar) || (scalar < 0x80 && ByteClass.isDigit(UInt8(scalar))) { return (.none, end..<end) }
            return (.other, start..<end)
        }
        return (.none, 0..<0)
    }

    private func endPunctuation(_ pair: AlignedPair, _ document: TranslationDocument, source: LanguageData, target: LanguageData,
                                greekSource: Bool, _ report: inout RuleReport) {
        guard let last = pair.target.last, let sourceLast = pair.source.last else { return }
        let (sourceEnding, _) = ending(document.source[sourceLast].bytes, source)
        let (targetEnding, range) = ending(document.target[last].bytes, target)
        guard sourceEnding != targetEnding else { return }
        // A question ending in the Greek ";": reported as the Greek question mark.
        if greekSource, sourceEnding == .question, range.count == 1, document.target[last].bytes[range.lowerBound] == 0x3B { return }
        let location = document.sourceLocation(of: sourceLast)
        switch (sourceEnding, targetEnding) {
        case (.question, _):
            report.add(block: last, range: range, "the original (\(location)) ends with a question; the translation does not: end with \"?\" unless it was reworded on purpose")
        case (.exclamation, _):
            report.add(block: last, range: range, "the original (\(location)) ends with an exclamation mark; the translation does not")
        case (_, .question):
            report.add(block: last, range: range, "the translation ends with a question; the original (\(location)) does not")
        case (_, .exclamation):
            report.add(block: last, range: range, "the translation ends with an exclamation mark; the original (\(location)) does not")
        default: break
        }
    }
}
