import CopydeskText
import Testing
@testable import CopydeskNormalize
import CopydeskCore

@Suite struct InvisibleCharactersTests {
    let step = InvisibleCharacters()

    @Test func removesZeroWidthSpaceAtItsOffset() {
        let text = "Putin\u{200B} said"
        let changes = step.changes(in: text)
        #expect(changes.map(\.ruleID) == ["unicode.invisible"])
        #expect(changes[0].edit == TextEdit(range: 5..<8, replacement: ""))
        #expect(changes[0].message == "zero-width space (U+200B) removed")
    }

    @Test func removesControlsSoftHyphensAndBidiOverrides() {
        let text = "a\u{0}b\u{7}c Kon\u{AD}stantinou \u{202E}evil\u{202C} \u{85}"
        let rules = step.changes(in: text).map(\.ruleID)
        #expect(rules == ["unicode.control", "unicode.control", "unicode.soft-hyphen", "unicode.bidi", "unicode.bidi", "unicode.control"])
    }

    @Test func keepsJoinersWhereTheyShapeTextAndMarksInRightToLeftText() {
        #expect(step.changes(in: "family 👨\u{200D}👩\u{200D}👧 photo").isEmpty)
        #expect(step.changes(in: "می\u{200C}خواهم").isEmpty)  // Persian ZWNJ
        #expect(step.changes(in: "שלום \u{200F}(AP)").isEmpty)
        #expect(step.changes(in: "Paris\u{200E} (AP)").map(\.ruleID) == ["unicode.bidi"])
    }

    @Test func tabsAndLineBreaksAreNotInvisibleCharacters() {
        #expect(step.changes(in: "line one\nline\ttwo\r\n").isEmpty)
    }

    @Test func aRunOfTheSameCharacterIsOneChange() {
        let changes = step.changes(in: "tax\u{200B}\u{200B}\u{200B} rise")
        #expect(changes.count == 1)
        #expect(changes[0].edit.range == 3..<12)
        #expect(changes[0].message.contains("×3"))
    }
}

@Suite struct WhitespaceCleanupTests {
    @Test func collapsesSpacesAndTrimsLines() {
        let step = WhitespaceCleanup()
        let text = "  He said  his rent\thad doubled. \nSecond line"
        let changes = step.changes(in: text)
        #expect(changes.map(\.ruleID) == ["whitespace.leading", "whitespace.multiple-spaces", "whitespace.tab", "whitespace.trailing"])
        #expect(applying(changes, to: text) == "He said his rent had doubled.\nSecond line")
    }

    @Test func crlfBecomesLFAndNoBreakSpacesFollowThePolicy() {
        let keep = WhitespaceCleanup()
        #expect(applying(keep.changes(in: "10\u{A0}km\r\nnorth"), to: "10\u{A0}km\r\nnorth") == "10\u{A0}km\nnorth")
        let space = WhitespaceCleanup(noBreakSpaces: .space)
        let changes = space.changes(in: "10\u{A0}km")
        #expect(changes.map(\.ruleID) == ["whitespace.nbsp"])
        #expect(applying(changes, to: "10\u{A0}km") == "10 km")
    }

    @Test func unwrapJoinsHardWrappedLines() {
        let step = WhitespaceCleanup(unwrapLines: true)
        let text = "Riley Wallace says he is content as coach of\r\nthe University of Hawaii basketball team, a well-\nknown job."
        #expect(applying(step.changes(in: text), to: text)
            == "Riley Wallace says he is content as coach of the University of Hawaii basketball team, a well-known job.")
    }

    @Test func unusualSpacesBecomePlainSpaces() {
        let text = "Xi\u{2009}Jinping"
        let changes = WhitespaceCleanup().changes(in: text)
        #expect(changes.map(\.ruleID) == ["whitespace.unusual-space"])
    }

    @Test func cleanTextHasNoChanges() {
        #expect(WhitespaceCleanup().changes(in: "BEIJING (AP) — Chinese leader Xi Jinping said.\nNext line.").isEmpty)
    }
}

func applying(_ changes: [NormalizationChange], to text: String) -> String {
    FixApplier.apply(edits: changes.map(\.edit), to: text)
}

@Suite struct TableWhitespaceTests {
    @Test func spacesThatAlignATableAreKept() {
        let table = "Atlanta          68   52   .00\nBoston           55   41   .12\nChicago  60  48\n"
        let changes = WhitespaceCleanup().changes(in: table)
        #expect(changes.isEmpty)
        // Prose with one stray double space still gets it collapsed.
        #expect(WhitespaceCleanup().changes(in: "He said  no.\nShe agreed.").map(\.ruleID) == ["whitespace.multiple-spaces"])
    }
}
