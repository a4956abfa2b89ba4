import CopydeskCore

/// Helpers for turning XML text nodes into story text.
enum XMLText {
    /// The text of an element and its descendants with XML whitespace collapsed and trimmed
    /// (see `InlineTextCollector`); subtrees for which `skip` is true are left out. Nil when empty.
    static func inline(_ element: XMLTreeElement, skip: (XMLTreeElement) -> Bool = { _ in false }) -> MappedText? {
        var collector = InlineTextCollector()
        collector.add(element, skip: skip)
        return collector.finish()
    }
}

/// Concatenates text nodes into one `MappedText`, as a browser renders XML text: every run of XML
/// whitespace (space, tab, CR, LF) becomes one space, and leading and trailing whitespace goes.
///
/// Pieces: text copied from the file stays `.verbatim` (one piece per stretch of contiguous
/// bytes, so inline markup such as `<em>` splits pieces); a single space character is kept
/// verbatim; any other whitespace run (line break plus indentation) is a `.decoded` space
/// covering the run; a decoded reference stays `.decoded`; `<br/>` reads as a `.decoded` space
/// covering the tag; whitespace runs dropped entirely (doubled across markup, leading, trailing)
/// have no piece.
struct InlineTextCollector {
    private var bytes: [UInt8] = []
    private var pieces: [MappedText.Piece] = []
    private var pendingSpace: MappedText.Piece?

    var isEmpty: Bool { bytes.isEmpty }

    mutating func add(_ element: XMLTreeElement, skip: (XMLTreeElement) -> Bool) {
        for node in element.children {
            switch node {
            case .text(let run):
                add(run.text)
            case .element(let child):
                if skip(child) { continue }
                if child.local == "br" {
                    space(MappedText.Piece(length: 1, source: child.range, kind: .decoded))
                    continue
                }
                add(child, skip: skip)
            }
        }
    }

    /// Adds `text`, or only its bytes in `range` (a non-verbatim piece is taken whole when its
    /// start lies in the range).
    mutating func add(_ text: MappedText, range: Range<Int>? = nil) {
        let utf8 = Array(text.text.utf8)
        let limit = range ?? 0..<utf8.count
        var offset = 0
        for piece in text.pieces {
            let pieceEnd = offset + piece.length
            defer { offset = pieceEnd }
            if pieceEnd <= limit.lowerBound { continue }
            if offset >= limit.upperBound { break }
            guard piece.kind == .verbatim else {
                if offset >= limit.lowerBound { emit(utf8[offset..<pieceEnd], piece) }
                continue
            }
            let first = max(offset, limit.lowerBound)
            let end = min(pieceEnd, limit.upperBound)
            var k = first
            while k < end {
                let runStart = k
                let source = piece.source.lowerBound + (runStart - offset)
                if XMLScanner.isSpace(utf8[k]) {
                    while k < end, XMLScanner.isSpace(utf8[k]) { k += 1 }
                    let isOneSpace = k - runStart == 1 && utf8[runStart] == 0x20
                    space(MappedText.Piece(length: 1, source: source..<(source + k - runStart), kind: isOneSpace ? .verbatim : .decoded))
                } else {
                    while k < end, !XMLScanner.isSpace(utf8[k]) { k += 1 }
                    emit(utf8[runStart..<k], MappedText.Piece(length: k - runStart, source: source..<(source + k - runStart), kind: .verbatim))
                }
            }
        }
    }

    /// A separator the file does not have as text (the tab between two table cells), as a
    /// `.decoded` piece covering the markup it stands for; any pending space goes.
    mutating func separator(_ byte: UInt8, standingFor source: Range<Int>) {
        pendingSpace = nil
        append([byte], MappedText.Piece(length: 1, source: source, kind: .decoded))
    }

    /// Whitespace: remembered, and written only if more text follows.
    private mutating func space(_ piece: MappedText.Piece) {
        if pendingSpace == nil { pendingSpace = piece }
    }

    private mutating func emit(_ content: ArraySlice<UInt8>, _ piece: MappedText.Piece) {
        if let space = pendingSpace {
            pendingSpace = nil
            // Not at the start, nor right after a cell separator (whitespace is collapsed to
            // spaces, so a tab at the end is always one).
            if let last = bytes.last, last != 0x09 { append([0x20], space) }
        }
        append(content, piece)
    }

    private mutating func append(_ content: ArraySlice<UInt8>, _ piece: MappedText.Piece) {
        bytes.append(contentsOf: content)
        if piece.kind == .verbatim, let last = pieces.last, last.kind == .verbatim, last.source.upperBound == piece.source.lowerBound {
            pieces[pieces.count - 1].length += piece.length
            pieces[pieces.count - 1].source = last.source.lowerBound..<piece.source.upperBound
        } else {
            pieces.append(piece)
        }
    }

    /// Drops trailing bytes in `set` (ASCII) while they are verbatim text, e.g. the comma of
    /// `By Jane Doe, <byttl>…</byttl>`.
    mutating func trimTrailing(_ set: Set<UInt8>) {
        pendingSpace = nil
        while let last = bytes.last, set.contains(last) || XMLScanner.isSpace(last),
              let piece = pieces.last {
            if piece.kind == .verbatim || piece.length == 1 {
                bytes.removeLast()
                if piece.length == 1 {
                    pieces.removeLast()
                } else {
                    pieces[pieces.count - 1].length -= 1
                    pieces[pieces.count - 1].source = piece.source.lowerBound..<(piece.source.upperBound - 1)
                }
            } else {
                break
            }
        }
    }

    func finish() -> MappedText? {
        bytes.isEmpty ? nil : MappedText(text: String(decoding: bytes, as: UTF8.self), pieces: pieces)
    }
}
