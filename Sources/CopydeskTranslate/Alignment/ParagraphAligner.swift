import Foundation

/// Pairs the paragraphs of an original with those of its translation, allowing for paragraphs
/// left out, added, split in two or merged (Gale & Church's length-based dynamic programming,
/// with shared anchors — numbers, Latin-script names — pulling matching paragraphs together).
///
/// Lengths are counted in Unicode scalars without spaces, scaled by the profile's usual length
/// ratio. Headlines, when both sides have one, pair with each other before the body is aligned.
public struct ParagraphAligner: Sendable {
    /// Expected translation length over original length: the geometric middle of the profile's usual range.
    public var ratio: Double
    /// Variance of the length difference per character (Gale & Church measured 6.8).
    public var variance: Double = 6.8
    /// How much a shared anchor lowers a bead's cost (in nats, times the share of anchors matched).
    public var anchorWeight: Double = 4

    public init(profile: TranslationProfile) {
        ratio = (profile.lengthRatio.lowerBound * profile.lengthRatio.upperBound).squareRoot()
    }

    public init(ratio: Double) {
        self.ratio = ratio
    }

    /// Beads: how many blocks each side contributes. Priors from Gale & Church (1993).
    static let beads: [(source: Int, target: Int, prior: Double)] = [
        (1, 1, 0.89), (1, 0, 0.0099 / 2), (0, 1, 0.0099 / 2), (2, 1, 0.089 / 2), (1, 2, 0.089 / 2), (2, 2, 0.011),
    ]

    public func align(source: [TranslationDocument.Block], target: [TranslationDocument.Block]) -> [AlignedPair] {
        var pairs: [AlignedPair] = []
        var sourceStart = 0, targetStart = 0
        if source.first?.kind == .headline, target.first?.kind == .headline {
            pairs.append(AlignedPair(source: [0], target: [0], confidence: 1))
            sourceStart = 1
            targetStart = 1
        }
        let body = align(source: source[sourceStart...].map(Self.profile), target: target[targetStart...].map(Self.profile))
        for pair in body {
            pairs.append(AlignedPair(source: pair.source.map { $0 + sourceStart }, target: pair.target.map { $0 + targetStart },
                                     confidence: pair.confidence))
        }
        return pairs
    }

    /// What the aligner knows of a block: its length and its anchors.
    struct BlockProfile {
        var length: Double
        var anchors: [String]
    }

    static func profile(_ block: TranslationDocument.Block) -> BlockProfile {
        BlockProfile(length: Double(Anchors.letterCount(block.bytes)), anchors: Anchors.of(block.bytes))
    }

    /// Aligns two sequences; indices are 0-based within them.
    func align(source: [BlockProfile], target: [BlockProfile]) -> [AlignedPair] {
        let m = source.count, n = target.count
        if m == 0 && n == 0 { return [] }
        let infinity = Double.greatestFiniteMagnitude
        var cost = [[Double]](repeating: [Double](repeating: infinity, count: n + 1), count: m + 1)
        var back = [[Int]](repeating: [Int](repeating: -1, count: n + 1), count: m + 1)
        cost[0][0] = 0
        for i in 0...m {
            for j in 0...n where cost[i][j] < infinity {
                for (beadIndex, bead) in Self.beads.enumerated() {
                    let i2 = i + bead.source, j2 = j + bead.target
                    guard i2 <= m, j2 <= n else { continue }
                    let candidate = cost[i][j] + beadCost(Array(source[i..<i2]), Array(target[j..<j2]), prior: bead.prior)
                    if candidate < cost[i2][j2] {
                        cost[i2][j2] = candidate
                        back[i2][j2] = beadIndex
                    }
                }
            }
        }
        var pairs: [AlignedPair] = []
        var i = m, j = n
        while i > 0 || j > 0 {
            let bead = Self.beads[back[i][j]]
            let sourceRange = (i - bead.source)..<i, targetRange = (j - bead.target)..<j
            pairs.append(AlignedPair(source: Array(sourceRange), target: Array(targetRange),
                                     confidence: confidence(Array(source[sourceRange]), Array(target[targetRange]))))
            i -= bead.source
            j -= bead.target
        }
        return pairs.reversed()
    }

    func beadCost(_ source: [BlockProfile], _ target: [BlockProfile], prior: Double) -> Double {
        let sourceLength = source.reduce(0) { $0 + $1.length }
        let targetLength = target.reduce(0) { $0 + $1.length }
        var cost = -log(prior)
        if !source.isEmpty, !target.isEmpty {
            cost += lengthCost(sourceLength, targetLength)
            cost -= anchorWeight * Anchors.agreement(source.flatMap(\.anchors), target.flatMap(\.anchors))
        } else {
            // Gale & Church's length term would make a long paragraph almost impossible to drop,
            // and dropped paragraphs are what a desk needs found: a lone block costs its prior,
            // plus half an anchor weight when it carries anchors (numbers, names) that tie it to text.
            let lone = (source.isEmpty ? target : source).flatMap(\.anchors)
            if !lone.isEmpty { cost += anchorWeight / 2 }
        }
        return cost
    }

    /// −log P(length difference) under Gale & Church's normal model.
    func lengthCost(_ sourceLength: Double, _ targetLength: Double) -> Double {
        let mean = (sourceLength + targetLength / ratio) / 2
        guard mean > 0 else { return 0 }
        let delta = abs(targetLength - sourceLength * ratio) / sqrt(mean * variance)
        let probability = erfc(delta / 2.0.squareRoot())
        if probability > 1e-300 { return -log(probability) }
        // erfc underflows: its logarithm's asymptote.
        return delta * delta / 2 + log(delta * (Double.pi / 2).squareRoot())
    }

    /// 0…1: how well lengths (and anchors) agree for a match; for a lone block, how sure it is
    /// to have no counterpart (short blocks — a subhead, a credit line — less so).
    func confidence(_ source: [BlockProfile], _ target: [BlockProfile]) -> Double {
        let sourceLength = source.reduce(0) { $0 + $1.length }
        let targetLength = target.reduce(0) { $0 + $1.length }
        if source.isEmpty || target.isEmpty {
            return min(1, (sourceLength + targetLength) / 80)
        }
        let lengths = exp(-lengthCost(sourceLength, targetLength))
        let anchors = Anchors.agreement(source.flatMap(\.anchors), target.flatMap(\.anchors))
        return min(1, max(lengths, anchors))
    }
}
