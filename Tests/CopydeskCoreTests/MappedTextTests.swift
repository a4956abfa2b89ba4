import Testing
@testable import CopydeskCore

@Suite struct MappedTextTests {
    // A paragraph that sits at byte 100 of its file.
    let base = 100

    @Test func verbatimTextMapsOffsetForOffset() {
        let text = MappedText(verbatim: "Moscow said today", sourceOffset: base)
        #expect(text.sourceRange(for: 7..<11) == (base + 7)..<(base + 11))
        #expect(text.sourceEdits.isEmpty)
    }

    @Test func positionsAfterAnEditStillPointAtTheInput() {
        var text = MappedText(verbatim: "Caf\u{C3}\u{A9} owner said", sourceOffset: base)
        // "CafÃ©" (6 bytes) becomes "Café" (5 bytes).
        text.apply([TextEdit(range: 0..<7, replacement: "Café")])
        #expect(text.text == "Café owner said")
        let owner = text.text.utf8.count - "owner said".utf8.count
        #expect(text.sourceRange(for: owner..<(owner + 5)) == (base + 8)..<(base + 13))
        // Inside the changed word the map widens to the whole original word.
        #expect(text.sourceRange(for: 1..<2) == base..<(base + 7))
        #expect(text.sourceEdits == [TextEdit(range: base..<(base + 7), replacement: "Café")])
    }

    @Test func secondEditInsideAChangedPieceTakesTheWholePiece() {
        var text = MappedText(verbatim: "a -- b", sourceOffset: 0)
        text.apply([TextEdit(range: 1..<5, replacement: " — ")])
        #expect(text.text == "a — b")
        // Now change only the dash character inside the edited piece.
        let dash = 2
        text.apply([TextEdit(range: dash..<(dash + 3), replacement: "–")])
        #expect(text.text == "a – b")
        #expect(text.sourceEdits == [TextEdit(range: 1..<5, replacement: " – ")])
        #expect(!text.isVerbatim(dash..<(dash + 1)))
        #expect(text.isVerbatim(0..<1))
    }

    @Test func severalEditsAndDeletionsKeepLaterOffsetsExact() {
        var text = MappedText(verbatim: "X\u{200B}i  said\u{AD}today", sourceOffset: 10)
        text.apply([
            TextEdit(range: 1..<4, replacement: ""),   // zero-width space
            TextEdit(range: 5..<7, replacement: " "),  // two spaces
            TextEdit(range: 11..<13, replacement: ""), // soft hyphen
        ])
        #expect(text.text == "Xi saidtoday")
        // "today" starts at 7 now and at 13 in the paragraph, 23 in the file.
        #expect(text.sourceRange(for: 7..<12) == 23..<28)
        let edits = text.sourceEdits
        #expect(edits.count == 3)
        #expect(FixApplier.apply(edits: edits, to: "0123456789X\u{200B}i  said\u{AD}today") == "0123456789Xi saidtoday")
    }

    @Test func insertionMapsToAPoint() {
        var text = MappedText(verbatim: "said", sourceOffset: 5)
        text.apply([TextEdit(range: 4..<4, replacement: ".")])
        #expect(text.text == "said.")
        #expect(text.sourceEdits == [TextEdit(range: 9..<9, replacement: ".")])
    }

    @Test func decodedPiecesAreNotReportedAsChanges() {
        // As an XML reader would build "A & B" from "A &amp; B".
        let text = MappedText(text: "A & B", pieces: [
            .init(length: 2, source: 0..<2, kind: .verbatim),
            .init(length: 1, source: 2..<7, kind: .decoded),
            .init(length: 2, source: 7..<9, kind: .verbatim),
        ])
        #expect(text.sourceEdits.isEmpty)
        #expect(text.sourceRange(for: 2..<3) == 2..<7)
        #expect(text.sourceRange(for: 3..<5) == 7..<9)
        #expect(text.sourceEdit(for: TextEdit(range: 2..<3, replacement: "and")) == nil)
    }

    @Test func anEditRunningIntoASecondChangeTakesAllOfIt() {
        // Two earlier changes; a later edit starts inside the first and ends inside the second.
        // Both must be taken whole, or the map claims part of a change came from part of its source.
        let original = "abcdefghijklmnop"
        var text = MappedText(verbatim: original, sourceOffset: 0)
        text.apply([TextEdit(range: 2..<4, replacement: "XYZ"), TextEdit(range: 8..<10, replacement: "UVW")])
        // now: ab XYZ efgh UVW klmnop
        let edits = [
            TextEdit(range: 3..<4, replacement: "1111"),   // inside XYZ
            TextEdit(range: 4..<11, replacement: "2"),     // from inside XYZ to inside UVW
        ]
        let before = text.text
        text.apply(edits)
        #expect(text.text == FixApplier.apply(edits: edits, to: before))
        #expect(FixApplier.apply(edits: text.sourceEdits, to: original) == text.text)
    }

    @Test func editsThatCutIntoACharacterAreRepairedAsBefore() {
        // Not what a stage does, but `apply` must still give what String(decoding:) gives.
        var text = MappedText(verbatim: "caf\u{E9} ok", sourceOffset: 0)
        text.apply([TextEdit(range: 4..<5, replacement: "x")])
        #expect(text.text == String(decoding: [0x63, 0x61, 0x66, 0xC3, 0x78, 0x20, 0x6F, 0x6B] as [UInt8], as: UTF8.self))
        var plain = MappedText(verbatim: "a b", sourceOffset: 0)
        plain.apply([TextEdit(range: 1..<2, replacement: "\u{2014}")])
        #expect(plain.text == "a\u{2014}b")
        plain.apply([TextEdit(range: 0..<plain.byteCount, replacement: "")])
        #expect(plain.text.isEmpty)
    }
}
