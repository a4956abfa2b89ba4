/// What a paragraph of a story adds to the earlier copy it matches.
public enum ParagraphStatus: String, Sendable, Codable, CaseIterable {
    /// Not in the earlier story.
    case new
    /// A near match of an earlier paragraph (see `WordDiff`).
    case changed
    /// Word for word in the earlier story (case, punctuation and spacing aside).
    case seen
}

/// The status of one paragraph, with the earlier paragraph it matches and, for `changed`, the
/// word-level diff from that paragraph.
public struct ParagraphNovelty: Sendable, Hashable {
    /// 1-based number among the new story's body paragraphs.
    public var paragraph: Int
    public var status: ParagraphStatus
    /// Number of the matching paragraph in the earlier story.
    public var earlierParagraph: Int?
    /// Overlap with that paragraph (Dice coefficient of the word-bigram sets), 1 for `seen`.
    public var similarity: Double
    public var diff: WordDiff?
}

/// Marks each paragraph of a story against an earlier one, so an editor or translator reads only
/// what changed.
///
/// A paragraph is `seen` when an earlier paragraph has the same words; `changed` when its best
/// earlier paragraph shares at least `changedThreshold` of their word pairs (Dice over word
/// bigrams: 2|A∩B| / (|A|+|B|)); `new` otherwise. Bigrams rather than single words, because two
/// different paragraphs on one topic share most of their common words ("the", "said", "police")
/// but few word pairs, while a paragraph with three words reworded keeps about 80% of its pairs.
public struct NoveltyMarker: Sendable {
    public var changedThreshold: Double

    public init(changedThreshold: Double = 0.5) {
        self.changedThreshold = changedThreshold
    }

    public func mark(_ paragraphs: [MatchParagraph], against earlier: [MatchParagraph], tokenizer: WordTokenizer) -> [ParagraphNovelty] {
        let earlierHashes = Dictionary(earlier.map { ($0.hash, $0.number) }, uniquingKeysWith: { first, _ in first })
        let bigrams = Shingler(size: 2)
        let earlierSets = earlier.map { bigrams.shingleSet($0.words) }
        return paragraphs.map { paragraph in
            if let number = earlierHashes[paragraph.hash] {
                return ParagraphNovelty(paragraph: paragraph.number, status: .seen, earlierParagraph: number, similarity: 1, diff: nil)
            }
            let set = bigrams.shingleSet(paragraph.words)
            var best = -1
            var bestScore = 0.0
            for (index, other) in earlierSets.enumerated() where !set.isEmpty || !other.isEmpty {
                let score = 2 * Double(SetSimilarity.intersectionCount(set, other)) / Double(set.count + other.count)
                if score > bestScore { bestScore = score; best = index }
            }
            if best >= 0, bestScore >= changedThreshold {
                let diff = try? WordDiff(from: earlier[best].text, to: paragraph.text, tokenizer: tokenizer)
                return ParagraphNovelty(paragraph: paragraph.number, status: .changed, earlierParagraph: earlier[best].number,
                                        similarity: bestScore, diff: diff)
            }
            return ParagraphNovelty(paragraph: paragraph.number, status: .new, earlierParagraph: nil, similarity: bestScore, diff: nil)
        }
    }
}

/// A word-level diff between two versions of a paragraph (longest common subsequence of words).
/// Words compare as matching sees them (case and punctuation aside) but are shown as written.
public struct WordDiff: Sendable, Hashable {
    public enum Operation: String, Sendable, Hashable {
        case same = "=", removed = "-", added = "+"
    }

    public struct Part: Sendable, Hashable {
        public var operation: Operation
        public var text: String
    }

    public var parts: [Part]

    public init(from old: String, to new: String, tokenizer: WordTokenizer) throws {
        let a = try Self.tokens(old, tokenizer), b = try Self.tokens(new, tokenizer)
        let n = a.count, m = b.count
        // lengths[i][j]: LCS of a[i...] and b[j...]
        var lengths = [Int](repeating: 0, count: (n + 1) * (m + 1))
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lengths[i * (m + 1) + j] = a[i].key == b[j].key
                        ? lengths[(i + 1) * (m + 1) + j + 1] + 1
                        : max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1])
                }
            }
        }
        var parts: [Part] = []
        func emit(_ operation: Operation, _ text: String) {
            if let last = parts.last, last.operation == operation {
                parts[parts.count - 1].text += " " + text
            } else {
                parts.append(Part(operation: operation, text: text))
            }
        }
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i].key == b[j].key {
                emit(.same, b[j].text); i += 1; j += 1
            } else if i < n, j == m || lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1] {
                // Removals before additions: "[-6.1-] {+6.4+}".
                emit(.removed, a[i].text); i += 1
            } else {
                emit(.added, b[j].text); j += 1
            }
        }
        self.parts = parts
    }

    /// wdiff style: `unchanged [-removed-] {+added+} unchanged`.
    public var rendered: String {
        parts.map { part in
            switch part.operation {
            case .same: part.text
            case .removed: "[-\(part.text)-]"
            case .added: "{+\(part.text)+}"
            }
        }.joined(separator: " ")
    }

    /// Words removed and added, without the unchanged context.
    public var changes: (removed: [String], added: [String]) {
        (parts.filter { $0.operation == .removed }.map(\.text), parts.filter { $0.operation == .added }.map(\.text))
    }

    private struct Token { var text: String; var key: String }

    /// Whitespace-separated words as written; for scripts without spaces, the words matching uses.
    private static func tokens(_ text: String, _ tokenizer: WordTokenizer) throws -> [Token] {
        if text.unicodeScalars.contains(where: WordTokenizer.needsDictionary) {
            return try tokenizer.words(in: text).map { Token(text: $0, key: $0) }
        }
        return try text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).compactMap { piece in
            let key = try tokenizer.words(in: String(piece)).joined(separator: " ")
            return Token(text: String(piece), key: key.isEmpty ? String(piece) : key)
        }
    }
}
