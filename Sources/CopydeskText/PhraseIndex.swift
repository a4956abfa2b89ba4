/// Several phrase lists matched in one pass: what `PhraseMatcher` finds for each list, with word
/// boundaries, from a single walk of one trie over a block's bytes.
///
/// Each list gets exactly the matches its own `PhraseMatcher(list, ignoreCase:)` would report
/// (leftmost-longest, non-overlapping, word boundaries, the first entry of equal phrases). A match
/// with word boundaries can only start where no letter or digit ends, and those positions do not
/// depend on the list, so one walk from each of them serves every list: each list keeps its own
/// longest phrase there and its own resume point after its last match.
///
/// The trie folds ASCII case; a case-sensitive list's phrases are checked byte for byte when
/// they match folded.
package struct PhraseIndex: Sendable {
    package let lists: [[String]]
    package let ignoreCase: [Bool]

    private var nodeCount = 1
    /// Dense transitions of the root; other nodes' edges are `edgeKeys/edgeTargets[edgeStart[n]..<edgeStart[n + 1]]`,
    /// or a dense row of 256 in `denseNext` from `denseRow[n]` (-1 if none) for nodes with many edges.
    private var rootNext: [Int32]
    private var edgeStart: [Int32] = []
    private var edgeKeys: [UInt8] = []
    private var edgeTargets: [Int32] = []
    private var denseRow: [Int32] = []
    private var denseNext: [Int32] = []
    /// Phrases ending at node `n`: `outputList/outputPhrase[outputStart[n]..<outputStart[n + 1]]`,
    /// by list, then by phrase index. For a case-insensitive list only its first such phrase.
    private var outputStart: [Int32] = []
    private var outputList: [Int32] = []
    private var outputPhrase: [Int32] = []
    /// The bytes of each case-sensitive phrase (others empty), for the exact check.
    private var exactBytes: [[[UInt8]]]
    /// A bit for the hash (`wordHash`) of each phrase's opening run of ASCII letters and digits,
    /// folded. A phrase matches only where its opening run is the text's whole run (the run ends
    /// where the phrase ends, at a word boundary, or at the phrase's next byte, which is no ASCII
    /// letter or digit), so a word of the text whose bit is clear starts no match and is skipped.
    private var firstWords: [UInt64]
    private static let firstWordBits = 16

    package init(_ lists: [(phrases: [String], ignoreCase: Bool)]) {
        self.lists = lists.map(\.phrases)
        ignoreCase = lists.map(\.ignoreCase)
        var keys: [[UInt8]] = [[]]
        var targets: [[Int32]] = [[]]
        var outputs: [[(list: Int32, phrase: Int32)]] = [[]]
        exactBytes = []
        var firstWords = [UInt64](repeating: 0, count: 1 << (Self.firstWordBits - 6))
        for (listIndex, list) in lists.enumerated() {
            var exact: [[UInt8]] = []
            for (phraseIndex, phrase) in list.phrases.enumerated() {
                let bytes = Array(phrase.utf8)
                exact.append(list.ignoreCase ? [] : bytes)
                guard !bytes.isEmpty else { continue }
                bytes.withUnsafeBufferPointer { b in
                    let (end, hash) = Self.wordHash(b, from: 0)
                    if end > 0 { Self.setBit(&firstWords, hash) }
                }
                var state = 0
                for raw in bytes {
                    let byte = PhraseMatcher.fold(raw)
                    if let edge = keys[state].firstIndex(of: byte) {
                        state = Int(targets[state][edge])
                    } else {
                        keys.append([]); targets.append([]); outputs.append([])
                        keys[state].append(byte)
                        targets[state].append(Int32(keys.count - 1))
                        state = keys.count - 1
                    }
                }
                if list.ignoreCase, outputs[state].contains(where: { $0.list == Int32(listIndex) }) { continue }
                outputs[state].append((Int32(listIndex), Int32(phraseIndex)))
            }
            exactBytes.append(exact)
        }
        self.firstWords = firstWords
        nodeCount = keys.count
        rootNext = [Int32](repeating: 0, count: 256)
        for (key, target) in zip(keys[0], targets[0]) { rootNext[Int(key)] = target }
        denseRow = [Int32](repeating: -1, count: nodeCount)
        for n in 0..<nodeCount {
            edgeStart.append(Int32(edgeKeys.count))
            edgeKeys += keys[n]
            edgeTargets += targets[n]
            outputStart.append(Int32(outputList.count))
            for (list, phrase) in outputs[n] {
                outputList.append(list)
                outputPhrase.append(phrase)
            }
            if n > 0 && keys[n].count >= PhraseMatcher.denseThreshold {
                denseRow[n] = Int32(denseNext.count)
                var row = [Int32](repeating: 0, count: 256)
                for (key, target) in zip(keys[n], targets[n]) { row[Int(key)] = target }
                denseNext += row
            }
        }
        edgeStart.append(Int32(edgeKeys.count))
        outputStart.append(Int32(outputList.count))
    }

    /// The end of the run of ASCII letters and digits at `start`, and a hash of its bytes (folded).
    @inline(__always)
    static func wordHash(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, hash: UInt64) {
        var i = start
        var hash: UInt64 = 0x243F_6A88_85A3_08D3
        let count = b.count
        while true {
            var chunk: UInt64
            if i + 8 <= count {
                chunk = ByteScan.load(b, i)
            } else {
                chunk = 0
                for k in 0..<(count - i) { chunk |= UInt64(b[i + k]) << UInt64(8 * k) }
            }
            let folded = chunk | ByteScan.inRange(chunk, 0x41, 0x5A) >> 2
            let alphanumeric = ByteScan.inRange(folded, 0x61, 0x7A) | ByteScan.inRange(chunk, 0x30, 0x39)
            let stop = ~alphanumeric & ByteScan.highs
            let n = stop == 0 ? 8 : stop.trailingZeroBitCount &>> 3
            let available = min(n, count - i)
            if available > 0 {
                let kept = available == 8 ? folded : folded & ((1 &<< UInt64(8 &* available)) &- 1)
                hash = (hash ^ kept) &* 0x9E37_79B9_7F4A_7C15
                hash ^= hash &>> 29
            }
            i += available
            if available < 8 { return (i, hash) }
        }
    }

    @inline(__always)
    private static func setBit(_ bits: inout [UInt64], _ hash: UInt64) {
        let bit = Int(truncatingIfNeeded: hash &>> UInt64(64 - firstWordBits))
        bits[bit &>> 6] |= 1 &<< UInt64(bit & 63)
    }

    @inline(__always)
    private static func testBit(_ bits: UnsafeBufferPointer<UInt64>, _ hash: UInt64) -> Bool {
        let bit = Int(truncatingIfNeeded: hash &>> UInt64(64 - firstWordBits))
        return bits[bit &>> 6] & (1 &<< UInt64(bit & 63)) != 0
    }

    /// The matches of each list (indexed like `lists`), each in order.
    package func matches(in bytes: [UInt8]) -> [[PhraseMatcher.Match]] {
        var result = [[PhraseMatcher.Match]](repeating: [], count: lists.count)
        guard nodeCount > 1 else { return result }
        let listCount = lists.count
        // Per list: the end and phrase of its longest match at the current start, and where its
        // last match ended (no allocation: a few words on the stack).
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * listCount) { scratch in
        let bestEnd = UnsafeMutableBufferPointer(rebasing: scratch[0..<listCount])
        let bestPhrase = UnsafeMutableBufferPointer(rebasing: scratch[listCount..<(2 * listCount)])
        let resume = UnsafeMutableBufferPointer(rebasing: scratch[(2 * listCount)...])
        bestEnd.initialize(repeating: -1)
        bestPhrase.initialize(repeating: 0)
        resume.initialize(repeating: 0)
        rootNext.withUnsafeBufferPointer { rootNext in
        edgeStart.withUnsafeBufferPointer { edgeStart in
        edgeKeys.withUnsafeBufferPointer { edgeKeys in
        edgeTargets.withUnsafeBufferPointer { edgeTargets in
        outputStart.withUnsafeBufferPointer { outputStart in
        outputList.withUnsafeBufferPointer { outputList in
        outputPhrase.withUnsafeBufferPointer { outputPhrase in
        denseRow.withUnsafeBufferPointer { denseRow in
        denseNext.withUnsafeBufferPointer { denseNext in
        firstWords.withUnsafeBufferPointer { firstWords in
        bytes.withUnsafeBufferPointer { text in
            let count = text.count
            var p = 0
            var previousIsWord = false
            while p < count {
                let lead = text[p]
                var state: Int32
                if lead < 0x80 {
                    if Tokenizer.isASCIIAlphanumeric(lead) {
                        if !previousIsWord {
                            // A word no phrase opens with: skip it.
                            let (end, hash) = Self.wordHash(text, from: p)
                            if !Self.testBit(firstWords, hash) {
                                previousIsWord = true
                                p = end
                                continue
                            }
                        }
                        state = previousIsWord ? 0 : rootNext[Int(PhraseMatcher.fold(lead))]
                        previousIsWord = true
                        if state == 0 {
                            // Inside a word no match starts: skip its ASCII letters and digits.
                            p += 1
                            while p < count, text[p] < 0x80, Tokenizer.isASCIIAlphanumeric(text[p]) { p += 1 }
                            continue
                        }
                    } else {
                        state = previousIsWord ? 0 : rootNext[Int(lead)]
                        previousIsWord = false
                        if state == 0 { p += 1; continue }
                    }
                } else if lead < 0xC0 {
                    p += 1
                    continue
                } else {
                    state = previousIsWord ? 0 : rootNext[Int(lead)]
                    previousIsWord = Tokenizer.isWordByte(text, p)
                    if state == 0 { p += Tokenizer.width(lead); continue }
                }
                // Walk the trie from p; each list keeps its longest phrase ending at a boundary.
                var found = false
                var j = p
                while true {
                    let first = Int(outputStart[Int(state)]), last = Int(outputStart[Int(state) + 1])
                    if first < last, j + 1 >= count || !Tokenizer.isWordByte(text, j + 1) {
                        let end = j + 1
                        for output in first..<last {
                            let list = Int(outputList[output])
                            guard resume[list] <= p, bestEnd[list] != end else { continue }
                            let phrase = outputPhrase[output]
                            if !ignoreCase[list] && !exactMatch(list, Int(phrase), text, p) { continue }
                            bestEnd[list] = end
                            bestPhrase[list] = Int(phrase)
                            found = true
                        }
                    }
                    j += 1
                    guard j < count else { break }
                    let child = PhraseTrie.child(of: state, PhraseMatcher.fold(text[j]), denseRow: denseRow, denseNext: denseNext,
                                                 edgeStart: edgeStart, edgeKeys: edgeKeys, edgeTargets: edgeTargets)
                    guard child != 0 else { break }
                    state = child
                }
                if found {
                    for list in 0..<listCount where bestEnd[list] > p && resume[list] <= p {
                        result[list].append(PhraseMatcher.Match(range: p..<bestEnd[list], phrase: bestPhrase[list]))
                        resume[list] = bestEnd[list]
                    }
                }
                p += lead < 0x80 ? 1 : Tokenizer.width(lead)
            }
        }}}}}}}}}}}
        }
        return result
    }

    private func exactMatch(_ list: Int, _ phrase: Int, _ text: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        let expected = exactBytes[list][phrase]
        guard start + expected.count <= text.count else { return false }
        for (k, byte) in expected.enumerated() where text[start + k] != byte { return false }
        return true
    }
}
