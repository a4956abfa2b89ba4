import Foundation

/// How a new story relates to one earlier story, measured exactly.
public struct Comparison: Sendable {
    public var earlier: ArchivedStory
    /// The class the paragraph novelty gives (`NoveltyClass`): what the desk acts on.
    public var dedupClass: DedupClass
    /// The class the similarity thresholds gave; it ranks candidates, so the closest earlier
    /// story is the one compared, whatever its novelty.
    public var similarityClass: DedupClass
    /// Same normalized body (text hash).
    public var exact: Bool
    /// Exact Jaccard similarity of the shingle sets.
    public var jaccard: Double
    /// MinHash estimate of the same (from the stored signatures), for reference.
    public var estimate: Double
    /// Share of the earlier story's shingles found in the new story.
    public var containment: Double
    /// Status of each of the new story's paragraphs against the earlier story.
    public var paragraphs: [ParagraphNovelty]
    /// Shingle size the measures were taken with.
    public var shingleSize: Int

    public var newParagraphs: [Int] { paragraphs.filter { $0.status == .new }.map(\.paragraph) }
    public var changedParagraphs: [Int] { paragraphs.filter { $0.status == .changed }.map(\.paragraph) }
    public var seenParagraphs: [Int] { paragraphs.filter { $0.status == .seen }.map(\.paragraph) }
    /// Paragraphs of the earlier story (their numbers there) that no paragraph of the new one matches.
    public var droppedParagraphs: [Int] = []

    init(earlier: ArchivedStory, similarityClass: DedupClass, exact: Bool, jaccard: Double, estimate: Double, containment: Double,
         paragraphs: [ParagraphNovelty], shingleSize: Int, earlierParagraphs: [Int]) {
        self.earlier = earlier
        self.similarityClass = similarityClass
        dedupClass = exact ? similarityClass : NoveltyClass.decide(similarityClass, paragraphs: paragraphs)
        self.exact = exact
        self.jaccard = jaccard
        self.estimate = estimate
        self.containment = containment
        self.paragraphs = paragraphs
        self.shingleSize = shingleSize
        let matched = Set(paragraphs.compactMap(\.earlierParagraph))
        droppedParagraphs = earlierParagraphs.filter { !matched.contains($0) }
    }
}

/// Judges candidates: the final check after LSH.
///
/// For each candidate the earlier paragraphs are re-tokenized and both stories' shingle sets
/// compared exactly (with the smaller shingle size of the two, so a brief and its write-through
/// compare on equal terms). Classes, first that applies:
/// 1. `duplicate`: same text hash, or J ≥ `duplicate`;
/// 2. `update`: J ≥ `update`; or containment ≥ `containment`; or the same slug and at least one
///    paragraph seen or changed;
/// 3. `related`: J ≥ `related`, or any paragraph seen or changed, or the same slug;
/// otherwise the candidate is dropped. The best candidate wins: highest class, then J, then
/// containment, then the most recent. These classes only find and rank the candidate: the
/// winner's class is then decided by its paragraph novelty (`NoveltyClass`), so a version with a
/// new paragraph is an update however high its J.
public struct Matcher: Sendable {
    public let settings: MatchSettings
    public let tokenizer: WordTokenizer
    private let novelty: NoveltyMarker

    public init(settings: MatchSettings, tokenizer: WordTokenizer) {
        self.settings = settings
        self.tokenizer = tokenizer
        novelty = NoveltyMarker(changedThreshold: settings.changedParagraph)
    }

    public func compare(_ story: Fingerprint, with earlier: ArchivedStory) throws -> Comparison? {
        if story.textHash == earlier.textHash { return exactComparison(story, with: earlier) }
        let earlierText = try MatchText(archived: earlier.paragraphs.map(\.text), numbers: earlier.paragraphs.map(\.number), tokenizer: tokenizer)
        let k = min(story.shingleSize, earlier.shingleSize)
        let shingler = Shingler(size: k)
        let mine = shingler.shingleSet(story.text.allWords)
        let theirs = shingler.shingleSet(earlierText.allWords)
        let jaccard = SetSimilarity.jaccard(mine, theirs)
        let containment = SetSimilarity.containment(of: theirs, in: mine)
        // A store that keeps only the sketch hands back no signature: recompute it from the words
        // just read (the same words give the same signature).
        let earlierSignature = earlier.signature.values.isEmpty
            ? MinHasher(length: settings.signatureLength).signature(shingles: Shingler(size: earlier.shingleSize).shingles(earlierText.allWords))
            : earlier.signature
        let estimate = story.signature.similarity(to: earlierSignature)
        let paragraphs = novelty.mark(story.text.paragraphs, against: earlierText.paragraphs, tokenizer: tokenizer)
        let overlap = paragraphs.contains { $0.status != .new }
        let sameSlug = Fingerprinter.normalizedSlug(story.slug).map { $0 == Fingerprinter.normalizedSlug(earlier.slug) } ?? false
        let dedupClass: DedupClass
        if jaccard >= settings.duplicate {
            dedupClass = .duplicate
        } else if jaccard >= settings.update || (containment >= settings.containment && theirs.count >= 3) || (sameSlug && overlap) {
            dedupClass = .update
        } else if jaccard >= settings.related || overlap || sameSlug {
            dedupClass = .related
        } else {
            return nil
        }
        return Comparison(earlier: earlier, similarityClass: dedupClass, exact: false, jaccard: jaccard, estimate: estimate,
                          containment: containment, paragraphs: paragraphs, shingleSize: k,
                          earlierParagraphs: earlierText.paragraphs.map(\.number))
    }

