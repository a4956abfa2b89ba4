/// One replacement of a byte range of UTF-8 text.
///
/// Offsets are UTF-8 byte offsets into the text the edit was made against. Edits in one fix never
/// overlap; an empty range is an insertion and an empty replacement is a deletion.
public struct TextEdit: Hashable, Sendable, Codable {
    public var range: Range<Int>
    public var replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    public init(offset: Int, length: Int, replacement: String) {
        self.init(range: offset..<(offset + length), replacement: replacement)
    }
}
