import CopydeskCore
import Foundation

// Shared helpers for the wire-format readers (ninjs, ANPA-1312, IPTC 7901). Everything here is
// internal and prefixed `Wire` so it cannot collide with other readers in this module.

/// Assembles a `MappedText` from verbatim runs of the input and decoded pieces (an escape, an
/// entity, a line break read as a space), keeping every byte tied to its source range.
struct WireTextBuilder {
    private(set) var bytes: [UInt8] = []
    private(set) var pieces: [MappedText.Piece] = []

    init() {}

    var isEmpty: Bool { bytes.isEmpty }
    var count: Int { bytes.count }

    /// Appends `source[range]` as it stands in the input.
    mutating func verbatim(_ source: [UInt8], _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        bytes.append(contentsOf: source[range])
        if let last = pieces.last, last.kind == .verbatim, last.source.upperBound == range.lowerBound {
            pieces[pieces.count - 1].length += range.count
            pieces[pieces.count - 1].source = last.source.lowerBound..<range.upperBound
        } else {
            pieces.append(MappedText.Piece(length: range.count, source: range, kind: .verbatim))
        }
    }

    /// Appends `source[range]` verbatim, leaving out C0 control bytes (other than TAB) and DEL,
    /// which wire transmissions scatter as line noise.
    mutating func verbatimSkippingControls(_ source: [UInt8], _ range: Range<Int>) {
        var runStart = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            if WireBytes.isNoise(source[i]) {
                verbatim(source, runStart..<i)
                runStart = i + 1
            }
            i += 1
        }
        verbatim(source, runStart..<range.upperBound)
    }

    /// Appends text the reader decoded from `source` (an escape, an entity, a joined line break).
    mutating func decoded(_ text: [UInt8], source: Range<Int>) {
        guard !text.isEmpty else { return }
        bytes.append(contentsOf: text)
        pieces.append(MappedText.Piece(length: text.count, source: source, kind: .decoded))
    }

    mutating func decoded(_ text: String, source: Range<Int>) {
        decoded(Array(text.utf8), source: source)
    }

    /// The last byte appended, if any.
    var lastByte: UInt8? { bytes.last }

    /// Drops trailing ASCII whitespace (and the pieces that held it).
    mutating func trimTrailingWhitespace() {
        while let last = bytes.last, WireBytes.isSpace(last) {
            bytes.removeLast()
            guard var piece = pieces.last else { break }
            piece.length -= 1
            if piece.length == 0 {
                pieces.removeLast()
            } else {
                if piece.kind == .verbatim { piece.source = piece.source.lowerBound..<(piece.source.upperBound - 1) }
                pieces[pieces.count - 1] = piece
            }
        }
    }

    func build() -> MappedText {
        let text = String(decoding: bytes, as: UTF8.self)
        if text.utf8.count != bytes.count {
            // Only possible if a caller split a multi-byte character; never let that crash a run.
            return MappedText(verbatim: text, sourceOffset: pieces.first?.source.lowerBound ?? 0)
        }
        return MappedText(text: text, pieces: pieces)
    }
}

/// Text decoded from the input together with the source range of every byte run, so a reader can
/// cut it further (HTML inside a JSON string) and still map each cut back to the file.
struct WireDecodedText {
    var bytes: [UInt8]
    var pieces: [MappedText.Piece]
    /// Offset in `bytes` where each piece starts.
    private var starts: [Int]

    init(_ builder: WireTextBuilder) {
        bytes = builder.bytes
        pieces = builder.pieces
        starts = []
        starts.reserveCapacity(pieces.count)
        var total = 0
        for piece in pieces { starts.append(total); total += piece.length }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    private func pieceIndex(containing offset: Int) -> Int? {
        var low = 0, high = pieces.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if offset < starts[mid] { high = mid - 1 } else if offset >= starts[mid] + pieces[mid].length { low = mid + 1 } else { return mid }
        }
        return nil
    }

    /// Copies `bytes[range]` into `builder` with its mapping. Cuts fall on ASCII delimiters, so a
    /// decoded piece is either wholly inside or, if cut, carried with its whole source range.
    func copy(_ range: Range<Int>, into builder: inout WireTextBuilder) {
        guard !range.isEmpty, var index = pieceIndex(containing: range.lowerBound) else { return }
        var offset = range.lowerBound
        while offset < range.upperBound, index < pieces.count {
            let piece = pieces[index]
            let pieceStart = starts[index]
            let partEnd = min(range.upperBound, pieceStart + piece.length)
            if piece.kind == .verbatim {
                let sourceStart = piece.source.lowerBound + (offset - pieceStart)
                // Keep the mapping exact by copying through the source offsets.
                builder.appendVerbatimBytes(bytes[offset..<partEnd], source: sourceStart..<(sourceStart + partEnd - offset))
            } else {
                builder.decoded(Array(bytes[offset..<partEnd]), source: piece.source)
            }
            offset = partEnd
            index += 1
        }
    }

