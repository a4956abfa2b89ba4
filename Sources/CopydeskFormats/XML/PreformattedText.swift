import CopydeskCore

/// The text of an XML element whose line breaks and spacing are meaningful (`<pre>`): its lines,
/// each mapped to its bytes in the file, so a `<pre>` body of results or listings is read line
/// by line (see `XMLStoryBody`) instead of collapsed into one paragraph.
enum PreformattedText {
    /// The element's text split into blocks at blank lines; each block is its lines joined by a
    /// line break, trailing spaces dropped and leading spaces kept (they align columns).
    static func blocks(of element: XMLTreeElement) -> [MappedText] {
        var bytes: [UInt8] = []
        var pieces: [MappedText.Piece] = []
        collect(element, &bytes, &pieces)
        let text = MappedText(text: String(decoding: bytes, as: UTF8.self), pieces: pieces)
        // Line ranges in `bytes`, blank lines as nil.
        var lines: [Range<Int>?] = []
        var start = 0
        for k in 0...bytes.count where k == bytes.count || bytes[k] == 0x0A {
            var end = k
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
            lines.append(end > start && bytes[start..<end].contains { $0 != 0x20 && $0 != 0x09 } ? start..<end : nil)
            start = k + 1
        }
        var result: [MappedText] = []
        var group: [Range<Int>] = []
        func close() {
            guard !group.isEmpty else { return }
            result.append(join(text, group))
            group = []
        }
        for line in lines {
            if let line { group.append(line) } else { close() }
        }
        close()
        return result
    }

    private static func collect(_ element: XMLTreeElement, _ bytes: inout [UInt8], _ pieces: inout [MappedText.Piece]) {
        for node in element.children {
            switch node {
            case .text(let run):
                bytes.append(contentsOf: run.text.text.utf8)
                pieces.append(contentsOf: run.text.pieces)
            case .element(let child):
                if child.local == "br" {
                    bytes.append(0x0A)
                    pieces.append(MappedText.Piece(length: 1, source: child.range, kind: .decoded))
                } else {
                    collect(child, &bytes, &pieces)
                }
            }
        }
    }

    /// The lines of `text` at `ranges`, joined by a line break that stands for the bytes between them.
    private static func join(_ text: MappedText, _ ranges: [Range<Int>]) -> MappedText {
        var bytes: [UInt8] = []
        var pieces: [MappedText.Piece] = []
        let all = Array(text.text.utf8)
        for (index, range) in ranges.enumerated() {
            if index > 0 {
                let gap = text.sourceRange(for: ranges[index - 1].upperBound..<range.lowerBound)
                bytes.append(0x0A)
                pieces.append(MappedText.Piece(length: 1, source: gap, kind: .decoded))
            }
            var offset = 0
            for piece in text.pieces {
                let pieceRange = offset..<(offset + piece.length)
                offset += piece.length
                let overlap = pieceRange.clamped(to: range)
                guard !overlap.isEmpty else { continue }
                if piece.kind == .verbatim {
                    let shift = overlap.lowerBound - pieceRange.lowerBound
                    let source = (piece.source.lowerBound + shift)..<(piece.source.lowerBound + shift + overlap.count)
                    bytes.append(contentsOf: all[overlap])
                    pieces.append(MappedText.Piece(length: overlap.count, source: source, kind: .verbatim))
                } else if pieceRange.lowerBound >= range.lowerBound {
                    // A decoded piece (an entity) is taken whole.
                    bytes.append(contentsOf: all[pieceRange])
                    pieces.append(MappedText.Piece(length: piece.length, source: piece.source, kind: piece.kind))
                }
            }
        }
        return MappedText(text: String(decoding: bytes, as: UTF8.self), pieces: pieces)
    }
}
