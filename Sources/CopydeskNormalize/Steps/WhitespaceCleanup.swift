import CopydeskCore
import CopydeskText

/// Line endings, tabs, runs of spaces, leading and trailing spaces, unusual Unicode spaces and
/// (by option) no-break spaces and hard line wraps inside a paragraph.
public struct WhitespaceCleanup: Sendable {
    public enum TabPolicy: String, Sendable, CaseIterable { case space, keep }
    public enum NoBreakSpacePolicy: String, Sendable, CaseIterable { case keep, space }

    public var tabs: TabPolicy
    public var noBreakSpaces: NoBreakSpacePolicy
    /// Joins the lines of a hard-wrapped paragraph into one.
    public var unwrapLines: Bool
    /// Removes line breaks (with the blanks around them) at the start and end of the text, which
    /// the normalize stage wants for a block (a line an earlier step emptied); off for bare text.
    public var trimsBlockEdges: Bool

    public init(tabs: TabPolicy = .space, noBreakSpaces: NoBreakSpacePolicy = .keep, unwrapLines: Bool = false, trimsBlockEdges: Bool = false) {
        self.tabs = tabs
        self.noBreakSpaces = noBreakSpaces
        self.unwrapLines = unwrapLines
        self.trimsBlockEdges = trimsBlockEdges
    }

    /// Rule id of line-ending changes; the stage reports those once per file, not per line.
    public static let lineEndingRule = "whitespace.line-endings"

    /// `isTable`: the block is a table (a reader's rows, agate): the tabs (and spaces) between its
    /// cells separate columns and stay; leading and trailing ones still go.
    public func changes(in text: String, isTable: Bool = false) -> [NormalizationChange] {
        ScalarScanning.withBytes(text) { bytes in
            var changes: [NormalizationChange] = []
            let tabular = Self.isTabular(bytes)
            // A line break at the very start or end of a block is left when an earlier step removed
            // all a line held (a line of only a bidi mark): the block's edges go, breaks and all,
            // as a reader would have split them off.
            func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
            func hasBreak(_ range: Range<Int>) -> Bool { range.contains { bytes[$0] == 0x0A || bytes[$0] == 0x0D } }
            var contentStart = 0
            while contentStart < bytes.count, isBlank(bytes[contentStart]) { contentStart += 1 }
            var contentEnd = bytes.count
            while contentEnd > contentStart, isBlank(bytes[contentEnd - 1]) { contentEnd -= 1 }
            var lineStart = 0
            var count = bytes.count
            var trailingEdge: NormalizationChange?
            if trimsBlockEdges, hasBreak(0..<contentStart) {
                changes.append(NormalizationChange(
                    ruleID: "whitespace.leading", message: "blank line at the start of the paragraph removed",
                    edit: TextEdit(range: 0..<contentStart, replacement: "")))
                lineStart = contentStart
            }
            if trimsBlockEdges, contentEnd > contentStart, hasBreak(contentEnd..<bytes.count) {
                trailingEdge = NormalizationChange(
                    ruleID: "whitespace.trailing", message: "blank line at the end of the paragraph removed",
                    edit: TextEdit(range: contentEnd..<bytes.count, replacement: ""))
                count = contentEnd
            }
            let firstLine = lineStart
            while lineStart <= count {
                var lineEnd = lineStart
                while lineEnd < count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
                var breakEnd = lineEnd + 1
                if lineEnd < count, bytes[lineEnd] == 0x0D, breakEnd < count, bytes[breakEnd] == 0x0A { breakEnd += 1 }
                // A line left blank inside a paragraph (it held only a control or a bidi mark)
                // would split the paragraph when the text is read again: it goes, break and all.
                if trimsBlockEdges, lineStart > firstLine, lineEnd < count, (lineStart..<lineEnd).allSatisfy({ isBlank(bytes[$0]) }) {
                    changes.append(NormalizationChange(
                        ruleID: "whitespace.blank-line", message: "blank line inside the paragraph removed",
                        edit: TextEdit(range: lineStart..<breakEnd, replacement: "")))
                    lineStart = breakEnd
                    continue
                }
                scanLine(bytes, lineStart..<lineEnd, firstLine: lineStart == firstLine, keepAlignment: tabular, keepCellSeparators: isTable, into: &changes)
                guard lineEnd < count else { break }
                if unwrapLines {
                    let hyphenated = lineEnd > lineStart && bytes[lineEnd - 1] == UInt8(ascii: "-")
                    changes.append(NormalizationChange(
                        ruleID: "whitespace.line-break",
                        message: "line break inside a paragraph joined" + (hyphenated ? " (after a hyphen, without a space)" : ""),
                        edit: TextEdit(range: lineEnd..<breakEnd, replacement: hyphenated ? "" : " ")))
                } else if bytes[lineEnd] == 0x0D {
                    changes.append(NormalizationChange(
                        ruleID: Self.lineEndingRule,
                        message: breakEnd - lineEnd == 2 ? "CRLF line ending becomes LF" : "CR line ending becomes LF",
                        edit: TextEdit(range: lineEnd..<breakEnd, replacement: "\n")))
                }
                lineStart = breakEnd
            }
            if let trailingEdge { changes.append(trailingEdge) }
            return changes
        }
    }

