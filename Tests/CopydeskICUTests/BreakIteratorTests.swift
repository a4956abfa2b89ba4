import Testing
@testable import CopydeskICU

private func words(_ text: String, locale: String = "en") throws -> [String] {
    let bytes = Array(text.utf8)
    return try BreakIterator(kind: .word, locale: locale).segments(in: text)
        .filter(\.isWordLike).map { String(decoding: bytes[$0.range], as: UTF8.self) }
}

@Test func englishWords() throws {
    let segments = try BreakIterator(kind: .word, locale: "en").segments(in: "Xi Jinping said.")
    #expect(segments == [
        TextSegment(range: 0..<2, isWordLike: true), TextSegment(range: 2..<3, isWordLike: false),
        TextSegment(range: 3..<10, isWordLike: true), TextSegment(range: 10..<11, isWordLike: false),
        TextSegment(range: 11..<15, isWordLike: true), TextSegment(range: 15..<16, isWordLike: false),
    ])
}

@Test func chineseWordsUseTheDictionaryAndUTF8Offsets() throws {
    let text = "习近平将访问乌兹别克斯坦"
    let segments = try BreakIterator(kind: .word, locale: "zh").segments(in: text)
    #expect(segments.count > 1)
    #expect(segments.first?.range.lowerBound == 0)
    #expect(segments.last?.range.upperBound == text.utf8.count)
    // Contiguous, and every boundary falls between 3-byte characters.
    for (a, b) in zip(segments, segments.dropFirst()) { #expect(a.range.upperBound == b.range.lowerBound) }
    #expect(segments.allSatisfy { $0.range.lowerBound % 3 == 0 && $0.isWordLike })
    // ICU 72's dictionary keeps 访问 ("visit") together.
    #expect(try words(text, locale: "zh").contains("访问"))
}

@Test func multibyteOffsets() throws {
    #expect(try words("Ça va, Δελφοί?") == ["Ça", "va", "Δελφοί"])
    let segments = try BreakIterator(kind: .word, locale: "fr").segments(in: "Ça va")
    #expect(segments.map(\.range) == [0..<3, 3..<4, 4..<6])
}

@Test func sentences() throws {
    let text = "Hello world. How are you? Fine!"
    let bytes = Array(text.utf8)
    let segments = try BreakIterator(kind: .sentence, locale: "en").segments(in: text)
    #expect(segments.map { String(decoding: bytes[$0.range], as: UTF8.self) } == [
        "Hello world. ", "How are you? ", "Fine!",
    ])
    #expect(segments.allSatisfy { $0.isWordLike })
}

@Test func charactersAndEmptyText() throws {
    let graphemes = try BreakIterator(kind: .character, locale: "en").segments(in: "e\u{301}🇬🇷a")
    #expect(graphemes.map(\.range) == [0..<3, 3..<11, 11..<12])
    #expect(try BreakIterator(kind: .line, locale: "en").segments(in: "").isEmpty)
    let lines = try BreakIterator(kind: .line, locale: "en").segments(in: "two words")
    #expect(lines.map(\.range) == [0..<4, 4..<9])
}

@Test func breakIteratorIsSharedAcrossTasks() async throws {
    let iterator = try BreakIterator(kind: .word, locale: "en")
    let counts = try await withThrowingTaskGroup(of: Int.self) { group in
        for i in 0..<16 {
            group.addTask { try iterator.segments(in: String(repeating: "word ", count: i + 1)).count }
        }
        return try await group.reduce(into: [Int]()) { $0.append($1) }
    }
    #expect(counts.sorted() == (1...16).map { $0 * 2 })
}