    /// The input range that `bytes[range]` was read from.
    func sourceRange(_ range: Range<Int>) -> Range<Int> {
        guard let first = pieceIndex(containing: range.lowerBound) else {
            let end = pieces.last?.source.upperBound ?? 0
            return end..<end
        }
        let lowerPiece = pieces[first]
        let lower = lowerPiece.kind == .verbatim ? lowerPiece.source.lowerBound + (range.lowerBound - starts[first]) : lowerPiece.source.lowerBound
        guard range.upperBound > range.lowerBound, let last = pieceIndex(containing: range.upperBound - 1) else { return lower..<lower }
        let upperPiece = pieces[last]
        let upper = upperPiece.kind == .verbatim ? upperPiece.source.lowerBound + (range.upperBound - starts[last]) : upperPiece.source.upperBound
        return lower..<max(lower, upper)
    }
}

extension WireTextBuilder {
    /// Appends bytes that equal the input at `source` (same length), merging with a preceding run.
    mutating func appendVerbatimBytes(_ slice: ArraySlice<UInt8>, source: Range<Int>) {
        guard !slice.isEmpty else { return }
        bytes.append(contentsOf: slice)
        if let last = pieces.last, last.kind == .verbatim, last.source.upperBound == source.lowerBound {
            pieces[pieces.count - 1].length += slice.count
            pieces[pieces.count - 1].source = last.source.lowerBound..<source.upperBound
        } else {
            pieces.append(MappedText.Piece(length: slice.count, source: source, kind: .verbatim))
        }
    }
}

/// Byte classes and small scanning helpers.
enum WireBytes {
    static let soh: UInt8 = 0x01, stx: UInt8 = 0x02, etx: UInt8 = 0x03, eot: UInt8 = 0x04
    static let bs: UInt8 = 0x08, tab: UInt8 = 0x09, lf: UInt8 = 0x0A, ff: UInt8 = 0x0C, cr: UInt8 = 0x0D
    static let dc1: UInt8 = 0x11, dc2: UInt8 = 0x12, dc3: UInt8 = 0x13, dc4: UInt8 = 0x14
    static let syn: UInt8 = 0x16, us: UInt8 = 0x1F, del: UInt8 = 0x7F

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
    /// Control bytes that carry no text (everything below 0x20 except TAB, LF, CR; and DEL).
    @inline(__always) static func isNoise(_ b: UInt8) -> Bool { (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) || b >= 0x80 }

    static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Whether `bytes[range]` starts with the ASCII `prefix`, ignoring case.
    static func hasPrefix(_ bytes: [UInt8], _ range: Range<Int>, _ prefix: String, caseInsensitive: Bool = true) -> Bool {
        let p = Array(prefix.utf8)
        guard range.count >= p.count else { return false }
        for (k, c) in p.enumerated() {
            let b = bytes[range.lowerBound + k]
            if caseInsensitive ? (lower(b) != lower(c)) : (b != c) { return false }
        }
        return true
    }

