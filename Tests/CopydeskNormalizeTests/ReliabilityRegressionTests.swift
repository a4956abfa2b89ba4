import Copydesk
import Foundation
import Testing

/// Bugs the reliability properties and the fuzzers found in decoding and normalizing, each pinned
/// by its smallest case.
@Suite struct ReliabilityNormalizeRegressionTests {
    /// FuzzDecoder: a forced multi-byte charset (GB18030, Shift_JIS, Big5…) with an invalid byte was
    /// mapped as if it had one character per byte, and the finding's range ran past the end of the
    /// text (a crash in any reporter that slices the source).
    @Test(arguments: [("GB18030", [0xD6, 0xD0, 0xCE, 0xC4, 0xFF] as [UInt8]), ("Shift_JIS", [0x93, 0xFA, 0x96, 0x7B, 0xFF, 0x41] as [UInt8])])
    func invalidBytesInAMultiByteCharsetStayInsideTheText(charset: String, bytes: [UInt8]) throws {
        let result = try InputDecoder.decode(bytes, path: "s.txt", encoding: charset)
        let length = result.source.byteCount
        for diagnostic in result.diagnostics {
            #expect(diagnostic.range.lowerBound >= 0 && diagnostic.range.upperBound <= length, "\(diagnostic.range) of \(length)")
            if diagnostic.ruleID == "encoding.invalid-bytes" {
                #expect(result.source.slice(diagnostic.range) == "\u{FFFD}")
            }
        }
    }

    /// normalize(normalize(x)) != normalize(x) (normalizeIsIdempotent): a step left work for an
    /// earlier one. Each case is one of the shapes the property found.
    @Test(arguments: [
        // Removing a left-to-right mark joins "Ã" and a no-break space, which is mojibake for "à".
        ("Stra\u{DF}e\u{C3}\u{200E}\u{A0}x", "nfc"),
        // A bidi control between two spaces: two spaces once it is gone.
        ("Xi \u{202C} said", "nfc"),
        // NFKC turns a figure space (kept as a no-break space) into a space beside another one.
        ("ATHENS \u{2007} said", "nfkc"),
        // A last line of only an isolate leaves the paragraph ending in a line break.
        ("Headline\n\nofficials said  \n\u{2068} ", "nfc"),
        // A first line of only a control leaves it starting with one.
        ("Headline\n\n\u{7} \r\n\u{C3}\u{A0} la carte", "nfd"),
    ])
    func normalizingTwiceChangesNothing(input: String, form: String) async throws {
        let options: [String: ConfigValue] = ["form": .string(form)]
        let once = try await normalizeText(input, options: options).text
        let twice = try await normalizeText(once, options: options).text
        #expect(Array(once.utf8) == Array(twice.utf8))
    }

    /// normalizeIsIdempotent's form check: `form: nfkc-casefold` skipped words of plain ASCII (the
    /// fast path assumed ASCII is in every form), so "MOSCOW" kept its capitals.
    @Test func nfkcCasefoldFoldsASCIIWordsToo() async throws {
        let result = try await normalizeText("Headline\n\nMOSCOW (AP) — Caf\u{C9} said", options: ["form": .string("nfkc-casefold")])
        #expect(result.text == "headline\n\nmoscow (ap) — café said\n")
        let change = try #require(result.diagnostics.first { $0.ruleID == "unicode.normalization" })
        #expect(change.message.contains("U+"))
    }

    /// fixesAreLocalAndIdempotent (long run): `--fix` never applied a `unicode.normalization` fix.
    /// The fixer compared texts with Swift's `==`, which is canonical equivalence: "a + U+0308 +
    /// U+0304" and "ǟ" are equal strings, so the fix looked like no change and nothing was written.
    @Test func fixWritesTheNormalizationFormItReports() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let pipeline = try Pipeline.load(path: root.appendingPathComponent("Pipelines/lint.yml").path, registry: .standard)
        let fixer = Fixer(runner: BatchRunner(pipeline: pipeline, mode: .report))
        let outcome = await fixer.fix(bytes: Array("Headline\n\nGreece a\u{308}\u{304} said.\n".utf8), path: "s.txt")
        #expect(outcome.changed)
        #expect(Array(outcome.fixed.utf8) == Array("Headline\n\nGreece \u{1DF} said.\n".utf8))
        #expect(!outcome.remaining.diagnostics.contains { $0.ruleID == "unicode.normalization" })
    }

    @Test func findingsAfterARemovedCharacterPointAtTheRightColumn() async throws {
        // The ZWSP goes first; the double space after it must still be reported at its own column.
        let result = try await normalizeText("Headline\n\nThe tax\u{200B} would  rise.")
        let spaces = try #require(result.diagnostics.first { $0.ruleID == "whitespace.multiple-spaces" })
        #expect(position(spaces, in: result.source) == (3, 15))
        #expect(result.source.slice(spaces.range) == "  ")
    }
}
