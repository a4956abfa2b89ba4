/// An exact decimal value, `significand × 10^exponent`, kept in lowest terms so equal values
/// hash alike ("1,5 δισ." and "1,500 million" are both 15 × 10⁸).
struct ExactValue: Hashable, Sendable {
    var significand: Int64
    var exponent: Int

    init?(integer: Substring, fraction: Substring) {
        let digits = integer + fraction
        let trimmed = digits.drop { $0 == "0" }
        guard trimmed.count <= 17 else { return nil }
        significand = Int64(trimmed.isEmpty ? "0" : String(trimmed)) ?? 0
        exponent = -fraction.count
        normalize()
    }

    init(_ significand: Int64, exponent: Int = 0) {
        self.significand = significand
        self.exponent = exponent
        normalize()
    }

    mutating func normalize() {
        if significand == 0 { exponent = 0; return }
        while significand % 10 == 0 { significand /= 10; exponent += 1 }
    }

    func scaled(by multiplier: Int64) -> ExactValue? {
        var m = multiplier, e = exponent
        while m % 10 == 0, m > 0 { m /= 10; e += 1 }
        let (product, overflow) = significand.multipliedReportingOverflow(by: m)
        return overflow ? nil : ExactValue(product, exponent: e)
    }

    /// The integer value when it is one (and small enough).
    var integer: Int64? {
        guard exponent >= 0, exponent <= 12 else { return nil }
        var value = significand
        for _ in 0..<exponent {
            let (next, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = next
        }
        return value
    }

    /// English digits with comma grouping: 1,200.5.
    var english: String {
        var digits = String(significand.magnitude)
        var fraction = ""
        if exponent > 0 {
            digits += String(repeating: "0", count: exponent)
        } else if exponent < 0 {
            let places = -exponent
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            fraction = "." + digits.suffix(places)
            digits = String(digits.dropLast(places))
        }
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (significand < 0 ? "-" : "") + grouped + fraction
    }

    /// English for messages: large round values with their scale word ("1.5 billion").
    var spoken: String {
        for (power, word) in [(12, "trillion"), (9, "billion"), (6, "million")] where exponent + digitCount - 1 >= power {
            let value = ExactValue(significand, exponent: exponent - power)
            if value.exponent >= -3 { return "\(value.english) \(word)" }
        }
        return english
    }

    private var digitCount: Int { String(significand.magnitude).count }
}

/// What a number in the text stands for.
enum Quantity: Hashable, Sendable {
    case number(ExactValue)
    /// A day of a month (a year, when written, is a number of its own).
    case date(day: Int, month: Int)
    /// Minutes after midnight or noon (a 12-hour clock, so "15:30" = "3:30 p.m." = "3.30").
    case time(Int)
    /// A figure neither convention reads ("12.34.56"): matches only the same digits.
    case literal(String)

    var isDate: Bool { if case .date = self { true } else { false } }
}

/// A number found in text: a figure, a spelled-out number, a date or a clock time.
struct NumberMention: Sendable {
    enum Kind: Sendable { case figure, words, date, time }

    var range: Range<Int>
    var text: String
    var kind: Kind
    /// Readings, the likeliest first.
    var values: [Quantity]
    /// A bare year (1800–2100): translations drop or add these freely.
    var isYear = false
    /// The figure is written in the other convention's format ("3,5" or "1.200.000" in English):
    /// `values` holds the foreign reading.
    var foreignFormat = false
    /// For a figure that reads both ways ("1.200" in English is 1.2, or 1,200 with dot grouping):
    /// the other reading.
    var otherReading: Quantity?
    /// For a date written with its month name ("15 Σεπτεμβρίου"), the day as a figure too.
    var dayNumber: Int?
    /// The digits alone (without a scale word or clock marker), for rewriting a figure.
    var figure: Range<Int>?
    /// The figure's own value, before a scale word multiplies it ("146,9" of "146,9 milliards").
    var figureValue: ExactValue?
}

/// Reads the numbers of a text with one language's conventions: decimal comma or point, dot,
/// comma or space grouping, number words, scale words, month names and clock markers.
///
/// Figures glued to letters before them are names or IDs and are skipped (`A320`, `G20`,
/// `MH17`, `COVID-19`, `F-16`); letters after a figure are an ordinal or a unit (`15th`, `2η`,
/// `45χρονος`, `5bn`).
struct NumberReader: Sendable {
    let data: LanguageData
    let decimal: UInt8
    let grouping: UInt8
    /// Clock markers as bytes.
    let afterNoon: [[UInt8]]
    let beforeNoon: [[UInt8]]

