import CopydeskCore
import Foundation

/// A paragraph repeated in the story: the same words as another paragraph (case, spacing and
/// punctuation aside), or the opening words of a longer one — a standfirst left in above the
/// lede that it copies, or a paragraph pasted twice and extended.
///
/// Which one is reported: for a prefix, the shorter paragraph (the truncated copy: deleting it
/// keeps the full text); for identical paragraphs, the later one (the repeat: deleting it keeps
/// the story's order). An identical paragraph needs at least 5 words (short answers such as
/// "No." can recur in a Q&A) and a prefix at least 8. No fix: the editor decides which to keep.
struct RepeatedParagraphRule: LintRule {
    static let description = RuleDescription(
        id: "repetition.paragraph",
        summary: "a paragraph repeated in the story (e.g. a standfirst that is also the lede)",
        severity: .warning,
        triggering: [
            """
            Moscow: Putin-Xi meeting next week

            ↓Chinese President Xi Jinping and his Russian counterpart Vladimir Putin will meet next week in Uzbekistan

            Chinese President Xi Jinping and his Russian counterpart Vladimir Putin will meet next week in Uzbekistan on the sidelines of a regional summit.

            The summit will be held on Sept. 15 and 16 in Samarkand.
            """,
            """
            Leaders to meet

            The summit will be held on Sept. 15 and 16 in Samarkand.

            Beijing generally confirms last-minute movements of its leaders.

            ↓The summit will be held on Sept. 15 and  16 in SAMARKAND
            """,
        ],
        nonTriggering: [
            """
            Leaders to meet

            Chinese President Xi Jinping will meet his Russian counterpart next week.

            Chinese President Xi Jinping last left China in January 2020.

            “No.”

            “No.”
            """,
        ],
        exampleStyle: "ap")

    static let minimumIdentical = 5
    static let minimumPrefix = 8

    init(style: Style) {}

    /// A paragraph's words as one byte string: each word lowercased, then a 0 byte. Two
    /// paragraphs have the same lowercased words exactly when their keys are equal, and one opens
    /// with the other's words exactly when its key starts with the other's. ASCII words are folded
    /// byte by byte; a word with other characters is lowercased as a `String` and put in NFC, so
    /// byte equality is `String` equality (canonical equivalence), as with `[String]` keys.
    ///
    /// `check` first hashes the key of each paragraph's first `minimumPrefix` words (all its
    /// words if it has fewer): identical paragraphs, and paragraphs that open with the same words,
    /// have equal hashes. It builds the bytes only of paragraphs whose hashes meet another's.
    private struct Summary {
        var count = 0
        var prefixHash: UInt64 = 0
    }

    private static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Calls `body` with each word's key bytes (a word, then 0).
    private static func forEachKeyByte(_ block: LintDocument.Block, _ body: (Int, UInt8) -> Void) {
        block.bytes.withUnsafeBufferPointer { b in
            for (n, word) in block.words.enumerated() {
                var ascii = true
                for i in word.range where b[i] >= 0x80 { ascii = false; break }
                if ascii {
                    for i in word.range { body(n, PhraseMatcher.fold(b[i])) }
                } else {
                    let lower = String(decoding: UnsafeBufferPointer(rebasing: b[word.range]), as: UTF8.self).lowercased()
                    for byte in lower.precomposedStringWithCanonicalMapping.utf8 { body(n, byte) }
                }
                body(n, 0)
            }
        }
    }

    private static func summary(_ block: LintDocument.Block) -> Summary {
        var summary = Summary()
        let words = block.words
        guard words.count >= minimumIdentical else { return summary }
        summary.count = words.count
        var hash = fnvBasis
        block.bytes.withUnsafeBufferPointer { b in
            for word in words.prefix(minimumPrefix) {
                // ASCII words (most) are folded and hashed eight bytes at a time.
                let start = hash
                if !hashFolded(&hash, b, word.range) {
                    hash = start
                    let lower = String(decoding: UnsafeBufferPointer(rebasing: b[word.range]), as: UTF8.self).lowercased()
                    let key = Array(lower.precomposedStringWithCanonicalMapping.utf8)
                    key.withUnsafeBufferPointer { key in _ = hashFolded(&hash, key, 0..<key.count, nonASCII: true) }
                }
            }
        }
        summary.prefixHash = hash
        return summary
    }

