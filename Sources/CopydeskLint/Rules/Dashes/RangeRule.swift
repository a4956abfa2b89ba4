import CopydeskCore

/// A range between figures marked unlike the style (`dashes.range`).
///
/// Hyphen styles (AP: `15-16`, `2019-20`, scores `3-2`): an en or em dash closed up between two
/// figures is replaced by a hyphen — AP uses the hyphen for every figure-to-figure span, so the
/// fix is safe whatever the figures are. A spaced en dash between figures (`10 – 12`) is reported
/// with a suggestion only, since it may be a clause dash.
///
/// En-dash styles (Guardian: `15–16`): a hyphen between figures is too often not a range —
/// scores (`won 3-2`), phone numbers, dates (`11-13-13`), codes and compounds (`6-foot-9`,
/// `COVID-19`, `F-16`, `737-800`, `18-24-year-olds`) — so only clear ranges are reported:
/// year spans (`1990-95`, `2019-20`, `2019-2020`: a year from 1800 to 2099, then a later year
/// or its last two digits), figures after `pages`, `pp`, `aged` or `ages` (`aged 18-24`), and
/// days before a month (`10-12 June`). Figures joined to letters, commas, periods, slashes or
/// further hyphens are skipped.
struct RangeRule: LintRule {
    static let description = RuleDescription(
        id: "dashes.range",
        summary: "a range between figures marked with the wrong dash",
        severity: .info,
        triggering: [
            "The summit will be held on Sept. 15↓–16 in Samarkand, after the 2019↓–20 talks stalled.",
            "The Lakers won 3↓—2, the team said, and prices rose by 10 ↓– 12 percent.",
        ],
        nonTriggering: [
            "The summit will be held on Sept. 15-16 in Samarkand, after the 2019-20 talks and a 3-2 win.",
            "The Franco–German team – and a 6-foot-9 forward – met in the Boeing 737-800 on 11-13-13.",
        ],
        corrections: [
            "The summit will be held on Sept. 15–16, after the 2019–20 talks.":
                "The summit will be held on Sept. 15-16, after the 2019-20 talks.",
        ],
        exampleStyle: "ap")

    enum Mark { case hyphen, enDash }
    let mark: Mark?

    let notes: [String]

    init(style: Style) {
        notes = style.list("editor-notes")
        switch style.string("dashes.range") {
        case "hyphen": mark = .hyphen
        case "en-dash": mark = .enDash
        default: mark = nil
        }
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard let mark else { return }
        let skip = DashText.datelineSkip(document, notes: notes)
        switch mark {
        case .hyphen: checkHyphenStyle(document, skip, &report)
        case .enDash: checkEnDashStyle(document, skip, &report)
        }
    }

    private func checkHyphenStyle(_ document: LintDocument, _ skip: DashText.Skip, _ report: inout LintReport) {
        for block in document.blocks where DashText.checked(block) {
            let bytes = block.bytes
            let count = bytes.count
            var i = max(skip.start(block), 1)
            while i + 3 < count {
                i = ByteScan.next(0xE2, bytes, from: i, before: count - 3)
                guard i + 3 < count else { break }
                guard bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94 else { i += 1; continue }
                defer { i += 3 }
                let end = i + 3
                let name = bytes[i + 2] == 0x93 ? "an en dash" : "an em dash"
                if ByteClass.isDigit(bytes[i - 1]), ByteClass.isDigit(bytes[end]) {
                    report.add(block: block.index, range: i..<end, "use a hyphen in a range (\"15-16\"), not \(name)",
                               fix: [TextEdit(range: i..<end, replacement: "-")])
                } else if bytes[i + 2] == 0x93, i >= 2, end + 1 < count, bytes[i - 1] == DashText.space, bytes[end] == DashText.space,
                          ByteClass.isDigit(bytes[i - 2]), ByteClass.isDigit(bytes[end + 1]) {
                    let left = Self.number(bytes, endingAt: i - 1), right = Self.number(bytes, startingAt: end + 1)
                    report.add(block: block.index, range: i..<end, "a range takes a closed-up hyphen (\"15-16\"), not a spaced en dash",
                               suggestion: "\(QuotedText.bounded(left))-\(QuotedText.bounded(right)) if this is a range")
                }
            }
        }
    }

