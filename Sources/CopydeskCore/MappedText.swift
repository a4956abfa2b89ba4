/// Text that remembers where each of its bytes came from in the input file.
///
/// A stage that changes text applies `TextEdit`s in the text's own offsets; the map keeps, for every
/// stretch of the current text, the byte range of the input it stands for. So a finding made after
/// five other changes still points at the right line and column of the file, and the sum of all
/// changes can be expressed as edits on the file itself (`sourceEdits`).
public struct MappedText: Sendable, Hashable {
    /// How a stretch of the current text relates to the input.
    public enum PieceKind: Sendable, Hashable {
        /// Byte-for-byte the same as the input range (which has the same length).
        case verbatim
        /// Read from the input by a format reader (an XML entity, an ANPA convention); not a change.
        case decoded
        /// Produced by a stage's edit.
        case edited
    }

    public struct Piece: Sendable, Hashable {
        public var length: Int
        public var source: Range<Int>
        public var kind: PieceKind

        public init(length: Int, source: Range<Int>, kind: PieceKind) {
            self.length = length
            self.source = source
            self.kind = kind
        }
    }

    public private(set) var text: String
    public private(set) var pieces: [Piece]
    /// Where an empty text sits in the input (an empty XLIFF target, a paragraph edited away), so
    /// a finding about it still points at its place.
    private var emptyOrigin: Int

    /// Text copied verbatim from the input at `sourceOffset`.
    public init(verbatim text: String, sourceOffset: Int) {
        self.text = text
        let length = text.utf8.count
        self.pieces = length == 0 ? [] : [Piece(length: length, source: sourceOffset..<(sourceOffset + length), kind: .verbatim)]
        self.emptyOrigin = sourceOffset
    }

    /// Text assembled by a reader from pieces; lengths must add up to the text's byte count.
    public init(text: String, pieces: [Piece]) {
        precondition(pieces.reduce(0) { $0 + $1.length } == text.utf8.count, "piece lengths must cover the text")
        self.text = text
        self.pieces = pieces
        self.emptyOrigin = pieces.first?.source.lowerBound ?? 0
    }

    public var byteCount: Int { text.utf8.count }

    /// The input range that the current byte range stands for. Offsets inside a verbatim piece map
    /// exactly; offsets inside a changed piece widen to the whole piece.
    public func sourceRange(for range: Range<Int>) -> Range<Int> {
        guard !pieces.isEmpty else { return emptyOrigin..<emptyOrigin }
        let start = sourceOffset(for: range.lowerBound, preferEnd: false)
        if range.isEmpty { return start..<start }
        let end = sourceOffset(for: range.upperBound, preferEnd: true)
        return start..<max(start, end)
    }

    /// Where the whole text came from.
    public var sourceRange: Range<Int> { sourceRange(for: 0..<byteCount) }

    private func sourceOffset(for offset: Int, preferEnd: Bool) -> Int {
        var pieceStart = 0
        for (index, piece) in pieces.enumerated() {
            let pieceEnd = pieceStart + piece.length
            let inside = preferEnd ? (offset > pieceStart && offset <= pieceEnd) : (offset >= pieceStart && offset < pieceEnd)
            if inside || index == pieces.count - 1 && offset >= pieceEnd {
                if piece.kind == .verbatim {
                    return piece.source.lowerBound + min(offset - pieceStart, piece.length)
                }
                return preferEnd || offset >= pieceEnd ? piece.source.upperBound : piece.source.lowerBound
            }
            pieceStart = pieceEnd
        }
        return pieces.first?.source.lowerBound ?? emptyOrigin
    }

    /// Whether the byte range lies wholly in verbatim input, so an edit on it maps to the file exactly.
    public func isVerbatim(_ range: Range<Int>) -> Bool {
        var pieceStart = 0
        for piece in pieces {
            let pieceEnd = pieceStart + piece.length
            if pieceEnd > range.lowerBound || (range.isEmpty && pieceEnd >= range.lowerBound) {
                if pieceStart > range.lowerBound { return false }
                return piece.kind == .verbatim && range.upperBound <= pieceEnd
            }
            pieceStart = pieceEnd
        }
        return range.isEmpty && range.lowerBound == byteCount
    }

    /// The same edit expressed on the input file, when the edited bytes are verbatim input.
    public func sourceEdit(for edit: TextEdit) -> TextEdit? {
        guard isVerbatim(edit.range) else { return nil }
        return TextEdit(range: sourceRange(for: edit.range), replacement: edit.replacement)
    }

