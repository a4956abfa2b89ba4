/// Word-at-a-time (eight bytes) tests on UTF-8 text, for the scans every block goes through.
enum ByteScan {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080
    static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of each byte of `word` that is zero, and of no other byte.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 { ~(((word & lows) &+ lows) | word | lows) }

    /// The high bit of each byte of `word` equal to `byte`.
    @inline(__always)
    static func equalBytes(_ word: UInt64, _ byte: UInt8) -> UInt64 { zeroBytes(word ^ (ones &* UInt64(byte))) }

    /// The high bit of each byte of `word` (all below 0x80 where `mask`'s high bit is clear) in
    /// `low...high` (both below 0x80); bytes of 0x80 and above are never in it.
    @inline(__always)
    static func inRange(_ word: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
        let seven = word & lows
        let atLeastLow = (seven &+ ones &* UInt64(0x80 - low)) & highs
        let aboveHigh = (seven &+ ones &* UInt64(0x7F - high)) & highs
        return atLeastLow & ~aboveHigh & ~word & highs
    }

    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
    }
}
