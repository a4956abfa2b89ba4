import CopydeskCore

/// One body paragraph as matching sees it.
public struct MatchParagraph: Sendable, Hashable {
    /// 1-based position among the story's body paragraphs (`Story.paragraphs`), the number an
    /// editor sees; 0 for a headline used because the story has no body.
    public var number: Int
    /// The paragraph as written, dateline removed: what diffs show and the archive keeps.
    public var text: String
    /// Hash of each normalized word.
    public var words: [UInt64]

    public init(number: Int, text: String, words: [UInt64]) {
        self.number = number
        self.text = text
        self.words = words
    }

    /// Identity of the paragraph's words, insensitive to case, punctuation and spacing.
    public var hash: UInt64 {
        var state: UInt64 = 0x5041_5241  // "PARA"
        for word in words { state = XXH64.combine(state, word) }
        return XXH64.finish(state)
    }
}

/// The text of a story that matching compares: body paragraphs only.
///
/// - The headline is left out: write-throughs rewrite it every time ("Putin, Xi meet" becomes
///   "Putin, Xi sign gas deal") while the body stays, and two agencies' headlines on one event
///   look alike while their bodies do not. A story with no body falls back to its headline.
/// - Bylines and datelines are left out: the same story moves under different bylines, and the
///   dateline prefix (`MOSCOW (AP) — `) differs between agencies and versions.
/// - Boilerplate paragraphs (credit lines, "(Reporting by …)", "Eds:" notes, sign-offs; see
///   `Boilerplate`) are left out: they change between versions without the story changing.
public struct MatchText: Sendable {
    public var paragraphs: [MatchParagraph]
    /// SHA-256 (first 128 bits, hex) of the normalized body: words joined by spaces, paragraphs
    /// by line breaks. Equal exactly when the story's words and paragraphing are equal.
    public var textHash: String

    public init(paragraphs: [MatchParagraph], textHash: String) {
        self.paragraphs = paragraphs
        self.textHash = textHash
    }

    /// Extracts and tokenizes the matchable paragraphs of a story.
    public init(story: Story, tokenizer: WordTokenizer) throws {
        var texts: [(Int, String)] = []
        var first = true
        for (index, block) in story.paragraphs.enumerated() {
            var text = block.string
            if first { text = DatelinePrefix.removingPrefix(from: text, known: story.metadata.dateline) }
            if Boilerplate.isBoilerplate(text) { continue }
            first = false
            texts.append((index + 1, Self.trimmed(text)))
        }
        try self.init(texts: texts, tokenizer: tokenizer)
        if paragraphs.isEmpty, let headline = story.headline {
            try self.init(texts: [(0, headline.string)], tokenizer: tokenizer)
        }
    }

    /// Re-tokenizes paragraphs kept in an archive.
    public init(archived texts: [String], numbers: [Int]? = nil, tokenizer: WordTokenizer) throws {
        try self.init(texts: texts.enumerated().map { (numbers?[$0.offset] ?? $0.offset + 1, $0.element) }, tokenizer: tokenizer)
    }

    /// One tokenizer pass gives the word hashes and the bytes of the exact-duplicate hash.
    private init(texts: [(number: Int, text: String)], tokenizer: WordTokenizer) throws {
        var paragraphs: [MatchParagraph] = []
        var normalized: [UInt8] = []
        normalized.reserveCapacity(texts.reduce(0) { $0 + $1.text.utf8.count })
        for (number, text) in texts {
            var words: [UInt64] = []
            words.reserveCapacity(text.utf8.count / 5)
            let mark = normalized.count
            if !paragraphs.isEmpty { normalized.append(0x0A) }
            try tokenizer.forEachWord(in: text) { word in
                if !words.isEmpty { normalized.append(0x20) }
                normalized.append(contentsOf: word)
                words.append(XXH64.hash(word))
            }
            if words.isEmpty { normalized.removeLast(normalized.count - mark); continue }
            paragraphs.append(MatchParagraph(number: number, text: text, words: words))
        }
        self.paragraphs = paragraphs
        textHash = SHA256.hex(normalized, truncatedTo: 16)
    }

    public var wordCount: Int { paragraphs.reduce(0) { $0 + $1.words.count } }

    /// All words, paragraph after paragraph: shingles run across paragraph breaks, so a paragraph
    /// inserted between two others costs only the k − 1 shingles that straddle each seam.
    public var allWords: [UInt64] {
        var words: [UInt64] = []
        words.reserveCapacity(wordCount)
        for paragraph in paragraphs { words.append(contentsOf: paragraph.words) }
        return words
    }

    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

/// Dateline prefixes as agencies write them (`MOSCOW (AP) — `, `BEIJING, Sept 6 (Reuters) - `,
/// `Stockholm, Aug 29, 2014 (AFP) -`, `(ANSA) - ROMA, 1 LUG - `).
public enum DatelinePrefix {
    static let separators = [" — ", " – ", " -- ", " - ", " _ ", ".- ", " —", " –"]

    /// The text without its leading dateline; the reader's `known` dateline is used when the text
    /// starts with it, else the usual shapes are recognised.
    public static func removingPrefix(from text: String, known: String?) -> String {
        if let known, !known.isEmpty, text.hasPrefix(known) {
            return String(text.dropFirst(known.count).drop { $0 == " " || $0 == "\t" || $0 == "\n" })
        }
        var rest = Substring(text)
        for _ in 0..<2 {
            guard let (dateline, after) = leadingDateline(rest) else { break }
            rest = after
            // `(ANSA) - ROMA, 1 LUG - `: a bare credit first, then the place.
            if !(dateline.hasPrefix("(") && dateline.hasSuffix(")")) { break }
        }
        return String(rest)
    }

    private static func leadingDateline(_ text: Substring) -> (Substring, Substring)? {
        let head = text.prefix(120)
        var best: (Substring, Substring)?
        for separator in separators {
            guard let range = head.firstRange(of: separator) else { continue }
            let candidate = head[head.startIndex..<range.lowerBound]
            if let current = best, current.0.count <= candidate.count { continue }
            guard !candidate.isEmpty, !candidate.contains("\n"), !candidate.contains("\"") else { continue }
            let hasCredit = candidate.hasSuffix(")") && candidate.contains("(")
            let firstWord = candidate.prefix { $0.isLetter || $0 == "." || $0 == "'" }
            let shouted = firstWord.count >= 3 && firstWord.allSatisfy { !$0.isLetter || $0.isUppercase }
            guard hasCredit || shouted, candidate.first?.isUppercase == true || candidate.first == "(" else { continue }
            // A shouted place name is short; a sentence in capitals is not a dateline.
            if !hasCredit && candidate.split(separator: " ").count > 6 { continue }
            best = (candidate, text[range.upperBound...].drop { $0 == " " })
        }
        return best
    }
}