    /// Applies sorted, non-overlapping edits. An edit that cuts into a changed piece takes in the
    /// whole piece, so the map never claims a partial piece came from part of its source.
    public mutating func apply(_ edits: [TextEdit]) {
        guard !edits.isEmpty else { return }
        emptyOrigin = sourceRange(for: 0..<0).lowerBound
        var current = text
        let (newText, newPieces) = current.withUTF8 { applying(edits, to: $0) }
        text = newText
        pieces = Self.coalesced(newPieces)
    }

    /// The new text and (uncoalesced) pieces of `apply`, reading the old bytes in place.
    private func applying(_ edits: [TextEdit], to old: UnsafeBufferPointer<UInt8>) -> (String, [Piece]) {
        var newBytes: [UInt8] = []
        newBytes.reserveCapacity(old.count + 16)
        var newPieces: [Piece] = []
        newPieces.reserveCapacity(pieces.count + edits.count * 2)

        // Piece boundaries, for widening edits to whole non-verbatim pieces.
        var starts: [Int] = []
        starts.reserveCapacity(pieces.count)
        var total = 0
        for piece in pieces { starts.append(total); total += piece.length }

        // Whether every stretch of old bytes copied starts and ends on a character boundary of
        // the old text (and the edits are sorted and apart): then the new bytes are well-formed
        // UTF-8 by construction (old text and replacements are), and need no validation.
        var wellFormed = true
        for k in edits.indices where k > 0 && edits[k].range.lowerBound < edits[k - 1].range.upperBound { wellFormed = false }
        @inline(__always) func isBoundary(_ offset: Int) -> Bool {
            offset <= 0 || offset >= old.count || old[offset] & 0xC0 != 0x80
        }
        func oldBytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
            if !isBoundary(range.lowerBound) || !isBoundary(range.upperBound) { wellFormed = false }
            return UnsafeBufferPointer(rebasing: old[range])
        }

        var pieceIndex = 0
        var cursor = 0  // next old byte not yet emitted
        var editIndex = 0

        func emitOld(upTo end: Int) {
            // Copy old bytes [cursor, end) and the pieces (or piece parts) that cover them. An
            // empty piece (an earlier deletion) at or before `end` is kept too: dropping it would
            // lose the deletion from `sourceEdits`, which then no longer rebuild the text.
            while pieceIndex < pieces.count {
                let piece = pieces[pieceIndex]
                let pieceStart = starts[pieceIndex]
                if piece.length == 0 {
                    guard pieceStart <= end else { return }
                    if pieceStart >= cursor { newPieces.append(piece) }
                    pieceIndex += 1
                    continue
                }
                if pieceStart + piece.length <= cursor { pieceIndex += 1; continue }
                guard cursor < end else { return }
                let partEnd = min(end, pieceStart + piece.length)
                let part = partEnd - cursor
                if piece.kind == .verbatim {
                    let sourceStart = piece.source.lowerBound + (cursor - pieceStart)
                    newPieces.append(Piece(length: part, source: sourceStart..<(sourceStart + part), kind: .verbatim))
                } else {
                    newPieces.append(Piece(length: part, source: piece.source, kind: piece.kind))
                }
                newBytes.append(contentsOf: oldBytes(cursor..<partEnd))
                cursor = partEnd
            }
        }

