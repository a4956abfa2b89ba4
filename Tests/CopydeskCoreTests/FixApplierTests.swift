import Testing
@testable import CopydeskCore

@Suite struct FixApplierTests {
    let text = "Putin said today -- in Moscow"

    @Test func appliesNonOverlappingFixesAndSkipsConflicts() {
        let dash = Fix(edits: [TextEdit(range: 16..<20, replacement: " — ")])
        let conflicting = Fix(edits: [TextEdit(range: 17..<19, replacement: "–")])
        let today = Fix(edits: [TextEdit(range: 11..<16, replacement: "on Tuesday")])
        let result = FixApplier.apply([conflicting, today, dash], to: text)
        #expect(result.text == "Putin said on Tuesday — in Moscow")
        #expect(result.applied == 2)
        #expect(result.skipped == 1)
    }

    @Test func aFixIsAllOrNothing() {
        // Taken first (it starts earlier) and overlaps the first edit of `two`.
        let blocker = Fix(edits: [TextEdit(range: 0..<10, replacement: "Xi said")])
        let two = Fix(edits: [TextEdit(range: 6..<10, replacement: "says"), TextEdit(range: 23..<29, replacement: "Beijing")])
        let result = FixApplier.apply([two, blocker], to: text)
        // Neither edit of `two` is applied, not even the one that did not conflict.
        #expect(result.text == "Xi said today -- in Moscow")
        #expect(result.applied == 1)
        #expect(result.skipped == 1)
    }

    @Test func insertionsAtTheSamePlaceConflict() {
        let a = Fix(edits: [TextEdit(range: 5..<5, replacement: ",")])
        let b = Fix(edits: [TextEdit(range: 5..<5, replacement: ";")])
        #expect(FixApplier.apply([a, b], to: text).applied == 1)
    }
}
