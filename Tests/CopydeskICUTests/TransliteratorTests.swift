import Testing
@testable import CopydeskICU

@Test func greekUNGEGN() throws {
    let t = try Transliterator(id: "Greek-Latin/UNGEGN")
    #expect(t.id == "Greek-Latin/UNGEGN")
    // ICU 72 marks the η with a combining macron below: "Athí̱na".
    #expect(t.transliterate("Αθήνα").unicodeScalars.map(\.value) == [0x41, 0x74, 0x68, 0xED, 0x331, 0x6E, 0x61])
}

@Test func anyLatinToASCII() throws {
    let t = try Transliterator(id: "Any-Latin; Latin-ASCII")
    #expect(t.transliterate("Москва") == "Moskva")
    #expect(t.transliterate("Αθήνα") == "Athena")
    #expect(t.transliterate("习近平") == "xi jin ping")
    #expect(t.transliterate("") == "")
}

@Test func unknownTransformThrows() {
    #expect {
        _ = try Transliterator(id: "Klingon-Vulcan")
    } throws: { error in
        (error as? ICUError)?.name == "U_INVALID_ID"
    }
}

@Test func transliteratorIsSharedAcrossTasks() async throws {
    let t = try Transliterator(id: "Any-Latin; Latin-ASCII")
    let results = await withTaskGroup(of: String.self) { group in
        for _ in 0..<16 { group.addTask { t.transliterate("Москва") } }
        return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results == Array(repeating: "Moskva", count: 16))
}
