import Testing
@testable import CopydeskCore

/// Columns on lines longer than the checkpoint stride come from per-file checkpoints; they must
/// equal counting from the line's start, for every scalar width (1–4 bytes) and line ending.
@Suite struct SourceFileLongLineTests {
    static func naive(_ text: String, _ offset: Int) -> (line: Int, column: Int, utf16: Int) {
        let bytes = Array(text.utf8)
        var line = 1, lineStart = 0, i = 0
        while i < offset {
            if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
            else if bytes[i] == 0x0D { if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }; line += 1; lineStart = i + 1 }
            i += 1
        }
        var scalars = 0, utf16 = 0
        for j in lineStart..<max(lineStart, offset) where bytes[j] & 0xC0 != 0x80 {
            scalars += 1
            utf16 += bytes[j] >= 0xF0 ? 2 : 1
        }
        return (line, scalars + 1, utf16 + 1)
    }

    @Test func longLinesAgreeWithCountingFromTheLineStart() {
        let pieces = ["a", "é", "Ж", "€", "😀", " ", "ninety ", "Σεπτεμβρίου "]
        var text = "Headline\r\n\r\n"
        var state: UInt64 = 42
        for _ in 0..<12_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            text += pieces[Int(state >> 33) % pieces.count]
        }
        text += "\nshort line\n" + String(repeating: "😀Ж", count: 3_000)
        let file = SourceFile(path: "long.txt", text: text)
        let bytes = Array(text.utf8)
        var offset = 0
        while offset <= bytes.count {
            let location = file.location(of: offset)
            let expected = Self.naive(text, offset)
            #expect(location.line == expected.line && location.column == expected.column && location.utf16Column == expected.utf16,
                    "offset \(offset)")
            if location.line != expected.line || location.column != expected.column { break }
            offset += 997
        }
    }
}
