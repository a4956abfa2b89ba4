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
    }

    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// All matches, leftmost-longest and non-overlapping, in order.
    public func matches(in bytes: [UInt8]) -> [Match] {
        guard nodeCount > 1 else { return [] }
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
