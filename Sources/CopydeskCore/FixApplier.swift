/// Applies fixes to text: the one mechanism behind `--fix`, normalize and tests.
///
/// Fixes are taken in order of position; a fix whose edits overlap one already taken is skipped
/// (a later run picks it up), so applied edits never overlap and nothing outside them changes.
public enum FixApplier {
    public struct Result: Sendable {
        public var text: String
        public var applied: Int
        public var skipped: Int
    }

    public static func apply(_ fixes: [Fix], to text: String) -> Result {
        let ordered = fixes.filter { !$0.edits.isEmpty }.sorted {
            ($0.coveredRange.lowerBound, $0.coveredRange.upperBound) < ($1.coveredRange.lowerBound, $1.coveredRange.upperBound)
        }
        // Taken edits stay sorted and disjoint, so a conflict is found by binary search among
        // neighbours: a file-wide fix (one edit a line) and thousands of findings stay fast.
        var taken: [TextEdit] = []
        var applied = 0, skipped = 0
        let length = text.utf8.count
        func conflicts(_ edit: TextEdit) -> Bool {
            let index = insertionIndex(of: edit.range, in: taken)
            for neighbour in max(0, index - 2)..<min(taken.count, index + 2) where overlaps(taken[neighbour].range, edit.range) {
                return true
            }
            return false
        }
        for fix in ordered {
            let fits = fix.edits.allSatisfy { edit in
                edit.range.lowerBound >= 0 && edit.range.upperBound <= length && !conflicts(edit)
            }
            if fits && !overlapsItself(fix.edits) {
                for edit in fix.edits { taken.insert(edit, at: insertionIndex(of: edit.range, in: taken)) }
                applied += 1
            } else {
                skipped += 1
            }
        }
        return Result(text: apply(edits: taken, to: text), applied: applied, skipped: skipped)
    }

    /// First position whose edit starts after `range` (by start, then end).
    private static func insertionIndex(of range: Range<Int>, in edits: [TextEdit]) -> Int {
        var low = 0, high = edits.count
        while low < high {
            let mid = (low + high) / 2
            let other = edits[mid].range
            if (other.lowerBound, other.upperBound) <= (range.lowerBound, range.upperBound) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Applies non-overlapping edits in any order. An edit that overlaps an earlier one or lies
    /// outside the text is left out rather than trapping (callers pass edits they built).
    public static func apply(edits: [TextEdit], to text: String) -> String {
        let sorted = edits.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in sorted where edit.range.lowerBound >= cursor && edit.range.upperBound <= bytes.count {
            result.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            result.append(contentsOf: edit.replacement.utf8)
            cursor = edit.range.upperBound
        }
        result.append(contentsOf: bytes[cursor...])
        return String(decoding: result, as: UTF8.self)
    }

    /// Two ranges conflict if they share a byte, or if both are insertions at the same place, or an
    /// insertion sits strictly inside a replaced range.
    static func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        if a.isEmpty && b.isEmpty { return a.lowerBound == b.lowerBound }
        if a.isEmpty { return a.lowerBound > b.lowerBound && a.lowerBound < b.upperBound }
        if b.isEmpty { return b.lowerBound > a.lowerBound && b.lowerBound < a.upperBound }
        return a.overlaps(b)
    }

    private static func overlapsItself(_ edits: [TextEdit]) -> Bool {
        let sorted = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        for (a, b) in zip(sorted, sorted.dropFirst()) where overlaps(a.range, b.range) { return true }
        return false
    }
}
