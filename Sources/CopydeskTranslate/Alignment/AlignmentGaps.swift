import CopydeskCore

/// What the alignment could not pair, sorted into what a desk should hear about and what it
/// should not: the input of `translation.omission` and `translation.addition`, and of the
/// `unaligned` lists in the stage's JSON data.
///
/// - A paragraph with no counterpart is a gap when the aligner is at least `paragraphConfidence`
///   sure it has none, or at least `secondOpinionConfidence` sure and the sentence aligner,
///   trying it with each neighbouring pair, agrees. Desk lines (credits, bylines, editor's
///   notes: `DeskLines`) are never gaps, nor are headings — headlines, subheads and short lines
///   without closing punctuation (`Της Μαρίας Παπαδοπούλου`, `– Silence from Beijing –`): desks
///   write their own headlines, bylines and credits, and keep or drop subheads as their layout
///   wants. They are listed as unaligned, not reported.
/// - Inside each pair the aligner is at least `sentencePairConfidence` sure of, sentences are aligned; a
///   sentence (of at least `minimumSentenceLetters` letters) with no counterpart is a gap when
///   the sentence aligner is `sentenceConfidence` sure. When every sentence of one paragraph of
///   a merged pair is such a gap, the paragraph is (a short paragraph left out next to another).
/// - When many paragraphs stand alone (at least 3, and over a third of all), the alignment is
///   not trusted: no gaps are reported, only that the two texts could not be aligned — the
///   translation may be of another story, or rewritten too freely to check by paragraph.
struct AlignmentGaps: Sendable {
    enum Side: Sendable { case source, target }

    struct Gap: Sendable {
        var side: Side
        /// Block index on its side.
        var block: Int
        /// The sentence's byte range in the block; nil for the whole paragraph.
        var sentence: Range<Int>?
        var confidence: Double
        /// Where the missing text belongs in the translation (for source gaps): block and byte offset.
        var insertion: (block: Int, offset: Int)
        /// The other side's blocks of the pair the gap sits in (empty for a paragraph gap).
        var counterpart: [Int]
    }

    static let paragraphConfidence = 0.75
    /// Pairs the length rule judges.
    static let pairConfidence = 0.5
    /// Pairs whose sentences are aligned: a merge or split is often uncertain only in where its
    /// blocks divide, which the sentence alignment settles.
    static let sentencePairConfidence = 0.3
    /// A block standing alone with less confidence than `paragraphConfidence` but at least this
    /// is tried with its neighbouring pairs' sentences: if its sentences stand alone there too, it is a gap.
    static let secondOpinionConfidence = 0.4
    static let sentenceConfidence = 0.8
    static let minimumSentenceLetters = 15.0

    var gaps: [Gap] = []
    var reliable = true
    /// Blocks standing alone that are not desk lines or headlines, with their confidence.
    var loneSource: [(block: Int, confidence: Double)] = []
    var loneTarget: [(block: Int, confidence: Double)] = []
    /// Desk lines set aside.
    var expectedSource: [Int] = []
    var expectedTarget: [Int] = []
    /// Pairs of both sides the aligner is not sure of.
    var uncertain: [AlignedPair] = []

    init(_ document: TranslationDocument) {
        // Paired by position: nothing is known about what stands alone.
        guard document.alignedReliably else { reliable = false; return }
        let desk = DeskLines(profile: document.profile)
        var bodyBlocks = 0
        for (p, pair) in document.pairs.enumerated() {
            if pair.target.isEmpty, pair.source.count == 1 {
                let block = document.source[pair.source[0]]
                if desk.isSourceDeskLine(block) { expectedSource.append(block.index); continue }
                bodyBlocks += 1
                loneSource.append((block.index, pair.confidence))
                if ParagraphAligner.isHeading(block) { continue }
                if pair.confidence >= Self.paragraphConfidence || Self.confirmed(p, side: .source, in: document) {
                    gaps.append(Gap(side: .source, block: block.index, sentence: nil, confidence: pair.confidence,
                                    insertion: Self.insertion(after: p, in: document), counterpart: []))
                }
            } else if pair.source.isEmpty, pair.target.count == 1 {
                let block = document.target[pair.target[0]]
                if desk.isTargetDeskLine(block) { expectedTarget.append(block.index); continue }
                bodyBlocks += 1
                loneTarget.append((block.index, pair.confidence))
                if ParagraphAligner.isHeading(block) { continue }
                if pair.confidence >= Self.paragraphConfidence || Self.confirmed(p, side: .target, in: document) {
                    gaps.append(Gap(side: .target, block: block.index, sentence: nil, confidence: pair.confidence,
                                    insertion: (block.index, 0), counterpart: []))
                }
            } else {
                bodyBlocks += pair.source.count + pair.target.count
                if pair.confidence < Self.pairConfidence { uncertain.append(pair) }
            }
        }
        let lone = loneSource.count + loneTarget.count
        if lone >= 3, Double(lone) > Double(bodyBlocks) / 3 {
            reliable = false
            gaps = []
            return
        }
        let aligner = SentenceAligner(profile: document.profile)
        for pair in document.pairs where !pair.source.isEmpty && !pair.target.isEmpty && pair.confidence >= Self.sentencePairConfidence {
            if pair.source.contains(where: { ParagraphAligner.isHeading(document.source[$0]) }) { continue }
            gaps += sentenceGaps(pair, aligner.align(pair, in: document), document)
        }
        gaps.sort { ($0.insertion.block, $0.insertion.offset) < ($1.insertion.block, $1.insertion.offset) }
    }

