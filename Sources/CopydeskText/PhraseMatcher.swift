/// Finds many words and phrases in one pass over UTF-8 bytes: an Aho–Corasick automaton built
/// once per rule set, so a word list of any length costs one scan, never a loop of searches.
///
/// Matching folds ASCII case when asked (non-ASCII letters match exactly) and, unless `nonword`,
/// only accepts matches with word boundaries on both sides.
public struct PhraseMatcher: Sendable {
    public struct Match: Sendable, Hashable {
        public var range: Range<Int>
        /// Index of the phrase in the list the matcher was built from.
        public var phrase: Int
    }

    private struct Node: Sendable {
        var keys: [UInt8] = []
        var targets: [Int32] = []
        var fail: Int32 = 0
        /// Phrases ending here: (index, byte length).
        var outputs: [(Int, Int)] = []

        func next(_ byte: UInt8) -> Int32? {
            // Few edges per node: a linear scan beats hashing.
            for (index, key) in keys.enumerated() where key == byte { return targets[index] }
            return nil
        }
    }

    /// The automaton flattened into contiguous arrays for the scan (no per-node arrays to retain):
    /// node `n`'s edges are `edgeKeys/edgeTargets[edgeStart[n]..<edgeStart[n + 1]]`, its outputs
    /// `outputPhrases/outputLengths[outputStart[n]..<outputStart[n + 1]]`.
    private var nodeCount: Int
    private var edgeStart: [Int32]
    private var edgeKeys: [UInt8]
    private var edgeTargets: [Int32]
    private var failLinks: [Int32]
    private var outputStart: [Int32]
    private var outputPhrases: [Int32]
    private var outputLengths: [Int32]
    /// Dense transitions of the root, the state visited most.
    private var rootNext: [Int32]
    /// Dense transitions (256 a row) of the nodes with many edges, where a linear scan of the
    /// edges would be long: `denseRow[n]` is the row's start in `denseNext`, or -1.
    private var denseRow: [Int32]
    private var denseNext: [Int32]
    static let denseThreshold = 6
    public let ignoreCase: Bool
    public let wordBoundaries: Bool
    public let phrases: [String]

    public init(_ phrases: [String], ignoreCase: Bool, wordBoundaries: Bool = true) {
        self.phrases = phrases
        self.ignoreCase = ignoreCase
        self.wordBoundaries = wordBoundaries
        var nodes = [Node()]
        for (index, phrase) in phrases.enumerated() {
            var state = 0
            let bytes = Array(phrase.utf8)
            guard !bytes.isEmpty else { continue }
            for raw in bytes {
                let byte = ignoreCase ? Self.fold(raw) : raw
                if let next = nodes[state].next(byte) {
                    state = Int(next)
                } else {
                    nodes.append(Node())
                    nodes[state].keys.append(byte)
                    nodes[state].targets.append(Int32(nodes.count - 1))
                    state = nodes.count - 1
                }
            }
            nodes[state].outputs.append((index, bytes.count))
        }
        // Failure links, breadth first.
        var queue: [Int] = []
        for target in nodes[0].targets { nodes[Int(target)].fail = 0; queue.append(Int(target)) }
        var head = 0
        while head < queue.count {
            let state = queue[head]; head += 1
            for (key, target) in zip(nodes[state].keys, nodes[state].targets) {
                var fail = Int(nodes[state].fail)
                while fail != 0, nodes[fail].next(key) == nil { fail = Int(nodes[fail].fail) }
                let link = nodes[fail].next(key).map(Int.init) ?? 0
                nodes[Int(target)].fail = Int32(link == Int(target) ? 0 : link)
                nodes[Int(target)].outputs += nodes[Int(nodes[Int(target)].fail)].outputs
                queue.append(Int(target))
            }
        }
        var rootNext = [Int32](repeating: 0, count: 256)
        for (key, target) in zip(nodes[0].keys, nodes[0].targets) { rootNext[Int(key)] = target }
        self.rootNext = rootNext
        nodeCount = nodes.count
        edgeStart = []; edgeKeys = []; edgeTargets = []; failLinks = []
        outputStart = []; outputPhrases = []; outputLengths = []
        edgeStart.reserveCapacity(nodes.count + 1)
        outputStart.reserveCapacity(nodes.count + 1)
        failLinks.reserveCapacity(nodes.count)
        for node in nodes {
            edgeStart.append(Int32(edgeKeys.count))
            edgeKeys += node.keys
            edgeTargets += node.targets
            failLinks.append(node.fail)
            outputStart.append(Int32(outputPhrases.count))
            for (phrase, length) in node.outputs {
                outputPhrases.append(Int32(phrase))
                outputLengths.append(Int32(length))
            }
        }
        edgeStart.append(Int32(edgeKeys.count))
        outputStart.append(Int32(outputPhrases.count))
        var denseRow = [Int32](repeating: -1, count: nodes.count)
        var denseNext: [Int32] = []
        for (n, node) in nodes.enumerated() where n > 0 && node.keys.count >= Self.denseThreshold {
            denseRow[n] = Int32(denseNext.count)
            var row = [Int32](repeating: 0, count: 256)
            for (key, target) in zip(node.keys, node.targets) { row[Int(key)] = target }
            denseNext += row
        }
        self.denseRow = denseRow
        self.denseNext = denseNext
    }

