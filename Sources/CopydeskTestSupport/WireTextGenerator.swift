import Foundation

/// Shared by the reliability tests of several test targets (hence a target of its own).
///
/// A small, seeded generator of wire-ish text for the reliability properties: ASCII prose, Greek,
/// Cyrillic, CJK, combining marks, controls, zero-width and bidi characters, mojibake, CRLF and
/// lone CR, ANPA stand-ins (``…'', --, _), tabs, no-break and other odd spaces.
///
/// `COPYDESK_PROPERTY_ITERATIONS` raises the number of cases (the quick default keeps `swift test`
/// fast); `COPYDESK_PROPERTY_SEED` replays one run. A failure names its seed and case number.
public struct WireTextGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// SplitMix64: tiny, fast and the same on every platform.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public static let words = ["the", "Kremlin", "said", "on", "Tuesday", "ATHENS", "Greece", "(AP)", "officials", "Putin", "Xi",
                        "percent", "Sept.", "15", "1,200", "3,5", "i.e.", "ie", "Kiev", "the", "stated", "cafe", "its", "it's",
                        "U.S.", "12h30", "Aukus", "tomorrow", "nine", "4", "said:", "By", "MOSCOW", "—", "–", "-", "&amp;", "<b>"]
    public static let foreign = ["Αθήνα", "Ελλάδα", "Москва", "Кремль", "北京", "東京都", "서울", "مرحبا", "שלום", "Café", "naïve",
                          "Straße", "Ǆ", "ﬁnance", "Å", "ｆｕｌｌ", "①", "x²", "🇬🇷", "👍🏽", "e\u{301}", "a\u{308}\u{304}",
                          "\u{301}", "o\u{338}", "ᄀ\u{1161}", "Ω", "ﬀ", "ǅ", "İ", "ß"]
    public static let invisibles = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{AD}", "\u{202A}", "\u{202B}",
                             "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{200E}",
                             "\u{200F}", "\u{1}", "\u{7}", "\u{8}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}", "\u{0B}", "\u{0C}", "\u{0}"]
    public static let mojibake = ["Ã©", "â€™", "â€œ", "â€\u{9D}", "â€\"", "Ã¶", "Ã¼", "CafÃ©", "hadnâ€™t", "Ã", "â€", "Ã\u{A0}", "Ð¼Ð¾"]
    public static let spaces = [" ", " ", " ", "  ", "\t", "\u{A0}", "\u{202F}", "\u{2007}", "\u{2003}", "\u{3000}", "   ", " \t "]
    public static let breaks = ["\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\n\n\n", " \n", "\u{2028}", "\u{2029}"]
    public static let typography = ["``", "''", "--", " -- ", " _ ", "\"", "'", "\"quoted\"", "``Yes,'' he said", "'70s", "5'10\"",
                             "---", "-", "_", "`", "«", "»", "„", "“", "”", "‘", "’"]

    public mutating func pick(_ list: [String]) -> String { list[Int.random(in: 0..<list.count, using: &self)] }

    /// One fragment, weighted towards prose so the text still looks like copy.
    public mutating func fragment() -> String {
        switch Int.random(in: 0..<100, using: &self) {
        case 0..<40: return pick(Self.words)
        case 40..<52: return pick(Self.foreign)
        case 52..<60: return pick(Self.invisibles)
        case 60..<67: return pick(Self.mojibake)
        case 67..<77: return pick(Self.spaces)
        case 77..<86: return pick(Self.breaks)
        case 86..<96: return pick(Self.typography)
        default:
            // Any scalar at all, surrogates excluded.
            var value = UInt32.random(in: 0...0x2FFFF, using: &self)
            if (0xD800...0xDFFF).contains(value) { value = 0xFFFD }
            return String(Unicode.Scalar(value).map(Character.init) ?? "?")
        }
    }

    /// A story-sized text of up to `maxFragments` fragments, usually spaced like prose.
    public mutating func text(maxFragments: Int = 60) -> String {
        let count = Int.random(in: 0...maxFragments, using: &self)
        var out = ""
        for _ in 0..<count {
            out += fragment()
            if Bool.random(using: &self) { out += " " }
        }
        return out
    }

    /// How many cases a property runs: the quick default, or the environment's.
    public static func iterations(quick: Int) -> Int {
        if let value = ProcessInfo.processInfo.environment["COPYDESK_PROPERTY_ITERATIONS"], let count = Int(value), count > 0 {
            return count
        }
        return quick
    }

    /// The seed of a run: fixed by default (reproducible CI), or the environment's.
    public static var baseSeed: UInt64 {
        if let value = ProcessInfo.processInfo.environment["COPYDESK_PROPERTY_SEED"], let seed = UInt64(value) { return seed }
        return 0xC0DE_5EED
    }

    /// Calls `body` with a generator per case; each case has its own seed, printed on failure.
    public static func forAll(quick: Int, _ body: (inout WireTextGenerator, UInt64) async throws -> Void) async rethrows {
        let base = baseSeed
        for index in 0..<iterations(quick: quick) {
            let seed = base &+ UInt64(index) &* 0x1_0000_0001
            var generator = WireTextGenerator(seed: seed)
            try await body(&generator, seed)
        }
    }
}

/// `text` shown with its invisible scalars escaped, for failure messages.
public func escaped(_ text: String) -> String {
    text.unicodeScalars.map { scalar in
        scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F ? String(scalar) : "\\u{\(String(scalar.value, radix: 16))}"
    }.joined()
}
