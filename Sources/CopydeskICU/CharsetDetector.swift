import CICU

/// One candidate encoding for a byte sequence.
public struct CharsetMatch: Sendable, Equatable {
    /// ICU's charset name, e.g. "windows-1251", "ISO-8859-7", "UTF-8".
    public var name: String
    /// 0–100; ICU's own heuristic score, comparable only between matches of one detection.
    public var confidence: Int32
    /// ISO language code ICU associates with the match, or "" when it has none.
    public var language: String

    public init(name: String, confidence: Int32, language: String) {
        self.name = name
        self.confidence = confidence
        self.language = language
    }
}

/// Guesses the encoding of legacy text (ucsdet). A detector object is created per call, so this is
/// safe from any thread.
public enum CharsetDetector {
    /// All plausible charsets, best first (ucsdet_detectAll).
    public static func detect(_ bytes: [UInt8]) throws -> [CharsetMatch] {
        let capacity: Int32 = 64 // ICU 72 has about 30 recognizers
        var raw = [cicu_charset_match](repeating: cicu_charset_match(), count: Int(capacity))
        var count: Int32 = 0
        let length = try ICUError.length32(bytes.count)
        try bytes.withUnsafeBytes { input in
            try ICUError.check(cicu_csdet_detect_all(
                input.baseAddress?.assumingMemoryBound(to: CChar.self), length, &raw, capacity, &count))
        }
        return raw.prefix(Int(count)).map { match in
            CharsetMatch(
                name: cString(match.name), confidence: match.confidence, language: cString(match.language))
        }
    }

    /// Reads a fixed-size, NUL-terminated C char array imported as a tuple.
    private static func cString<T>(_ tuple: T) -> String {
        withUnsafeBytes(of: tuple) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
