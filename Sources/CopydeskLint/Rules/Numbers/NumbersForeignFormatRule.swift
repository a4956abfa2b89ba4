import CopydeskCore

/// `numbers.foreign-format`: number formats of decimal-comma languages (French, German, Greek,
/// Russian, Italian, Spanish) left in English copy by a translation.
///
/// Reported: a decimal comma before a percent sign or million/billion/percent ("3,5%", "2,7
/// billion"), dot grouping with two dots or more ("1.200.000"), dot grouping with a decimal comma
/// ("1.200,50"), a space before "%" ("10 %"), and clock times such as "12h30". All of these get
/// a fix except the clock time (AP writes "12:30 p.m.", which needs the context). A single dot
/// with three digits ("1.200 people") is only a suggestion, and only before a lowercase word that
/// is not a unit or currency, since "1.125 dollars" or "2.250 km" are English decimals; "1.2",
/// "1.25", "0.125" never fire. Tables and agate are left alone for that case.
struct NumbersForeignFormatRule: LintRule {
    static let description = RuleDescription(
        id: "numbers.foreign-format",
        summary: "number formats from decimal-comma languages (1.200.000, 3,5 %, 12h30) in English copy",
        severity: .warning,
        triggering: [
            "Inflation in Greece rose to ↓3,5% in August, the statistics agency said.",
            "The country has ↓1.200.000 registered voters and turnout was ↓62 %.",
            "Unemployment fell to ↓11,2 % and the deficit to ↓2,7 billion euros.",
            "About ↓1.200 people took part in the march, police said.",
            "The summit opens at ↓12h30 local time.",
            "The budget was ↓1.234,50 euros.",
        ],
        nonTriggering: [
            "Inflation rose to 3.5% in August and unemployment fell to 11.2 percent.",
            "The euro rose to 1.125 dollars, and the track is 2.250 km long.",
            "Freddy Garcia is 1-3 with a 4.81 earned run average and batted .300 last season.",
            "Pepe said some 1,000 witnesses are expected to testify among the 4,200 passengers.",
            "The index closed at 1.25 points higher; 0.125 of the sample was lost.",
            "Chapters 3, 5 and 7 of the report were released at 12:30 p.m.",
            "Police said 1.5 million people took part.",
        ],
        corrections: [
            "Inflation rose to 3,5 % while 1.200.000 people voted, and 62 % backed the plan.":
                "Inflation rose to 3.5% while 1,200,000 people voted, and 62% backed the plan.",
            "The budget was 1.234,50 euros and 2,7 billion in all.":
                "The budget was 1,234.50 euros and 2.7 billion in all.",
        ],
        exampleStyle: "ap")

    static let decimalUnits: Set<String> = ["million", "billion", "trillion", "percent", "per", "bn", "pct"]

