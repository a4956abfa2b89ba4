/// Thresholds and sizes for matching; every one is a `dedup` stage option.
///
/// Similarity `j` is the exact Jaccard similarity of the two stories' shingle sets, measured on
/// every candidate the LSH index returns (the MinHash estimate only ranks candidates). Containment
/// is the share of the earlier story's shingles found in the new one.
public struct MatchSettings: Sendable, Hashable {
    /// `j` at or above this: the same story again. 0.9 tolerates a corrected figure or a fixed
    /// typo in a long story (one edited word in 500 costs ~2% of shingles at k = 5).
    public var duplicate: Double = 0.9
    /// `j` at or above this (and below `duplicate`): an earlier version. 0.5, because updates
    /// score lower than intuition says: each edited word kills up to k shingles, so 4% of words
    /// edited already gives J ≈ 0.68 at k = 5.
    public var update: Double = 0.5
    /// Containment at or above this is an update whatever `j` says: a write-through that doubles
    /// a story keeps J near 0.5 but contains nearly all of the earlier text.
    public var containment: Double = 0.8
    /// `j` at or above this, or any paragraph shared, or the same slug: related copy.
    public var related: Double = 0.2
    /// Word overlap (Dice) at which a paragraph counts as a changed version of an earlier one.
    public var changedParagraph: Double = 0.5
    /// Shingle size for stories; see `Shingler`.
    public var shingleSize: Int = 5
    /// Shingle size for briefs.
    public var briefShingleSize: Int = 3
    /// Stories with fewer words than this, or at most two paragraphs, are briefs (see `Fingerprinter`).
    public var briefWords: Int = 80
    /// MinHash values per signature; see `MinHasher`.
    public var signatureLength: Int = 128
    /// Candidates verified per story, those sharing most keys first.
    public var candidateLimit: Int = 16

    public init() {}

    public var banding: LSHBanding { LSHBanding(signatureLength: signatureLength) }

    /// What must agree between the archive and a pipeline for signatures and keys to be
    /// comparable; recorded in the archive (thresholds may change freely).
    public var parametersDescription: String {
        let banding = self.banding
        return "oph-minhash:\(signatureLength) bands:\(banding.bands)x\(banding.rows) shingles:\(shingleSize)/\(briefShingleSize) brief-words:\(briefWords)"
    }
}
