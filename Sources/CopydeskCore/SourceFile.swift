import Synchronization

/// The decoded text of one input file, with what is needed to turn byte offsets into lines and columns.
///
/// Every range in Copydesk (diagnostics, fixes, block origins) is a UTF-8 byte offset into `text`.
/// For a file that was not UTF-8 the text is the decoded one, so lines and columns are those an
/// editor shows when it opens the file in its own encoding.
public struct SourceFile: Sendable {
    /// Path as the user gave it, or `<stdin>`.
    public let path: String
    public let text: String
    /// Byte offset where each line starts; line breaks are LF, CRLF or a lone CR.
    public let lineStarts: [Int]

    /// Where `text` lies in the input file when it is one story of a stream read story by story
    /// (`.start` for a whole file): locations and line numbers are the file's, ranges stay
    /// offsets into `text`.
    public let origin: SourceOrigin

    /// Results computed once per file and shared by everyone who asks (a format sniff that
    /// several readers make).
    private let analyses = Analyses()

    public init(path: String, text: String, origin: SourceOrigin = .start) {
        self.path = path
        self.text = text
        self.origin = origin
        var copy = text
        self.lineStarts = copy.withUTF8 { Self.computeLineStarts($0) }
    }

    /// Text from bytes the caller has already checked are well-formed UTF-8, without validating
    /// them a second time (`String(decoding:)` would). `isASCII` must be whether every byte is
    /// below 0x80. Bytes that are not well-formed make a broken string: check them first.
    public init(path: String, uncheckedUTF8 bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) {
        self.path = path
        self.text = String(copying: unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
        self.origin = .start
        self.lineStarts = Self.computeLineStarts(bytes)
    }

    /// The same text placed at `origin` in its file (a story cut from a stream).
    public func placed(at origin: SourceOrigin) -> SourceFile {
        SourceFile(path: path, text: text, lineStarts: lineStarts, origin: origin)
    }

    private init(path: String, text: String, lineStarts: [Int], origin: SourceOrigin) {
        self.path = path
        self.text = text
        self.lineStarts = lineStarts
        self.origin = origin
    }

    /// The value of `key` for this file, computed by `compute` the first time it is asked for.
    /// `compute` must depend on the file alone (its text and path), so every caller gets the
    /// same answer whoever asked first.
    public func cached<Value: Sendable>(_ key: String, _ compute: () -> Value) -> Value {
        if let value = analyses.values.withLock({ $0[key] }) as? Value { return value }
        let value = compute()
        analyses.values.withLock { $0[key] = value }
        return value
    }

    private final class Analyses: Sendable {
        let values = Mutex<[String: any Sendable]>([:])
    }

    public var byteCount: Int { text.utf8.count }

    /// Line, column (in Unicode scalars) and UTF-16 column, all 1-based, of a byte offset.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = min(max(0, offset), byteCount)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        var scalars = 0, utf16 = 0
        if clamped - lineStart <= Self.checkpointStride {
            (scalars, utf16) = counts(lineStart..<clamped)
        } else {
            // A long line (a one-line file, a huge paragraph): counting from its start for every
            // finding would be quadratic, so count from the nearest checkpoint instead.
            let start = countsFromStart(of: lineStart), end = countsFromStart(of: clamped)
            scalars = end.scalars - start.scalars
            utf16 = end.utf16 - start.utf16
        }
        if low == 0 {
            scalars += origin.firstLineScalars
            utf16 += origin.firstLineUTF16
        }
        return SourceLocation(offset: origin.offset + clamped, line: origin.line + low + 1, column: scalars + 1, utf16Column: utf16 + 1)
    }

    /// Offset in `text` where a 1-based line of the file starts (for a story of a stream, the
    /// line's part before the story is not in `text`: the offset is then before 0).
    public func lineStart(ofLine line: Int) -> Int {
        let local = min(max(0, line - 1 - origin.line), lineStarts.count - 1)
        return local == 0 ? -origin.firstLinePrefix.utf8.count : lineStarts[local]
    }

    static let checkpointStride = 4096