    private func sentenceGaps(_ pair: AlignedPair, _ steps: [SentenceAligner.Step], _ document: TranslationDocument) -> [Gap] {
        // Nothing to learn when either side is a single sentence paired whole.
        guard steps.count > 1 else { return [] }
        // A side without sentences (an empty XLIFF target) is translation.untranslated's business.
        guard steps.contains(where: { !$0.source.isEmpty && !$0.target.isEmpty }) else { return [] }
        var found: [Gap] = []
        for (k, step) in steps.enumerated() where step.confidence >= Self.sentenceConfidence {
            if step.target.isEmpty, let sentence = step.source.first {
                let bytes = document.source[sentence.block].bytes
                guard Double(Anchors.letterCount(bytes, sentence.range)) >= Self.minimumSentenceLetters else { continue }
                found.append(Gap(side: .source, block: sentence.block, sentence: sentence.range, confidence: step.confidence,
                                 insertion: Self.insertion(in: steps, at: k, pair: pair, document), counterpart: pair.target))
            } else if step.source.isEmpty, let sentence = step.target.first {
                let bytes = document.target[sentence.block].bytes
                guard Double(Anchors.letterCount(bytes, sentence.range)) >= Self.minimumSentenceLetters else { continue }
                found.append(Gap(side: .target, block: sentence.block, sentence: sentence.range, confidence: step.confidence,
                                 insertion: (sentence.block, sentence.range.lowerBound), counterpart: pair.source))
            }
        }
        // A paragraph of a merge or split whose sentences all stand alone is a paragraph gap.
        let sourceBlocks = pair.source.map { document.source[$0] }, targetBlocks = pair.target.map { document.target[$0] }
        let lone = SentenceAligner.loneBlocks(steps, source: sourceBlocks, target: targetBlocks,
                                              minimumConfidence: Self.sentenceConfidence, minimumLetters: Self.minimumSentenceLetters)
        for (side, blocks) in [(Side.source, lone.source), (Side.target, lone.target)] {
            for (block, confidence) in blocks {
                let insertion = found.first { $0.side == side && $0.block == block }?.insertion ?? (block, 0)
                found.removeAll { $0.side == side && $0.block == block }
                found.append(Gap(side: side, block: block, sentence: nil, confidence: confidence,
                                 insertion: side == .source ? insertion : (block, 0), counterpart: []))
            }
        }
        return found
    }

    /// Second opinion on a block standing alone with middling confidence: joined to each
    /// neighbouring pair in turn, do its sentences still stand alone? A gap when they surely do
    /// with at least one neighbour and none pairs any of them with some confidence.
    static func confirmed(_ p: Int, side: Side, in document: TranslationDocument) -> Bool {
        let pairs = document.pairs
        let pair = pairs[p]
        guard pair.confidence >= secondOpinionConfidence else { return false }
        let block = side == .source ? pair.source[0] : pair.target[0]
        let neighbours = [p - 1, p + 1].filter { pairs.indices.contains($0) && !pairs[$0].source.isEmpty && !pairs[$0].target.isEmpty }
        let aligner = SentenceAligner(profile: document.profile)
        var sure = false
        for n in neighbours {
            let neighbour = pairs[n]
            let joined = AlignedPair(source: (neighbour.source + pair.source).sorted(), target: (neighbour.target + pair.target).sorted(),
                                     confidence: neighbour.confidence)
            let own = aligner.align(joined, in: document).filter { (side == .source ? $0.source : $0.target).contains { $0.block == block } }
            guard !own.isEmpty else { return false }
            let alone = own.allSatisfy { (side == .source ? $0.target : $0.source).isEmpty }
            if alone, own.allSatisfy({ $0.confidence >= sentenceConfidence }) { sure = true }
            if !alone, own.contains(where: { !(side == .source ? $0.target : $0.source).isEmpty && $0.confidence >= 0.5 }) { return false }
        }
        return sure
    }