    private static let rangeWords: Set<String> = ["pages", "pp", "aged", "ages"]
    private static let months: Set<String> = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ]

    private func checkEnDashStyle(_ document: LintDocument, _ skip: DashText.Skip, _ report: inout LintReport) {
        for block in document.blocks where DashText.checked(block) {
            let bytes = block.bytes
            let words = block.words
            let start = skip.start(block)
            for (index, word) in words.enumerated() where word.range.lowerBound >= start {
                // The tokenizer keeps `1990-95` as one word: figures, one hyphen, figures.
                guard ByteClass.isDigit(bytes[word.range.lowerBound]), ByteClass.isDigit(bytes[word.range.upperBound - 1]) else { continue }
                let token = bytes[word.range]
                guard let hyphenAt = token.firstIndex(of: DashText.hyphen),
                      token.allSatisfy({ ByteClass.isDigit($0) || $0 == DashText.hyphen }),
                      token.reduce(0, { $0 + ($1 == DashText.hyphen ? 1 : 0) }) == 1 else { continue }
                // Nothing joined on either side: `F-16`, `18-24-year-olds`, `1,000-2,000`, `2/10-12`.
                let lower = word.range.lowerBound, upper = word.range.upperBound
                if lower > 0, Self.isJoiner(bytes, lower - 1, beyond: lower - 2) { continue }
                if upper < bytes.count, Self.isJoiner(bytes, upper, beyond: upper + 1) || bytes[upper] == UInt8(ascii: "%") { continue }
                let leftDigits = Array(bytes[lower..<hyphenAt]), rightDigits = Array(bytes[(hyphenAt + 1)..<upper])
                guard let left = Self.value(leftDigits), let right = Self.value(rightDigits) else { continue }
                var isRange = false
                if leftDigits.count == 4, (1800...2099).contains(left) {
                    if rightDigits.count == 2 { isRange = right > left % 100 }
                    else if rightDigits.count == 4 { isRange = right > left && right - left <= 100 }
                }
                if !isRange, left < right, leftDigits.count <= 3, rightDigits.count <= 3 {
                    let previous = index > 0 ? document.text(block, words[index - 1].range).lowercased() : ""
                    let next = index + 1 < words.count ? document.text(block, words[index + 1].range) : ""
                    let gapBefore = index > 0 ? words[index - 1].range.upperBound == lower - 1 : false
                    let gapAfter = index + 1 < words.count ? words[index + 1].range.lowerBound == upper + 1 : false
                    if gapBefore, Self.rangeWords.contains(previous.hasSuffix(".") ? String(previous.dropLast()) : previous) { isRange = true }
                    if gapAfter, right <= 31, Self.months.contains(next.hasSuffix(".") ? String(next.dropLast()) : next) { isRange = true }
                }
                guard isRange else { continue }
                report.add(block: block.index, range: hyphenAt..<(hyphenAt + 1), "use an en dash in a range (\"15–16\"), not a hyphen",
                           fix: [TextEdit(range: hyphenAt..<(hyphenAt + 1), replacement: DashText.enDash)])
            }
        }
    }

    /// Characters that make a figure part of something larger than a range.
    /// A period, comma or colon joins only when a figure lies beyond it (`1.5`, `2,000`, `10:30`).
    private static func isJoiner(_ bytes: [UInt8], _ i: Int, beyond: Int) -> Bool {
        let byte = bytes[i]
        if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") {
            return beyond >= 0 && beyond < bytes.count && ByteClass.isDigit(bytes[beyond])
        }
        return byte == DashText.hyphen || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "#")
            || byte == UInt8(ascii: "$") || Tokenizer.isWordByte(bytes, i)
    }

    private static func value(_ digits: [UInt8]) -> Int? {
        guard !digits.isEmpty, digits.count <= 4 else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static func number(_ bytes: [UInt8], endingAt end: Int) -> String {
        var start = end
        while start > 0, ByteClass.isDigit(bytes[start - 1]) { start -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func number(_ bytes: [UInt8], startingAt start: Int) -> String {
        var end = start
        while end < bytes.count, ByteClass.isDigit(bytes[end]) { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
