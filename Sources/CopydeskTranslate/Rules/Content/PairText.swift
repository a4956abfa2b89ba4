/// One side of an aligned pair as one text: its blocks' bytes joined by a blank line, with the
/// way back from an offset in the joined text to a block and an offset in that block.
struct PairText {
    /// Joined UTF-8 of the blocks.
    var bytes: [UInt8]
    /// Block indices (into the document side) and where each starts in `bytes`.
    var blocks: [(index: Int, start: Int, count: Int)]

    init(_ indices: [Int], of side: [TranslationDocument.Block]) {
        bytes = []
        blocks = []
        for index in indices where side.indices.contains(index) {
            if !bytes.isEmpty { bytes += [0x0A, 0x0A] }
            blocks.append((index, bytes.count, side[index].bytes.count))
            bytes += side[index].bytes
        }
    }

    var isBlank: Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D } }

    /// The block and in-block range of a joined range (clamped to the block it starts in).
    func locate(_ range: Range<Int>) -> (block: Int, range: Range<Int>) {
        var found = blocks.first!
        for block in blocks where block.start <= range.lowerBound { found = block }
        let lower = min(max(range.lowerBound - found.start, 0), found.count)
        let upper = min(max(range.upperBound - found.start, lower), found.count)
        return (found.index, lower..<upper)
    }

    /// An empty range at the start of the first block: where something missing is reported.
    var start: (block: Int, range: Range<Int>) { (blocks[0].index, 0..<0) }

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
}
