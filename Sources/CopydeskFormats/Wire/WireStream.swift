import CopydeskCore

/// Splits a transmission (ANPA-1312 or IPTC 7901) into messages, resynchronising on `SOH`.
///
/// A message runs from an `SOH` that opens a plausible header to the next such `SOH`. Inside it,
/// the header is everything up to `STX`, the body runs to `ETX` (or, in a truncated message, to an
/// `EOT` or the next message), and the trailer (time stamp) from `ETX` to `EOT`.
enum WireStream {
    struct Message {
        /// Offset of the `SOH`.
        var start: Int
        /// End of the message (next message's `SOH`, or end of file).
        var end: Int
        /// Bytes between `SOH` and `STX` (or to the end of the second header line without `STX`).
        var header: Range<Int>
        var stx: Int?
        var body: Range<Int>
        var etx: Int?
        /// Bytes between `ETX` and `EOT`: the transmission or time stamp.
        var trailer: Range<Int>
        var isTruncated: Bool { etx == nil }
    }

    enum HeaderStyle { case anpa, iptc7901, unknown }

    /// `SOH` offsets that open a message: followed by a header of either format, or by an `STX`
    /// within a few lines. A stray `SOH` in line noise opens nothing.
    static func messageStarts(_ b: [UInt8]) -> [Int] {
        var starts: [Int] = []
        var i = 0
        while i < b.count {
            if b[i] == WireBytes.soh, headerStyle(b, afterSOH: i) != .unknown || stxFollows(b, afterSOH: i) {
                starts.append(i)
            }
            i += 1
        }
        return starts
    }

    static func stxFollows(_ b: [UInt8], afterSOH soh: Int) -> Bool {
        var i = soh + 1
        let limit = min(b.count, soh + 400)
        while i < limit {
            if b[i] == WireBytes.stx { return true }
            if b[i] == WireBytes.soh || b[i] == WireBytes.etx || b[i] == WireBytes.eot { return false }
            i += 1
        }
        return false
    }

    /// Which header follows the `SOH` at `soh`: ANPA (`a0043` + `US`), IPTC 7901
    /// (`eca0003 3 i 380`), or neither.
    static func headerStyle(_ b: [UInt8], afterSOH soh: Int) -> HeaderStyle {
        var i = soh + 1
        while i < b.count, i < soh + 4, b[i] == WireBytes.cr || b[i] == WireBytes.lf || b[i] == 0x20 { i += 1 }
        guard i < b.count else { return .unknown }
        // ANPA: service letter, story number (4 digits), US, selector.
        if WireBytes.isLetter(b[i]) {
            var k = i + 1
            while k < b.count, k < i + 6, WireBytes.isDigit(b[k]) { k += 1 }
            if k - i - 1 >= 3, k < b.count, b[k] == WireBytes.us { return .anpa }
        }
        // IPTC 7901: source + sequence, SP, priority digit, SP, category, SP, word count.
        let lineEnd = endOfLine(b, from: i, limit: min(b.count, i + 120))
        let tokens = WireBytes.tokens(b, i..<lineEnd)
        if tokens.count >= 3 {
            let source = tokens[0], priority = tokens[1], category = tokens[2]
            let sourceOK = source.count >= 2 && source.allSatisfy { WireBytes.isAlnum(b[$0]) || b[$0] == 0x2D } && WireBytes.isLetter(b[source.lowerBound])
            let priorityOK = priority.count == 1 && WireBytes.isDigit(b[priority.lowerBound])
            let categoryOK = category.count <= 4 && category.allSatisfy { WireBytes.isLetter(b[$0]) }
            let countOK = tokens.count < 4 || tokens[3].allSatisfy { WireBytes.isDigit(b[$0]) }
            if sourceOK && priorityOK && categoryOK && countOK { return .iptc7901 }
        }
        return .unknown
    }

    static func endOfLine(_ b: [UInt8], from start: Int, limit: Int) -> Int {
        var i = start
        while i < limit, b[i] != WireBytes.lf, b[i] != WireBytes.cr, b[i] != WireBytes.stx { i += 1 }
        return i
    }

