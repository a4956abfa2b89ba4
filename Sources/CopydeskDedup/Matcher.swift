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
        let earlierText = try MatchText(archived: earlier.paragraphs.map(\.text), numbers: earlier.paragraphs.map(\.number), tokenizer: tokenizer)
        let k = min(story.shingleSize, earlier.shingleSize)
        let shingler = Shingler(size: k)
        let mine = shingler.shingleSet(story.text.allWords)
        let theirs = shingler.shingleSet(earlierText.allWords)
        let exact = story.textHash == earlier.textHash
        let jaccard = exact ? 1 : SetSimilarity.jaccard(mine, theirs)
        let containment = exact ? 1 : SetSimilarity.containment(of: theirs, in: mine)
        let estimate = story.signature.similarity(to: earlier.signature)
        let paragraphs = novelty.mark(story.text.paragraphs, against: earlierText.paragraphs, tokenizer: tokenizer)
        let overlap = paragraphs.contains { $0.status != .new }
        let sameSlug = Fingerprinter.normalizedSlug(story.slug).map { $0 == Fingerprinter.normalizedSlug(earlier.slug) } ?? false
        let dedupClass: DedupClass
        if exact || jaccard >= settings.duplicate {
            dedupClass = .duplicate
        } else if jaccard >= settings.update || (containment >= settings.containment && theirs.count >= 3) || (sameSlug && overlap) {
            dedupClass = .update
        } else if jaccard >= settings.related || overlap || sameSlug {
            dedupClass = .related
        } else {
            return nil
        }
        return Comparison(earlier: earlier, dedupClass: dedupClass, exact: exact, jaccard: jaccard, estimate: estimate,
                          containment: containment, paragraphs: paragraphs, shingleSize: k)
    }

    /// The best match among candidates, or nil when none qualifies (the story is new).
    public func bestMatch(for story: Fingerprint, among candidates: [ArchivedStory]) throws -> Comparison? {
        var best: Comparison?
        for candidate in candidates {
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
