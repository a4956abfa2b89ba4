import Testing
@testable import CopydeskCore

@Suite struct SourceFileTests {
    @Test func linesAndColumnsCountScalarsAndUTF16() {
        // Line 2 has an "é" (2 bytes, 1 scalar) and an emoji (4 bytes, 1 scalar, 2 UTF-16 units).
        let file = SourceFile(path: "story.txt", text: "MOSCOW (AP) —\r\nCafé 📰 owner\nsaid")
        let owner = file.text.utf8.count - "owner\nsaid".utf8.count
        let location = file.location(of: owner)
        #expect(location.line == 2)
        #expect(location.column == 8)       // C a f é space 📰 space → column 8
        #expect(location.utf16Column == 9)  // the emoji takes two UTF-16 units
        #expect(file.lineText(1) == "MOSCOW (AP) —")
        #expect(file.lineText(3) == "said")
        #expect(file.location(of: file.byteCount).line == 3)
    }

    @Test func loneCarriageReturnEndsALine() {
        let file = SourceFile(path: "old.txt", text: "one\rtwo\r\nthree")
        #expect(file.lineStarts == [0, 4, 9])
        #expect(file.location(of: 9).line == 3)
    }
}
