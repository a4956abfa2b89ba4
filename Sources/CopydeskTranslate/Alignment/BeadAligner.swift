import Foundation

/// The alignment model shared by paragraphs and sentences: Gale & Church's length-based dynamic
/// programming over "beads" (how many units each side contributes: 1-1, 1-0, 2-1…), with anchors
/// (numbers, names) lowering a bead's cost and a few layout facts (headings are not merged into
/// paragraphs; a sentence rarely joins sentences of two paragraphs).
///
/// Besides the cheapest alignment (Viterbi) it runs the forward–backward algorithm over the same
/// costs, so every bead gets a posterior probability: how sure the model is that exactly these
/// units go together, or that a unit has no counterpart at all. Time O(m·n·beads), memory O(m·n);
/// on long texts only a band around the diagonal (`bandThreshold`).
struct BeadAligner: Sendable {
    struct Unit: Sendable {
        /// Letters (see `Anchors.letterCount`).
        var length: Double
        var anchors: AnchorSet
        /// A headline or subhead: translated on its own, never merged with a paragraph.
        var heading: Bool = false
        /// For sentences: the paragraph the sentence comes from.
        var group: Int = 0
    }

    struct Bead: Sendable {
        var source: Int
        var target: Int
        /// −log prior.
        var cost: Double

        init(_ source: Int, _ target: Int, _ prior: Double) {
            self.source = source
            self.target = target
            cost = -log(prior)
        }
    }

    /// One step of the cheapest alignment: index ranges into both sides and its confidence — the
    /// bead's posterior probability, or for a unit with no counterpart the probability that it
    /// has none (wherever it would sit).
    struct Step: Sendable, Hashable {
        var source: Range<Int>
        var target: Range<Int>
        var confidence: Double
    }

    var beads: [Bead]
    /// Expected target length over source length.
    var ratio: Double
    /// Variance of the length difference per letter (Gale & Church measured 6.8 for sentences).
    var variance: Double
    /// How much full anchor agreement lowers a bead's cost, in nats.
    var anchorWeight: Double = 4
    /// How much full cognate agreement (Dice) lowers a bead's cost, in nats.
    var cognateWeight: Double = 2
    /// Added for each number or acronym (up to 2) one side of a bead has and the other lacks, and
    /// once for a unit with no counterpart that has some the other text has too (see `Spans.loneCosts`).
    var unmatchedAnchorCost: Double = 1.5
    /// Added when a merge takes in a heading.
    var headingMergePenalty: Double = 4
    /// Added when a bead joins units of different groups (sentences of two paragraphs).
    var groupPenalty: Double = 0
    /// With groups: added when a bead pairing units starts a group on one side only.
    var boundaryPenalty: Double = 1
    /// With groups: leaving a whole group unpaired (−log of a paragraph's prior).
    var groupDropCost: Double = -log(0.02)

    /// Wire paragraphs: desks keep the paragraphing mostly, sometimes join short paragraphs or
    /// split long ones, and leave out or add a paragraph more often than parliamentary
    /// translators drop sentences.
    static let paragraphBeads = [
        Bead(1, 1, 0.84), Bead(1, 0, 0.02), Bead(0, 1, 0.02), Bead(2, 1, 0.04), Bead(1, 2, 0.04),
        Bead(2, 2, 0.003), Bead(3, 1, 0.005), Bead(1, 3, 0.005),
    ]

    /// Sentences: Gale & Church's priors (1993), with 3-1 and 1-3 for Greek and Russian
    /// sentences that English splits.
    static let sentenceBeads = [
        Bead(1, 1, 0.88), Bead(1, 0, 0.005), Bead(0, 1, 0.005), Bead(2, 1, 0.04), Bead(1, 2, 0.04),
        Bead(2, 2, 0.01), Bead(3, 1, 0.01), Bead(1, 3, 0.01),
    ]

