@testable import CopydeskText
import Testing

/// The word-at-a-time scans of the text layer against the simple definitions they replace, on
/// generated text built from the pieces where they could differ.
@Suite struct TextScanTests {
    static let pieces: [String] = [
        "said", "Said", "SAIDS", "according", "to", "According", "accordingly", "internationally", "recognised",
        "U.S.", "a.m.", "Mr.", "Sept.", "No.", "F.", "Kennedy", "1,200.5", "3.5", "12,34", "5'11\"", "'90s", "don't",
        "don’t", "Xi-Putin", "rock 'n' roll", "``Quote,''", "`hi'", "\"", "'", "“", "”", "‘", "’", "«", "»", "„",
        "「", "」", "＂", "--", " _ ", "-", ".", ",", "!", "?", "(", ")", "Zürich", "ZÜRICH", "Москва", "É", "e\u{301}",
        "日本", "\u{212A}", "abcdefghij", "ABCDEFGHIJKLMNOPQ", "x7", "7x", "officials said", "sources", "today",
        "chicken Kiev", "Kiev", "(AP)", "tomorrow.", "12\"", "a", "I", "  ", " ", "\n", "\t", "é", "ß",
    ]

    static func texts(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<(next() % 40) {
                text += pieces[next() % pieces.count]
                switch next() % 4 {
                case 0: text += " "
                case 1: break
                default: text += " "
                }
            }
            return text
        }
    }

    @Test func wordsAsTheByteLoop() {
        for text in Self.texts(count: 3000, seed: 7) + PhraseIndexTests.texts {
            let bytes = Array(text.utf8)
            #expect(Tokenizer.words(bytes) == Self.referenceWords(bytes), "\(text)")
        }
    }

    @Test func sentencesAsWithStrings() {
        let abbreviations: Set<String> = ["Mr", "Sept", "No", "U.S", "a.m", "Gen", "Lt. Gov", "abcdefghij", "Zürich", ""]
        for text in Self.texts(count: 2000, seed: 11) {
            let bytes = Array(text.utf8)
            let words = Tokenizer.words(bytes)
            #expect(Tokenizer.sentences(bytes, words: words, abbreviations: abbreviations)
                    == Self.referenceSentences(bytes, words: words, abbreviations: abbreviations), "\(text)")
        }
        // A non-ASCII abbreviation canonically equal to an ASCII word (Kelvin sign, K).
        let kelvin: Set<String> = ["\u{212A}"]
        let bytes = Array("Call K. Smith now.".utf8)
        let words = Tokenizer.words(bytes)
        #expect(Tokenizer.sentences(bytes, words: words, abbreviations: kelvin)
                == Self.referenceSentences(bytes, words: words, abbreviations: kelvin))
    }

    @Test func phraseIndexAsOneMatcherPerList() {
        let lists = PhraseIndexTests.lists + [(["accordingly", "internationally recognised", "abcdefgh", "ABCDEFGHIJKLMNOPQ x"], true)]
        let index = PhraseIndex(lists)
        for text in Self.texts(count: 1500, seed: 3) {
            let bytes = Array(text.utf8)
            let all = index.matches(in: bytes)
            for (n, list) in lists.enumerated() {
                #expect(all[n] == PhraseMatcher(list.phrases, ignoreCase: list.ignoreCase).matches(in: bytes), "list \(n) in \(text)")
            }
        }
    }

    @Test func typographyMarksAreItsChanges() {
        let options = [
            TypographyOptions(legacyConventions: true, smartQuotes: .english),
            TypographyOptions(legacyConventions: false, smartQuotes: .english),
            TypographyOptions(legacyConventions: true, dashStyle: .enSpaced, smartQuotes: nil),
            TypographyOptions(legacyConventions: true, smartQuotes: QuoteStyle(primaryOpen: "”", primaryClose: "”", secondaryOpen: "’", secondaryClose: "’")),
        ]
        for text in Self.texts(count: 1500, seed: 5) {
            let bytes = Array(text.utf8)
            for option in options {
                let changes = Typography.changes(in: text, options: option)
                let marks = bytes.withUnsafeBufferPointer { Typography.marks(in: $0, options: option) }
                #expect(marks.map { [String(describing: $0.range), $0.replacement, $0.ruleID] }
                        == changes.map { [String(describing: $0.edit.range), $0.edit.replacement, $0.ruleID] }, "\(text)")
            }
        }
    }

    // MARK: The definitions before the word-at-a-time scans

    static func referenceWords(_ bytes: [UInt8]) -> [Tokenizer.Word] {
        var words: [Tokenizer.Word] = []
        func joinerWidth(_ i: Int) -> Int {
            let byte = bytes[i]
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") { return 1 }
            if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { return 3 }
            return 0
        }
        var i = 0
        let count = bytes.count
        while i < count {
            guard Tokenizer.isWordByte(bytes, i) else { i += 1; continue }
            let start = i
            var allDigits = true
            while i < count {
                let byte = bytes[i]
                if Tokenizer.isWordByte(bytes, i) {
                    if !ByteClass.isDigit(byte) { allDigits = false }
                    i += byte < 0x80 ? 1 : Tokenizer.width(byte)
                    continue
                }
                let joiner = joinerWidth(i)
                if joiner > 0, i + joiner < count, Tokenizer.isWordByte(bytes, i + joiner), i > start {
                    let isNumericJoiner = byte == UInt8(ascii: ",") || (byte == UInt8(ascii: ".") && ByteClass.isDigit(bytes[i - 1]))
                    if isNumericJoiner && !(ByteClass.isDigit(bytes[i - 1]) && ByteClass.isDigit(bytes[i + joiner])) { break }
                    i += joiner
                    continue
                }
                break
            }
            if i < count, bytes[i] == UInt8(ascii: "."), i - start >= 3, bytes[i - 2] == UInt8(ascii: ".") { i += 1 }
            words.append(Tokenizer.Word(range: start..<i, isCapitalized: Tokenizer.isUpper(bytes, start), isNumber: allDigits && ByteClass.isDigit(bytes[start])))
        }
        return words
    }

    /// `Tokenizer.sentences` with the abbreviation looked up as a `String` in the set.
    static func referenceSentences(_ bytes: [UInt8], words: [Tokenizer.Word], abbreviations: Set<String>) -> [Range<Int>] {
        func isAbbreviation(before period: Int) -> Bool {
            guard let word = words.last(where: { $0.range.lowerBound < period }), word.range.upperBound >= period else { return false }
            let text = String(decoding: bytes[word.range.lowerBound..<period], as: UTF8.self)
            if abbreviations.contains(text) { return true }
            return text.utf8.count == 1 && Tokenizer.isUpper(bytes, word.range.lowerBound)
        }
        func isUpperOrDigit(_ i: Int) -> Bool { Tokenizer.isUpper(bytes, i) || ByteClass.isDigit(bytes[i]) }
        func startsSentence(_ i: Int) -> Bool {
            if isUpperOrDigit(i) { return true }
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "(") { return true }
            if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x9C || bytes[i + 2] == 0x98 { return true }
            if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xAB { return true }
            return false
        }
        func closingWidth(_ i: Int) -> Int {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ")") { return 1 }
            if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x9D || bytes[i + 2] == 0x99 { return 3 }
            if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xBB { return 2 }
            return 0
        }
        var result: [Range<Int>] = []
        var start = 0, i = 0
        let count = bytes.count
        while start < count, bytes[start] == 0x20 || bytes[start] == 0x0A { start += 1 }
        while i < count {
            let byte = bytes[i]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                var end = i + 1
                while end < count, closingWidth(end) > 0 { end += closingWidth(end) }
                if end < count, bytes[end] == 0x20 || bytes[end] == 0x0A {
                    var next = end
                    while next < count, bytes[next] == 0x20 || bytes[next] == 0x0A { next += 1 }
                    if next < count, startsSentence(next), !(byte == UInt8(ascii: ".") && isAbbreviation(before: i)) {
                        result.append(start..<end)
                        start = next
                        i = next
                        continue
                    }
                }
                i = end
                continue
            }
            i += 1
        }
        var end = count
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A { end -= 1 }
        if end > start { result.append(start..<end) }
        return result
    }
}