    /// The same normalized body: every paragraph is seen (matched by its stored hash), and nothing
    /// needs re-reading.
    func exactComparison(_ story: Fingerprint, with earlier: ArchivedStory) -> Comparison {
        let earlierHashes = Dictionary(earlier.paragraphs.map { ($0.hash, $0.number) }, uniquingKeysWith: { first, _ in first })
        let paragraphs = story.text.paragraphs.map { paragraph in
            ParagraphNovelty(paragraph: paragraph.number, status: .seen, earlierParagraph: earlierHashes[paragraph.hash], similarity: 1, diff: nil)
        }
        return Comparison(earlier: earlier, similarityClass: .duplicate, exact: true, jaccard: 1, estimate: 1,
                          containment: 1, paragraphs: paragraphs, shingleSize: min(story.shingleSize, earlier.shingleSize),
                          earlierParagraphs: [])
    }

    /// Whether a candidate is worth re-reading: it shares a paragraph or the slug with the story,
    /// was built with another shingle size, or its signature (or sketch) estimates a similarity of
    /// at least half the `related` threshold (about three standard errors below it at 128
    /// values). The others came from a chance band collision and would almost never qualify;
    /// skipping them saves re-tokenizing their paragraphs, the dominant cost of a check.
    public func isWorthComparing(_ story: Fingerprint, with earlier: ArchivedStory) -> Bool {
        if earlier.shingleSize != story.shingleSize { return true }
        let estimate: Double?
        if !earlier.signature.values.isEmpty {
            estimate = story.signature.similarity(to: earlier.signature)
        } else {
            estimate = MinHashSignature.sketchSimilarity(story.signature.sketch, earlier.sketch)
        }
        guard let estimate, estimate < settings.related / 2 else { return true }
        if let slug = Fingerprinter.normalizedSlug(story.slug), slug == Fingerprinter.normalizedSlug(earlier.slug) { return true }
        let hashes = Set(story.text.paragraphs.map(\.hash))
        return earlier.paragraphs.contains { hashes.contains($0.hash) }
    }

    /// The best match among candidates, or nil when none qualifies (the story is new).
    ///
    /// An exact resend (same text hash) beats every other candidate, so when there is one, the
    /// others are not compared; candidates `isWorthComparing` rejects are skipped.
    ///
    /// The result is the one `compare(_:with:)` on every candidate would pick, at a fraction of the
    /// cost: the story's shingle sets, paragraph hashes and bigram sets are computed once, not once
    /// per candidate; a candidate's paragraphs are re-tokenized without the exact-text hash; whether
    /// a paragraph is shared is asked only when the class depends on it, and stops at the first
    /// one; the paragraph novelty (with its word diffs) and the MinHash estimate, which the ranking
    /// does not use, are computed for the winner alone.
    public func bestMatch(for story: Fingerprint, among candidates: [ArchivedStory]) throws -> Comparison? {
        let exact = candidates.filter { $0.textHash == story.textHash }
        if !exact.isEmpty {
            var best: Comparison?
            for candidate in exact {
                let comparison = exactComparison(story, with: candidate)
                if let current = best, !Self.isBetter(comparison, than: current) { continue }
                best = comparison
            }
            return best
        }
        let query = Query(story: story)
        var best: Light?
        for candidate in candidates {
            if !isWorthComparing(query, with: candidate) { continue }
            guard let light = try lightComparison(query, with: candidate) else { continue }
            if let current = best, !Self.isBetter(light, than: current) { continue }
            best = light
        }
        guard let best else { return nil }
        return finish(best, query: query)
    }

    /// What ranking needs of a comparison (class, J, containment), and the candidate's words.
    struct Light {
        var earlier: ArchivedStory
        var dedupClass: DedupClass
        var jaccard: Double
        var containment: Double
        var k: Int
        var paragraphs: [MatchParagraph]
    }