    func align(_ source: [Unit], _ target: [Unit]) -> [Step] {
        let m = source.count, n = target.count
        if m == 0 && n == 0 { return [] }
        if m == 0 || n == 0 {
            // Nothing to pair with: every unit stands alone, certainly.
            return (0..<m).map { Step(source: $0..<$0 + 1, target: 0..<0, confidence: 1) }
                + (0..<n).map { Step(source: 0..<0, target: $0..<$0 + 1, confidence: 1) }
        }
        var ids: [String: Int32] = [:]
        var sourceSpans = Spans(source, ids: &ids), targetSpans = Spans(target, ids: &ids)
        sourceSpans.setLoneCosts(otherSide: targetSpans, unmatchedAnchorCost)
        targetSpans.setLoneCosts(otherSide: sourceSpans, unmatchedAnchorCost)
        let width = n + 1
        let infinity = Double.infinity
        var best = [Double](repeating: infinity, count: (m + 1) * width)
        var back = [Int8](repeating: -1, count: (m + 1) * width)
        var forward = [Double](repeating: infinity, count: (m + 1) * width)
        best[0] = 0
        forward[0] = 0
        // Long texts: only cells near the diagonal (see `bandThreshold`).
        let banded = m * n > Self.bandThreshold
        let band = abs(m - n) + Self.bandMargin
        func columns(_ i: Int) -> ClosedRange<Int> {
            guard banded else { return 0...n }
            let centre = i * n / m
            return max(0, centre - band)...min(n, centre + band)
        }
        for i in 0...m {
            for j in columns(i) {
                let here = i * width + j
                guard forward[here] < infinity else { continue }
                for (index, bead) in beads.enumerated() {
                    let i2 = i + bead.source, j2 = j + bead.target
                    guard i2 <= m, j2 <= n, !banded || columns(i2).contains(j2) else { continue }
                    let c = cost(bead, i, j, sourceSpans, targetSpans)
                    let there = i2 * width + j2
                    if best[here] + c < best[there] {
                        best[there] = best[here] + c
                        back[there] = Int8(index)
                    }
                    forward[there] = Self.softmin(forward[there], forward[here] + c)
                }
                // A whole paragraph's sentences left out or added at once.
                if let (i2, c) = groupDrop(sourceSpans, i), !banded || columns(i2).contains(j) {
                    let there = i2 * width + j
                    if best[here] + c < best[there] { best[there] = best[here] + c; back[there] = Self.sourceGroupDrop }
                    forward[there] = Self.softmin(forward[there], forward[here] + c)
                }
                if let (j2, c) = groupDrop(targetSpans, j), !banded || columns(i).contains(j2) {
                    let there = i * width + j2
                    if best[here] + c < best[there] { best[there] = best[here] + c; back[there] = Self.targetGroupDrop }
                    forward[there] = Self.softmin(forward[there], forward[here] + c)
                }
            }
        }
        let total = forward[m * width + n]
        // Backward pass: costs from each cell to the end, and the posteriors of units standing alone.
        var backward = [Double](repeating: infinity, count: (m + 1) * width)
        backward[m * width + n] = 0
        var sourceAlone = [Double](repeating: 0, count: m), targetAlone = [Double](repeating: 0, count: n)
        for i in stride(from: m, through: 0, by: -1) {
            for j in columns(i).reversed() {
                let here = i * width + j
                guard forward[here] < infinity else { continue }
                for bead in beads {
                    let i2 = i + bead.source, j2 = j + bead.target
                    guard i2 <= m, j2 <= n else { continue }
                    let rest = backward[i2 * width + j2]
                    guard rest < infinity else { continue }
                    let c = cost(bead, i, j, sourceSpans, targetSpans)
                    backward[here] = Self.softmin(backward[here], c + rest)
                    if bead.target == 0 { sourceAlone[i] += exp(total - forward[here] - c - rest) }
                    if bead.source == 0 { targetAlone[j] += exp(total - forward[here] - c - rest) }
                }
                if let (i2, c) = groupDrop(sourceSpans, i), backward[i2 * width + j] < infinity {
                    let rest = backward[i2 * width + j]
                    backward[here] = Self.softmin(backward[here], c + rest)
                    let posterior = exp(total - forward[here] - c - rest)
                    for unit in i..<i2 { sourceAlone[unit] += posterior }
                }
                if let (j2, c) = groupDrop(targetSpans, j), backward[i * width + j2] < infinity {
                    let rest = backward[i * width + j2]
                    backward[here] = Self.softmin(backward[here], c + rest)
                    let posterior = exp(total - forward[here] - c - rest)
                    for unit in j..<j2 { targetAlone[unit] += posterior }
                }
            }
        }
        var steps: [Step] = []
        var i = m, j = n
        while i > 0 || j > 0 {
            let code = back[i * width + j]
            if code == Self.sourceGroupDrop || code == Self.targetGroupDrop {
                // Back to the start of the group that ends here.
                let spans = code == Self.sourceGroupDrop ? sourceSpans : targetSpans
                var start = code == Self.sourceGroupDrop ? i - 1 : j - 1
                while start > 0, !spans.startsGroup[start] { start -= 1 }
                for unit in stride(from: (code == Self.sourceGroupDrop ? i : j) - 1, through: start, by: -1) {
                    steps.append(code == Self.sourceGroupDrop
                        ? Step(source: unit..<unit + 1, target: j..<j, confidence: min(1, sourceAlone[unit]))
                        : Step(source: i..<i, target: unit..<unit + 1, confidence: min(1, targetAlone[unit])))
                }
                if code == Self.sourceGroupDrop { i = start } else { j = start }
                continue
            }
            let bead = beads[Int(code)]
            let i1 = i - bead.source, j1 = j - bead.target
            let confidence: Double
            if bead.target == 0 {
                confidence = sourceAlone[i1]
            } else if bead.source == 0 {
                confidence = targetAlone[j1]
            } else {
                let c = cost(bead, i1, j1, sourceSpans, targetSpans)
                confidence = exp(total - forward[i1 * width + j1] - c - backward[i * width + j])
            }
            steps.append(Step(source: i1..<i, target: j1..<j, confidence: min(1, max(0, confidence))))
            i = i1
            j = j1
        }
        return steps.reversed()
    }

