/// A proposed correction: edits against the input file's text, applied all together or not at all.
public struct Fix: Hashable, Sendable, Codable {
    /// Sorted, non-overlapping edits in byte offsets of `SourceFile.text`.
    public var edits: [TextEdit]

    public init(edits: [TextEdit]) {
        self.edits = edits.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    /// The byte range of the input the fix touches, from its first edit to its last.
    public var coveredRange: Range<Int> {
        guard let first = edits.first, let last = edits.last else { return 0..<0 }
        return first.range.lowerBound..<max(first.range.upperBound, last.range.upperBound)
    }
}