    /// Scalars and UTF-16 units that start in `range`: a scalar is counted where its lead byte is.
    private func counts(_ range: Range<Int>) -> (scalars: Int, utf16: Int) {
        var scalars = 0, wide = 0
        text.utf8.withContiguousStorageIfAvailable { bytes in
            for i in range {
                let byte = bytes[i]
                if byte & 0xC0 != 0x80 { scalars += 1 }
                if byte >= 0xF0 { wide += 1 }
            }
        }
        return (scalars, scalars + wide)
    }

    /// Scalars and UTF-16 units before `offset`, from checkpoints every `checkpointStride` bytes
    /// computed once per file.
    private func countsFromStart(of offset: Int) -> (scalars: Int, utf16: Int) {
        let checkpoints: [(scalars: Int, utf16: Int)] = cached("location-checkpoints") {
            var table: [(scalars: Int, utf16: Int)] = [(0, 0)]
            var running = (scalars: 0, utf16: 0)
            var start = 0
            while start + Self.checkpointStride <= byteCount {
                let part = counts(start..<(start + Self.checkpointStride))
                running = (running.scalars + part.scalars, running.utf16 + part.utf16)
                table.append(running)
                start += Self.checkpointStride
            }
            return table
        }
        let index = offset / Self.checkpointStride
        let rest = counts((index * Self.checkpointStride)..<offset)
        return (checkpoints[index].scalars + rest.scalars, checkpoints[index].utf16 + rest.utf16)
    }

    /// The text of a 1-based line of the file, without its line break.
    public func lineText(_ line: Int) -> Substring {
        let line = line - origin.line
        guard line >= 1, line <= lineStarts.count else { return "" }
        if line == 1, !origin.firstLinePrefix.isEmpty { return Substring(origin.firstLinePrefix + localLineText(1)) }
        return localLineText(line)
    }

    private func localLineText(_ line: Int) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[line - 1])
        var end = line < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: lineStarts[line]) : utf8.endIndex
        while end > start {
            let previous = utf8.index(before: end)
            guard utf8[previous] == 0x0A || utf8[previous] == 0x0D else { break }
            end = previous
        }
        return text[start..<end]
    }

    /// The text of a byte range (clamped to the file).
    public func slice(_ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let lower = min(max(0, range.lowerBound), byteCount)
        let upper = min(max(lower, range.upperBound), byteCount)
        return text[utf8.index(utf8.startIndex, offsetBy: lower)..<utf8.index(utf8.startIndex, offsetBy: upper)]
    }

    private static func computeLineStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 64 + 1)
        guard let base = bytes.baseAddress else { return starts }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var i = 0
        while i < count {
            // Eight bytes at a time: skip words without a byte below 0x0E (LF and CR are 0x0A
            // and 0x0D; tabs and form feeds take the byte path, which looks at them once).
            if i + 8 <= count {
                let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if (x &- 0x0E0E_0E0E_0E0E_0E0E) & ~x & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let byte = bytes[i]
            if byte == 0x0A {
                starts.append(i + 1)
            } else if byte == 0x0D {
                if i + 1 < count, bytes[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        return starts
    }
}

/// Where a piece of text starts in its input file: byte offset, lines before it, and the part of
/// its first line that comes before it (a story of a stream starts where its `SOH` is, which
/// may follow other bytes on that line).
public struct SourceOrigin: Sendable, Hashable {
    public var offset: Int
    /// Lines of the file before the piece's first line.
    public var line: Int
    /// The text of the piece's first line before the piece, so an excerpt shows the whole line.
    public var firstLinePrefix: String
    var firstLineScalars: Int
    var firstLineUTF16: Int

    public init(offset: Int, line: Int, firstLinePrefix: String) {
        self.offset = offset
        self.line = line
        self.firstLinePrefix = firstLinePrefix
        self.firstLineScalars = firstLinePrefix.unicodeScalars.count
        self.firstLineUTF16 = firstLinePrefix.utf16.count
    }

    public static let start = SourceOrigin(offset: 0, line: 0, firstLinePrefix: "")
}

/// A resolved position in an input file. Lines and columns are 1-based.
public struct SourceLocation: Hashable, Sendable, Codable {
    public var offset: Int
    public var line: Int
    /// Column counted in Unicode scalars.
    public var column: Int
    /// Column counted in UTF-16 code units, as SARIF and many editors expect.
    public var utf16Column: Int
}