    /// Whether `bytes[range]` contains the ASCII/UTF-8 `needle`, ignoring ASCII case.
    static func contains(_ bytes: [UInt8], _ range: Range<Int>, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard !n.isEmpty, range.count >= n.count else { return false }
        var i = range.lowerBound
        while i + n.count <= range.upperBound {
            var k = 0
            while k < n.count, lower(bytes[i + k]) == lower(n[k]) { k += 1 }
            if k == n.count { return true }
            i += 1
        }
        return false
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// `range` without leading and trailing spaces, tabs and noise bytes.
    static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 || isNoise(bytes[lower]) { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 || isNoise(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    static func hasAlnum(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        for i in range where isAlnum(bytes[i]) { return true }
        return false
    }

    /// Lines of `bytes[range]` (without their LF, CRLF or CR).
    static func lines(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            if b == lf || b == cr {
                result.append(start..<i)
                if b == cr, i + 1 < range.upperBound, bytes[i + 1] == lf { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < range.upperBound { result.append(start..<range.upperBound) }
        return result
    }

    /// Whitespace-separated ASCII tokens of a range, as ranges.
    static func tokens(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = range.lowerBound
        while i < range.upperBound {
            while i < range.upperBound, bytes[i] <= 0x20 || bytes[i] == del { i += 1 }
            let start = i
            while i < range.upperBound, bytes[i] > 0x20, bytes[i] != del { i += 1 }
            if i > start { result.append(start..<i) }
        }
        return result
    }
}

/// Dates as wire formats write them, computed without formatters (fast and thread-safe).
enum WireDates {
    /// Seconds since 1970 of a UTC civil date and time.
    static func epoch(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Double {
        let days = CivilDays.sinceEpoch(year: year, month: month, day: day)
        return Double(days * 86400 + hour * 3600 + minute * 60 + second)
    }

    static func valid(month: Int, day: Int, hour: Int = 0, minute: Int = 0) -> Bool {
        (1...12).contains(month) && (1...31).contains(day) && (0...24).contains(hour) && (0...59).contains(minute)
    }

    /// ISO 8601 / RFC 3339: `2019-05-10T16:02:28+02:00`, `2013-07-09T10:37:00Z`, `2019-05-10`,
    /// fractional seconds and `+0200` offsets accepted; no zone means UTC.
    static func iso8601(_ string: String) -> Date? {
        let b = Array(string.utf8)
        var i = 0
        func number(_ width: Int) -> Int? {
            guard i + width <= b.count else { return nil }
            var value = 0
            for k in 0..<width {
                guard WireBytes.isDigit(b[i + k]) else { return nil }
                value = value * 10 + Int(b[i + k] - 0x30)
            }
            i += width
            return value
        }
        func skip(_ c: UInt8) -> Bool { if i < b.count, b[i] == c { i += 1; return true }; return false }
        while i < b.count, WireBytes.isSpace(b[i]) { i += 1 }
        guard let year = number(4) else { return nil }
        let dashed = skip(0x2D)
        guard let month = number(2) else { return nil }
        if dashed { guard skip(0x2D) else { return nil } }
        guard let day = number(2) else { return nil }
        var hour = 0, minute = 0, second = 0, fraction = 0.0
        if i < b.count, b[i] == 0x54 || b[i] == 0x74 || b[i] == 0x20 {
            i += 1
            guard let h = number(2) else { return nil }
            _ = skip(0x3A)
            guard let m = number(2) else { return nil }
            hour = h; minute = m
            if skip(0x3A) || (i < b.count && WireBytes.isDigit(b[i])) {
                guard let s = number(2) else { return nil }
                second = s
            }
            if skip(0x2E) || skip(0x2C) {
                var scale = 0.1
                while i < b.count, WireBytes.isDigit(b[i]) { fraction += Double(b[i] - 0x30) * scale; scale /= 10; i += 1 }
            }
        }
        var offset = 0
        if i < b.count {
            if b[i] == 0x5A || b[i] == 0x7A { i += 1 } else if b[i] == 0x2B || b[i] == 0x2D {
                let sign = b[i] == 0x2D ? -1 : 1
                i += 1
                guard let oh = number(2) else { return nil }
                _ = skip(0x3A)
                let om = number(2) ?? 0
                offset = sign * (oh * 3600 + om * 60)
            }
        }
        guard valid(month: month, day: day, hour: hour, minute: minute), second <= 60 else { return nil }
        return Date(timeIntervalSince1970: epoch(year: year, month: month, day: day, hour: hour, minute: minute, second: second) + fraction - Double(offset))
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Month number of an English month name or abbreviation (`Nov`, `Sept`, `November`).
    static func month(_ name: String) -> Int? {
        let lower = name.lowercased()
        guard lower.count >= 3 else { return nil }
        return months.firstIndex { lower.hasPrefix($0) }.map { $0 + 1 }
    }

    /// A two-digit year as transmissions write it: 70–99 are 19xx, the rest 20xx.
    static func fullYear(_ twoDigits: Int) -> Int { twoDigits >= 70 ? 1900 + twoDigits : 2000 + twoDigits }

    /// Offset in seconds of the US and UTC zone names ANPA stamps use.
    static func zoneOffset(_ name: String) -> Int? {
        switch name.uppercased() {
        case "GMT", "UTC", "Z": 0
        case "EDT": -4 * 3600
        case "EST", "CDT": -5 * 3600
        case "CST", "MDT": -6 * 3600
        case "MST", "PDT": -7 * 3600
        case "PST", "AKDT": -8 * 3600
        case "AKST": -9 * 3600
        case "HST": -10 * 3600
        default: nil
        }
    }
}

/// Paragraph text assembled from wrapped lines of a wire file.
enum WireLines {
    /// Joins line content ranges into one text: each line break (with the spaces around it and any
    /// blank lines between) becomes a `.decoded` `separator`; a line ending in a word hyphen joins
    /// the next without a space. Control bytes inside lines are left out.
    static func join(_ bytes: [UInt8], _ lines: [Range<Int>], separator: String = " ") -> MappedText {
        var builder = WireTextBuilder()
        for (index, line) in lines.enumerated() {
            if index > 0 {
                let previous = lines[index - 1]
                let gap = previous.upperBound..<line.lowerBound
                let hyphenated = separator == " " && previous.count >= 2 && bytes[previous.upperBound - 1] == 0x2D
                    && WireBytes.isAlnum(bytes[previous.upperBound - 2]) && !line.isEmpty && WireBytes.isAlnum(bytes[line.lowerBound])
                if !hyphenated { builder.decoded(separator, source: gap) }
            }
            builder.verbatimSkippingControls(bytes, line)
        }
        return builder.build()
    }
}
