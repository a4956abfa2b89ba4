import CopydeskCore
import Foundation

/// Month and weekday names and a little calendar arithmetic shared by the dates and dateline
/// rules. Grammar, not house data: the forms each style wants are chosen by `dates.months`.
enum MonthNames {
    static let full = ["January", "February", "March", "April", "May", "June", "July", "August",
                       "September", "October", "November", "December"]
    /// AP with a date: Jan. Feb. Aug. Sept. Oct. Nov. Dec.; March–July in full.
    static let ap = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
    /// Reuters (and AFP datelines): AP's abbreviations without the period.
    static let reuters = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// The month names lowercased, as bytes.
    private static let fullLower: [[UInt8]] = full.map { Array($0.lowercased().utf8) }
    private static let weekdaysLower: [[UInt8]] = weekdays.map { Array($0.lowercased().utf8) }

    /// Month number (1–12) of a name written in Title case, without its period: `September`,
    /// `Sept`, `Sep`, `Mar`. All-caps and lowercase words are not months here ("may", "MARCH").
    static func month(titleCase word: ArraySlice<UInt8>) -> Int? {
        guard word.count >= 3, word.count <= 9, let first = word.first, first >= 0x41, first <= 0x5A else { return nil }
        for byte in word.dropFirst() where !(byte >= 0x61 && byte <= 0x7A) { return nil }
        // ASCII letters only: fold the capital and compare bytes.
        return lookup(word, folded: true)
    }

    /// Month number of a name in any case (`SEPT`, `Sept`, `september`), for datelines.
    static func month(anyCase word: String) -> Int? {
        guard word.utf8.count >= 3, word.utf8.count <= 9 else { return nil }
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return lookup(Array(word.utf8)[...], folded: true) }
        return lookup(Array(word.lowercased().utf8)[...], folded: false)
    }

    /// `word` is lowercase, or ASCII to fold (`folded`); a month name compares equal when its
    /// lowercase bytes do (non-ASCII bytes never match: the names are ASCII).
    private static func lookup(_ word: ArraySlice<UInt8>, folded: Bool) -> Int? {
        @inline(__always) func byte(_ k: Int) -> UInt8 {
            let b = word[word.startIndex + k]
            return folded && b >= 0x41 && b <= 0x5A ? b | 0x20 : b
        }
        func equals(_ name: [UInt8], prefix: Bool) -> Bool {
            guard prefix ? name.count >= word.count : name.count == word.count else { return false }
            for k in 0..<word.count where name[k] != byte(k) { return false }
            return true
        }
        if let index = fullLower.firstIndex(where: { equals($0, prefix: false) }) { return index + 1 }
        if word.count == 4, byte(0) == 0x73, byte(1) == 0x65, byte(2) == 0x70, byte(3) == 0x74 { return 9 }   // sept
        if word.count == 3, let index = fullLower.firstIndex(where: { equals($0, prefix: true) }) { return index + 1 }
        return nil
    }

    /// Weekday number (0 = Sunday) of a name in any case.
    static func weekday(anyCase word: String) -> Int? {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            guard word.utf8.count >= 6, word.utf8.count <= 9 else { return nil }   // "monday"…"wednesday"
            let folded = word.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            return weekdaysLower.firstIndex { $0 == folded }
        }
        let lower = word.lowercased()
        return weekdays.firstIndex { $0.lowercased() == lower }
    }

    /// The style's spelling of a month with a date.
    static func withDate(_ month: Int, form: String) -> String {
        switch form {
        case "reuters": reuters[month - 1]
        case "full": full[month - 1]
        default: ap[month - 1]
        }
    }
}

/// A calendar day (proleptic Gregorian), enough to name the weekday of "today" in a story.
struct CivilDate: Sendable, Hashable {
    var year: Int
    var month: Int
    var day: Int

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    var daysSinceEpoch: Int { CivilDays.sinceEpoch(year: year, month: month, day: day) }

    /// 0 = Sunday.
    var weekday: Int { ((daysSinceEpoch % 7) + 11) % 7 }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    init(daysSinceEpoch days: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The UTC calendar day of a moment.
    init(_ date: Date) {
        self.init(daysSinceEpoch: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    var isValid: Bool {
        guard month >= 1, month <= 12, day >= 1 else { return false }
        let lengths = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }
}

/// Small byte helpers for the dates and dateline rules.
enum DateBytes {

    /// A day of the month written as 1–2 digits in `bytes[range]`, with what follows the digits
    /// (`15`, `15th`, `15-16`): the day, and the range of an ordinal suffix if any. Nil when the
    /// word is not a day (`1,200`, `2022`, `15.5`, `15a`).
    static func day(_ bytes: [UInt8], _ range: Range<Int>) -> (day: Int, suffix: Range<Int>?)? {
        var i = range.lowerBound
        var value = 0
        while i < range.upperBound, i - range.lowerBound < 3, ByteClass.isDigit(bytes[i]) { value = value * 10 + Int(bytes[i] - 0x30); i += 1 }
        let digits = i - range.lowerBound
        guard digits >= 1, digits <= 2, value >= 1, value <= 31 else { return nil }
        if i == range.upperBound { return (value, nil) }
        let next = bytes[i]
        if next == UInt8(ascii: "-") { return (value, nil) }
        if range.upperBound - i == 2 {
            let a = bytes[i] | 0x20, b = bytes[i + 1] | 0x20
            let suffix: [UInt8] = [a, b]
            if suffix == Array("st".utf8) || suffix == Array("nd".utf8) || suffix == Array("rd".utf8) || suffix == Array("th".utf8) {
                return (value, i..<range.upperBound)
            }
        }
        return nil
    }

    /// A four-digit year (1000–2999) filling `bytes[range]`.
    static func year(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard range.count == 4 else { return nil }
        var value = 0
        for i in range { guard ByteClass.isDigit(bytes[i]) else { return nil }; value = value * 10 + Int(bytes[i] - 0x30) }
        return value >= 1000 && value <= 2999 ? value : nil
    }
}
