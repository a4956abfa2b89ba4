import Foundation

/// Splits Latin-script text into words and sentences by scanning UTF-8 bytes.
///
/// Non-ASCII letters count as word characters (so `Zürich`, `Москва` are single words); scripts
/// that need dictionary word breaks (CJK, Thai) are left to ICU where a rule needs them.
public enum Tokenizer {
    /// A word: letters, digits and inner apostrophes, hyphens or periods (`don’t`, `Xi-Putin`, `U.S.`).
    ///
    /// Stored as two 32-bit offsets (12 bytes a word, not 24): a 20 MB line holds 3.8 million
    /// words, and their array is the largest allocation a long line makes. A block is one story
    /// at most (`--max-story-size`), far below 2 GB.
    public struct Word: Sendable, Hashable {
        private var start: Int32
        private var end: Int32
        /// Starts with an uppercase letter.
        public var isCapitalized: Bool
        /// Only digits (and inner separators such as `,` or `.` in `1,200.5`).
        public var isNumber: Bool

        public var range: Range<Int> {
            get { Int(start)..<Int(end) }
            set { start = Int32(truncatingIfNeeded: newValue.lowerBound); end = Int32(truncatingIfNeeded: newValue.upperBound) }
        }

        public init(range: Range<Int>, isCapitalized: Bool, isNumber: Bool) {
            self.start = Int32(truncatingIfNeeded: range.lowerBound)
            self.end = Int32(truncatingIfNeeded: range.upperBound)
            self.isCapitalized = isCapitalized
            self.isNumber = isNumber
        }
    }

    /// The words of a block's UTF-8 bytes, in order.
    ///
    /// The speed comes from one trick: most of a word is a run of ASCII letters and digits, which
    /// `asciiRun` takes eight bytes at a time (one 64-bit load, all eight bytes tested at once by
    /// `ByteScan.inRange`); only the bytes that end such a run (a non-ASCII letter, an inner joiner,
    /// the end of the word) go through the byte-by-byte tests of `wordEnd`.
    public static func words(_ bytes: [UInt8]) -> [Word] {
        var words: [Word] = []
        words.reserveCapacity(bytes.count / 6 + 1)
        byteClass.withUnsafeBufferPointer { classes in
            bytes.withUnsafeBufferPointer { text in
                var i = 0
                while i < text.count {
                    // Spaces and punctuation between words.
                    let lead = text[i]
                    if classes[Int(lead)] & Class.alphanumeric == 0 {
                        guard lead >= 0x80, isWordScalar(text, i) else { i += 1; continue }
                    }
                    let start = i
                    var sawLetter = false
                    i = wordEnd(text, from: start, classes, sawLetter: &sawLetter)
                    let capitalized = lead < 0x80 ? classes[Int(lead)] & Class.upper != 0 : isUpper(text, start)
                    words.append(Word(range: start..<i, isCapitalized: capitalized, isNumber: !sawLetter && ByteClass.isDigit(lead)))
                }
            }
        }
        return words
    }

