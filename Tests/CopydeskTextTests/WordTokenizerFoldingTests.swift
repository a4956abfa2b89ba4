import CopydeskICU
import Testing
@testable import CopydeskText

/// `WordTokenizer` folds ASCII words itself and sends only the other pieces between ASCII
/// whitespace to ICU; the result must be byte for byte ICU's NFKC casefold of the whole text.
@Suite struct WordTokenizerFoldingTests {
    static let pieces = [
        "The", "KREMLIN", "said", "Putin's", "don’t", "Ｐｕｔｉｎ", "ﬁnance", "Straße", "ΑΘΗΝΑ", "Москва", "北京", "e\u{301}", "\u{301}",
        "a\u{308}\u{304}", "\u{AD}", "\u{200D}", "ǅ", "İ", "①", "x²", "\u{0345}", "ᾼ", "\u{FDFA}", "Å", "ß", "1,200", "(AP)", "—",
        " ", " ", "  ", "\n", "\t", "\r\n", "\u{A0}", "\u{2003}", "\u{3000}", "@", "Z", "[", "`", "z{",
    ]

    @Test func foldingMatchesICU() throws {
        let tokenizer = try WordTokenizer()
        let icu = try Normalizer(form: .nfkcCasefold)
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        var failures = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<next(30) {
                text += Self.pieces[next(Self.pieces.count)]
                if next(3) != 0 { text += " " }
            }
            let expected = Array(try icu.normalize(text).utf8)
            let folded = try tokenizer.caseFolded(text)
            if folded != expected, failures < 3 {
                failures += 1
                Issue.record("folding differs from ICU for \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func asciiWordsAreLowercased() throws {
        let tokenizer = try WordTokenizer()
        #expect(try tokenizer.words(in: "The KREMLIN said: Putin's plan, 1,200 [sic]") == ["the", "kremlin", "said", "putins", "plan", "1", "200", "sic"])
    }
}