    /// The story's side of every comparison, computed once per check.
    final class Query {
        let story: Fingerprint
        let sketch: [UInt8]
        let paragraphHashes: [UInt64]
        let hashSet: Set<UInt64>
        let slug: String?
        private var sets: [Int: HashSet64] = [:]
        private var words: [UInt64]?
        private var bigrams: [[UInt64]]?

        init(story: Fingerprint) {
            self.story = story
            sketch = story.signature.sketch
            paragraphHashes = story.text.paragraphs.map(\.hash)
            hashSet = Set(paragraphHashes)
            slug = Fingerprinter.normalizedSlug(story.slug)
        }

        /// The story's distinct shingles of size `k`.
        func shingleSet(_ k: Int) -> HashSet64 {
            if let set = sets[k] { return set }
            if words == nil { words = story.text.allWords }
            let set = HashSet64(Shingler(size: k).shingles(words!))
            sets[k] = set
            return set
        }

        var paragraphBigrams: [[UInt64]] {
            if let bigrams { return bigrams }
            let shingler = Shingler(size: 2)
            let sets = story.text.paragraphs.map { shingler.shingleSet($0.words) }
            bigrams = sets
            return sets
        }

        private var pairsValue: HashMasks64?

        /// For each word pair of the story, which of its paragraphs hold it (stories of at most
        /// 64 paragraphs; nil beyond).
        var paragraphPairs: HashMasks64? {
            if let pairsValue { return pairsValue }
            let sets = paragraphBigrams
            guard sets.count <= 64 else { return nil }
            var pairs = HashMasks64(capacity: sets.reduce(0) { $0 + $1.count })
            for (index, set) in sets.enumerated() { for value in set { pairs.add(value, 1 << UInt64(index)) } }
            pairsValue = pairs
            return pairs
        }
    }

    func isWorthComparing(_ query: Query, with earlier: ArchivedStory) -> Bool {
        let story = query.story
        if earlier.shingleSize != story.shingleSize { return true }
        let estimate: Double?
        if !earlier.signature.values.isEmpty {
            estimate = story.signature.similarity(to: earlier.signature)
        } else {
            estimate = MinHashSignature.sketchSimilarity(query.sketch, earlier.sketch)
        }
        guard let estimate, estimate < settings.related / 2 else { return true }
        if let slug = query.slug, slug == Fingerprinter.normalizedSlug(earlier.slug) { return true }
        return earlier.paragraphs.contains { query.hashSet.contains($0.hash) }
    }

    /// The candidate's paragraphs as `MatchText(archived:numbers:tokenizer:)` gives them (the same
    /// words and numbers, paragraphs without words left out), without hashing the whole text.
    func words(of earlier: ArchivedStory) throws -> [MatchParagraph] {
        var result: [MatchParagraph] = []
        result.reserveCapacity(earlier.paragraphs.count)
        for paragraph in earlier.paragraphs {
            var words: [UInt64] = []
            words.reserveCapacity(paragraph.text.utf8.count / 5)
            try tokenizer.forEachWord(in: paragraph.text) { word in words.append(XXH64.hash(word)) }
            if words.isEmpty { continue }
            result.append(MatchParagraph(number: paragraph.number, text: paragraph.text, words: words))
        }
        return result
    }

    /// `compare(_:with:)`'s class, J and containment, with the shared-paragraph test done only
    /// when the class depends on it.
    func lightComparison(_ query: Query, with earlier: ArchivedStory) throws -> Light? {
        let story = query.story
        let earlierParagraphs = try words(of: earlier)
        let k = min(story.shingleSize, earlier.shingleSize)
        let mine = query.shingleSet(k)
        var earlierWords: [UInt64] = []
        earlierWords.reserveCapacity(earlierParagraphs.reduce(0) { $0 + $1.words.count })
        for paragraph in earlierParagraphs { earlierWords.append(contentsOf: paragraph.words) }
        // |theirs| and |mine ∩ theirs| counted in one pass over the candidate's shingles (the same
        // integers `SetSimilarity` gets from sorted sets, so the same J and containment).
        let shingles = Shingler(size: k).shingles(earlierWords)
        var theirs = HashSet64(capacity: shingles.count)
        var shared = 0
        for shingle in shingles where theirs.insert(shingle) {
            if mine.contains(shingle) { shared += 1 }
        }
        let jaccard = mine.count == 0 && theirs.count == 0 ? 1 : Double(shared) / Double(mine.count + theirs.count - shared)
        let containment = theirs.count == 0 ? 0 : Double(shared) / Double(theirs.count)
        var overlapValue: Bool?
        func overlap() -> Bool {
            if let overlapValue { return overlapValue }
            let value = sharesParagraph(query, earlierParagraphs)
            overlapValue = value
            return value
        }
        let sameSlug = query.slug.map { $0 == Fingerprinter.normalizedSlug(earlier.slug) } ?? false
        let dedupClass: DedupClass
        if jaccard >= settings.duplicate {
            dedupClass = .duplicate
        } else if jaccard >= settings.update || (containment >= settings.containment && theirs.count >= 3) || (sameSlug && overlap()) {
            dedupClass = .update
        } else if jaccard >= settings.related || overlap() || sameSlug {
            dedupClass = .related
        } else {
            return nil
        }
        return Light(earlier: earlier, dedupClass: dedupClass, jaccard: jaccard, containment: containment, k: k, paragraphs: earlierParagraphs)
    }

