import CopydeskCore

/// Recognises tables and lists among the blocks a reader made, so they are not read as prose.
///
/// Agencies send tabular copy (agate: results, weather tables, market listings) and digests of
/// headlines as plain lines. Read as paragraphs or subheads they draw prose findings (a subhead,
/// a sentence starting with a figure) that make no sense; as `table` and `list` blocks they are
/// shown as such by `inspect` and left alone by the prose rules.
///
/// - **Table**: two lines or more, most of them split into the same number (two or more) of
///   fields by `;` or a tab, with short fields (a sentence that holds a semicolon is not a row);
///   or, for columns aligned with spaces, most lines holding a run of two spaces or more between
///   fields and a figure. A run of three or more one-line blocks shaped like rows is a table too
///   (a table sent with a blank line after every row).
/// - **List**: three lines or more, each short (at most 100 characters), each opening with a
///   capital, a figure or a bullet, none ending with a period, comma or semicolon (headlines do
///   not; wrapped prose does somewhere, and its last line ends a sentence); or a run of three or
///   more one-line blocks of that shape.
///
/// Headlines, bylines and datelines are never re-read; a block is only ever re-tagged as a whole.
public enum BlockShapes {
    /// Re-tags the paragraphs and subheads of `blocks` that are tables or lists.
    public static func retag(_ blocks: inout [TextBlock]) {
        for index in blocks.indices where blocks[index].kind == .paragraph || blocks[index].kind == .subhead {
            // Most blocks are one line of prose: nothing to split.
            guard blocks[index].string.utf8.contains(0x0A) else { continue }
            let lines = lines(of: blocks[index].string)
            guard lines.count >= 2 else { continue }
            if isTable(lines) {
                blocks[index].kind = .table
            } else if lines.count >= 3, lines.allSatisfy(isListItem) {
                blocks[index].kind = .list
            }
        }
        // Runs of one-line blocks: rows sent with blank lines between them, or a headline digest.
        var start = 0
        while start < blocks.count {
            guard isSingleLineText(blocks[start]) else { start += 1; continue }
            var end = start
            while end < blocks.count, isSingleLineText(blocks[end]) { end += 1 }
            let run = start..<end
            if run.count >= 3 {
                let lines = run.map { blocks[$0].string }
                if isTable(lines) {
                    for index in run { blocks[index].kind = .table }
                } else if lines.allSatisfy(isListItem) {
                    for index in run { blocks[index].kind = .list }
                }
            }
            start = end
        }
    }

    /// A row or an item is short: a paragraph of prose (longer) ends a run at once.
    static let longestRow = 120

    private static func isSingleLineText(_ block: TextBlock) -> Bool {
        guard block.kind == .paragraph || block.kind == .subhead else { return false }
        let utf8 = block.string.utf8
        return utf8.count <= longestRow && !utf8.contains(0x0A)
    }

    /// The non-blank lines of a block, without trailing spaces.
    static func lines(of text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).compactMap { line in
            var end = line.endIndex
            while end > line.startIndex, line[line.index(before: end)] == " " || line[line.index(before: end)] == "\t" {
                end = line.index(before: end)
            }
            return end == line.startIndex ? nil : line[..<end]
        }
    }

    /// Whether most lines are rows of the same columns.
    static func isTable<S: StringProtocol>(_ lines: [S]) -> Bool {
        guard lines.count >= 2 else { return false }
        let needed = max(2, (lines.count * 2 + 2) / 3)
        for separator in [UInt8(ascii: ";"), UInt8(ascii: "\t")] {
            var counts: [Int: Int] = [:]
            for line in lines {
                let fields = line.utf8.split(separator: separator, omittingEmptySubsequences: false)
                guard fields.count >= 2 else { continue }
                // Short fields: a row, not a sentence with a semicolon in it.
                let average = line.utf8.count / fields.count
                if average <= 30, !endsSentence(line) { counts[fields.count, default: 0] += 1 }
            }
            if let best = counts.values.max(), best >= needed { return true }
        }
        // Columns aligned with spaces, with figures in them.
        var aligned = 0
        for line in lines where hasInnerGap(line) && line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { aligned += 1 }
        return aligned >= needed
    }

    /// A run of two spaces or more between two non-space characters.
    private static func hasInnerGap<S: StringProtocol>(_ line: S) -> Bool {
        var sawText = false
        var spaces = 0
        for byte in line.utf8 {
            if byte == 0x20 {
                spaces += 1
            } else {
                if sawText, spaces >= 2 { return true }
                sawText = true
                spaces = 0
            }
        }
        return false
    }

    private static func endsSentence<S: StringProtocol>(_ line: S) -> Bool {
        guard let last = line.last else { return false }
        return last == "." && !line.hasSuffix("...")
    }

    /// A headline-like line: short, opening with a capital, a figure or a bullet, and not ending
    /// like a sentence or a clause.
    static func isListItem<S: StringProtocol>(_ line: S) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard let first = trimmed.first, trimmed.count <= 100, let last = trimmed.last else { return false }
        guard first.isUppercase || first.isNumber || "-*•–—".contains(first) else { return false }
        if last == "." || last == "," || last == ";" || last == ":" { return false }
        // One word is a label, not a headline.
        return trimmed.contains(" ")
    }
}