    init(_ data: LanguageData) {
        self.data = data
        decimal = data.decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        grouping = data.decimalComma ? UInt8(ascii: ".") : UInt8(ascii: ",")
        afterNoon = data.afterNoon.map { Array($0.utf8) }
        beforeNoon = data.beforeNoon.map { Array($0.utf8) }
    }

    private enum Separator: Equatable { case point, comma, space, colon, hour, slash }

    func read(_ bytes: [UInt8]) -> [NumberMention] {
        var mentions: [NumberMention] = []
        var i = 0
        let n = bytes.count
        // The month word just read and where it (with its period) ends, for "Sept. 15".
        var lastMonth: (month: Int, start: Int, end: Int)?
        while i < n {
            let byte = bytes[i]
            if ByteClass.isDigit(byte) {
                if isIdentifier(bytes, at: i) {
                    i = skipIdentifier(bytes, from: i)
                    continue
                }
                var precedingMonth: (month: Int, start: Int)?
                if let lastMonth, followsAfterSpaces(bytes, lastMonth.end, i) { precedingMonth = (lastMonth.month, lastMonth.start) }
                let (found, end) = figure(bytes, at: i, precedingMonth: precedingMonth)
                mentions += found
                i = max(end, i + 1)
                lastMonth = nil
                continue
            }
            let (scalar, width) = TextScan.scalar(bytes, i)
            if TextScan.isLetter(scalar) {
                let end = TextScan.letterRun(bytes, from: i)
                let word = TextScan.lowerWord(bytes[i..<end])
                if let month = data.months[word] {
                    let withPeriod = end < n && bytes[end] == UInt8(ascii: ".") ? end + 1 : end
                    lastMonth = (month, i, withPeriod)
                    i = withPeriod
                    continue
                }
                lastMonth = nil
                if data.numberWords[word] != nil {
                    let (mention, wordsEnd) = words(bytes, from: i)
                    if let mention { mentions.append(mention) }
                    i = max(wordsEnd, end)
                    continue
                }
                i = end
                continue
            }
            i += width
        }
        shareMonths(&mentions, bytes)
        return mentions
    }

    /// "15-16 сентября", "15 et 16 septembre", "Sept. 15 and 16": the month of one day of a
    /// pair belongs to the other too.
    private func shareMonths(_ mentions: inout [NumberMention], _ bytes: [UInt8]) {
        guard mentions.count >= 2 else { return }
        func joined(_ a: NumberMention, _ b: NumberMention) -> Bool {
            guard a.range.upperBound <= b.range.lowerBound else { return false }
            let gap = bytes[a.range.upperBound..<b.range.lowerBound].filter { $0 != 0x20 }
            return gap.count <= 6 && !gap.contains { ByteClass.isDigit($0) || $0 == 0x2E }
        }
        func day(_ mention: NumberMention) -> Int? {
            guard mention.kind == .figure, !mention.isYear, mention.otherReading == nil, case .number(let value)? = mention.values.first,
                  let day = value.integer, (1...31).contains(day) else { return nil }
            return Int(day)
        }
        // "15, 16 и 17 сентября": the month runs back over the list; "Sept. 15 and 16": forward.
        for index in mentions.indices.dropLast().reversed() {
            let a = mentions[index], b = mentions[index + 1]
            if joined(a, b), b.kind == .date, case .date(_, let month)? = b.values.first, let dayA = day(a) {
                mentions[index].kind = .date
                mentions[index].values = [.date(day: dayA, month: month)]
                mentions[index].dayNumber = dayA
            }
        }
        for index in mentions.indices.dropLast() {
            let a = mentions[index], b = mentions[index + 1]
            if joined(a, b), a.kind == .date, case .date(_, let month)? = a.values.first, let dayB = day(b) {
                mentions[index + 1].kind = .date
                mentions[index + 1].values = [.date(day: dayB, month: month)]
                mentions[index + 1].dayNumber = dayB
            }
        }
    }

    // MARK: Figures