    @inlinable @inline(__always)
    package static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// All matches, leftmost-longest and non-overlapping, in order.
    public func matches(in bytes: [UInt8]) -> [Match] {
        guard nodeCount > 1 else { return [] }
        return wordBoundaries ? boundedMatches(in: bytes) : automatonMatches(in: bytes)
    }

    /// With word boundaries a match starts only where no letter or digit ends, so instead of
    /// running the automaton over every byte, walk the trie from each such position: the longest
    /// phrase there that also ends at a boundary is the leftmost-longest match, and the scan
    /// resumes after it. Same matches as the automaton's, sorted and filtered.
    private func boundedMatches(in bytes: [UInt8]) -> [Match] {
        var result: [Match] = []
        rootNext.withUnsafeBufferPointer { rootNext in
        edgeStart.withUnsafeBufferPointer { edgeStart in
        edgeKeys.withUnsafeBufferPointer { edgeKeys in
        edgeTargets.withUnsafeBufferPointer { edgeTargets in
        outputStart.withUnsafeBufferPointer { outputStart in
        outputPhrases.withUnsafeBufferPointer { outputPhrases in
        outputLengths.withUnsafeBufferPointer { outputLengths in
        denseRow.withUnsafeBufferPointer { denseRow in
        denseNext.withUnsafeBufferPointer { denseNext in
        bytes.withUnsafeBufferPointer { text in
            let count = text.count
            let fold = ignoreCase
            var p = 0
            var previousIsWord = false
            while p < count {
                let lead = text[p]
                var state: Int32
                if lead < 0x80 {
                    if Tokenizer.isASCIIAlphanumeric(lead) {
                        state = previousIsWord ? 0 : rootNext[Int(fold ? Self.fold(lead) : lead)]
                        if state == 0 {
                            // Inside a word no match starts: skip its ASCII letters and digits.
                            p += 1
                            while p < count, text[p] < 0x80, Tokenizer.isASCIIAlphanumeric(text[p]) { p += 1 }
                            previousIsWord = true
                            continue
                        }
                        previousIsWord = true
                    } else {
                        state = previousIsWord ? 0 : rootNext[Int(lead)]
                        previousIsWord = false
                        if state == 0 { p += 1; continue }
                    }
                } else if lead < 0xC0 {
                    // A stray continuation byte: part of the character before it.
                    p += 1
                    continue
                } else {
                    state = previousIsWord ? 0 : rootNext[Int(lead)]
                    previousIsWord = Tokenizer.isWordByte(text, p)
                    if state == 0 { p += Tokenizer.width(lead); continue }
                }
                let width = lead < 0x80 ? 1 : Tokenizer.width(lead)
                var j = p
                var bestEnd = -1, bestPhrase: Int32 = 0
                while true {
                    // The phrases spelled by the path to `state` (its own outputs come first).
                    let length = Int32(j + 1 - p)
                    var output = Int(outputStart[Int(state)])
                    let outputsEnd = Int(outputStart[Int(state) + 1])
                    while output < outputsEnd, outputLengths[output] != length { output += 1 }
                    if output < outputsEnd, j + 1 >= count || !Tokenizer.isWordByte(text, j + 1) {
                        bestEnd = j + 1
                        bestPhrase = outputPhrases[output]
                    }
                    j += 1
                    guard j < count else { break }
                    let child = PhraseTrie.child(of: state, fold ? Self.fold(text[j]) : text[j], denseRow: denseRow, denseNext: denseNext,
                                                 edgeStart: edgeStart, edgeKeys: edgeKeys, edgeTargets: edgeTargets)
                    guard child != 0 else { break }
                    state = child
                }
                guard bestEnd > p else { p += width; continue }
                result.append(Match(range: p..<bestEnd, phrase: Int(bestPhrase)))
                // Resume after the match; the character before that is the match's last.
                var k = bestEnd - 1
                while k > p, text[k] & 0xC0 == 0x80 { k -= 1 }
                previousIsWord = Tokenizer.isWordByte(text, k)
                p = bestEnd
            }
        }}}}}}}}}}
        return result
    }

