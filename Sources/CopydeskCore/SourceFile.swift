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

    /// Results computed once per file and shared by everyone who asks (a format sniff that
    /// several readers make).
    private let analyses = Analyses()

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        var copy = text
        self.lineStarts = copy.withUTF8 { Self.computeLineStarts($0) }
    }

    /// Text from bytes the caller has already checked are well-formed UTF-8, without validating
    /// them a second time (`String(decoding:)` would). `isASCII` must be whether every byte is
    /// below 0x80. Bytes that are not well-formed make a broken string: check them first.
    public init(path: String, uncheckedUTF8 bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) {
        self.path = path
        self.text = String(copying: unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
        self.lineStarts = Self.computeLineStarts(bytes)
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
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var i = lineStart
            while i < clamped {
                let byte = bytes[i]
                let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                scalars += 1
                utf16 += width == 4 ? 2 : 1
                i += width
            }
        }
        return SourceLocation(offset: clamped, line: low + 1, column: scalars + 1, utf16Column: utf16 + 1)
    }

    /// The text of a 1-based line, without its line break.
    public func lineText(_ line: Int) -> Substring {
        guard line >= 1, line <= lineStarts.count else { return "" }
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

/// A resolved position in an input file. Lines and columns are 1-based.
public struct SourceLocation: Hashable, Sendable, Codable {
    public var offset: Int
    public var line: Int
    /// Column counted in Unicode scalars.
    public var column: Int
    /// Column counted in UTF-16 code units, as SARIF and many editors expect.
    public var utf16Column: Int
}
