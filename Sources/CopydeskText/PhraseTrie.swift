/// The step both phrase scanners (`PhraseMatcher`, `PhraseIndex`) take down their trie, whose
/// nodes are flattened into arrays: node `n`'s edges are `edgeKeys/edgeTargets[edgeStart[n]..<edgeStart[n + 1]]`,
/// or, for a node with many edges, a dense row of 256 in `denseNext` from `denseRow[n]` (-1 if none).
enum PhraseTrie {
    /// The child of `state` on `byte`, or 0 (the root, which no edge leads to) when there is none.
    @inline(__always)
    static func child(of state: Int32, _ byte: UInt8, denseRow: UnsafeBufferPointer<Int32>, denseNext: UnsafeBufferPointer<Int32>,
                      edgeStart: UnsafeBufferPointer<Int32>, edgeKeys: UnsafeBufferPointer<UInt8>, edgeTargets: UnsafeBufferPointer<Int32>) -> Int32 {
        let row = Int(denseRow[Int(state)])
        if row >= 0 { return denseNext[row + Int(byte)] }
        // Few edges: a linear scan beats hashing.
        var edge = Int(edgeStart[Int(state)])
        let edgesEnd = Int(edgeStart[Int(state) + 1])
        while edge < edgesEnd, edgeKeys[edge] != byte { edge += 1 }
        return edge < edgesEnd ? edgeTargets[edge] : 0
    }
}
