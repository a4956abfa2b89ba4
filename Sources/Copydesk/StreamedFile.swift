import Foundation

/// A wire stream (ANPA-1312, IPTC 7901) read story by story instead of whole, so memory follows
/// the largest story and not the file.
///
/// Opening it makes one pass over the file in 1 MiB reads, keeping only what is needed later:
/// where each message starts (the rule `WireStream.messageStarts` applies to the whole file, fed
/// with enough bytes after each `SOH`), the line each starts on, and the file's CR/CRLF line ends
/// (the line-ending finding is about the file). Each story is then read on its own with `pread`,
/// decoded, parsed and run through the pipeline as a file of its own placed at its offset and
/// line (`SourceOrigin`), so findings name the line and column of the input file and the edits
/// written back join into the file's bytes. A story is a message: its `SOH` up to the next
/// message's `SOH`; the first also holds whatever comes before the first `SOH`, as the readers
/// skip it.
final class StreamedFile: Sendable {
    /// How the file is cut: at wire messages (each piece a story of the file), or a plain-text
    /// file at blank lines into pieces of about `chunkTarget` bytes (for normalize, whose stage
    /// works paragraph by paragraph; the pieces are parts of one story).
    enum Cut: Sendable { case messages, paragraphs }

    let path: String
    let cut: Cut
    let size: Int
    /// The reader the whole file was sniffed as (ANPA or IPTC 7901).
    let format: String
    /// Byte offset where each story starts (the first is 0).
    let starts: [Int]
    /// Line breaks before each story's start, and where the line holding its `SOH` starts.
    let lines: [Int]
    let lineStarts: [Int]
    /// The file's CR line ends: how many, how many of them CRLF, and where the first is.
    let carriageReturns: Int
    let crlf: Int
    let firstCarriageReturn: Int?
    private let descriptor: Int32

    var count: Int { starts.count }

    /// Bytes of the head a format is sniffed from (what `WireStream.sniff` reads).
    static let headSize = 65536
    static let chunkSize = 1 << 20
    /// Size a plain-text piece grows to before it ends at the next blank line.
    static let chunkTarget = 1 << 20

    /// The file as a stream of stories, or nil when it is not one this can cut: not a regular
    /// file, smaller than `threshold`, not UTF-8 at its head, or not in a wire format.
    static func open(path: String, threshold: Int, encoding: String, format: String, readers: ReaderRegistry,
                     cutsPlainText: Bool) throws -> StreamedFile? {
        guard path != "-", encoding.lowercased() == "auto" || encoding.lowercased().replacingOccurrences(of: "-", with: "") == "utf8" else { return nil }
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) >= threshold else { return nil }
        let descriptor = Foundation.open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        let size = Int(status.st_size)
        var head = [UInt8](repeating: 0, count: min(size, headSize))
        guard (try? readFully(descriptor, into: &head, at: 0, path: path)) != nil,
              let chosen = sniffedFormat(head: head, path: path, format: format, readers: readers),
              WireStreamBoundaries.splitsAtMessages(reader: chosen) || (cutsPlainText && chosen == PlainTextReader.name) else {
            close(descriptor)
            return nil
        }
        do {
            return try StreamedFile(path: path, descriptor: descriptor, size: size, format: chosen,
                                    cut: chosen == PlainTextReader.name ? .paragraphs : .messages)
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// The reader `auto` picks from the head, as it would from the whole file (the wire sniff and
    /// the other readers look at the head and the path); nil when the head is not plain UTF-8.
    private static func sniffedFormat(head: [UInt8], path: String, format: String, readers: ReaderRegistry) -> String? {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return nil }
        // Cut back to a character boundary: the head may end inside one.
        var end = head.count
        while end > 0, end > head.count - 4, head[end - 1] & 0xC0 == 0x80 { end -= 1 }
        if end > 0, head[end - 1] >= 0xC0 { end -= 1 }
        guard let text = String(validating: head[..<end], as: UTF8.self) else { return nil }
        if format != "auto" { return format }
        return try? readers.readerName(for: SourceFile(path: path, text: text), format: "auto")
    }

