import CopydeskCore

/// Line endings, tabs, runs of spaces, leading and trailing spaces, unusual Unicode spaces and
/// (by option) no-break spaces and hard line wraps inside a paragraph.
public struct WhitespaceCleanup: Sendable {
    public enum TabPolicy: String, Sendable, CaseIterable { case space, keep }
    public enum NoBreakSpacePolicy: String, Sendable, CaseIterable { case keep, space }

    public var tabs: TabPolicy
    public var noBreakSpaces: NoBreakSpacePolicy
    /// Joins the lines of a hard-wrapped paragraph into one.
    public var unwrapLines: Bool

    public init(tabs: TabPolicy = .space, noBreakSpaces: NoBreakSpacePolicy = .keep, unwrapLines: Bool = false) {
        self.tabs = tabs
        self.noBreakSpaces = noBreakSpaces
        self.unwrapLines = unwrapLines
    }

    /// Rule id of line-ending changes; the stage reports those once per file, not per line.
    public static let lineEndingRule = "whitespace.line-endings"

    public func changes(in text: String) -> [NormalizationChange] {
        ScalarScanning.withBytes(text) { bytes in
            var changes: [NormalizationChange] = []
            let tabular = Self.isTabular(bytes)
            var lineStart = 0
            let count = bytes.count
            while lineStart <= count {
                var lineEnd = lineStart
                while lineEnd < count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
                scanLine(bytes, lineStart..<lineEnd, keepAlignment: tabular, into: &changes)
                guard lineEnd < count else { break }
                var breakEnd = lineEnd + 1
                if bytes[lineEnd] == 0x0D, breakEnd < count, bytes[breakEnd] == 0x0A { breakEnd += 1 }
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
            return changes
        }
    }

    /// A block whose lines line up columns with runs of spaces (agate, results, weather tables):
    /// two lines with a run of three or more spaces inside them, or one with five or more (prose
    /// never has that).
    static func isTabular(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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

    private func scanLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, keepAlignment: Bool, into changes: inout [NormalizationChange]) {
        var i = line.lowerBound
        let isFirstLine = line.lowerBound == 0
        while i < line.upperBound {
            let byte = bytes[i]
            // Fast skip of ordinary characters.
            if byte > 0x20 && byte != 0xC2 && byte != 0xE2 && byte != 0xE3 { i += 1; continue }
            guard let width = spaceWidth(bytes, at: i, end: line.upperBound) else { i += 1; continue }
            // A run of space-like characters.
            let runStart = i
            var runEnd = i + width
            var kinds = Set<String>()
            kinds.insert(ruleForSpace(bytes, at: i))
            while runEnd < line.upperBound, let next = spaceWidth(bytes, at: runEnd, end: line.upperBound) {
                kinds.insert(ruleForSpace(bytes, at: runEnd))
                runEnd += next
            }
            let run = runStart..<runEnd
            if runStart == line.lowerBound && !(keepAlignment && kinds == ["whitespace.multiple-spaces"]) {
                changes.append(NormalizationChange(
                    ruleID: "whitespace.leading",
                    message: isFirstLine ? "space at the start of the paragraph removed" : "indentation at the start of a line removed",
                    edit: TextEdit(range: run, replacement: "")))
            } else if runEnd == line.upperBound {
                changes.append(NormalizationChange(
                    ruleID: "whitespace.trailing", message: "trailing space removed", edit: TextEdit(range: run, replacement: "")))
            } else if keepAlignment && kinds == ["whitespace.multiple-spaces"] {
                // Spaces that align a table's columns are layout, not a typo.
            } else if !(run.count == 1 && bytes[runStart] == 0x20) {
                let rule = kinds.subtracting(["whitespace.multiple-spaces"]).sorted().first ?? "whitespace.multiple-spaces"
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

    private func ruleForSpace(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> String {
        switch bytes[i] {
        case 0x20: "whitespace.multiple-spaces"
        case 0x09: "whitespace.tab"
        case 0xC2: "whitespace.nbsp"
        default: bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xAF || bytes[i + 2] == 0x87) ? "whitespace.nbsp" : "whitespace.unusual-space"
        }
    }
}