    /// A figure glued to a name: `A320`, `MH17`, `COVID-19`, `F-16`, `Су-35`, or in a URL.
    private func isIdentifier(_ bytes: [UInt8], at i: Int) -> Bool {
        guard let (before, start) = TextScan.scalar(before: i, bytes) else { return false }
        if TextScan.isLetter(before) { return true }
        if before == 0x2F || before == 0x5F || before == 0x40 || before == 0x23 { return true }  // / _ @ #
        if before == 0x2D, let (letter, _) = TextScan.scalar(before: start, bytes), TextScan.isLetter(letter) {
            // "COVID-19", "F-16" (a capital in the word) are names; "angu-40", "κατά-25" are not.
            var k = start
            while let (scalar, s) = TextScan.scalar(before: k, bytes), TextScan.isLetter(scalar) {
                if TextScan.isUpper(scalar) { return true }
                k = s
            }
        }
        return false
    }

    private func skipIdentifier(_ bytes: [UInt8], from i: Int) -> Int {
        var j = i
        while j < bytes.count {
            let b = bytes[j]
            if ByteClass.isDigit(b) || b == 0x2D || b == 0x2F || b == 0x5F { j += 1; continue }
            if (b == 0x2E || b == 0x2C), j + 1 < bytes.count, ByteClass.isDigit(bytes[j + 1]) { j += 1; continue }
            let (scalar, width) = TextScan.scalar(bytes, j)
            if TextScan.isLetter(scalar) { j += width; continue }
            break
        }
        return j
    }

