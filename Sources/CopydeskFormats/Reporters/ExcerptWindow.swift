import CopydeskCore

/// The part of a source line the text report shows under a finding.
///
/// A line that fits in the columns available is shown whole, as it always was. A longer one (a
/// one-line file, a paragraph of 50 MB) is cut to a window around the finding, with `…` where it
/// was cut and the caret still under the finding. Everything is found by walking UTF-8 bytes from
/// the finding's offset, at most a window's width each way, so the cost of an excerpt does not
/// grow with the line: a long line with thousands of findings stays linear.
struct ExcerptWindow: Equatable {
    /// Byte range of the line shown.
    var range: Range<Int>
    /// Whether the line goes on before / after the window (a `…` is printed there).
    var cutBefore: Bool
    var cutAfter: Bool
    /// Scalars from the start of the printed text (the `…` included) to the caret.
    var caretColumn: Int
    /// Scalars printed from the caret to the end of the window (the `…` included); the underline
    /// stops there. Nil when the whole line is shown (the underline is then as long as the finding).
    var room: Int?

    /// - Parameters:
    ///   - lineStart, lineEnd: bytes of the line without its line break.
    ///   - offset: the finding's start (clamped into the line).
    ///   - column: 0-based scalar column of `offset` from `location(of:)`; past the line's end when
    ///     the finding starts in its line break.
    ///   - columns: scalars the excerpt may take, markers included.
    static func make(_ bytes: UnsafeBufferPointer<UInt8>, lineStart: Int, lineEnd: Int, offset: Int, column: Int, columns: Int) -> ExcerptWindow {
        let at = min(max(offset, lineStart), lineEnd)
        // Line-break bytes are ASCII: a finding inside one is that many columns past the end.
        let caret = max(0, column - max(0, offset - lineEnd))
        let length = lineEnd - lineStart
        if length <= columns || (length <= 4 * columns && scalars(bytes, lineStart..<lineEnd, upTo: columns + 1) <= columns) {
            return ExcerptWindow(range: lineStart..<lineEnd, cutBefore: false, cutAfter: false, caretColumn: caret, room: nil)
        }
        let available = max(2, columns - 2)  // room for a `…` at each end
        let lead = columns / 3
        let (_, after) = forward(bytes, from: at, scalars: available, limit: lineEnd)
        var left = min(caret, available - min(after, max(0, available - lead)))
        var start = backward(bytes, from: at, scalars: left, limit: lineStart)
        var (end, shownAfter) = forward(bytes, from: at, scalars: available - left, limit: lineEnd)
        // A window that reaches one end of the line needs no mark there: give that column to text.
        if start == lineStart {
            (end, shownAfter) = forward(bytes, from: at, scalars: available - left + 1, limit: lineEnd)
        } else if end == lineEnd {
            left += 1
            start = backward(bytes, from: at, scalars: left, limit: lineStart)
        }
        let cutBefore = start > lineStart, cutAfter = end < lineEnd
        return ExcerptWindow(range: start..<end, cutBefore: cutBefore, cutAfter: cutAfter,
                             caretColumn: (cutBefore ? 1 : 0) + left, room: shownAfter + (cutAfter ? 1 : 0))
    }

    /// Scalars in `range`, counting no further than `limit`.
    static func scalars(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, upTo limit: Int) -> Int {
        var count = 0
        for i in range where bytes[i] & 0xC0 != 0x80 {
            count += 1
            if count >= limit { break }
        }
        return count
    }

    /// The offset `scalars` scalars after `offset` (or `limit`), and how many were passed.
    static func forward(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int, scalars: Int, limit: Int) -> (Int, Int) {
        var i = offset, passed = 0
        while i < limit, passed < scalars {
            i += 1
            while i < limit, bytes[i] & 0xC0 == 0x80 { i += 1 }
            passed += 1
        }
        return (i, passed)
    }

    /// The offset `scalars` scalars before `offset`, not before `limit`.
    static func backward(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int, scalars: Int, limit: Int) -> Int {
        var i = offset, passed = 0
        while i > limit, passed < scalars {
            i -= 1
            while i > limit, bytes[i] & 0xC0 == 0x80 { i -= 1 }
            passed += 1
        }
        return i
    }
}