    /// Where the word that starts at `start` ends: runs of letters and digits, joined by inner
    /// joiners, and the final period of an abbreviation of single letters (U.S., a.m.).
    @inline(__always)
    private static func wordEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int, _ classes: UnsafeBufferPointer<UInt8>,
                                sawLetter: inout Bool) -> Int {
        let count = text.count
        var i = start
        while true {
            i = asciiRun(text, from: i, classes, sawLetter: &sawLetter)
            guard i < count else { break }
            let byte = text[i]
            if byte >= 0x80, isWordScalar(text, i) {
                // A non-ASCII letter (Zürich, Москва): part of the word.
                sawLetter = true
                i += width(byte)
                continue
            }
            // Other ASCII punctuation ends the word.
            if byte < 0x80, classes[Int(byte)] & Class.joiner == 0 { break }
            // Inner joiners: ' ’ - . , (between word characters; , and . only between digits).
            let joiner = joinerWidth(text, i)
            guard joiner > 0, i + joiner < count, isWordByte(text, i + joiner), i > start else { break }
            let isNumericJoiner = byte == UInt8(ascii: ",") || (byte == UInt8(ascii: ".") && ByteClass.isDigit(text[i - 1]))
            if isNumericJoiner && !(ByteClass.isDigit(text[i - 1]) && ByteClass.isDigit(text[i + joiner])) { break }
            i += joiner
        }
        if i < count, text[i] == UInt8(ascii: "."), i - start >= 3, text[i - 2] == UInt8(ascii: ".") { i += 1 }
        return i
    }

    /// The end of the run of ASCII letters and digits at `start` (eight bytes at a time while
    /// eight remain, then byte by byte); sets `sawLetter` when the run holds a letter.
    @inline(__always)
    private static func asciiRun(_ text: UnsafeBufferPointer<UInt8>, from start: Int, _ classes: UnsafeBufferPointer<UInt8>,
                                 sawLetter: inout Bool) -> Int {
        let count = text.count
        var i = start
        while i + 8 <= count {
            let chunk = ByteScan.load(text, i)
            let letters = ByteScan.inRange(chunk | 0x2020_2020_2020_2020, 0x61, 0x7A)
            let stop = ~(letters | ByteScan.inRange(chunk, 0x30, 0x39)) & ByteScan.highs
            if stop == 0 {
                if letters != 0 { sawLetter = true }
                i += 8
                continue
            }
            // The run ends in these eight bytes: only the letters before its end count.
            let n = stop.trailingZeroBitCount &>> 3
            if letters & ((1 &<< UInt64(8 &* n)) &- 1) != 0 { sawLetter = true }
            return i + n
        }
        while i < count {
            let c = classes[Int(text[i])]
            guard c & Class.alphanumeric != 0 else { break }
            if c & Class.letter != 0 { sawLetter = true }
            i += 1
        }
        return i
    }

    /// Classes of bytes for the tokenizer's loop.
    enum Class {
        static let alphanumeric: UInt8 = 1
        static let letter: UInt8 = 2
        static let upper: UInt8 = 4
        /// `'` `-` `.` `,` and the lead byte E2 (of ’).
        static let joiner: UInt8 = 8
    }

    static let byteClass: [UInt8] = (0..<256).map { b -> UInt8 in
        let byte = UInt8(b)
        var c: UInt8 = 0
        if ByteClass.isDigit(byte) { c |= Class.alphanumeric }
        if byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A && byte < 0x80 { c |= Class.alphanumeric | Class.letter }
        if byte >= 0x41 && byte <= 0x5A { c |= Class.upper }
        if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == 0xE2 { c |= Class.joiner }
        return c
    }

    /// Sentence ranges: a sentence ends at `.`, `!` or `?` (with closing quotes or brackets) that is
    /// followed by a space and an uppercase letter, a digit or an opening quote, unless the word
    /// before the period is a known abbreviation (Mr., Sept., U.S. before a lowercase word…).
    public static func sentences(_ bytes: [UInt8], words: [Word], abbreviations: Set<String>) -> [Range<Int>] {
        sentences(bytes, words: words, abbreviations: AbbreviationTable.of(abbreviations))
    }

    package static func sentences(_ bytes: [UInt8], words: [Word], abbreviations: AbbreviationTable) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(bytes.count / 64 + 2)
        var start = 0
        var i = 0
        let count = bytes.count
        while start < count, bytes[start] == 0x20 || bytes[start] == 0x0A { start += 1 }
        while i < count {
            // Skip to the next . ! or ?, eight bytes at a time.
            let next = bytes.withUnsafeBufferPointer { b -> Int in
                var k = i
                while k + 8 <= count {
                    let word = ByteScan.load(b, k)
                    let found = ByteScan.equalBytes(word, 0x2E) | ByteScan.equalBytes(word, 0x21) | ByteScan.equalBytes(word, 0x3F)
                    if found != 0 { return k + found.trailingZeroBitCount / 8 }
                    k += 8
                }
                while k < count {
                    let c = b[k]
                    if c <= 0x3F, c == 0x2E || c == 0x21 || c == 0x3F { return k }
                    k += 1
                }
                return k
            }
            i = next
            guard i < count else { break }
            let byte = bytes[i]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                var end = i + 1
                while end < count, isClosing(bytes, end) { end += closingWidth(bytes, end) }
                if end < count, bytes[end] == 0x20 || bytes[end] == 0x0A {
                    var next = end
                    while next < count, bytes[next] == 0x20 || bytes[next] == 0x0A { next += 1 }
                    if next < count, startsSentence(bytes, next), !(byte == UInt8(ascii: ".") && isAbbreviation(bytes, before: i, words: words, abbreviations: abbreviations)) {
                        result.append(start..<end)
                        start = next
                        i = next
                        continue
                    }
                }
                i = end
                continue
            }
            i += 1
        }
        var end = count
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A { end -= 1 }
        if end > start { result.append(start..<end) }
        return result
    }

    private static func isAbbreviation(_ bytes: [UInt8], before period: Int, words: [Word], abbreviations: AbbreviationTable) -> Bool {
        // The last word starting before the period (binary search: words are in order).
        var low = 0, high = words.count
        while low < high {
            let mid = (low + high) / 2
            if words[mid].range.lowerBound < period { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return false }
        let word = words[low - 1]
        guard word.range.upperBound >= period else { return false }
        let range = word.range.lowerBound..<period
        if let known = abbreviations.contains(bytes, range) {
            if known { return true }
        } else if abbreviations.all.contains(String(decoding: bytes[range], as: UTF8.self)) {
            return true
        }
        // Single capital initials: "John F. Kennedy" (one byte: an ASCII capital).
        return range.count == 1 && isUpper(bytes, word.range.lowerBound)
    }

    /// A style's abbreviations for the sentence splitter: the ASCII ones of up to eight bytes
    /// packed in a sorted array of words, so most periods are checked without building a `String`.
    /// Built once per set of abbreviations (process cache).
    package struct AbbreviationTable: Sendable {
        let all: Set<String>
        /// ASCII abbreviations of 1–8 bytes, packed little-endian (no byte of a word is 0).
        private let packed: [UInt64]
        /// Abbreviations that are not ASCII: an ASCII word may still equal one (canonical
        /// equivalence: K and the Kelvin sign), so those words take the `String` path.
        private let hasNonASCII: Bool

        init(_ all: Set<String>) {
            self.all = all
            var packed: [UInt64] = []
            var nonASCII = false
            for abbreviation in all {
                let utf8 = Array(abbreviation.utf8)
                if utf8.contains(where: { $0 >= 0x80 }) { nonASCII = true; continue }
                guard (1...8).contains(utf8.count), !utf8.contains(0) else { continue }
                packed.append(Self.pack(utf8[...]))
            }
            self.packed = packed.sorted()
            hasNonASCII = nonASCII
        }

        @inline(__always)
        private static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64 {
            var value: UInt64 = 0
            for (k, byte) in bytes.enumerated() { value |= UInt64(byte) << UInt64(8 * k) }
            return value
        }

        /// Whether the bytes are an abbreviation, or nil when only the `String` comparison can say.
        func contains(_ bytes: [UInt8], _ range: Range<Int>) -> Bool? {
            guard !hasNonASCII, range.count <= 8, !range.isEmpty else { return nil }
            var value: UInt64 = 0
            var shift: UInt64 = 0
            for i in range {
                let byte = bytes[i]
                // A non-ASCII word (or a NUL) may still equal an abbreviation as a `String`.
                guard byte < 0x80, byte != 0 else { return nil }
                value |= UInt64(byte) << shift
                shift += 8
            }
            var low = 0, high = packed.count
            while low < high {
                let mid = (low + high) / 2
                if packed[mid] < value { low = mid + 1 } else { high = mid }
            }
            return low < packed.count && packed[low] == value
        }

        package static func of(_ abbreviations: Set<String>) -> AbbreviationTable { cache.value(for: abbreviations) }

        private static let cache = Cache()

        private final class Cache: @unchecked Sendable {
            private let lock = NSLock()
            private var last: AbbreviationTable?

            func value(for key: Set<String>) -> AbbreviationTable {
                lock.lock()
                if let last, last.all == key {
                    lock.unlock()
                    return last
                }
                lock.unlock()
                let table = AbbreviationTable(key)
                lock.lock()
                last = table
                lock.unlock()
                return table
            }
        }
    }

    private static func startsSentence(_ bytes: [UInt8], _ i: Int) -> Bool {
        if isUpper(bytes, i) || ByteClass.isDigit(bytes[i]) { return true }
        let byte = bytes[i]
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "(") { return true }
        // “ ‘ «
        if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x9C || bytes[i + 2] == 0x98 { return true }
        if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xAB { return true }
        return false
    }

    private static func isClosing(_ bytes: [UInt8], _ i: Int) -> Bool { closingWidth(bytes, i) > 0 }

    private static func closingWidth(_ bytes: [UInt8], _ i: Int) -> Int {
        let byte = bytes[i]
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ")") { return 1 }
        if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x9D || bytes[i + 2] == 0x99 { return 3 }
        if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xBB { return 2 }
        return 0
    }


    @inlinable @inline(__always) package static func width(_ lead: UInt8) -> Int { lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }

    /// Letters and digits: ASCII alphanumerics, and non-ASCII scalars that are letters (Latin-1
    /// letters, Latin Extended, Greek, Cyrillic and beyond), not punctuation or symbols.
    @inlinable package static func isWordByte(_ bytes: [UInt8], _ i: Int) -> Bool {
        bytes.withUnsafeBufferPointer { isWordByte($0, i) }
    }

    @inlinable package static func isUpper(_ bytes: [UInt8], _ i: Int) -> Bool {
        bytes.withUnsafeBufferPointer { isUpper($0, i) }
    }

    @inlinable package static func scalar(_ bytes: [UInt8], _ i: Int) -> Unicode.Scalar? {
        bytes.withUnsafeBufferPointer { scalar($0, i) }
    }

    // The tests on a buffer, which the array forms above call (no bounds checks, no retains).

    @inlinable @inline(__always) package static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    @inlinable @inline(__always) package static func isWordByte(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let byte = bytes[i]
        if byte < 0x80 { return isASCIIAlphanumeric(byte) }
        return isWordScalar(bytes, i)
    }

    @inlinable package static func isWordScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard let scalar = scalar(bytes, i) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
    }

    @inlinable @inline(__always) package static func isUpper(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let byte = bytes[i]
        if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A }
        return scalar(bytes, i)?.properties.isUppercase ?? false
    }

    @inlinable package static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Unicode.Scalar? {
        let lead = UInt32(bytes[i])
        guard lead >= 0xC0 else { return lead < 0x80 ? Unicode.Scalar(lead) : nil }
        let length = width(bytes[i])
        guard i + length <= bytes.count else { return nil }
        var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return Unicode.Scalar(value)
    }

    /// Width of an inner joiner at `i`: `'`, `’`, `-`, `.`, `,`; 0 if none.
    @inline(__always) private static func joinerWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let byte = bytes[i]
        if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") { return 1 }
        if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { return 3 }
        return 0
    }
}
