/// Whether a translation and an original are one story at all: the names and figures they share.
///
/// The paragraph aligner pairs by length, so two unrelated stories of similar shape align
/// "well", and every rule then compares unrelated paragraphs (a dozen findings about names and
/// figures that were never meant to match). Names and figures survive translation: a
/// translation holds most of its original's. When the original has enough of them
/// (`minimumAnchors`) and the translation shares fewer than `minimumShare` of them, the two texts
/// do not align, and the translation stage says so once instead of checking them.
struct SharedContent: Sendable {
    static let minimumAnchors = 8
    static let minimumShare = 0.2

    /// Distinct anchors (figures, acronyms, name skeletons) of the original, and how many of them
    /// the translation has too.
    var total: Int
    var shared: Int

    init(source: [TranslationDocument.Block], target: [TranslationDocument.Block], transliteration: String?) {
        var mine = Set<String>()
        for block in source {
            let anchors = Anchors.of(block.bytes, transliteration: transliteration)
            mine.formUnion(anchors.strong)
            mine.formUnion(anchors.weak)
        }
        var theirs = Set<String>()
        for block in target {
            let anchors = Anchors.of(block.bytes, transliteration: transliteration)
            theirs.formUnion(anchors.strong)
            theirs.formUnion(anchors.weak)
        }
        total = mine.count
        shared = mine.intersection(theirs).count
    }

    /// Too little in common for the texts to be one story.
    var isUnrelated: Bool {
        total >= Self.minimumAnchors && Double(shared) < Double(total) * Self.minimumShare
    }
}
