/// Splits Latin-script text into words and sentences by scanning UTF-8 bytes.
///
/// Non-ASCII letters count as word characters (so `Zürich`, `Москва` are single words); scripts
/// that need dictionary word breaks (CJK, Thai) are left to ICU where a rule needs them.
public enum Tokenizer {
    public static func words(_ bytes: [UInt8]) -> [LintDocument.Word] {
        var words: [LintDocument.Word] = []
        words.reserveCapacity(bytes.count / 5 + 1)
        bytes.withUnsafeBufferPointer { bytes in
            var i = 0
            let count = bytes.count
            while i < count {
                // Spaces and ASCII punctuation between words.
                let lead = bytes[i]
                if lead < 0x80 && !isASCIIAlphanumeric(lead) { i += 1; continue }
                guard isWordByte(bytes, i) else { i += 1; continue }
                let start = i
                var allDigits = true
                while i < count {
                    // A run of ASCII letters and digits, the usual case, in a tight loop.
                    var byte = bytes[i]
                    while byte < 0x80 {
                        if byte <= 0x39 {
                            guard byte >= 0x30 else { break }
                        } else {
                            guard byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A else { break }
                            allDigits = false
                        }
                        i += 1
                        guard i < count else { break }
                        byte = bytes[i]
                    }
                    guard i < count else { break }
                    if byte < 0x80 {
                        if isASCIIAlphanumeric(byte) {
                            if !isDigit(byte) { allDigits = false }
                            i += 1
                            continue
                        }
                    } else if isWordByte(bytes, i) {
                        allDigits = false
                        i += width(byte)
                        continue
                    }
                    // Inner joiners: ' ’ - . , (between word characters; , and . only between digits).
                    let joiner = joinerWidth(bytes, i)
                    if joiner > 0, i + joiner < count, isWordByte(bytes, i + joiner), i > start {
                        let isNumericJoiner = byte == UInt8(ascii: ",") || (byte == UInt8(ascii: ".") && isDigit(bytes[i - 1]))
                        if isNumericJoiner && !(isDigit(bytes[i - 1]) && isDigit(bytes[i + joiner])) { break }
                        i += joiner
                        continue
                    }
                    break
                }
                // Keep the period of an abbreviation with single letters (U.S., a.m.).
                if i < count, bytes[i] == UInt8(ascii: "."), i - start >= 3, bytes[i - 2] == UInt8(ascii: ".") { i += 1 }
                let first = bytes[start]
                words.append(LintDocument.Word(range: start..<i, isCapitalized: isUpper(bytes, start), isNumber: allDigits && isDigit(first)))
            }
        }
        return words
    }

    /// Sentence ranges: a sentence ends at `.`, `!` or `?` (with closing quotes or brackets) that is
    /// followed by a space and an uppercase letter, a digit or an opening quote, unless the word
    /// before the period is a known abbreviation (Mr., Sept., U.S. before a lowercase word…).
    public static func sentences(_ bytes: [UInt8], words: [LintDocument.Word], abbreviations: Set<String>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var i = 0
        let count = bytes.count
        while start < count, bytes[start] == 0x20 || bytes[start] == 0x0A { start += 1 }
        while i < count {
            // Skip to the next . ! or ? (all above 0x20, at or below 0x3F).
            let next = bytes.withUnsafeBufferPointer { b -> Int in
                var k = i
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

    private static func isAbbreviation(_ bytes: [UInt8], before period: Int, words: [LintDocument.Word], abbreviations: Set<String>) -> Bool {
        // The last word starting before the period (binary search: words are in order).
        var low = 0, high = words.count
        while low < high {
            let mid = (low + high) / 2
            if words[mid].range.lowerBound < period { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return false }
        let word = words[low - 1]
        guard word.range.upperBound >= period else { return false }
        let text = String(decoding: bytes[word.range.lowerBound..<period], as: UTF8.self)
        if abbreviations.contains(text) { return true }
        // Single capital initials: "John F. Kennedy".
        return text.utf8.count == 1 && isUpper(bytes, word.range.lowerBound)
    }

    private static func startsSentence(_ bytes: [UInt8], _ i: Int) -> Bool {
        if isUpper(bytes, i) || isDigit(bytes[i]) { return true }
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

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inline(__always) static func width(_ lead: UInt8) -> Int { lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }

    /// Letters and digits: ASCII alphanumerics, and non-ASCII scalars that are letters (Latin-1
    /// letters, Latin Extended, Greek, Cyrillic and beyond), not punctuation or symbols.
    static func isWordByte(_ bytes: [UInt8], _ i: Int) -> Bool {
        let byte = bytes[i]
        if byte < 0x80 {
            return (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        }
        guard let scalar = scalar(bytes, i) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
    }

    static func isUpper(_ bytes: [UInt8], _ i: Int) -> Bool {
        let byte = bytes[i]
        if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A }
        return scalar(bytes, i)?.properties.isUppercase ?? false
    }

    static func scalar(_ bytes: [UInt8], _ i: Int) -> Unicode.Scalar? {
        let lead = UInt32(bytes[i])
        guard lead >= 0xC0 else { return lead < 0x80 ? Unicode.Scalar(lead) : nil }
        let length = width(bytes[i])
        guard i + length <= bytes.count else { return nil }
        var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return Unicode.Scalar(value)
    }

    // The same tests on a buffer, for the tokenizer's loop (no bounds checks, no retains).

    @inline(__always) static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    @inline(__always) static func isWordByte(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let byte = bytes[i]
        if byte < 0x80 { return isASCIIAlphanumeric(byte) }
        return isWordScalar(bytes, i)
    }

    private static func isWordScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard let scalar = scalar(bytes, i) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
    }

    @inline(__always) static func isUpper(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let byte = bytes[i]
        if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A }
        return scalar(bytes, i)?.properties.isUppercase ?? false
    }

    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Unicode.Scalar? {
        let lead = UInt32(bytes[i])
        guard lead >= 0xC0 else { return lead < 0x80 ? Unicode.Scalar(lead) : nil }
        let length = width(bytes[i])
        guard i + length <= bytes.count else { return nil }
        var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return Unicode.Scalar(value)
    }

    @inline(__always) private static func joinerWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let byte = bytes[i]
        if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") { return 1 }
        if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { return 3 }
        return 0
    }

    /// Width of an inner joiner at `i`: `'`, `’`, `-`, `.`, `,`; 0 if none.
    private static func joinerWidth(_ bytes: [UInt8], _ i: Int) -> Int {
        let byte = bytes[i]
        if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") { return 1 }
        if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { return 3 }
        return 0
    }
}