    private func followsAfterSpaces(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Bool {
        var k = from
        var spaces = 0
        while k < to {
            let width = TextScan.spaceWidth(bytes, k)
            guard width > 0 else { return false }
            k += width
            spaces += 1
        }
        return spaces >= 1 && k == to
    }

    private func digitsEnd(_ bytes: [UInt8], _ i: Int) -> Int {
        var j = i
        while j < bytes.count, ByteClass.isDigit(bytes[j]) { j += 1 }
        return j
    }

    /// Reads the figure at `i` (with what follows it: %, a scale, a month, a clock marker).
    private func figure(_ bytes: [UInt8], at i: Int, precedingMonth: (month: Int, start: Int)?) -> ([NumberMention], Int) {
        let n = bytes.count
        var groups: [Range<Int>] = [i..<digitsEnd(bytes, i)]
        var separators: [Separator] = []
        var seen = SeparatorsSeen()
        while let last = groups.last {
            let j = last.upperBound
            guard j < n else { break }
            let b = bytes[j]
            var separator: Separator?
            var width = 1
            switch b {
            case UInt8(ascii: "."): separator = .point
            case UInt8(ascii: ","): separator = .comma
            case UInt8(ascii: ":"): separator = .colon
            case UInt8(ascii: "h"): separator = .hour
            case UInt8(ascii: "/"): separator = .slash
            default:
                width = TextScan.spaceWidth(bytes, j)
                if width > 0 { separator = .space }
            }
            guard let separator, j + width < n, ByteClass.isDigit(bytes[j + width]) else { break }
            let next = (j + width)..<digitsEnd(bytes, j + width)
            // Space grouping (fr, ru: "1 200") only in decimal-comma languages, three digits a group;
            // a clock's minutes are two digits; a date has at most three parts.
            if !accepts(separator, bytes, last: last, next: next, seen: seen, groups: groups.count) { break }
            seen.add(separator)
            separators.append(separator)
            groups.append(next)
        }
        var end = groups.last!.upperBound
        let text = String(decoding: bytes[i..<end], as: UTF8.self)
        // More groups than any amount or date has: a code or a literal run of digits, matched as written.
        if groups.count > Self.maximumGroups {
            return ([NumberMention(range: i..<end, text: text, kind: .figure, values: [.literal(text)])], end)
        }
        let digits = groups.map { String(decoding: bytes[$0], as: UTF8.self) }

        // Clock times: 12:30, 12h30, and in decimal-comma languages 12.30.
        if separators == [.colon] || separators == [.hour] {
            if let time = clock(digits[0], digits[1]) {
                let (minutes, markerEnd) = applyMarker(time, bytes, end)
                return ([NumberMention(range: i..<markerEnd, text: String(decoding: bytes[i..<markerEnd], as: UTF8.self), kind: .time, values: [.time(minutes)])], markerEnd)
            }
        }
        // Dates: 15/9, 15/09/2022 (month first in English), 15.09.2022.
        if !separators.isEmpty, separators.allSatisfy({ $0 == .slash }) || (separators == [.point, .point] && (digits[2].count == 4 || digits[2].count == 2)) {
            var day = Int(digits[0]) ?? 0, month = Int(digits[1]) ?? 0
            if !data.decimalComma, separators.first == .slash { swap(&day, &month) }
            if (1...31).contains(day), (1...12).contains(month), digits[0].count <= 2, digits[1].count <= 2 {
                var result = [NumberMention(range: i..<groups[1].upperBound, text: String(decoding: bytes[i..<groups[1].upperBound], as: UTF8.self),
                                            kind: .date, values: [.date(day: day, month: month)], dayNumber: day)]
                if groups.count == 3, digits[2].count == 4, let year = ExactValue(integer: Substring(digits[2]), fraction: "") {
                    result.append(NumberMention(range: groups[2], text: digits[2], kind: .figure, values: [.number(year)], isYear: true))
                }
                return (result, end)
            }
            // "24/7", "1/3": numbers of their own.
            let result = groups.enumerated().compactMap { index, range -> NumberMention? in
                guard let value = ExactValue(integer: Substring(digits[index]), fraction: "") else { return nil }
                return NumberMention(range: range, text: digits[index], kind: .figure, values: [.number(value)])
            }
            return (result, end)
        }

        var mention = NumberMention(range: i..<end, text: text, kind: .figure, values: [])
        mention.figure = i..<end
        let own = value(digits, separators, decimal: decimal == UInt8(ascii: ",") ? .comma : .point)
        let other = value(digits, separators, decimal: decimal == UInt8(ascii: ",") ? .point : .comma)
        if let own {
            mention.values = [.number(own)]
            if let other, other != own { mention.otherReading = .number(other) }
        } else if let other {
            mention.values = [.number(other)]
            mention.foreignFormat = true
        } else {
            mention.values = [.literal(text)]
        }
        // 12.30 in a decimal-comma language (and "12.30 p.m." anywhere) is a clock time.
        if separators == [.point], digits[1].count == 2, let time = clock(digits[0], digits[1]) {
            let (minutes, markerEnd) = applyMarker(time, bytes, end)
            if markerEnd > end || data.decimalComma {
                mention.values.insert(.time(minutes), at: 0)
                mention.kind = .time
                mention.range = i..<markerEnd
                end = markerEnd
            } else {
                mention.values.append(.time(minutes))
            }
            return ([mention], end)
        }
        guard case .number(let number)? = mention.values.first else { return ([mention], end) }
        mention.figureValue = number

        // What follows: letters glued on (15th, 2η, 5bn, 45χρονος), then %, a scale word, a month.
        var k = end
        var suffix = ""
        if k < n, bytes[k] == 0x2D, k + 1 < n, TextScan.isLetter(TextScan.scalar(bytes, k + 1).0) { k += 1 }  // 15-го
        let suffixEnd = TextScan.letterRun(bytes, from: k)
        if suffixEnd > k {
            suffix = TextScan.lowerWord(bytes[k..<suffixEnd])
            k = suffixEnd
        } else {
            k = end
        }
        let currency = hasCurrencyBefore(bytes, i)
        var scaled: ExactValue?
        if !suffix.isEmpty {
            if let scale = data.scaleWords[suffix] ?? (currency ? data.moneyScales[suffix] : nil) {
                scaled = number.scaled(by: scale)
                mention.range = i..<(k < n && bytes[k] == 0x2E && data.scaleWords[suffix] != nil && suffix.unicodeScalars.count <= 5 ? k + 1 : k)
            }
            end = k
        }
        var after = end
        while after < n, TextScan.spaceWidth(bytes, after) > 0, after - end < 4 { after += TextScan.spaceWidth(bytes, after) }
        let wordEnd = TextScan.letterRun(bytes, from: after)
        if scaled == nil, suffix.count <= 3, wordEnd > after {
            let word = TextScan.lowerWord(bytes[after..<wordEnd])
            // The period of an abbreviation (`млрд.`, `δισ.`, `Sept.`), not a sentence's (`billion.`).
            let abbreviated = String(decoding: bytes[after..<wordEnd], as: UTF8.self).unicodeScalars.count <= 5
            let withPeriod = abbreviated && wordEnd < n && bytes[wordEnd] == 0x2E ? wordEnd + 1 : wordEnd
            if let scale = data.scaleWords[word], suffix.isEmpty {
                scaled = number.scaled(by: scale)
                mention.range = i..<withPeriod
            } else if let month = data.months[word], let day = number.integer, (1...31).contains(day), !mention.foreignFormat {
                mention.kind = .date
                mention.values = [.date(day: Int(day), month: month)]
                mention.dayNumber = Int(day)
                mention.range = i..<withPeriod
                mention.text = String(decoding: bytes[i..<withPeriod], as: UTF8.self)
                return ([mention], withPeriod)
            }
        }
        if let scaled {
            mention.values = [.number(scaled)]
            mention.otherReading = nil
            mention.text = String(decoding: bytes[mention.range], as: UTF8.self)
            return ([mention], mention.range.upperBound)
        }
        // "Sept. 15", "15 Σεπτεμβρίου" handled; "3 p.m.", "8 μ.μ." are clock times.
        if separators.isEmpty, let hour = number.integer, (1...12).contains(hour), suffix.isEmpty {
            let (minutes, markerEnd) = applyMarker(Int(hour) * 60, bytes, end)
            if markerEnd > end {
                return ([NumberMention(range: i..<markerEnd, text: String(decoding: bytes[i..<markerEnd], as: UTF8.self), kind: .time, values: [.time(minutes), .number(number)])], markerEnd)
            }
        }
        if let precedingMonth, separators.isEmpty, let day = number.integer, (1...31).contains(day) {
            mention.kind = .date
            mention.values = [.date(day: Int(day), month: precedingMonth.month)]
            mention.dayNumber = Int(day)
            mention.range = precedingMonth.start..<end
            mention.text = String(decoding: bytes[mention.range], as: UTF8.self)
            return ([mention], end)
        }
        if separators.isEmpty, digits[0].count == 4, let year = number.integer, (1800...2100).contains(year), suffix.isEmpty || suffix == "s" {
            mention.isYear = true
        }
        return ([mention], end)
    }

    /// What the separators read so far have been, kept as the figure is read (so a long run of
    /// groups is read in linear time).
    private struct SeparatorsSeen {
        var last: Separator?
        var space = false
        var comma = false
        var clockOrSlash = false
        var allSpace = true
        var allSlash = true

        mutating func add(_ separator: Separator) {
            last = separator
            if separator == .space { space = true } else { allSpace = false }
            if separator == .slash { clockOrSlash = true } else { allSlash = false }
            if separator == .comma { comma = true }
            if separator == .colon || separator == .hour { clockOrSlash = true }
        }
    }

    /// Groups beyond which a figure is read as a literal ("1.000.000.000.000.000.000").
    static let maximumGroups = 6

    private func accepts(_ separator: Separator, _ bytes: [UInt8], last: Range<Int>, next: Range<Int>, seen: SeparatorsSeen, groups: Int) -> Bool {
        switch separator {
        case .space:
            return data.decimalComma && next.count == 3 && (last.count <= 3 || seen.last == .space) && seen.allSpace
        case .colon, .hour:
            guard groups == 1, next.count == 2, last.count <= 2 else { return false }
            if separator == .hour, next.upperBound < bytes.count, TextScan.isLetter(TextScan.scalar(bytes, next.upperBound).0) { return false }
            return true
        case .slash:
            return groups <= 2 && seen.allSlash && last.count <= 4 && next.count <= 4
        case .point, .comma:
            if seen.space {
                // "1 200,5": after space grouping only the decimal comma.
                return separator == .comma && data.decimalComma && !seen.comma
            }
            return !seen.clockOrSlash
        }
    }

    /// Hours and minutes as minutes on a 12-hour clock, nil when not a time of day.
    private func clock(_ hours: String, _ minutes: String) -> Int? {
        guard let h = Int(hours), let m = Int(minutes), h <= 24, m < 60, minutes.count == 2 else { return nil }
        return (h % 12) * 60 + m
    }

    /// A clock marker after the time ("p.m.", "μ.μ.") and where it ends.
    private func applyMarker(_ minutes: Int, _ bytes: [UInt8], _ end: Int) -> (Int, Int) {
        var k = end
        while k < bytes.count, TextScan.spaceWidth(bytes, k) > 0, k - end < 4 { k += TextScan.spaceWidth(bytes, k) }
        for marker in afterNoon + beforeNoon where k + marker.count <= bytes.count {
            var matches = true
            for (offset, byte) in marker.enumerated() where lower(bytes[k + offset]) != byte { matches = false; break }
            guard matches else { continue }
            let after = k + marker.count
            if after < bytes.count, TextScan.isLetter(TextScan.scalar(bytes, after).0) { continue }
            return (minutes % 720, after)
        }
        return (minutes, end)
    }

    @inline(__always) private func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    private func hasCurrencyBefore(_ bytes: [UInt8], _ i: Int) -> Bool {
        guard let (scalar, _) = TextScan.scalar(before: i, bytes) else { return false }
        return scalar == 0x24 || scalar == 0x20AC || scalar == 0xA3 || scalar == 0xA5 || scalar == 0x20BD
    }

    /// The value of digit groups with `decimal` as the decimal separator and the other (or a
    /// space) grouping thousands; nil when the groups do not follow that convention.
    private func value(_ digits: [String], _ separators: [Separator], decimal: Separator) -> ExactValue? {
        var integer = digits[0]
        var fraction = ""
        for (index, separator) in separators.enumerated() {
            let group = digits[index + 1]
            if separator == decimal {
                guard index == separators.count - 1 else { return nil }
                fraction = group
            } else {
                // Grouping: the first group has 1–3 digits, every later one exactly 3.
                guard group.count == 3, digits[0].count <= 3, !(digits[0].hasPrefix("0")) else { return nil }
                integer += group
            }
        }
        return ExactValue(integer: Substring(integer), fraction: Substring(fraction))
    }

    // MARK: Words

    /// Longest run of number words read as one number; a longer run is not a number a
    /// translation would carry ("ninety ninety ninety…"), and is skipped whole.
    static let maximumNumberWords = 12

    /// A spelled-out number ("δύο", "twenty-five", "quatre-vingt-dix", "two million",
    /// "deux mille cinq cents", "two million three hundred thousand"): words below a thousand add
    /// or multiply ("cinq cents", "quatre-vingts"), and each scale word closes a group, smaller
    /// scales after larger ones. Nil (with the run skipped) when the words overflow or run longer
    /// than `maximumNumberWords`.
    private func words(_ bytes: [UInt8], from i: Int) -> (NumberMention?, Int) {
        var total: Int64 = 0
        var current: Int64 = 0
        var k = i
        var end = i
        var count = 0
        var valid = true
        // The last scale word read: a following one must be smaller ("million … thousand").
        var lastScale: Int64 = .max
        while k < bytes.count {
            let wordEnd = TextScan.letterRun(bytes, from: k)
            guard wordEnd > k else { break }
            let word = TextScan.lowerWord(bytes[k..<wordEnd])
            if let value = data.numberWords[word] {
                if valid {
                    let result = count > 0 && value > current && current > 0
                        ? current.multipliedReportingOverflow(by: value) : current.addingReportingOverflow(value)
                    if result.overflow { valid = false } else { current = result.partialValue }
                }
            } else if count > 0, let scale = data.scaleWords[word], scale < lastScale {
                lastScale = scale
                if valid {
                    let product = max(current, 1).multipliedReportingOverflow(by: scale)
                    let sum = total.addingReportingOverflow(product.partialValue)
                    if product.overflow || sum.overflow { valid = false } else { total = sum.partialValue }
                }
                current = 0
                count += 1
                // A period after the scale word ends the number ("млрд.", or the sentence).
                if wordEnd < bytes.count, bytes[wordEnd] == 0x2E { end = wordEnd + 1; break }
                end = wordEnd
                var next = wordEnd
                if next < bytes.count, bytes[next] == 0x2D || bytes[next] == 0x20 { next += 1 } else { break }
                k = next
                continue
            } else {
                break
            }
            count += 1
            end = wordEnd
            // A hyphen or a single space joins the next word of the number.
            var next = wordEnd
            if next < bytes.count, bytes[next] == 0x2D || bytes[next] == 0x20 { next += 1 } else { break }
            k = next
        }
        guard count > 0 else { return (nil, TextScan.letterRun(bytes, from: i)) }
        let sum = total.addingReportingOverflow(current)
        guard valid, !sum.overflow, count <= Self.maximumNumberWords else { return (nil, end) }
        return (NumberMention(range: i..<end, text: String(decoding: bytes[i..<end], as: UTF8.self), kind: .words,
                              values: [.number(ExactValue(sum.partialValue))]), end)
    }
}
