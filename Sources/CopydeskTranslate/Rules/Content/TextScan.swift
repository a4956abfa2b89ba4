/// Byte-level Unicode helpers for the content rules: scalars decoded in place, letters told
/// from punctuation without building `Character`s.
enum TextScan {
    /// The scalar starting at `i` and its length in bytes (U+FFFD, 1 for a stray byte).
    @inline(__always)
    static func scalar(_ bytes: [UInt8], _ i: Int) -> (UInt32, Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let n = bytes.count
        if b0 >= 0xC2, b0 < 0xE0, i + 1 < n { return (UInt32(b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b0 >= 0xE0, b0 < 0xF0, i + 2 < n {
            return (UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        if b0 >= 0xF0, i + 3 < n {
            return (UInt32(b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// The scalar ending just before `i` and where it starts.
    @inline(__always)
    static func scalar(before i: Int, _ bytes: [UInt8]) -> (UInt32, Int)? {
        guard i > 0 else { return nil }
        var start = i - 1
        while start > 0, bytes[start] & 0xC0 == 0x80, i - start < 4 { start -= 1 }
        return (scalar(bytes, start).0, start)
    }


    /// Letters of the scripts wire copy uses (Latin, Greek, Cyrillic and beyond), not the
    /// punctuation and symbols that share their UTF-8 lead bytes.
    static func isLetter(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0xC0: return scalar == 0xAA || scalar == 0xB5 || scalar == 0xBA
        case 0xD7, 0xF7: return false
        case 0x37E, 0x387: return false  // Greek question mark, ano teleia
        case 0x2000...0x2BFF, 0x3000...0x303F, 0xFE10...0xFE6F, 0xFF00...0xFF20: return false
        default: return Unicode.Scalar(scalar)?.properties.isAlphabetic ?? false
        }
    }

    static func isUpper(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar &- 0x41 < 26 }
        return Unicode.Scalar(scalar)?.properties.isUppercase ?? false
    }

    /// Spaces inside a line: ASCII, no-break, narrow no-break, thin, figure.
    static func spaceWidth(_ bytes: [UInt8], _ i: Int) -> Int {
        guard i < bytes.count else { return 0 }
        if bytes[i] == 0x20 || bytes[i] == 0x09 { return 1 }
        if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { return 2 }
        if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80,
           bytes[i + 2] == 0xAF || bytes[i + 2] == 0x89 || bytes[i + 2] == 0x87 || bytes[i + 2] == 0x8A { return 3 }
        return 0
    }

    /// End of the run of letters starting at `i`.
    static func letterRun(_ bytes: [UInt8], from i: Int) -> Int {
        var j = i
        while j < bytes.count {
            let (scalar, width) = scalar(bytes, j)
            guard isLetter(scalar) else { break }
            j += width
        }
        return j
    }

    /// Lowercased word, for dictionary look-ups.
    static func lowerWord(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).lowercased()
    }
}