    private func automatonMatches(in bytes: [UInt8]) -> [Match] {
        var found: [Match] = []
        rootNext.withUnsafeBufferPointer { rootNext in
        edgeStart.withUnsafeBufferPointer { edgeStart in
        edgeKeys.withUnsafeBufferPointer { edgeKeys in
        edgeTargets.withUnsafeBufferPointer { edgeTargets in
        failLinks.withUnsafeBufferPointer { failLinks in
        outputStart.withUnsafeBufferPointer { outputStart in
        outputPhrases.withUnsafeBufferPointer { outputPhrases in
        outputLengths.withUnsafeBufferPointer { outputLengths in
        bytes.withUnsafeBufferPointer { text in
            var state: Int32 = 0
            for i in 0..<text.count {
                let byte = ignoreCase ? Self.fold(text[i]) : text[i]
                while true {
                    if state == 0 { state = rootNext[Int(byte)]; break }
                    // Few edges per node: a linear scan beats hashing.
                    let first = Int(edgeStart[Int(state)]), last = Int(edgeStart[Int(state) + 1])
                    var edge = first
                    while edge < last, edgeKeys[edge] != byte { edge += 1 }
                    if edge < last { state = edgeTargets[edge]; break }
                    state = failLinks[Int(state)]
                }
                let outputs = Int(outputStart[Int(state)])..<Int(outputStart[Int(state) + 1])
                if outputs.isEmpty { continue }
                for output in outputs {
                    let length = Int(outputLengths[output])
                    let start = i + 1 - length
                    if wordBoundaries && !(Self.isBoundary(bytes, before: start) && Self.isBoundary(bytes, after: i + 1)) { continue }
                    found.append(Match(range: start..<(i + 1), phrase: Int(outputPhrases[output])))
                }
            }
        }}}}}}}}}
        // Leftmost, then longest; drop overlaps.
        found.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        var result: [Match] = []
        var end = 0
        for match in found where match.range.lowerBound >= end {
            result.append(match)
            end = match.range.upperBound
        }
        return result
    }

    static func isBoundary(_ bytes: [UInt8], before index: Int) -> Bool {
        guard index > 0 else { return true }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return !Tokenizer.isWordByte(bytes, start)
    }

    static func isBoundary(_ bytes: [UInt8], after index: Int) -> Bool {
        guard index < bytes.count else { return true }
        return !Tokenizer.isWordByte(bytes, index)
    }
}
