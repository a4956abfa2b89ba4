import Testing
@testable import CopydeskICU

@Test func detectsRussianWindows1251() throws {
    let text = "Съешь же ещё этих мягких французских булок, да выпей чаю. Москва — столица России."
    let bytes = try CharsetConverter.encode(text, to: "windows-1251")
    #expect(bytes.count == text.count)
    let matches = try CharsetDetector.detect(bytes)
    #expect(matches.first?.name == "windows-1251")
    #expect(matches.first?.language == "ru")
    #expect(zip(matches, matches.dropFirst()).allSatisfy { $0.confidence >= $1.confidence })
    #expect(try CharsetConverter.decode(bytes, from: "windows-1251").text == text)
}

@Test func detectsGreek() throws {
    let text = "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και μία από τις αρχαιότερες πόλεις του κόσμου."
    let bytes = try CharsetConverter.encode(text, to: "ISO-8859-7")
    let best = try #require(try CharsetDetector.detect(bytes).first)
    #expect(["ISO-8859-7", "windows-1253"].contains(best.name))
    #expect(best.language == "el")
}

@Test func detectsUTF8() throws {
    let matches = try CharsetDetector.detect(Array("Grüße aus Köln, Ελλάδα".utf8))
    #expect(matches.first?.name == "UTF-8")
}

@Test func decodesWindows1252Quotes() throws {
    let result = try CharsetConverter.decode([0x93, 0x48, 0x69, 0x94], from: "windows-1252")
    #expect(result.text == "“Hi”")
    #expect(result.invalidByteOffsets.isEmpty)
}

@Test func invalidUTF8IsReplacedAndReported() throws {
    // a, FF (illegal), b, E2 82 (truncated), c, C3 (truncated at end)
    let result = try CharsetConverter.decode([0x61, 0xFF, 0x62, 0xE2, 0x82, 0x63, 0xC3], from: "UTF-8")
    #expect(result.text == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
    #expect(result.invalidByteOffsets == [1, 3, 6])
}

@Test func invalidShiftJISIsReplacedAndReported() throws {
    // a, あ (82 A0), 81 20 (bad trail byte; the space survives), b, 85 (truncated)
    let result = try CharsetConverter.decode([0x61, 0x82, 0xA0, 0x81, 0x20, 0x62, 0x85], from: "Shift_JIS")
    #expect(result.text == "aあ\u{FFFD} b\u{FFFD}")
    #expect(result.invalidByteOffsets == [3, 6])
}

@Test func unknownCharsets() {
    #expect(throws: ICUError.self) { _ = try CharsetConverter.decode([0x41], from: "no-such-charset") }
    #expect(throws: ICUError.self) { _ = try CharsetConverter.encode("A", to: "no-such-charset") }
    #expect(CharsetConverter.isKnown("windows-1251"))
    #expect(CharsetConverter.isKnown("latin1"))
    #expect(!CharsetConverter.isKnown("no-such-charset"))
    #expect(!CharsetConverter.isKnown(""))
}

@Test func unmappableCharacterThrows() throws {
    #expect(try CharsetConverter.encode("“Hi”", to: "windows-1252") == [0x93, 0x48, 0x69, 0x94])
    #expect {
        _ = try CharsetConverter.encode("日本", to: "windows-1252")
    } throws: { error in
        (error as? ICUError)?.name == "U_INVALID_CHAR_FOUND"
    }
}

@Test func emptyInput() throws {
    #expect(try CharsetConverter.decode([], from: "UTF-8").text == "")
    #expect(try CharsetConverter.encode("", to: "UTF-16LE") == [])
    _ = try CharsetDetector.detect([])
}