    /// Where a paragraph missing at pair `p` belongs: the start of the next translated block,
    /// else the end of the previous one.
    static func insertion(after p: Int, in document: TranslationDocument) -> (block: Int, offset: Int) {
        let pairs = document.pairs
        for next in pairs[(p + 1)...] where !next.target.isEmpty {
            return (next.target[0], 0)
        }
        for previous in pairs[..<p].reversed() where !previous.target.isEmpty {
            let block = previous.target[previous.target.count - 1]
            return (block, document.target[block].bytes.count)
        }
        return (0, 0)
    }

    /// Where a sentence missing at step `k` belongs: the start of the next translated sentence,
    /// else the end of the previous one.
    static func insertion(in steps: [SentenceAligner.Step], at k: Int, pair: AlignedPair, _ document: TranslationDocument) -> (block: Int, offset: Int) {
        for step in steps[(k + 1)...] {
            if let sentence = step.target.first { return (sentence.block, sentence.range.lowerBound) }
        }
        for step in steps[..<k].reversed() {
            if let sentence = step.target.last { return (sentence.block, sentence.range.upperBound) }
        }
        return (pair.target.first ?? 0, 0)
    }
}

/// Short quotations for messages.
enum Excerpt {
    /// The first words of a text, at most `limit` characters, with `…` when cut.
    static func of(_ text: Substring, limit: Int = 60) -> String {
        let trimmed = text.drop { $0.isWhitespace }
        let flat = trimmed.map { $0.isNewline ? " " : $0 }
        guard flat.count > limit else { return String(flat).trimmingTrailingWhitespace }
        var cut = String(flat.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        return cut.trimmingTrailingWhitespace + "…"
    }

    static func of(_ bytes: [UInt8], _ range: Range<Int>, limit: Int = 60) -> String {
        of(Substring(String(decoding: bytes[range], as: UTF8.self)), limit: limit)
    }
}

extension String {
    var trimmingTrailingWhitespace: String {
        var result = self
        while let last = result.last, last.isWhitespace || last == "," || last == ";" || last == ":" { result.removeLast() }
        return result
    }
}

extension AlignmentGaps {
    /// For the stage's JSON data: what could not be aligned. `unaligned`: blocks of either side
    /// with no counterpart (with the confidence that they have none, and whether they are
    /// reported); `expected`: desk lines set aside; `uncertain`: pairs the aligner is
    /// unsure of; `reliable`: false when too much stands alone to report omissions or additions.
    static func stageData(_ document: TranslationDocument) -> [String: ConfigValue] {
        let gaps = document.gaps
        func lone(_ list: [(block: Int, confidence: Double)], _ side: Side) -> ConfigValue {
            .list(list.map { entry in
                .map(["block": .int(entry.block), "confidence": .double((entry.confidence * 100).rounded() / 100),
                      "reported": .bool(gaps.gaps.contains { $0.side == side && $0.block == entry.block && $0.sentence == nil })])
            })
        }
        return [
            "reliable": .bool(gaps.reliable),
            "aligned-by-position": .bool(!document.alignedReliably),
            "unaligned": .map(["source": lone(gaps.loneSource, .source), "target": lone(gaps.loneTarget, .target)]),
            "expected": .map(["source": .list(gaps.expectedSource.map { .int($0) }), "target": .list(gaps.expectedTarget.map { .int($0) })]),
            "uncertain": .list(gaps.uncertain.map { pair in
                .map(["source": .list(pair.source.map { .int($0) }), "target": .list(pair.target.map { .int($0) }),
                      "confidence": .double((pair.confidence * 100).rounded() / 100)])
            }),
        ]
    }
}
