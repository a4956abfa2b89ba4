/// Finds the ill-formed parts of UTF-8 bytes, as Unicode's "maximal subpart" practice defines them
/// (the same units `String(decoding:as:)` replaces with U+FFFD), so each can be reported by offset.
enum UTF8Validation {
    struct Summary {
        /// Byte ranges of ill-formed subparts, in order.
        var invalid: [Range<Int>] = []
        /// Count of well-formed multi-byte sequences: evidence that the file really is UTF-8.
        var multibyteSequences = 0
    }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Summary {
        var summary = Summary()
        let count = bytes.count
        var i = 0
        while i < count {
            // ASCII fast path, eight bytes at a time.
            while i + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < count else { break }
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            let length = sequenceLength(bytes, at: i)
            if length > 0 {
                summary.multibyteSequences += 1
                i += length
            } else {
                let bad = max(1, maximalSubpart(bytes, at: i))
                summary.invalid.append(i..<(i + bad))
                i += bad
            }
        }
        return summary
    }

    /// Length of the well-formed sequence at `i`, or 0.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let lead = bytes[i]
        let count = bytes.count
        func cont(_ k: Int) -> Bool { i + k < count && bytes[i + k] & 0xC0 == 0x80 }
        switch lead {
        case 0xC2...0xDF:
            return cont(1) ? 2 : 0
        case 0xE0:
            return i + 2 < count && (0xA0...0xBF).contains(bytes[i + 1]) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(1) && cont(2) ? 3 : 0
        case 0xED:
            return i + 2 < count && (0x80...0x9F).contains(bytes[i + 1]) && cont(2) ? 3 : 0
        case 0xF0:
            return i + 3 < count && (0x90...0xBF).contains(bytes[i + 1]) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4:
            return i + 3 < count && (0x80...0x8F).contains(bytes[i + 1]) && cont(2) && cont(3) ? 4 : 0
        default:
            return 0
        }
    }

    /// Length of the longest prefix at `i` that could start a well-formed sequence (at least 1).
    static func maximalSubpart(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let lead = bytes[i]
        let count = bytes.count
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        let needed: Int
        switch lead {
        case 0xC2...0xDF: needed = 1
        case 0xE0: needed = 2; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: needed = 2
        case 0xED: needed = 2; secondRange = 0x80...0x9F
        case 0xF0: needed = 3; secondRange = 0x90...0xBF
        case 0xF1...0xF3: needed = 3
        case 0xF4: needed = 3; secondRange = 0x80...0x8F
        default: return 1
        }
        var length = 1
        while length <= needed, i + length < count {
            let byte = bytes[i + length]
            let ok = length == 1 ? secondRange.contains(byte) : byte & 0xC0 == 0x80
            if !ok { break }
            length += 1
        }
        return length
    }
}