    /// Mixes the ASCII-folded bytes of `range` and then its length into `hash`, eight bytes at a
    /// time; false (hash half-done) at a non-ASCII byte unless `nonASCII`. Equal key bytes give
    /// equal hashes, whichever way they were built (a lowercased key has no capitals to fold).
    @inline(__always)
    private static func hashFolded(_ hash: inout UInt64, _ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, nonASCII: Bool = false) -> Bool {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let n = min(8, end - i)
            var chunk: UInt64
            if i + 8 <= b.count {
                chunk = ByteScan.load(b, i)
                if n < 8 { chunk &= (1 << UInt64(8 * n)) &- 1 }
            } else {
                chunk = 0
                for k in 0..<n { chunk |= UInt64(b[i + k]) << UInt64(8 * k) }
            }
            if !nonASCII, chunk & ByteScan.highs != 0 { return false }
            chunk |= ByteScan.inRange(chunk, 0x41, 0x5A) >> 2
            mix(&hash, chunk)
            i += n
        }
        mix(&hash, UInt64(range.count) | 1 << 63)
        return true
    }

    @inline(__always) private static func mix(_ hash: inout UInt64, _ value: UInt64) {
        hash = (hash ^ value) &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 29
    }

    private static func key(_ block: LintDocument.Block) -> (bytes: [UInt8], prefixEnd: Int) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(block.bytes.count)
        var prefixEnd = 0
        forEachKeyByte(block) { n, byte in
            bytes.append(byte)
            if n < minimumPrefix { prefixEnd = bytes.count }
        }
        return (bytes, prefixEnd)
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        // Prose only: rows of a table or items of a list repeat one another by nature.
        let body = document.body.filter { $0.kind == .paragraph || $0.kind == .subhead }
        let summaries = body.map(Self.summary)
        // Identical paragraphs and paragraphs that open alike have equal hashes: with none equal
        // (most stories), nothing to report and no dictionaries to build.
        let hashed = summaries.filter { $0.count > 0 }.map(\.prefixHash)
        if hashed.count < 2 { return }
        if hashed.count <= 64 {
            var collision = false
            for i in 1..<hashed.count where !collision {
                for j in 0..<i where hashed[j] == hashed[i] { collision = true; break }
            }
            if !collision { return }
        }
        // Keys, built on demand.
        var keys = [(bytes: [UInt8], prefixEnd: Int)?](repeating: nil, count: body.count)
        func key(_ index: Int) -> (bytes: [UInt8], prefixEnd: Int) {
            if let key = keys[index] { return key }
            let key = Self.key(body[index])
            keys[index] = key
            return key
        }
        var reported = Set<Int>()
        // Identical paragraphs: the first paragraph with the same words, by the hash of the
        // opening words, then the number of words, then bytes.
        // Paragraphs with the same hash, in order: a chain from the first (`head`) through
        // `nextSameHash` to the last (`tail`), so no array per paragraph.
        var firstWithText: [UInt64: (head: Int, tail: Int)] = [:]
        firstWithText.reserveCapacity(body.count)
        var nextSameHash = [Int](repeating: -1, count: body.count)
        for (index, summary) in summaries.enumerated() where summary.count > 0 {
            if let chain = firstWithText[summary.prefixHash] {
                var candidate = chain.head
                var first: Int?
                while candidate >= 0 {
                    if summaries[candidate].count == summary.count && key(candidate).bytes == key(index).bytes { first = candidate; break }
                    candidate = nextSameHash[candidate]
                }
                if let first {
                    reported.insert(index)
                    add(&report, document, body[index], repeats: body[first], whole: true)
                } else {
                    nextSameHash[chain.tail] = index
                    firstWithText[summary.prefixHash] = (chain.head, index)
                }
            } else {
                firstWithText[summary.prefixHash] = (index, index)
            }
        }
        // Prefixes: compare only paragraphs that open with the same words (groups in the order
        // of their first member).
        var groups: [[Int]] = []
        var groupsByHash: [UInt64: [Int]] = [:]
        groupsByHash.reserveCapacity(body.count)
        for (index, summary) in summaries.enumerated() where summary.count >= Self.minimumPrefix && !reported.contains(index) {
            guard let candidates = groupsByHash[summary.prefixHash] else {
                groupsByHash[summary.prefixHash] = [groups.count]
                groups.append([index])
                continue
            }
            let mine = key(index)
            if let group = candidates.first(where: { g in
                let other = key(groups[g][0])
                return other.prefixEnd == mine.prefixEnd && other.bytes[..<mine.prefixEnd] == mine.bytes[..<mine.prefixEnd]
            }) {
                groups[group].append(index)
            } else {
                groupsByHash[summary.prefixHash, default: []].append(groups.count)
                groups.append([index])
            }
        }
        for members in groups where members.count > 1 {
            for shorter in members where !reported.contains(shorter) {
                guard let longer = members.first(where: { other in
                    summaries[other].count > summaries[shorter].count && key(other).bytes.starts(with: key(shorter).bytes)
                }) else { continue }
                reported.insert(shorter)
                add(&report, document, body[shorter], repeats: body[longer], whole: false)
            }
        }
    }

    /// The message names the other paragraph by its line in the input, as the report prints
    /// positions (a paragraph ordinal would not match any number the reader sees).
    private func add(_ report: inout LintReport, _ document: LintDocument, _ block: LintDocument.Block, repeats other: LintDocument.Block, whole: Bool) {
        var end = block.bytes.count
        while end > 0, block.bytes[end - 1] == 0x20 || block.bytes[end - 1] == 0x0A { end -= 1 }
        let story = document.story
        let line = story.source.location(of: story.blocks[other.index].text.sourceRange.lowerBound).line
        let opening = other.words.prefix(6).map { String(decoding: other.bytes[$0.range], as: UTF8.self) }.joined(separator: " ")
        let message = whole
            ? "this paragraph repeats the paragraph at line \(line) (\"\(opening)…\")"
            : "this paragraph repeats the opening of the paragraph at line \(line) (\"\(opening)…\"), as a standfirst copied from the lede does"
        report.add(block: block.index, range: 0..<end, message, suggestion: "delete this paragraph")
    }
}
