import Foundation

/// Pairs the paragraphs of an original with those of its translation, allowing for paragraphs
/// left out, added, split in two or merged (Gale & Church's length-based dynamic programming,
/// with shared anchors — numbers, acronyms, names — pulling matching paragraphs together; see
/// `BeadAligner`).
///
/// - Lengths are letters (`Anchors.letterCount`), scaled by the profile's usual length ratio.
/// - Names in a non-Latin original are compared after the profile's transliteration.
/// - Headlines, when both sides have one, pair with each other before the body is aligned; a
///   headline on one side only takes part in the alignment as a heading (it pairs with a short
///   first line the reader did not take for a headline, or stands alone).
/// - Headings (headlines, subheads, and short lines without closing punctuation such as
///   `– Silence from Beijing –`) pair with headings and are never merged into a paragraph.
/// - A merge or split is checked sentence by sentence (`SentenceAligner`): a block whose
///   sentences all stand alone there is a block with no counterpart.
/// - Desk lines (`DeskLines`: credits, bylines, editor's notes) are set aside and come back as
///   pairs with one side empty, in reading order.
///
/// A pair's confidence is the model's posterior probability of that pairing; for a block with no
/// counterpart, the probability that it has none.
public struct ParagraphAligner: Sendable {
    /// Expected translation length over original length: the geometric middle of the profile's usual range.
    public var ratio: Double
    /// Variance of the length difference per letter. Gale & Church measured 6.8 for sentences;
    /// wire translations are freer.
    public var variance: Double = 9
    /// How much full anchor agreement lowers a bead's cost (in nats).
    public var anchorWeight: Double = 4
    var transliteration: String?
    var deskLines: DeskLines
    /// Checks merges and splits sentence by sentence (nil: the length model's pairs stand).
    var sentences: SentenceAligner?
    var sourceLanguage: String?
    var targetLanguage: String?

    public init(profile: TranslationProfile) {
        ratio = (profile.lengthRatio.lowerBound * profile.lengthRatio.upperBound).squareRoot()
        transliteration = profile.transliteration ?? "Any-Latin"
        deskLines = DeskLines(profile: profile)
        sentences = SentenceAligner(profile: profile)
        sourceLanguage = profile.sourceLanguage
        targetLanguage = profile.targetLanguage
    }

    public init(ratio: Double) {
        self.ratio = ratio
        transliteration = "Any-Latin"
        deskLines = DeskLines()
    }

    var model: BeadAligner {
        BeadAligner(beads: BeadAligner.paragraphBeads, ratio: ratio, variance: variance, anchorWeight: anchorWeight)
    }

    /// Paragraphs a side beyond which texts are paired by position, not aligned: the alignment's
    /// time and memory grow with the product of both sides' counts.
    public static let maximumParagraphs = 1_500

    /// Whether `align` pairs these texts by position (too long to align).
    public func pairsByPosition(source: [TranslationDocument.Block], target: [TranslationDocument.Block]) -> Bool {
        max(source.count, target.count) > Self.maximumParagraphs
    }

    public func align(source: [TranslationDocument.Block], target: [TranslationDocument.Block]) -> [AlignedPair] {
        if pairsByPosition(source: source, target: target) {
            // Confidence 0: no rule trusts these pairs (`TranslationDocument.alignedReliably`).
            return (0..<max(source.count, target.count)).map { index in
                AlignedPair(source: index < source.count ? [index] : [], target: index < target.count ? [index] : [], confidence: 0)
            }
        }
        let sourceDesk = Set(source.filter(deskLines.isSourceDeskLine).map(\.index))
        let targetDesk = Set(target.filter(deskLines.isTargetDeskLine).map(\.index))
        var sourceBody = source.map(\.index).filter { !sourceDesk.contains($0) }
        var targetBody = target.map(\.index).filter { !targetDesk.contains($0) }
        var pairs: [AlignedPair] = []
        if let s = sourceBody.first, let t = targetBody.first, source[s].kind == .headline, target[t].kind == .headline {
            pairs.append(AlignedPair(source: [s], target: [t], confidence: 1))
            sourceBody.removeFirst()
            targetBody.removeFirst()
        }
        let steps = model.align(sourceBody.map { unit(source[$0], isSource: true) }, targetBody.map { unit(target[$0], isSource: false) })
        for step in steps {
            let pair = AlignedPair(source: step.source.map { sourceBody[$0] }, target: step.target.map { targetBody[$0] },
                                   confidence: step.confidence)
            pairs += refined(pair, source: source, target: target)
        }
        pairs = pairedAdjacentLoners(pairs, source: source, target: target)
        // Desk lines back in reading order, each on its own.
        for index in sourceDesk.sorted() {
            let at = pairs.firstIndex { $0.source.contains { $0 > index } } ?? pairs.count
            pairs.insert(AlignedPair(source: [index], target: [], confidence: 1), at: at)
        }
        for index in targetDesk.sorted() {
            let at = pairs.firstIndex { $0.target.contains { $0 > index } } ?? pairs.count
            pairs.insert(AlignedPair(source: [], target: [index], confidence: 1), at: at)
        }
        return pairs
    }