    /// Above this many cells (m·n) only a band around the diagonal is computed: `bandMargin`
    /// cells either side beyond the difference in counts, so time grows with m·(|m−n| + margin)
    /// rather than m·n. Stories of up to 200 units a side are aligned in full.
    static let bandThreshold = 40_000
    static let bandMargin = 40

    static let sourceGroupDrop: Int8 = -2
    static let targetGroupDrop: Int8 = -3

    /// With groups: from a unit that opens a group, the end of the group and the cost of leaving
    /// the whole group unpaired (a paragraph's prior, not one per sentence). Only on a side of
    /// several groups: the paragraph aligner paired a lone paragraph with the other side.
    func groupDrop(_ spans: Spans, _ i: Int) -> (Int, Double)? {
        guard groupPenalty > 0, spans.groupCount > 1, i < spans.units.count, spans.startsGroup[i] else { return nil }
        var end = i + 1
        while end < spans.units.count, !spans.startsGroup[end] { end += 1 }
        let anchors = spans.loneCosts[i..<end].max() ?? 0
        return (end, groupDropCost + anchors)
    }

    /// −log(e^−a + e^−b).
    @inline(__always) static func softmin(_ a: Double, _ b: Double) -> Double {
        if a == .infinity { return b }
        if b == .infinity { return a }
        let low = min(a, b), high = max(a, b)
        return low - log1p(exp(low - high))
    }

    /// Anchors as sorted integer ids, so beads compare them without hashing or allocating.
    struct Keys {
        var strong: [Int32] = []
        var weak: [Int32] = []
        var cognates: [Int32] = []
    }

    /// Sums over runs of 1, 2 and 3 units, computed once.
    struct Spans {
        var units: [Unit]
        /// keys[k - 1][i]: anchors of units i..<i+k.
        var keys: [[Keys]]
        var lengths: [[Double]]
        var headings: [[Int]]
        /// Whether units i..<i+k come from more than one group.
        var mixed: [[Bool]]

        /// startsGroup[i]: unit i opens a group (paragraph), or i is the end.
        var startsGroup: [Bool] = []
        var groupCount = 0

        /// What standing alone adds to a unit's cost: a number or acronym the other side also has
        /// ties it to text there; numbers the other side lacks entirely make it likelier to be
        /// left out or added; names tie it a little.
        var loneCosts: [Double] = []

