import CICU

/// Text decoded from a legacy charset, with where it was damaged.
public struct ConversionResult: Sendable {
    public var text: String
    /// Input byte offsets where an illegal or unassigned sequence started; each such sequence became one
    /// U+FFFD in `text`. Empty for clean input.
    public var invalidByteOffsets: [Int]

    public init(text: String, invalidByteOffsets: [Int]) {
        self.text = text
        self.invalidByteOffsets = invalidByteOffsets
    }
}

/// Conversion between Unicode and any charset ICU knows (ucnv). Converters are opened per call, so
/// this is safe from any thread.
public enum CharsetConverter {
    /// Decodes `bytes`; damage is replaced and reported rather than thrown, so a mostly-good legacy file
    /// still yields text. An unknown charset name throws.
    public static func decode(_ bytes: [UInt8], from charset: String) throws -> ConversionResult {
        let length = try ICUError.length32(bytes.count)
        var text = cicu_buffer()
        var offsets = cicu_buffer()
        try bytes.withUnsafeBytes { input in
            try ICUError.check(charset.withCString {
                cicu_conv_decode($0, input.baseAddress?.assumingMemoryBound(to: CChar.self), length, &text, &offsets)
            })
        }
        let invalid = offsets.takeArray(of: Int64.self).map { Int($0) }
        return ConversionResult(text: text.takeString(), invalidByteOffsets: invalid)
    }

    /// Encodes `text`. A character the charset cannot represent throws ICUError "U_INVALID_CHAR_FOUND"
    /// instead of being silently replaced.
    public static func encode(_ text: String, to charset: String) throws -> [UInt8] {
        var out = cicu_buffer()
        try text.withCChars { chars, count in
            try ICUError.check(charset.withCString { cicu_conv_encode($0, chars, count, &out) })
        }
        return out.takeArray(of: UInt8.self)
    }

    /// Whether ICU can open a converter for this name or alias.
    public static func isKnown(_ charset: String) -> Bool {
        charset.withCString { cicu_conv_is_known($0) }
    }
}