    init(style: Style) throws {}

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard document.isEnglish else { return }
        for block in document.blocks where block.kind != .byline {
            let tabular = document.shared.isTabular(block, NumbersText.isTabular)
            let words = block.words
            for (i, word) in words.enumerated() {
                if word.isNumber {
                    checkNumber(document, block, i, tabular: tabular, &report)
                } else {
                    checkClock(document, block, word, &report)
                }
            }
        }
    }

    /// Width of a space (ASCII, no-break, narrow no-break, thin) at `i`, 0 if none.
    private func spaceWidth(_ bytes: [UInt8], _ i: Int) -> Int {
        guard i < bytes.count else { return 0 }
        if bytes[i] == 0x20 { return 1 }
        if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { return 2 }
        if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xAF || bytes[i + 2] == 0x89 || bytes[i + 2] == 0x8A { return 3 }
        return 0
    }

    private func checkNumber(_ document: LintDocument, _ block: LintDocument.Block, _ i: Int, tabular: Bool, _ report: inout LintReport) {
        let bytes = block.bytes
        let word = block.words[i]
        let range = word.range
        // Not part of a longer figure: "1:02.345", "v1.200", "192.168.1.1".
        if range.lowerBound > 0 {
            let before = bytes[range.lowerBound - 1]
            if before == UInt8(ascii: ":") || before == UInt8(ascii: ".") || before == UInt8(ascii: ",") || ByteClass.isDigit(before) { return }
        }
        // Plain digits (most figures) have nothing to swap: only a space before "%" to report.
        if bytes[range].allSatisfy(ByteClass.isDigit) {
            let space = spaceWidth(bytes, range.upperBound)
            let percentAt = range.upperBound + space
            guard space > 0, percentAt < bytes.count, bytes[percentAt] == UInt8(ascii: "%") else { return }
        }
        // Groups of digits and the separators between them.
        var groups: [Int] = [0]
        var separators: [UInt8] = []
        for k in range {
            let byte = bytes[k]
            if ByteClass.isDigit(byte) { groups[groups.count - 1] += 1 } else { separators.append(byte); groups.append(0) }
        }
        let leadingZero = bytes[range.lowerBound] == UInt8(ascii: "0")
        let text = String(decoding: bytes[range], as: UTF8.self)

        // What follows: a space and "%", "%" itself, or a word.
        let space = spaceWidth(bytes, range.upperBound)
        let percentAt = range.upperBound + space
        let percent = percentAt < bytes.count && bytes[percentAt] == UInt8(ascii: "%")
        let next = i + 1 < block.words.count && block.words[i + 1].range.lowerBound == range.upperBound + space && space > 0
            ? NumbersText.lower(bytes, block.words[i + 1].range) : nil

        var replacement: String?
        var what = ""
        let dots = separators.filter { $0 == UInt8(ascii: ".") }.count
        let commas = separators.count - dots
        if dots >= 1, commas == 1, separators.last == UInt8(ascii: ","), groups.last! <= 2,
           groups[0] <= 3, !leadingZero, groups.dropFirst().dropLast().allSatisfy({ $0 == 3 }) {
            // 1.234,50
            replacement = swapped(bytes[range], dot: ",", comma: ".")
            what = "dot grouping and a decimal comma"
        } else if dots >= 2, commas == 0, groups[0] <= 3, !leadingZero, groups.dropFirst().allSatisfy({ $0 == 3 }) {
            replacement = swapped(bytes[range], dot: ",", comma: ",")
            what = "dots grouping thousands"
        } else if commas == 1, dots == 0, groups[1] <= 2, groups[0] <= 3,
                  percent || next.map(Self.decimalUnits.contains) == true {
            replacement = swapped(bytes[range], dot: ".", comma: ".")
            what = "a decimal comma"
        } else if dots == 1, commas == 0, groups[1] == 3, groups[0] <= 3, !leadingZero, !tabular, !percent,
                  let next, let first = next.utf8.first, NumbersText.isLowerASCII(first), !NumbersText.units.contains(next),
                  !(range.lowerBound > 0 && isCurrencySign(bytes, range.lowerBound)) {
            let suggestion = swapped(bytes[range], dot: ",", comma: ",")
            report.add(block: block.index, range: range,
                       "\"\(QuotedText.bounded(text))\" looks like thousands grouped with a dot: in English write \"\(QuotedText.bounded(suggestion))\" (check the source: a decimal would be unusual here)",
                       suggestion: suggestion)
            return
        }
        if percent && space > 0 {
            // "3,5 %" → "3.5%", "62 %" → "62%".
            let fixed = (replacement ?? text) + "%"
            report.add(block: block.index, range: range.lowerBound..<(percentAt + 1),
                       replacement == nil ? "no space before \"%\" in English: write \"\(QuotedText.bounded(fixed))\""
                           : "\"\(QuotedText.bounded(text)) %\" uses \(what): in English write \"\(QuotedText.bounded(fixed))\"",
                       fix: [TextEdit(range: range.lowerBound..<(percentAt + 1), replacement: fixed)])
        } else if let replacement {
            report.add(block: block.index, range: range,
                       "\"\(QuotedText.bounded(text))\" uses \(what): in English write \"\(QuotedText.bounded(replacement))\"",
                       fix: [TextEdit(range: range, replacement: replacement)])
        }
    }

    /// The figure with its dots and commas replaced.
    private func swapped(_ figure: ArraySlice<UInt8>, dot: Character, comma: Character) -> String {
        var result = ""
        for byte in figure {
            result.append(byte == UInt8(ascii: ".") ? dot : byte == UInt8(ascii: ",") ? comma : Character(Unicode.Scalar(byte)))
        }
        return result
    }

    /// $ € £ ¥ just before `i`.
    private func isCurrencySign(_ bytes: [UInt8], _ i: Int) -> Bool {
        if bytes[i - 1] == UInt8(ascii: "$") { return true }
        if i >= 2, bytes[i - 2] == 0xC2, bytes[i - 1] == 0xA3 || bytes[i - 1] == 0xA5 { return true }
        if i >= 3, bytes[i - 3] == 0xE2, bytes[i - 2] == 0x82, bytes[i - 1] == 0xAC { return true }
        return false
    }

    /// "12h30", "8h05": a French-style clock time.
    private func checkClock(_ document: LintDocument, _ block: LintDocument.Block, _ word: LintDocument.Word, _ report: inout LintReport) {
        let range = word.range
        guard range.count == 4 || range.count == 5 else { return }
        let bytes = block.bytes
        let h = range.upperBound - 3
        guard bytes[h] == UInt8(ascii: "h") || bytes[h] == UInt8(ascii: "H") else { return }
        guard bytes[range.lowerBound..<h].allSatisfy(ByteClass.isDigit), bytes[(h + 1)..<range.upperBound].allSatisfy(ByteClass.isDigit)
        else { return }
        guard let hour = NumbersText.value(bytes, range.lowerBound..<h), let minute = NumbersText.value(bytes, (h + 1)..<range.upperBound),
              hour < 24, minute < 60 else { return }
        let text = document.text(block, range)
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        let clock = "\(twelve):\(minute < 10 ? "0" : "")\(minute) \(hour < 12 ? "a.m." : "p.m.")"
        report.add(block: block.index, range: range,
                   "\"\(QuotedText.bounded(text))\" is a clock time in a foreign format: write it the English way, e.g. \"\(clock)\"",
                   suggestion: clock)
    }
}