    private init(path: String, descriptor: Int32, size: Int, format: String, cut: Cut) throws {
        self.path = path
        self.cut = cut
        self.descriptor = descriptor
        self.size = size
        self.format = format
        var starts: [Int] = [], lines: [Int] = [], lineStarts: [Int] = []
        var lineCount = 0, lineStart = 0, cr = 0, crlf = 0
        var firstCR: Int?
        // Plain text: whether the current line holds only spaces and tabs so far, and where the
        // current piece began.
        var blank = true, pieceStart = 0
        let paragraphs = cut == .paragraphs
        if paragraphs { starts = [0]; lines = [0]; lineStarts = [0] }
        func lineEnded(at next: Int) {
            if paragraphs, blank, lineStart - pieceStart >= Self.chunkTarget {
                // Cut before this blank line: it separates two paragraphs.
                starts.append(lineStart); lines.append(lineCount); lineStarts.append(lineStart)
                pieceStart = lineStart
            }
            lineCount += 1
            lineStart = next
            blank = true
        }
        let lookahead = WireStreamBoundaries.lookahead
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize + lookahead)
        var offset = 0
        while offset < size {
            let got = min(size - offset, buffer.count)
            try Self.readFully(descriptor, into: &buffer, count: got, at: offset, path: path)
            let owned = min(got, Self.chunkSize)
            buffer.withUnsafeBufferPointer { bytes in
                let raw = UnsafeRawPointer(bytes.baseAddress!)
                var i = 0
                while i < owned {
                    // Eight bytes at a time past words with no byte below 0x0E (SOH, LF, CR).
                    if i + 8 <= owned {
                        let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                        if (x &- 0x0E0E_0E0E_0E0E_0E0E) & ~x & 0x8080_8080_8080_8080 == 0 {
                            if x != 0x2020_2020_2020_2020 { blank = false }
                            i += 8
                            continue
                        }
                    }
                    switch bytes[i] {
                    case 0x0A:
                        lineEnded(at: offset + i + 1)
                    case 0x0D:
                        if firstCR == nil { firstCR = offset + i }
                        if i + 1 < got, bytes[i + 1] == 0x0A {
                            crlf += 1
                        } else {
                            cr += 1
                            lineEnded(at: offset + i + 1)
                        }
                    case 0x20, 0x09: break
                    case 0x01 where !paragraphs:
                        blank = false
                        let window = UnsafeBufferPointer(rebasing: bytes[i..<min(got, i + lookahead)])
                        if WireStreamBoundaries.opensMessage(window) {
                            starts.append(offset + i)
                            lines.append(lineCount)
                            lineStarts.append(lineStart)
                        }
                    default: blank = false
                    }
                    i += 1
                }
            }
            offset += owned
        }
        if starts.isEmpty || starts[0] != 0 {
            // What comes before the first message goes with it, as the readers skip it.
            if starts.isEmpty {
                lines = [0]; lineStarts = [0]; starts = [0]
            } else {
                starts[0] = 0; lines[0] = 0; lineStarts[0] = 0
            }
        }
        self.starts = starts
        self.lines = lines
        self.lineStarts = lineStarts
        self.carriageReturns = cr + crlf
        self.crlf = crlf
        self.firstCarriageReturn = firstCR
    }

    deinit { close(descriptor) }

    /// Bytes of story `index` (0-based).
    func range(of index: Int) -> Range<Int> {
        starts[index]..<(index + 1 < starts.count ? starts[index + 1] : size)
    }

    /// Where story `index` lies in the file, with the part of its first line before it.
    func origin(of index: Int) throws -> SourceOrigin {
        let start = starts[index]
        guard start > lineStarts[index] else { return SourceOrigin(offset: start, line: lines[index], firstLinePrefix: "") }
        var prefix = [UInt8](repeating: 0, count: start - lineStarts[index])
        try Self.readFully(descriptor, into: &prefix, at: lineStarts[index], path: path)
        return SourceOrigin(offset: start, line: lines[index], firstLinePrefix: String(decoding: prefix, as: UTF8.self))
    }

    /// The bytes of story `index`.
    func bytes(of index: Int) throws -> [UInt8] {
        let range = range(of: index)
        var bytes = [UInt8](repeating: 0, count: range.count)
        try Self.readFully(descriptor, into: &bytes, at: range.lowerBound, path: path)
        return bytes
    }

    private static func readFully(_ descriptor: Int32, into buffer: inout [UInt8], count: Int? = nil, at offset: Int, path: String) throws {
        let wanted = count ?? buffer.count
        var done = 0
        try buffer.withUnsafeMutableBytes { raw in
            while done < wanted {
                let got = pread(descriptor, raw.baseAddress! + done, wanted - done, off_t(offset + done))
                if got < 0 {
                    if errno == EINTR { continue }
                    throw CopydeskError.input(file: path, message: "read failed (\(String(cString: strerror(errno))))")
                }
                if got == 0 { throw CopydeskError.input(file: path, message: "the file got shorter while it was read") }
                done += got
            }
        }
    }
}