    /// A block whose lines line up columns with runs of spaces (agate, results, weather tables):
    /// two lines with a run of three or more spaces inside them, or one with five or more (prose
    /// never has that).
    static func isTabular(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Both conditions need a run of three spaces: prose rarely has one, so look for that first,
        // eight bytes at a time.
        guard ScalarScanning.containsThreeSpaces(bytes) else { return false }
        var alignedLines = 0, run = 0, seenText = false, lineCounted = false
        for byte in bytes {
            switch byte {
            case 0x0A:
                run = 0; seenText = false; lineCounted = false
            case 0x20:
                run += 1
            default:
                if run >= 5 && seenText { return true }
                if run >= 3 && seenText && !lineCounted {
                    alignedLines += 1
                    lineCounted = true
                    if alignedLines >= 2 { return true }
                }
                run = 0
                seenText = true
            }
        }
        return false
    }

    private func scanLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, firstLine isFirstLine: Bool, keepAlignment: Bool, keepCellSeparators: Bool, into changes: inout [NormalizationChange]) {
        var i = line.lowerBound
        let raw = UnsafeRawPointer(bytes.baseAddress)
        while i < line.upperBound {
            // Eight bytes at a time that change nothing: ASCII 0x20…0x7F whose spaces are single,
            // neither at the line's start nor last in the word (a run could go on after it). `i`
            // never follows a space here: runs are consumed whole.
            if let raw, i + 8 <= line.upperBound {
                let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let high: UInt64 = 0x8080_8080_8080_8080
                if (x & high) | ((x &- 0x2020_2020_2020_2020) & ~x & high) == 0 {
                    let t = x ^ 0x2020_2020_2020_2020
                    let spaces = ~(((t & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | t) & high
                    if spaces & (spaces << 8) == 0, spaces >> 63 == 0, i != line.lowerBound || spaces & 0x80 == 0 {
                        i += 8
                        continue
                    }
                }
            }
            let byte = bytes[i]
            // Fast skip of ordinary characters.
            if byte > 0x20 && byte != 0xC2 && byte != 0xE2 && byte != 0xE3 { i += 1; continue }
            guard let width = spaceWidth(bytes, at: i, end: line.upperBound) else { i += 1; continue }
            // A run of space-like characters.
            let runStart = i
            var runEnd = i + width
            // The set of rules the run's characters stand for, as bits (no allocation per space).
            var kinds = spaceKind(bytes, at: i)
            while runEnd < line.upperBound, let next = spaceWidth(bytes, at: runEnd, end: line.upperBound) {
                kinds |= spaceKind(bytes, at: runEnd)
                runEnd += next
            }
            let run = runStart..<runEnd
            // The common case, one plain space between words, changes nothing.
            if run.count == 1 && bytes[runStart] == 0x20 && runStart != line.lowerBound && runEnd != line.upperBound {
                i = runEnd
                continue
            }
            // Spaces that align a table's columns are layout, not a typo; so are the tabs between
            // the cells of a table block (a reader's rows, tab-separated agate).
            let isAlignment = keepAlignment && kinds == SpaceKind.multipleSpaces
                || keepCellSeparators && kinds & SpaceKind.tab != 0 && kinds & ~(SpaceKind.multipleSpaces | SpaceKind.tab) == 0
            if runStart == line.lowerBound && !(keepAlignment && kinds == SpaceKind.multipleSpaces) {
                changes.append(NormalizationChange(
                    ruleID: "whitespace.leading",
                    message: isFirstLine ? "space at the start of the paragraph removed" : "indentation at the start of a line removed",
                    edit: TextEdit(range: run, replacement: "")))
            } else if runEnd == line.upperBound {
                changes.append(NormalizationChange(
                    ruleID: "whitespace.trailing", message: "trailing space removed", edit: TextEdit(range: run, replacement: "")))
            } else if isAlignment {
            } else if !(run.count == 1 && bytes[runStart] == 0x20) {
                // The alphabetically first rule other than multiple-spaces, as before.
                let rule = kinds & SpaceKind.nbsp != 0 ? "whitespace.nbsp"
                    : kinds & SpaceKind.tab != 0 ? "whitespace.tab"
                    : kinds & SpaceKind.unusualSpace != 0 ? "whitespace.unusual-space"
                    : "whitespace.multiple-spaces"
                changes.append(NormalizationChange(ruleID: rule, message: message(for: rule, length: run.count), edit: TextEdit(range: run, replacement: " ")))
            }
            i = runEnd
        }
    }

    private func message(for rule: String, length: Int) -> String {
        switch rule {
        case "whitespace.tab": "tab becomes a space"
        case "whitespace.nbsp": "no-break space becomes a space"
        case "whitespace.unusual-space": "unusual space character becomes a plain space"
        default: "\(length) spaces become one"
        }
    }

    /// Byte width of a space-like character this step normalizes at `i`, or nil.
    private func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int? {
        let byte = bytes[i]
        if byte == 0x20 { return 1 }
        if byte == 0x09 { return tabs == .space ? 1 : nil }
        if byte == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 { return noBreakSpaces == .space ? 2 : nil }
        if byte == 0xE2, i + 2 < end {
            let b1 = bytes[i + 1], b2 = bytes[i + 2]
            if b1 == 0x80, (0x80...0x8A).contains(b2) {
                return b2 == 0x87 && noBreakSpaces == .keep ? nil : 3  // U+2007 figure space is no-break
            }
            if b1 == 0x80, b2 == 0xAF { return noBreakSpaces == .space ? 3 : nil }  // U+202F
            if b1 == 0x81, b2 == 0x9F { return 3 }  // U+205F
        }
        return nil
    }

    /// Bits for the rules a space-like character falls under (multiple-spaces, tab, nbsp,
    /// unusual-space), so a run collects its kinds without allocating.
    private enum SpaceKind {
        static let multipleSpaces: UInt8 = 1, tab: UInt8 = 2, nbsp: UInt8 = 4, unusualSpace: UInt8 = 8
    }

    /// The rule of the space-like character at `i`, as a `SpaceKind` bit.
    @inline(__always)
    private func spaceKind(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt8 {
        switch bytes[i] {
        case 0x20: SpaceKind.multipleSpaces
        case 0x09: SpaceKind.tab
        case 0xC2: SpaceKind.nbsp
        default: bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xAF || bytes[i + 2] == 0x87) ? SpaceKind.nbsp : SpaceKind.unusualSpace
        }
    }
}
