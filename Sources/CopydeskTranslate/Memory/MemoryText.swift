import CopydeskText
import CopydeskDedup
import CopydeskICU

/// How the translation memory compares source paragraphs.
///
/// - The key of a paragraph is its text NFKC-casefolded (so case, full-width forms, ligatures and
///   invisible format characters do not matter) with every whitespace run collapsed to one space
///   and the ends trimmed. Two paragraphs with the same key are an exact match (100%).
/// - Fuzzy matches are scored on words (`WordTokenizer`: letters and digits, punctuation dropped):
///   the usual translation-memory percentage, 100 × (1 − word edit distance ÷ the longer
///   paragraph's word count), rounded down. A paragraph whose words all agree but whose key differs
///   (punctuation, quotes) scores 99: only an exact match is 100.
public struct MemoryText: Sendable {
    private let normalizer: Normalizer
    private let tokenizer: WordTokenizer

    public init() throws {
        normalizer = try Normalizer(form: .nfkcCasefold)
        tokenizer = try WordTokenizer()
    }

    /// The lookup key of a paragraph (see the type's description).
    public func key(_ text: String) throws -> String {
        Self.collapsingWhitespace(try normalizer.normalize(text))
    }

    /// The hashes of the key's words, in order.
    public func words(ofKey key: String) throws -> [UInt64] {
        try tokenizer.wordHashes(in: key)
    }

    /// Stored hash of a key (and of a target, for deduplication): xxHash64 as a signed integer.
    public static func hash(_ text: String) -> Int64 {
        Int64(bitPattern: XXH64.hash(text))
    }

    /// Whitespace runs (ASCII whitespace, NEL, line and paragraph separators, and the Unicode
    /// spaces NFKC does not fold) become one space; the ends are trimmed.
    public static func collapsingWhitespace(_ text: String) -> String {
        var out: [UInt8] = []
        var pendingSpace = false
        var copy = text
        copy.withUTF8 { bytes in
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                var width = 1
                var space = false
                if byte < 0x80 {
                    space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                } else {
                    width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    if width == 2 {
                        space = byte == 0xC2 && (bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0)  // NEL, NBSP
                    } else if width == 3 {
                        let b1 = bytes[i + 1], b2 = bytes[i + 2]
                        if byte == 0xE2 && b1 == 0x80 { space = b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF }  // U+2000–200A, 2028, 2029, 202F
                        else if byte == 0xE2 && b1 == 0x81 { space = b2 == 0x9F }  // U+205F
                        else if byte == 0xE3 && b1 == 0x80 { space = b2 == 0x80 }  // U+3000
                        else if byte == 0xE1 && b1 == 0x9A { space = b2 == 0x80 }  // U+1680
                    }
                }
                if space {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(contentsOf: bytes[i..<min(i + width, bytes.count)])
                }
                i += width
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Levenshtein distance over words (insertions, deletions and substitutions all cost 1).
    public static func editDistance(_ a: [UInt64], _ b: [UInt64]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        var previous = Array(0...short.count)
        var current = [Int](repeating: 0, count: short.count + 1)
        for j in 1...long.count {
            current[0] = j
            let word = long[j - 1]
            for i in 1...short.count {
                let substitution = previous[i - 1] + (short[i - 1] == word ? 0 : 1)
                current[i] = min(substitution, previous[i] + 1, current[i - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[short.count]
    }

    /// The match percentage of two paragraphs' words (0…100; 100 only when the words agree).
    public static func score(_ a: [UInt64], _ b: [UInt64]) -> Int {
        let longer = max(a.count, b.count)
        guard longer > 0 else { return 100 }
        let distance = editDistance(a, b)
        return (100 * (longer - distance)) / longer
    }

    /// The largest edit distance a paragraph of `count` words can be from a match scoring at least
    /// `threshold`, whatever the other paragraph's length (it may be up to count ÷ threshold long).
    static func maximumDistance(words count: Int, threshold: Int) -> Int {
        guard threshold > 0 else { return Int.max }
        // d ≤ (1 − t)·max(n, m) and m ≤ n / t  ⇒  d ≤ (1 − t)·n / t.
        return ((100 - threshold) * count) / threshold
    }
}
