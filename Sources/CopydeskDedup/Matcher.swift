import Foundation

/// How a new story relates to one earlier story, measured exactly.
public struct Comparison: Sendable {
    public var earlier: ArchivedStory
    public var dedupClass: DedupClass
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
/// containment, then the most recent.
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
        return Comparison(earlier: earlier, dedupClass: dedupClass, exact: false, jaccard: jaccard, estimate: estimate,
                          containment: containment, paragraphs: paragraphs, shingleSize: k)
    }

    /// The same normalized body: every paragraph is seen (matched by its stored hash), and nothing
    /// needs re-reading.
    func exactComparison(_ story: Fingerprint, with earlier: ArchivedStory) -> Comparison {
        let earlierHashes = Dictionary(earlier.paragraphs.map { ($0.hash, $0.number) }, uniquingKeysWith: { first, _ in first })
        let paragraphs = story.text.paragraphs.map { paragraph in
            ParagraphNovelty(paragraph: paragraph.number, status: .seen, earlierParagraph: earlierHashes[paragraph.hash], similarity: 1, diff: nil)
        }
        return Comparison(earlier: earlier, dedupClass: .duplicate, exact: true, jaccard: 1, estimate: 1,
                          containment: 1, paragraphs: paragraphs, shingleSize: min(story.shingleSize, earlier.shingleSize))
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
    public func bestMatch(for story: Fingerprint, among candidates: [ArchivedStory]) throws -> Comparison? {
        var best: Comparison?
        let exact = candidates.filter { $0.textHash == story.textHash }
        for candidate in exact.isEmpty ? candidates : exact {
            if exact.isEmpty, !isWorthComparing(story, with: candidate) { continue }
            guard let comparison = try compare(story, with: candidate) else { continue }
            if let current = best, !Self.isBetter(comparison, than: current) { continue }
            best = comparison
        }
        return best
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
        if rank(a.dedupClass) != rank(b.dedupClass) { return rank(a.dedupClass) > rank(b.dedupClass) }
        if a.exact != b.exact { return a.exact }
        if a.jaccard != b.jaccard { return a.jaccard > b.jaccard }
        if a.containment != b.containment { return a.containment > b.containment }
        return a.earlier.recorded > b.earlier.recorded
    }
}
