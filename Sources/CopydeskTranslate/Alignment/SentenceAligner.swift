/// Aligns the sentences of paired paragraphs (the same model as `ParagraphAligner`, with
/// sentence priors), to find a sentence left out of, or added to, a paragraph the translation
/// otherwise keeps.
///
/// The paragraphs of a pair may be several (a merge or a split): a bead that joins sentences of
/// two paragraphs costs more, so a short paragraph left out inside a merge stands alone instead
/// of being absorbed by its neighbour's sentence.
struct SentenceAligner: Sendable {
    struct Sentence: Sendable, Hashable {
        /// The block (index into the document's source or target) and the byte range in it.
        var block: Int
        var range: Range<Int>
    }

    struct Step: Sendable {
        var source: [Sentence]
        var target: [Sentence]
        var confidence: Double
    }

    var splitter: SentenceSplitter
    /// Sentences a side beyond which a pair's sentences are not aligned (`align` gives no steps,
    /// so nothing in the pair is reported as left out or added).
    static let maximumSentences = 150
    var ratio: Double
    var transliteration: String?
    var variance: Double = 6.8
    /// Cost of a bead that joins sentences of two paragraphs.
    var groupPenalty: Double = 3

    init(profile: TranslationProfile) {
        splitter = SentenceSplitter(profile: profile)
        ratio = (profile.lengthRatio.lowerBound * profile.lengthRatio.upperBound).squareRoot()
        transliteration = profile.transliteration ?? "Any-Latin"
    }

    /// Sentences of some blocks, in order.
    func sentences(_ blocks: [TranslationDocument.Block], language: String?) -> [Sentence] {
        blocks.flatMap { block in
            splitter.sentences(block.bytes, language: language).map { Sentence(block: block.index, range: $0) }
        }
    }

    /// Aligns the sentences of one pair of the document.
    func align(_ pair: AlignedPair, in document: TranslationDocument) -> [Step] {
        align(source: pair.source.map { document.source[$0] }, sourceLanguage: document.sourceLanguage,
              target: pair.target.map { document.target[$0] }, targetLanguage: document.targetLanguage)
    }

    /// Aligns the sentences of some blocks of the original with those of some blocks of the translation.
    func align(source sourceBlocks: [TranslationDocument.Block], sourceLanguage: String?,
               target targetBlocks: [TranslationDocument.Block], targetLanguage: String?) -> [Step] {
        let source = sentences(sourceBlocks, language: sourceLanguage)
        let target = sentences(targetBlocks, language: targetLanguage)
        // Too many sentences to align (time and memory grow with the product): no opinion.
        guard source.count <= Self.maximumSentences, target.count <= Self.maximumSentences else { return [] }
        let sourceBytes = Dictionary(sourceBlocks.map { ($0.index, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        let targetBytes = Dictionary(targetBlocks.map { ($0.index, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        let model = BeadAligner(beads: BeadAligner.sentenceBeads, ratio: ratio, variance: variance, anchorWeight: 3,
                                headingMergePenalty: 0, groupPenalty: groupPenalty)
        let sourceUnits = source.map { sentence -> BeadAligner.Unit in
            let bytes = Array(sourceBytes[sentence.block]![sentence.range])
            return BeadAligner.Unit(length: Double(Anchors.letterCount(bytes)), anchors: Anchors.of(bytes, transliteration: transliteration),
                                    group: sentence.block)
        }
        let targetUnits = target.map { sentence -> BeadAligner.Unit in
            let bytes = Array(targetBytes[sentence.block]![sentence.range])
            return BeadAligner.Unit(length: Double(Anchors.letterCount(bytes)), anchors: Anchors.of(bytes), group: sentence.block)
        }
        return model.align(sourceUnits, targetUnits).map { step in
            Step(source: step.source.map { source[$0] }, target: step.target.map { target[$0] }, confidence: step.confidence)
        }
    }

    /// Blocks of a merge or split whose every sentence stands alone (surely, and each long enough
    /// to judge): a paragraph left out or added next to the ones the pair joins.
    static func loneBlocks(_ steps: [Step], source: [TranslationDocument.Block], target: [TranslationDocument.Block],
                           minimumConfidence: Double, minimumLetters: Double) -> (source: [(Int, Double)], target: [(Int, Double)]) {
        func lone(_ blocks: [TranslationDocument.Block], own: (Step) -> [Sentence], other: (Step) -> [Sentence]) -> [(Int, Double)] {
            guard blocks.count > 1 else { return [] }
            var result: [(Int, Double)] = []
            for block in blocks {
                let mine = steps.filter { own($0).contains { $0.block == block.index } }
                guard !mine.isEmpty,
                      mine.allSatisfy({ other($0).isEmpty && $0.confidence >= minimumConfidence
                          && own($0).allSatisfy { Double(Anchors.letterCount(block.bytes, $0.range)) >= minimumLetters } }) else { continue }
                result.append((block.index, mine.map(\.confidence).min() ?? 0))
            }
            // A pair keeps at least one block of each side.
            return result.count < blocks.count ? result : []
        }
        return (lone(source, own: \.source, other: \.target), lone(target, own: \.target, other: \.source))
    }
}