        mutating func setLoneCosts(otherSide: Spans, _ unit: Double) {
            var other = Set<Int32>()
            for keys in otherSide.keys[0] { other.formUnion(keys.strong) }
            loneCosts = keys[0].map { keys in
                if keys.strong.contains(where: other.contains) { return unit }
                if !keys.strong.isEmpty { return -unit / 2 }
                return keys.weak.isEmpty ? 0 : unit / 4
            }
        }

        init(_ units: [Unit], ids: inout [String: Int32]) {
            self.units = units
            func intern(_ list: [String]) -> [Int32] {
                list.map { key in
                    if let id = ids[key] { return id }
                    let id = Int32(ids.count)
                    ids[key] = id
                    return id
                }
            }
            startsGroup = (0...units.count).map { $0 == 0 || $0 == units.count || units[$0 - 1].group != units[$0].group }
            groupCount = units.isEmpty ? 0 : startsGroup.filter { $0 }.count - 1
            let single = units.map { Keys(strong: intern($0.anchors.strong), weak: intern($0.anchors.weak), cognates: intern($0.anchors.cognates)) }
            keys = []
            lengths = []
            headings = []
            mixed = []
            for k in 1...3 {
                var a: [Keys] = [], l: [Double] = [], h: [Int] = [], g: [Bool] = []
                for i in 0..<max(0, units.count - k + 1) {
                    var set = Keys()
                    var length = 0.0, heading = 0
                    for index in i..<i + k {
                        set.strong += single[index].strong
                        set.weak += single[index].weak
                        set.cognates += single[index].cognates
                        length += units[index].length
                        if units[index].heading { heading += 1 }
                    }
                    set.strong.sort()
                    set.weak.sort()
                    set.cognates.sort()
                    a.append(set)
                    l.append(length)
                    h.append(heading)
                    g.append(units[i].group != units[i + k - 1].group)
                }
                keys.append(a)
                lengths.append(l)
                headings.append(h)
                mixed.append(g)
            }
        }
    }

    /// Size of the multiset intersection of two sorted lists.
    @inline(__always) static func shared(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0, j = 0, count = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { count += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return count
    }

    func cost(_ bead: Bead, _ i: Int, _ j: Int, _ source: Spans, _ target: Spans) -> Double {
        var cost = bead.cost
        if bead.source == 0 || bead.target == 0 {
            // Gale & Church's length term would make a long paragraph almost impossible to leave
            // out, and left-out paragraphs are what a desk needs found: a lone unit costs its
            // prior, plus a little when it carries anchors that tie it to text.
            return cost + (bead.source == 0 ? target.loneCosts[j] : source.loneCosts[i])
        }
        // A pairing that starts a paragraph on one side only (sentences): the paragraphing moved.
        if groupPenalty > 0, source.startsGroup[i] != target.startsGroup[j] { cost += boundaryPenalty }
        let s = bead.source - 1, t = bead.target - 1
        cost += lengthCost(source.lengths[s][i], target.lengths[t][j])
        let a = source.keys[s][i], b = target.keys[t][j]
        // Numbers and acronyms must all agree (the larger side counts); names count half and the
        // smaller side counts (a translation adds titles and capitals).
        let strong = Self.shared(a.strong, b.strong)
        let weak = a.weak.isEmpty || b.weak.isEmpty ? 0 : Self.shared(a.weak, b.weak)
        let denominator = 2 * Double(max(a.strong.count, b.strong.count)) + Double(min(a.weak.count, b.weak.count))
        if denominator > 0 { cost -= anchorWeight * (2 * Double(strong) + Double(weak)) / denominator }
        if !a.cognates.isEmpty, !b.cognates.isEmpty {
            cost -= cognateWeight * 2 * Double(Self.shared(a.cognates, b.cognates)) / Double(a.cognates.count + b.cognates.count)
        }
        // A number or acronym on one side only: translations keep them.
        cost += unmatchedAnchorCost * Double(min(2, a.strong.count + b.strong.count - 2 * strong))
        let headings = source.headings[s][i] + target.headings[t][j]
        if bead.source + bead.target > 2 {
            if headings > 0 { cost += headingMergePenalty }
            if source.mixed[s][i] { cost += groupPenalty }
            if target.mixed[t][j] { cost += groupPenalty }
        } else if headings == 2 {
            cost -= 1
        } else if headings == 1 {
            cost += 1
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
}
