import CopydeskCore
import Foundation

/// ISO 8601 dates as wire XML writes them, extended or basic form:
/// `2018-10-21T16:25:32-05:00`, `2018-10-21`, `20131113T150900-0500`, `2013-11-13T15:09:00.250Z`.
/// A time without a zone is read as UTC. Anything else is nil (metadata only, never an error).
enum XMLDates {
    static func parse(_ string: String) -> Date? {
        let b = Array(string.utf8.filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 })
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var value = 0
            for k in i..<(i + count) {
                guard b[k] >= 0x30, b[k] <= 0x39 else { return nil }
                value = value * 10 + Int(b[k] - 0x30)
            }
            i += count
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            if i < b.count, b[i] == byte { i += 1; return true }
            return false
        }
        guard let year = digits(4) else { return nil }
        let extended = skip(UInt8(ascii: "-"))
        guard let month = digits(2) else { return nil }
        if extended, !skip(UInt8(ascii: "-")) { return nil }
        guard let day = digits(2), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var seconds = 0.0
        var offset = 0
        if skip(UInt8(ascii: "T")) {
            guard let hour = digits(2) else { return nil }
            _ = skip(UInt8(ascii: ":"))
            guard let minute = digits(2), hour <= 24, minute < 60 else { return nil }
            seconds = Double(hour * 3600 + minute * 60)
            if skip(UInt8(ascii: ":")) || (i < b.count && b[i] >= 0x30 && b[i] <= 0x39) {
                guard let second = digits(2), second <= 60 else { return nil }
                seconds += Double(second)
                if skip(UInt8(ascii: ".")) || skip(UInt8(ascii: ",")) {
                    var scale = 0.1
                    while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                        seconds += Double(b[i] - 0x30) * scale
                        scale /= 10
                        i += 1
                    }
                }
            }
            if skip(UInt8(ascii: "Z")) {
                offset = 0
            } else if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let hours = digits(2) else { return nil }
                _ = skip(UInt8(ascii: ":"))
                let minutes = digits(2) ?? 0
                offset = sign * (hours * 3600 + minutes * 60)
            }
        }
        guard i == b.count else { return nil }
        let days = CivilDays.sinceEpoch(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days) * 86400 + seconds - Double(offset))
    }
}