    /// Whether `NoveltyMarker.mark` would call any of the story's paragraphs seen or changed.
    func sharesParagraph(_ query: Query, _ earlier: [MatchParagraph]) -> Bool {
        var earlierHashes = Set<UInt64>()
        earlierHashes.reserveCapacity(earlier.count)
        for paragraph in earlier { earlierHashes.insert(paragraph.hash) }
        if query.paragraphHashes.contains(where: { earlierHashes.contains($0) }) { return true }
        let bigrams = Shingler(size: 2)
        let threshold = novelty.changedThreshold
        let mine = query.paragraphBigrams
        if let pairs = query.paragraphPairs {
            // |p ∩ e| for every paragraph p of the story at once: one probe per pair of e. The
            // same integers as `SetSimilarity.intersectionCount`, so the same scores.
            var shared = [Int](repeating: 0, count: mine.count)
            for paragraph in earlier {
                let set = bigrams.shingleSet(paragraph.words)
                for index in shared.indices { shared[index] = 0 }
                for value in set {
                    var bits = pairs.bits(value)
                    while bits != 0 {
                        shared[bits.trailingZeroBitCount] += 1
                        bits &= bits - 1
                    }
                }
                for (index, count) in shared.enumerated() where count > 0 {
                    let score = 2 * Double(count) / Double(mine[index].count + set.count)
                    if score >= threshold { return true }
                }
            }
            return false
        }
        let earlierSets = earlier.map { bigrams.shingleSet($0.words) }
        for set in mine {
            var bestScore = 0.0
            for other in earlierSets where !set.isEmpty || !other.isEmpty {
                let score = 2 * Double(SetSimilarity.intersectionCount(set, other)) / Double(set.count + other.count)
                if score > bestScore { bestScore = score }
            }
            if bestScore > 0, bestScore >= threshold { return true }
        }
        return false
    }

    /// The full comparison of the winner: paragraph novelty with diffs, and the MinHash estimate.
    func finish(_ light: Light, query: Query) -> Comparison {
        let story = query.story
        let earlier = light.earlier
        let earlierSignature = earlier.signature.values.isEmpty
            ? MinHasher(length: settings.signatureLength).signature(
                shingles: Shingler(size: earlier.shingleSize).shingles(light.paragraphs.flatMap(\.words)))
            : earlier.signature
        let estimate = story.signature.similarity(to: earlierSignature)
        let paragraphs = novelty.mark(story.text.paragraphs, against: light.paragraphs, tokenizer: tokenizer)
        return Comparison(earlier: earlier, similarityClass: light.dedupClass, exact: false, jaccard: light.jaccard, estimate: estimate,
                          containment: light.containment, paragraphs: paragraphs, shingleSize: light.k,
                          earlierParagraphs: light.paragraphs.map(\.number))
    }

    static func isBetter(_ a: Light, than b: Light) -> Bool {
        if rank(a.dedupClass) != rank(b.dedupClass) { return rank(a.dedupClass) > rank(b.dedupClass) }
        if a.jaccard != b.jaccard { return a.jaccard > b.jaccard }
        if a.containment != b.containment { return a.containment > b.containment }
        return a.earlier.recorded > b.earlier.recorded
    }

    static func rank(_ value: DedupClass) -> Int {
        switch value {
        case .duplicate: 3
        case .update: 2
        case .related: 1
        case .new: 0
        }
    }

    static func isBetter(_ a: Comparison, than b: Comparison) -> Bool {
        if rank(a.similarityClass) != rank(b.similarityClass) { return rank(a.similarityClass) > rank(b.similarityClass) }
        if a.exact != b.exact { return a.exact }
        if a.jaccard != b.jaccard { return a.jaccard > b.jaccard }
        if a.containment != b.containment { return a.containment > b.containment }
        return a.earlier.recorded > b.earlier.recorded
    }
}