    /// A merge or split checked sentence by sentence: a block whose sentences all stand alone
    /// leaves the pair as a block with no counterpart (a short paragraph left out next to one
    /// the length model joined it to).
    func refined(_ pair: AlignedPair, source: [TranslationDocument.Block], target: [TranslationDocument.Block]) -> [AlignedPair] {
        guard let sentences, pair.source.count + pair.target.count > 2, !pair.source.isEmpty, !pair.target.isEmpty else { return [pair] }
        let sourceBlocks = pair.source.map { source[$0] }, targetBlocks = pair.target.map { target[$0] }
        let steps = sentences.align(source: sourceBlocks, sourceLanguage: sourceLanguage, target: targetBlocks, targetLanguage: targetLanguage)
        let lone = SentenceAligner.loneBlocks(steps, source: sourceBlocks, target: targetBlocks,
                                              minimumConfidence: AlignmentGaps.sentenceConfidence, minimumLetters: AlignmentGaps.minimumSentenceLetters)
        guard !lone.source.isEmpty || !lone.target.isEmpty else { return [pair] }
        let loneSource = Set(lone.source.map(\.0)), loneTarget = Set(lone.target.map(\.0))
        let kept = AlignedPair(source: pair.source.filter { !loneSource.contains($0) }, target: pair.target.filter { !loneTarget.contains($0) },
                               confidence: pair.confidence)
        var result = [kept]
        // Each lone block before the kept pair when it comes before all its side's kept blocks, else after.
        for (block, confidence) in lone.source {
            let single = AlignedPair(source: [block], target: [], confidence: confidence)
            if block < kept.source[0] { result.insert(single, at: result.firstIndex { $0 == kept }!) } else { result.append(single) }
        }
        for (block, confidence) in lone.target {
            let single = AlignedPair(source: [], target: [block], confidence: confidence)
            if block < kept.target[0] { result.insert(single, at: result.firstIndex { $0 == kept }!) } else { result.append(single) }
        }
        return result
    }

    /// A block of one side standing alone next to a block of the other side standing alone (as a
    /// sentence check of a merge can leave them) pairs with it when that costs less than both
    /// standing alone.
    func pairedAdjacentLoners(_ pairs: [AlignedPair], source: [TranslationDocument.Block], target: [TranslationDocument.Block]) -> [AlignedPair] {
        var result: [AlignedPair] = []
        for pair in pairs {
            if let last = result.last, last.source.count + last.target.count == 1, pair.source.count + pair.target.count == 1,
               last.source.isEmpty != pair.source.isEmpty {
                let s = last.source.first ?? pair.source[0], t = last.target.first ?? pair.target[0]
                let model = model
                var ids: [String: Int32] = [:]
                var sourceSpans = BeadAligner.Spans([unit(source[s], isSource: true)], ids: &ids)
                var targetSpans = BeadAligner.Spans([unit(target[t], isSource: false)], ids: &ids)
                sourceSpans.setLoneCosts(otherSide: targetSpans, model.unmatchedAnchorCost)
                targetSpans.setLoneCosts(otherSide: sourceSpans, model.unmatchedAnchorCost)
                let beads = BeadAligner.paragraphBeads
                let paired = model.cost(beads[0], 0, 0, sourceSpans, targetSpans)
                let alone = model.cost(beads[1], 0, 0, sourceSpans, targetSpans) + model.cost(beads[2], 0, 0, sourceSpans, targetSpans)
                if paired < alone {
                    result[result.count - 1] = AlignedPair(source: [s], target: [t], confidence: 1 / (1 + exp(paired - alone)))
                    continue
                }
            }
            result.append(pair)
        }
        return result
    }

    func unit(_ block: TranslationDocument.Block, isSource: Bool) -> BeadAligner.Unit {
        BeadAligner.Unit(length: Double(Anchors.letterCount(block.bytes)),
                         anchors: Anchors.of(block.bytes, transliteration: isSource ? transliteration : nil),
                         heading: Self.isHeading(block))
    }

    /// A headline or subhead, or a short single line that does not end like a sentence.
    static func isHeading(_ block: TranslationDocument.Block) -> Bool {
        if block.kind == .headline || block.kind == .subhead { return true }
        let bytes = block.bytes
        guard bytes.count <= 120, !bytes.contains(0x0A) else { return false }
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard end > 0 else { return false }
        let last = bytes[end - 1]
        // Closing punctuation of a sentence, possibly inside quotes: not a heading.
        if last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") || last == UInt8(ascii: ";") { return false }
        if last == UInt8(ascii: "\"") || last == 0x9D || last == 0xBB || last == 0xA6 {
            // ”, », … ; a quote ending a sentence: look at the byte before the quote.
            var k = end - 1
            while k > 0, bytes[k] >= 0x80 || bytes[k] == UInt8(ascii: "\"") { k -= 1 }
            if bytes[k] == UInt8(ascii: ".") || bytes[k] == UInt8(ascii: "!") || bytes[k] == UInt8(ascii: "?") { return false }
        }
        return Anchors.letterCount(bytes) <= 70
    }
}
