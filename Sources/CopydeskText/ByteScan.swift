#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Word-at-a-time (eight bytes) tests on UTF-8 text, for the scans every block goes through.
///
/// The one home of these tricks: a stage that needs a fast scan calls these instead of its own
/// copy. The small tests are `@inlinable`, so a loop in another module compiles as if it were
/// written there.
package enum ByteScan {
    /// The first `byte` in `bytes[start..<limit]`, or `limit` (at least `start`) if none: the C
    /// library's vectorised `memchr`, for loops that only stop at one kind of byte.
    package static func next(_ byte: UInt8, _ bytes: [UInt8], from start: Int, before limit: Int) -> Int {
        let limit = min(limit, bytes.count)
        guard start < limit else { return max(start, limit) }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base + start, Int32(byte), limit - start) else { return limit }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    // Computed, not stored: a stored `static let` read from another module goes through its
    // lazy-initialisation accessor; these fold to constants where they are inlined.
    @inlinable package static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inlinable package static var highs: UInt64 { 0x8080_8080_8080_8080 }
    @inlinable package static var lows: UInt64 { 0x7F7F_7F7F_7F7F_7F7F }

    /// The first `a` or `b` in `bytes[start..<limit]`, or `limit` (at least `start`) if none.
    @inlinable
    package static func next(either a: UInt8, _ b: UInt8, _ bytes: [UInt8], from start: Int, before limit: Int) -> Int {
        let limit = min(limit, bytes.count)
        guard start < limit else { return max(start, limit) }
        return bytes.withUnsafeBufferPointer { buffer in
            var i = start
            while i + 8 <= limit {
                let word = load(buffer, i)
                let found = equalBytes(word, a) | equalBytes(word, b)
                if found != 0 { return i + found.trailingZeroBitCount / 8 }
                i += 8
            }
            while i < limit, buffer[i] != a, buffer[i] != b { i += 1 }
            return i
        }
    }

    /// The first byte at or after `start` that may start a quotation mark for `AttributionText.mark`
    /// (`"` `` ` `` `'` and the lead bytes E2, C2), or `bytes.count`.
    @inlinable
    package static func nextQuoteLead(_ bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { b in
            var i = start
            let count = b.count
            while i + 8 <= count {
                let word = load(b, i)
                var found = equalBytes(word, 0x22) | equalBytes(word, 0x60) | equalBytes(word, 0x27)
                if word & highs != 0 { found |= equalBytes(word, 0xE2) | equalBytes(word, 0xC2) }
                if found != 0 { return i + found.trailingZeroBitCount / 8 }
                i += 8
            }
            while i < count {
                let byte = b[i]
                if byte == 0x22 || byte == 0x60 || byte == 0x27 || byte == 0xE2 || byte == 0xC2 { return i }
                i += 1
            }
            return max(i, start)
        }
    }

    /// The first byte at or after `start` that may start a quotation mark for `QuoteScanner`
    /// (`"` `'` `` ` `` and the lead bytes C2, E2, E3, EF), or `bytes.count`.
    @inlinable @inline(__always)
    package static func nextQuoteMarkLead(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let count = b.count
        while i + 8 <= count {
            let word = load(b, i)
            var found = equalBytes(word, 0x22) | equalBytes(word, 0x27) | equalBytes(word, 0x60)
            if word & highs != 0 {
                found |= equalBytes(word, 0xC2) | equalBytes(word, 0xE2) | equalBytes(word, 0xE3) | equalBytes(word, 0xEF)
            }
            if found != 0 { return i + found.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < count {
            switch b[i] {
            case 0x22, 0x27, 0x60, 0xC2, 0xE2, 0xE3, 0xEF: return i
            default: i += 1
            }
        }
        return max(i, start)
    }

    /// Does `b` hold a straight `"`, `'` or a backtick?
    @inlinable
    package static func containsStraightQuote(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let count = b.count
        while i + 8 <= count {
            let word = load(b, i)
            if equalBytes(word, 0x22) | equalBytes(word, 0x27) | equalBytes(word, 0x60) != 0 { return true }
            i += 8
        }
        while i < count {
            if b[i] == 0x22 || b[i] == 0x27 || b[i] == 0x60 { return true }
            i += 1
        }
        return false
    }

    /// Some non-ASCII byte of `bytes` passes `test` (ASCII runs skipped eight bytes at a time).
    @inlinable @inline(__always)
    package static func containsNonASCII(_ bytes: ArraySlice<UInt8>, where test: (UInt8) -> Bool) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            let count = b.count
            while i < count {
                if i + 8 <= count, load(b, i) & highs == 0 { i += 8; continue }
                let byte = b[i]
                if byte >= 0x80, test(byte) { return true }
                i += 1
            }
            return false
        }
    }

    /// How many bytes have their high bit set in a mask of high bits (no POPCNT on baseline x86-64).
    @inlinable @inline(__always)
    package static func count(_ mask: UInt64) -> Int { Int(((mask >> 7) &* ones) >> 56) }

    /// The high bit of each byte of `word` that is zero, and of no other byte.
    @inlinable @inline(__always)
    package static func zeroBytes(_ word: UInt64) -> UInt64 { ~(((word & lows) &+ lows) | word | lows) }

    /// The high bit of each byte of `word` equal to `byte`.
    @inlinable @inline(__always)
    package static func equalBytes(_ word: UInt64, _ byte: UInt8) -> UInt64 { zeroBytes(word ^ (ones &* UInt64(byte))) }

    /// The high bit of each byte of `word` (all below 0x80 where `mask`'s high bit is clear) in
    /// `low...high` (both below 0x80); bytes of 0x80 and above are never in it.
    @inlinable @inline(__always)
    package static func inRange(_ word: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
        let seven = word & lows
        let atLeastLow = (seven &+ ones &* UInt64(0x80 - low)) & highs
        let aboveHigh = (seven &+ ones &* UInt64(0x7F - high)) & highs
        return atLeastLow & ~aboveHigh & ~word & highs
    }

    @inlinable @inline(__always)
    package static func load(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
    }
}
