/// The ASCII byte classes every byte scanner tests, defined once.
package enum ByteClass {
    /// `0`…`9`.
    @inlinable @inline(__always)
    package static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
}
