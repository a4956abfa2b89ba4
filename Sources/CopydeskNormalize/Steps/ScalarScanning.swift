import CopydeskCore

/// Small helpers for steps that scan UTF-8 bytes directly.
enum ScalarScanning {
    /// Decodes the scalar starting at `i` of well-formed UTF-8; returns it and its byte length.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[i])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    /// Whether three spaces (0x20) follow each other anywhere in `bytes`; word-at-a-time.
    static func containsThreeSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count >= 3, let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var i = 0
        // Loads overlap by two bytes, so a run across a word boundary is seen in the next word.
        while i + 8 <= count {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) ^ 0x2020_2020_2020_2020
            // High bit of each byte set exactly where that byte was a space (x == 0).
            let spaces = ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
            if spaces & (spaces >> 8) & (spaces >> 16) != 0 { return true }
            i += 6
        }
        var run = 0
        while i < count {
            run = bytes[i] == 0x20 ? run + 1 : 0
            if run >= 3 { return true }
            i += 1
        }
        return false
    }

    /// The scalar that ends just before `i`, or nil at the start.
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, before i: Int) -> UInt32? {
        guard i > 0 else { return nil }
        var start = i - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(bytes, at: start).0
    }

    /// `U+200B` style name of a scalar.
    static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Runs `body` over the text's bytes without copying when possible.
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return try copy.withUTF8(body)
    }

    /// A short, printable excerpt for messages (line breaks and tabs shown as escapes), cut by
    /// `QuotedText.bounded`; only a bounded prefix of `text` is looked at.
    static func excerpt(_ text: Substring, limit: Int = 40) -> String {
        let scalars = text.unicodeScalars
        let end = scalars.index(scalars.startIndex, offsetBy: 4 * limit + 1, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let visible = scalars[..<end].map { scalar -> String in
            switch scalar.value {
            case 0x0A: return "\\n"
            case 0x0D: return "\\r"
            case 0x09: return "\\t"
            default: return String(scalar)
            }
        }.joined()
        return QuotedText.bounded(visible, limit: limit)
    }
}
