import CopydeskICU

/// Splits text into the words matching compares: NFKC-casefolded (so "Ｐｕｔｉｎ", "PUTIN" and "Putin"
/// are one word, and ligatures or full-width digits fold), with punctuation and whitespace
/// dropped and apostrophes inside words removed ("don't" and "don’t" are "dont").
///
/// Latin, Greek, Cyrillic and other space-separated scripts are split by a byte scan, which is
/// an order of magnitude faster than ICU's break iterator. A paragraph containing Han, kana,
/// Thai, Lao, Khmer or Myanmar letters, which are written without spaces, goes through ICU word
/// breaks (dictionary-based), so Chinese and Japanese copy yields real words.
public struct WordTokenizer: Sendable {
    private let normalizer: Normalizer
    private let breaker: BreakIterator

    public init() throws {
        normalizer = try Normalizer(form: .nfkcCasefold)
        breaker = try BreakIterator(kind: .word, locale: "")
    }

    /// Calls `body` with the bytes of each word of `text`, in order. The buffer is only valid
    /// during the call.
    public func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) throws {
        let folded = try caseFolded(text)
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)
        let needsICU = folded.withUnsafeBufferPointer { bytes in Self.scan(bytes, scratch: &scratch, body) }
        guard needsICU else { return }
        // Scripts without spaces: ICU's dictionary-based word boundaries.
        var normalized = String(decoding: folded, as: UTF8.self)
        let segments = try breaker.segments(in: normalized)
        normalized.withUTF8 { bytes in
            for segment in segments where segment.isWordLike {
                scratch.removeAll(keepingCapacity: true)
                var i = segment.range.lowerBound
                while i < segment.range.upperBound {
                    let (scalar, width) = Self.decode(bytes, at: i)
                    if !Self.isApostrophe(scalar) { scratch.append(contentsOf: bytes[i..<(i + width)]) }
                    i += width
                }
                if !scratch.isEmpty { scratch.withUnsafeBufferPointer(body) }
            }
        }
    }

    /// The NFKC-casefolded UTF-8 of `text`, the same bytes as `normalizer.normalize(text)`.
    ///
    /// ICU only sees the pieces between ASCII whitespace that hold a non-ASCII byte. Splitting
    /// there is exact: a space, tab or line break is a starter that composes with nothing and that
    /// nothing reorders across. On ASCII, NFKC casefolding is ASCII lowercasing: no ASCII
    /// character has a compatibility decomposition or is default-ignorable, and only A–Z fold.
    func caseFolded(_ text: String) throws -> [UInt8] {
        var copy = text
        return try copy.withUTF8 { bytes -> [UInt8] in
            let count = bytes.count
            guard let base = bytes.baseAddress else { return [] }
            // All ASCII (the usual case): one copy, lowercased eight bytes at a time on the way.
            if Self.isASCII(bytes) {
                return [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
                    let source = UnsafeRawPointer(base), target = UnsafeMutableRawPointer(out.baseAddress!)
                    var i = 0
                    while i + 8 <= count {
                        let x = source.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        target.storeBytes(of: Self.lowercasedASCII(x), toByteOffset: i, as: UInt64.self)
                        i += 8
                    }
                    while i < count {
                        let byte = bytes[i]
                        out[i] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                        i += 1
                    }
                    initialized = count
                }
            }
            // Mixed: ASCII pieces copied as they are, the others through ICU; then every A–Z
            // lowercased (ICU's casefolded output has none left, so that pass only touches ASCII pieces).
            var out = [UInt8]()
            out.reserveCapacity(count + 16)
            var i = 0
            while i < count {
                var end = i
                var ascii = true
                while end < count {
                    let byte = bytes[end]
                    if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { break }
                    if byte >= 0x80 { ascii = false }
                    end += 1
                }
                while end < count {
                    let byte = bytes[end]
                    guard byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D else { break }
                    end += 1
                }
                if ascii {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                } else {
                    // The piece with its trailing whitespace: both sides of it are starters that
                    // compose with nothing, and ICU leaves ASCII whitespace as it is.
                    out.append(contentsOf: try normalizer.normalize(utf8: UnsafeBufferPointer(rebasing: bytes[i..<end])))
                }
                i = end
            }
            out.withUnsafeMutableBufferPointer { buffer in
                for k in buffer.indices where buffer[k] &- 0x41 < 26 { buffer[k] |= 0x20 }
            }
            return out
        }
    }

    /// Whether every byte is ASCII, eight at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        var any: UInt64 = 0
        while i + 8 <= bytes.count {
            any |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < bytes.count { any |= UInt64(bytes[i]); i += 1 }
        return any & 0x8080_8080_8080_8080 == 0
    }

    /// A–Z to a–z in a word of ASCII bytes: 0x20 added where a byte is in 0x41…0x5A.
    @inline(__always)
    private static func lowercasedASCII(_ x: UInt64) -> UInt64 {
        // No carries between bytes: every byte is below 0x80, plus at most 0x3F.
        let upper = (x &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(x &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080
        return x | (upper >> 2)
    }

    /// The 64-bit hash of each word (xxHash64 of its UTF-8 bytes).
    public func wordHashes(in text: String) throws -> [UInt64] {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(text.utf8.count / 5)
        try forEachWord(in: text) { hashes.append(XXH64.hash($0)) }
        return hashes
    }

    /// The words themselves, for diffs and tests.
    public func words(in text: String) throws -> [String] {
        var words: [String] = []
        try forEachWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Byte scan; returns true (having emitted nothing) when the text needs ICU word breaks.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8],
                             _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        // First a check for scripts written without spaces, so nothing is emitted twice.
        var i = 0
        let raw = UnsafeRawPointer(bytes.baseAddress)
        while i < bytes.count {
            // Eight ASCII bytes at a time.
            if let raw, i + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            if bytes[i] < 0x80 { i += 1; continue }
            let (scalar, width) = decode(bytes, at: i)
            if needsDictionary(scalar) { return true }
            i += width
        }
        // A word is passed as a slice of the normalized text; only a word with an apostrophe
        // dropped from its middle is copied into `scratch`.
        scratch.removeAll(keepingCapacity: true)
        var wordStart = -1
        var copying = false
        func flush(at end: Int) {
            if copying {
                scratch.withUnsafeBufferPointer(body)
                scratch.removeAll(keepingCapacity: true)
                copying = false
            } else if wordStart >= 0 {
                body(UnsafeBufferPointer(rebasing: bytes[wordStart..<end]))
            }
            wordStart = -1
        }
        func skipApostrophe(at i: Int) {
            if !copying { scratch.append(contentsOf: bytes[wordStart..<i]); copying = true }
        }
        i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x80 {
                if isASCIIWordByte(byte) {
                    if copying {
                        scratch.append(byte)
                    } else {
                        if wordStart < 0 { wordStart = i }
                        // The rest of an ASCII word in one tight loop.
                        i += 1
                        while i < bytes.count, isASCIIWordByte(bytes[i]) { i += 1 }
                        continue
                    }
                } else if byte == 0x27, wordStart >= 0, i + 1 < bytes.count, isWordStart(bytes, at: i + 1) {
                    skipApostrophe(at: i)  // "don't" is one word, "dont"
                } else {
                    flush(at: i)
                }
                i += 1
                continue
            }
            let (scalar, width) = decode(bytes, at: i)
            if isApostrophe(scalar), wordStart >= 0, i + width < bytes.count, isWordStart(bytes, at: i + width) {
                skipApostrophe(at: i)
            } else if isWordCharacter(scalar) {
                if copying { scratch.append(contentsOf: bytes[i..<(i + width)]) } else if wordStart < 0 { wordStart = i }
            } else {
                flush(at: i)
            }
            i += width
        }
        flush(at: bytes.count)
        return false
    }

    /// ASCII letters and digits.
    @inline(__always) private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }

    @inline(__always) private static func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let byte = bytes[i]
        if byte < 0x80 { return (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) }
        return isWordCharacter(decode(bytes, at: i).0)
    }

    @inline(__always) static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}"
    }

    /// Letters, combining marks and digits.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Scripts written without spaces between words.
    package static func needsDictionary(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0E00...0x0EFF,    // Thai, Lao
             0x1000...0x109F,    // Myanmar
             0x1780...0x17FF,    // Khmer
             0x2E80...0x2FDF,    // CJK radicals
             0x3040...0x30FF,    // Hiragana, Katakana
             0x3400...0x4DBF,    // CJK extension A
             0x4E00...0x9FFF,    // CJK unified ideographs
             0xF900...0xFAFF,    // CJK compatibility ideographs
             0x20000...0x3134F:  // CJK extensions B–G
            return true
        default:
            return false
        }
    }

    /// Decodes the scalar at `i` of well-formed UTF-8 (Swift strings always are).
    @inline(__always) static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 {
            let value = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 2)
        }
        if b0 < 0xF0 {
            let value = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 3)
        }
        let value = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
        return (Unicode.Scalar(value) ?? "\u{FFFD}", 4)
    }
}