        while editIndex < edits.count {
            let edit = edits[editIndex]
            var lower = max(edit.range.lowerBound, cursor)
            var upper = max(edit.range.upperBound, lower)
            editIndex += 1
            // Widened to a changed piece the edit cuts into, or followed by an edit inside the
            // region: the general path below. Otherwise the replacement goes in as it is.
            let widenLower = changedPiece(containing: lower, starts: starts).flatMap { $0.0 >= cursor ? $0.0 : nil }
            let widenUpper = changedPiece(containing: upper, starts: starts)?.1
            if widenLower == nil, widenUpper == nil, editIndex == edits.count || edits[editIndex].range.lowerBound >= upper {
                if !isBoundary(lower) || !isBoundary(upper) { wellFormed = false }
                emitOld(upTo: lower)
                let source = sourceRange(for: lower..<upper)
                let start = newBytes.count
                newBytes.append(contentsOf: edit.replacement.utf8)
                let length = newBytes.count - start
                if length != 0 || !source.isEmpty {
                    newPieces.append(Piece(length: length, source: source, kind: .edited))
                }
                cursor = upper
                continue
            }
            var replacement = Array(edit.replacement.utf8)
            // Merge following edits that touch a widened region.
            var prefix: [UInt8] = []
            var suffix: [UInt8] = []
            if let start = widenLower {
                prefix = Array(oldBytes(start..<lower)); lower = start
            }
            if let end = widenUpper {
                suffix = Array(oldBytes(upper..<end)); upper = end
            }
            if !isBoundary(lower) || !isBoundary(upper) { wellFormed = false }
            // Later edits that fall inside the widened region are spliced into its suffix. The
            // suffix holds old bytes from `suffixOldStart`; `delta` tracks how much the splices
            // so far changed its length, so each later edit lands where it belongs.
            let suffixOldStart = upper - suffix.count
            var delta = 0
            while editIndex < edits.count, edits[editIndex].range.lowerBound < upper {
                let next = edits[editIndex]
                if next.range.upperBound > upper {
                    suffix.append(contentsOf: oldBytes(upper..<next.range.upperBound))
                    upper = next.range.upperBound
                    // The region may now end inside another changed piece: take all of it.
                    if let (_, end) = changedPiece(containing: upper, starts: starts) {
                        suffix.append(contentsOf: oldBytes(upper..<end))
                        upper = end
                    }
                }
                if !isBoundary(next.range.lowerBound) || !isBoundary(next.range.upperBound) { wellFormed = false }
                let relLower = next.range.lowerBound - suffixOldStart + delta
                let relUpper = next.range.upperBound - suffixOldStart + delta
                let bytes = Array(next.replacement.utf8)
                suffix.replaceSubrange(relLower..<relUpper, with: bytes)
                delta += bytes.count - (relUpper - relLower)
                editIndex += 1
            }
            emitOld(upTo: lower)
            let source = sourceRange(for: lower..<upper)
            let newContent = prefix + replacement + suffix
            replacement = newContent
            if !replacement.isEmpty || !source.isEmpty {
                newPieces.append(Piece(length: replacement.count, source: source, kind: .edited))
            }
            newBytes.append(contentsOf: replacement)
            cursor = upper
        }
        emitOld(upTo: old.count)
        return (Self.string(newBytes, wellFormed: wellFormed), newPieces)
    }

    /// A string of `bytes`; without a second validation when they are known to be well-formed.
    static func string(_ bytes: [UInt8], wellFormed: Bool) -> String {
        guard wellFormed else { return String(decoding: bytes, as: UTF8.self) }
        return bytes.withUnsafeBufferPointer { buffer in
            String(copying: unsafe UTF8Span(unchecked: buffer.span, isKnownASCII: isASCII(buffer)))
        }
    }

    /// Whether every byte is below 0x80, eight at a time.
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var i = 0
        var any: UInt64 = 0
        while i + 8 <= count {
            any |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < count { any |= UInt64(bytes[i]); i += 1 }
        return any & 0x8080_8080_8080_8080 == 0
    }

    /// The changed piece that strictly contains `offset` (not at its edges), as old-text bounds.
    private func changedPiece(containing offset: Int, starts: [Int]) -> (Int, Int)? {
        var low = 0, high = pieces.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let start = starts[mid], end = start + pieces[mid].length
            if offset <= start { high = mid - 1 } else if offset >= end { low = mid + 1 } else {
                return pieces[mid].kind == .verbatim ? nil : (start, end)
            }
        }
        return nil
    }

    private static func coalesced(_ pieces: [Piece]) -> [Piece] {
        var result: [Piece] = []
        result.reserveCapacity(pieces.count)
        for piece in pieces {
            if var last = result.last, last.kind == piece.kind {
                if piece.kind == .verbatim, last.source.upperBound == piece.source.lowerBound {
                    last.length += piece.length
                    last.source = last.source.lowerBound..<piece.source.upperBound
                    result[result.count - 1] = last
                    continue
                }
                if piece.kind == .edited, last.source.upperBound == piece.source.lowerBound || last.source == piece.source {
                    last.length += piece.length
                    last.source = last.source.lowerBound..<max(last.source.upperBound, piece.source.upperBound)
                    result[result.count - 1] = last
                    continue
                }
            }
            if piece.length == 0 && piece.source.isEmpty { continue }
            result.append(piece)
        }
        return result
    }

    /// Every change made to this text, as edits on the input file (sorted, non-overlapping).
    /// Pieces a reader decoded are not changes and produce no edit.
    public var sourceEdits: [TextEdit] {
        var edits: [TextEdit] = []
        var offset = 0
        let bytes = Array(text.utf8)
        for piece in pieces {
            if piece.kind == .edited {
                let replacement = String(decoding: bytes[offset..<(offset + piece.length)], as: UTF8.self)
                edits.append(TextEdit(range: piece.source, replacement: replacement))
            }
            offset += piece.length
        }
        return edits
    }
}
