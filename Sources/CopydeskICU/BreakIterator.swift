import CICU

/// Which ICU boundary rules to apply.
public enum BreakKind: Sendable {
    case word, sentence, line, character

    var cicuKind: Int32 {
        switch self {
        case .word: Int32(CICU_BREAK_WORD)
        case .sentence: Int32(CICU_BREAK_SENTENCE)
        case .line: Int32(CICU_BREAK_LINE)
        case .character: Int32(CICU_BREAK_CHARACTER)
        }
    }
}

/// A span between two adjacent boundaries.
public struct TextSegment: Sendable, Equatable {
    /// UTF-8 byte offsets into the segmented text.
    public var range: Range<Int>
    /// For word segmentation: the segment is a word, number, or ideographic/kana run rather than spaces or
    /// punctuation (ICU rule status is not UBRK_WORD_NONE). Always true for the other kinds.
    public var isWordLike: Bool

    public init(range: Range<Int>, isWordLike: Bool) {
        self.range = range
        self.isWordLike = isWordLike
    }
}

/// ICU boundary analysis (dictionary-based for Chinese, Japanese, Thai…). The ICU iterator is stateful,
/// so one instance is kept per value and its use is serialized by a lock.
public struct BreakIterator: Sendable {
    private let kind: BreakKind
    private let object: LockedICUObject

    public init(kind: BreakKind, locale: String) throws {
        self.kind = kind
        object = try LockedICUObject(
            open: { out in locale.withCString { cicu_brk_open(kind.cicuKind, $0, out) } },
            close: cicu_brk_close)
    }

    /// Segments covering the whole text, in order; offsets are UTF-8 byte offsets (ICU iterates the
    /// UTF-8 directly through UText).
    public func segments(in text: String) throws -> [TextSegment] {
        let pairs = try object.withLock { handle in
            try text.withCChars { chars, count in
                var out = cicu_buffer()
                try ICUError.check(cicu_brk_boundaries_utf8(handle, chars, count, &out))
                return out.takeArray(of: Int32.self)
            }
        }
        // (boundary, rule status) pairs; the status belongs to the segment ending at the boundary.
        var segments: [TextSegment] = []
        segments.reserveCapacity(max(0, pairs.count / 2 - 1))
        var index = 2
        while index + 1 < pairs.count {
            let start = Int(pairs[index - 2]), end = Int(pairs[index])
            let status = pairs[index + 1]
            // UBRK_WORD_NONE covers statuses 0..<100.
            let wordLike = kind == .word ? status >= 100 : true
            segments.append(TextSegment(range: start..<end, isWordLike: wordLike))
            index += 2
        }
        return segments
    }
}
