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

    @Test func textFromCheckedBytesIsTheSameAsFromAString() {
        for text in ["", "plain ASCII\nsecond line", "Café 📰\r\nowner\rsaid", "«Привет»"] {
            let bytes = Array(text.utf8)
            let file = bytes.withUnsafeBufferPointer {
                SourceFile(path: "a.txt", uncheckedUTF8: $0, isASCII: !bytes.contains { $0 >= 0x80 })
            }
            let reference = SourceFile(path: "a.txt", text: text)
            #expect(file.text == reference.text)
            #expect(Array(file.text.utf8) == bytes)
            #expect(file.lineStarts == reference.lineStarts)
        }
    }

    @Test func cachedValuesAreComputedOncePerFile() {
        let file = SourceFile(path: "a.txt", text: "text")
        var calls = 0
        #expect(file.cached("k") { calls += 1; return 7 } == 7)
        #expect(file.cached("k") { calls += 1; return 8 } == 7)
        let copy = file  // a copy of the value shares what was computed
        #expect(copy.cached("k") { calls += 1; return 9 } == 7)
        #expect(calls == 1)
        #expect(SourceFile(path: "a.txt", text: "text").cached("k") { 5 } == 5)
    }
}
