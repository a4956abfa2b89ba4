import CopydeskTestSupport
import Copydesk
import Foundation
import Testing
@testable import CopydeskNormalize

/// `CleanBlockScan` lets the normalize stage skip a block: whenever it says "clean", every step
/// must return no change. Checked on text built from pieces that sit on the edge of each step's
/// rules (pairs of spaces, hyphens and apostrophes, line feeds, curly quotes, Latin-1 letters,
/// mojibake leads, invisible and unusual spaces), so both answers come up often.
@Suite struct CleanBlockScanTests {
    static let pieces = [
        "the", "Kremlin", "said", "on", "Tuesday", "it's", "well-known", "U.S.", "1,200", "(AP)", "—", "–", "’", "‘", "“", "”", "…",
        "é", "café", "São", "Ä", "À", "Á", "Ã", "Â", "Ã©", "â€™", "é’", "×", " ", " ", " ", " ", "  ", "\n", "\n\n", " \n", "\n ", "'", "''",
        "-", "--", "---", "\"", "`", "``", "_", " _ ", "\t", "\r\n", "\u{A0}", "\u{2003}", "\u{200B}", "\u{AD}", "e\u{301}", "…’",
        "x", "y", "z", ".", ",", "ﬁ", "Москва",
    ]

    static func text(_ generator: inout WireTextGenerator) -> String {
        let count = Int.random(in: 0...24, using: &generator)
        var out = ""
        for _ in 0..<count {
            out += generator.pick(pieces)
            if Int.random(in: 0..<3, using: &generator) != 0 { out += " " }
        }
        // Long clean stretches too, so the eight-bytes-at-a-time path meets every piece at every
        // alignment.
        if Bool.random(using: &generator) { out = "The minister said the talks would resume " + out + " on Tuesday, officials said" }
        return out
    }

    static func stepChanges(_ text: String, smart: Bool, unwrap: Bool) throws -> Int {
        let typography = TypographyOptions(
            legacyConventions: true, dashStyle: .emSpaced,
            smartQuotes: smart ? QuoteStyle(primaryOpen: "“", primaryClose: "”", secondaryOpen: "‘", secondaryClose: "’") : nil)
        let whitespace = WhitespaceCleanup(tabs: .space, noBreakSpaces: .keep, unwrapLines: unwrap, trimsBlockEdges: true)
        return MojibakeRepair.repairs(in: text).count
            + InvisibleCharacters().changes(in: text).count
            + whitespace.changes(in: text).count
            + Typography.changes(in: text, options: typography).count
            + (try UnicodeForm(form: .nfc).changes(in: text).count)
    }

    @Test func cleanMeansNoStepChangesAnything() throws {
        var clean = 0, dirty = 0, failures = 0
        let iterations = WireTextGenerator.iterations(quick: 4000)
        for index in 0..<iterations {
            var generator = WireTextGenerator(seed: WireTextGenerator.baseSeed &+ UInt64(index) &* 0x9E37)
            let text = Self.text(&generator)
            for (smart, unwrap) in [(false, false), (true, false), (false, true)] {
                let isClean = text.utf8.withContiguousStorageIfAvailable {
                    CleanBlockScan.isClean($0, smartQuotes: smart, unwrapLines: unwrap)
                } ?? false
                guard isClean else { dirty += 1; continue }
                clean += 1
                let changes = try Self.stepChanges(text, smart: smart, unwrap: unwrap)
                if changes != 0, failures < 3 {
                    failures += 1
                    Issue.record("called clean, but \(changes) change(s) (smart \(smart), unwrap \(unwrap)): \(escaped(text))")
                }
            }
        }
        // Both answers must come up, or the property proves nothing.
        #expect(clean > iterations / 20)
        #expect(dirty > iterations / 20)
    }

    @Test func examples() {
        func clean(_ text: String, smart: Bool = false) -> Bool {
            var copy = text
            return copy.withUTF8 { CleanBlockScan.isClean($0, smartQuotes: smart, unwrapLines: false) }
        }
        #expect(clean("The minister’s “plan” — it's well-known — was café-ready…"))
        #expect(clean("Two lines\nof one paragraph"))
        #expect(clean(""))
        #expect(!clean("The minister's plan", smart: true))
        #expect(!clean("Two  spaces, eight bytes in"))
        #expect(!clean("Seven b  spaces across a word boundary"))
        #expect(!clean("trailing "))
        #expect(!clean(" leading"))
        #expect(!clean("a double--hyphen"))
        #expect(!clean("ANPA ``quotes'' here"))
        #expect(!clean("line \nbreak"))
        #expect(!clean("line\n break"))
        #expect(!clean("blank\n\nline"))
        #expect(!clean("CafÃ© mojibake"))
        #expect(!clean("e\u{301} combining"))
        #expect(!clean("zero\u{200B}width"))
    }
}
