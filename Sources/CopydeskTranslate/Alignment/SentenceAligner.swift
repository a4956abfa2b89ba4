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
        let source = sentences(pair.source.map { document.source[$0] }, language: document.sourceLanguage)
        let target = sentences(pair.target.map { document.target[$0] }, language: document.targetLanguage)
        let model = BeadAligner(beads: BeadAligner.sentenceBeads, ratio: ratio, variance: variance, anchorWeight: 3,
                                headingMergePenalty: 0, groupPenalty: groupPenalty)
        let sourceUnits = source.map { sentence -> BeadAligner.Unit in
            let bytes = Array(document.source[sentence.block].bytes[sentence.range])
            return BeadAligner.Unit(length: Double(Anchors.letterCount(bytes)), anchors: Anchors.of(bytes, transliteration: transliteration),
                                    group: sentence.block)
        }
        let targetUnits = target.map { sentence -> BeadAligner.Unit in
            let bytes = Array(document.target[sentence.block].bytes[sentence.range])
            return BeadAligner.Unit(length: Double(Anchors.letterCount(bytes)), anchors: Anchors.of(bytes), group: sentence.block)
        }
        return model.align(sourceUnits, targetUnits).map { step in
            Step(source: step.source.map { source[$0] }, target: step.target.map { target[$0] }, confidence: step.confidence)
        }
    }
}