    static func messages(_ b: [UInt8]) -> [Message] {
        let starts = messageStarts(b)
        var result: [Message] = []
        result.reserveCapacity(starts.count)
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : b.count
            result.append(message(b, start: start, end: end))
        }
        return result
    }

    private static func message(_ b: [UInt8], start: Int, end: Int) -> Message {
        var stx: Int?
        var i = start + 1
        // The header is short; an STX far away belongs to damaged text, not to this header.
        let headerLimit = min(end, start + 1 + 600)
        while i < headerLimit {
            if b[i] == WireBytes.stx { stx = i; break }
            if b[i] == WireBytes.etx || b[i] == WireBytes.eot { break }
            i += 1
        }
        let header: Range<Int>
        let bodyStart: Int
        if let stx {
            header = (start + 1)..<stx
            bodyStart = stx + 1
        } else {
            // No STX: the header is the first two lines (ANPA) — the caller may re-split.
            var lineCount = 0
            var k = start + 1
            while k < end, lineCount < 2 {
                if b[k] == WireBytes.lf || b[k] == WireBytes.cr {
                    if b[k] == WireBytes.cr, k + 1 < end, b[k + 1] == WireBytes.lf { k += 1 }
                    lineCount += 1
                }
                k += 1
            }
            header = (start + 1)..<k
            bodyStart = k
        }
        var etx: Int?
        var bodyEnd = end
        var k = bodyStart
        while k < end {
            if b[k] == WireBytes.etx { etx = k; bodyEnd = k; break }
            if b[k] == WireBytes.eot { bodyEnd = k; break }
            k += 1
        }
        var trailerEnd = end
        if let etx {
            var t = etx + 1
            while t < end, b[t] != WireBytes.eot { t += 1 }
            trailerEnd = t
        }
        let trailerStart = etx.map { $0 + 1 } ?? bodyEnd
        return Message(start: start, end: end, header: header, stx: stx, body: bodyStart..<max(bodyStart, bodyEnd),
                       etx: etx, trailer: trailerStart..<max(trailerStart, trailerEnd))
    }

    /// How strongly the content looks like ANPA and like IPTC 7901 (0–100 each).
    /// Both wire readers ask; the file is sniffed once.
    static func sniff(_ source: SourceFile) -> (anpa: Int, iptc7901: Int) {
        let scores = source.cached("WireStream.sniff") { () -> [Int] in
            let (anpa, iptc7901) = sniffing(source)
            return [anpa, iptc7901]
        }
        return (scores[0], scores[1])
    }

    private static func sniffing(_ source: SourceFile) -> (anpa: Int, iptc7901: Int) {
        // Most files have no framing byte at all: one pass over the head in place, eight bytes at
        // a time, and only the check for a stream whose control codes were stripped remains.
        let framed = source.text.utf8.withContiguousStorageIfAvailable {
            hasFramingByte(UnsafeBufferPointer(rebasing: $0.prefix(65536)))
        } ?? true
        if !framed {
            let head = source.text.utf8.withContiguousStorageIfAvailable { Array($0.prefix(2048)) } ?? Array(source.text.utf8.prefix(2048))
            return (0, looksLikeStrippedIPTC(head) ? 60 : 0)
        }
        // One memcpy of the head, not a byte-by-byte walk of the string's UTF-8 view.
        let b = source.text.utf8.withContiguousStorageIfAvailable { Array($0.prefix(65536)) }
            ?? Array(source.text.utf8.prefix(65536))
        var anpaHeaders = 0, iptcHeaders = 0, otherSOH = 0
        var synSynSOH = false, hasSTX = false, hasETX = false, hasDC = false
        var i = 0
        while i < b.count {
            switch b[i] {
            case WireBytes.soh:
                if i >= 2, b[i - 1] == WireBytes.syn, b[i - 2] == WireBytes.syn { synSynSOH = true }
                switch headerStyle(b, afterSOH: i) {
                case .anpa: anpaHeaders += 1
                case .iptc7901: iptcHeaders += 1
                case .unknown: otherSOH += 1
                }
            case WireBytes.stx: hasSTX = true
            case WireBytes.etx: hasETX = true
            case WireBytes.dc1, WireBytes.dc2, WireBytes.dc3, WireBytes.dc4: hasDC = true
            default: break
            }
            i += 1
        }
        var anpa = 0, iptc = 0
        if anpaHeaders > 0 { anpa = synSynSOH || hasDC ? 95 : 90 } else if synSynSOH { anpa = 85 }
        if iptcHeaders > 0 { iptc = anpaHeaders > iptcHeaders ? 60 : 90 }
        if anpa == 0 && iptc == 0 && otherSOH > 0 && hasSTX && hasETX {
            // Framed like a wire message but the header is damaged: ANPA if it has its DC codes.
            if hasDC { anpa = 50 } else { iptc = 45 }
        }
        if anpa == 0 && iptc == 0 && otherSOH == 0, looksLikeStrippedIPTC(b) {
            iptc = 60
        }
        return (anpa, iptc)
    }

    /// Control codes stripped in transit: among the first 2,048 bytes, the first three lines with
    /// content are a 7901 header line, then a keyword line ending in '/' in one of the next two.
    private static func looksLikeStrippedIPTC(_ b: [UInt8]) -> Bool {
        let range = 0..<min(b.count, 2048)
        // The first three non-blank lines (all `WireBytes.lines` would give, filtered, is not needed).
        var lines: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        // The header line decides first: most files fail there, before any other line is read.
        func take(_ line: Range<Int>) -> Bool {
            guard !WireBytes.trimmed(b, line).isEmpty else { return true }
            if lines.isEmpty, headerStyle([0x01] + Array(b[line]), afterSOH: 0) != .iptc7901 { return false }
            lines.append(line)
            return true
        }
        while i < range.upperBound, lines.count < 3 {
            let byte = b[i]
            if byte == WireBytes.lf || byte == WireBytes.cr {
                guard take(start..<i) else { return false }
                if byte == WireBytes.cr, i + 1 < range.upperBound, b[i + 1] == WireBytes.lf { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if lines.count < 3, start < range.upperBound, !take(start..<range.upperBound) { return false }
        guard lines.count >= 3 else { return false }
        return lines[1...2].contains(where: { let t = WireBytes.trimmed(b, $0); return t.count > 1 && b[t.upperBound - 1] == 0x2F })
    }

    /// Whether `bytes` holds a byte the sniff counts: SOH, STX, ETX or DC1–DC4.
    private static func hasFramingByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < count {
            if i + 8 <= count {
                let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                // No byte below 0x15: nothing here (exact when none is; a hit is checked byte by byte).
                if (x &- 0x1515_1515_1515_1515) & ~x & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            switch bytes[i] {
            case WireBytes.soh, WireBytes.stx, WireBytes.etx, WireBytes.dc1, WireBytes.dc2, WireBytes.dc3, WireBytes.dc4: return true
            default: i += 1
            }
        }
        return false
    }
}
