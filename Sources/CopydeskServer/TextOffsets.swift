/// UTF-8 byte offsets of a text turned into UTF-16 code-unit offsets (what LanguageTool and
/// JavaScript count in), for many offsets in one pass over the text.
struct TextOffsets {
    private var table: [Int: Int] = [:]

    init(text: String, byteOffsets: some Sequence<Int>) {
        let wanted = Set(byteOffsets).sorted()
        var next = 0
        var utf16 = 0
        var byteIndex = 0
        for byte in text.utf8 {
            while next < wanted.count, wanted[next] <= byteIndex {
                table[wanted[next]] = utf16
                next += 1
            }
            if next == wanted.count { break }
            // A lead byte starts a scalar: one UTF-16 unit, two for a 4-byte sequence.
            if byte & 0xC0 != 0x80 { utf16 += byte >= 0xF0 ? 2 : 1 }
            byteIndex += 1
        }
        while next < wanted.count {
            table[wanted[next]] = utf16
            next += 1
        }
    }

    func utf16(_ byteOffset: Int) -> Int { table[byteOffset] ?? 0 }
}
