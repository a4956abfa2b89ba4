/// Tells copy from files that are not copy by their first bytes, so a folder walk never hands an
/// image, an archive or a database to a stage that would rewrite it as text.
///
/// A file is binary when it starts with a known magic number (PNG, JPEG, GIF, PDF, ZIP and the
/// formats built on it such as docx, gzip, SQLite, …), or when its first block holds NUL bytes
/// that text does not explain. Text explains them when the block starts with a UTF-16/UTF-32
/// byte-order mark, when the NULs fall in every other byte as in UTF-16 without a BOM, or when
/// they are a few stray bytes (at most one in eight) in a block that is otherwise valid UTF-8: old
/// wire circuits send NUL as fill, and the normalize stage removes and reports those.
public enum ContentSniffer {
    /// How many leading bytes are looked at.
    public static let blockSize = 8192

    /// A known binary format: its leading bytes (at `offset`) and a name for messages.
    struct Magic {
        var offset = 0
        var bytes: [UInt8]
        var name: String
    }

    static let magics: [Magic] = [
        Magic(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], name: "PNG image"),
        Magic(bytes: [0xFF, 0xD8, 0xFF], name: "JPEG image"),
        Magic(bytes: Array("GIF87a".utf8), name: "GIF image"),
        Magic(bytes: Array("GIF89a".utf8), name: "GIF image"),
        Magic(bytes: Array("%PDF-".utf8), name: "PDF document"),
        Magic(bytes: [0x50, 0x4B, 0x03, 0x04], name: "ZIP archive (or docx, xlsx, odt, epub)"),
        Magic(bytes: [0x50, 0x4B, 0x05, 0x06], name: "ZIP archive"),
        Magic(bytes: [0x50, 0x4B, 0x07, 0x08], name: "ZIP archive"),
        Magic(bytes: [0x1F, 0x8B], name: "gzip archive"),
        Magic(bytes: Array("SQLite format 3".utf8) + [0], name: "SQLite database"),
        Magic(bytes: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], name: "xz archive"),
        Magic(bytes: [0x28, 0xB5, 0x2F, 0xFD], name: "zstd archive"),
        Magic(bytes: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], name: "7z archive"),
        Magic(bytes: Array("Rar!".utf8) + [0x1A, 0x07], name: "RAR archive"),
        Magic(offset: 257, bytes: Array("ustar".utf8), name: "tar archive"),
        Magic(bytes: [0x7F, 0x45, 0x4C, 0x46], name: "ELF executable"),
        Magic(bytes: [0xCF, 0xFA, 0xED, 0xFE], name: "Mach-O executable"),
        Magic(bytes: [0xCA, 0xFE, 0xBA, 0xBE], name: "Mach-O or Java class file"),
        Magic(bytes: Array("MZ".utf8) + [0x90, 0x00], name: "Windows executable"),
        Magic(bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], name: "Microsoft Office (doc, xls) document"),
        Magic(bytes: Array("{\\rtf".utf8), name: "RTF document"),
        Magic(bytes: [0x49, 0x49, 0x2A, 0x00], name: "TIFF image"),
        Magic(bytes: [0x4D, 0x4D, 0x00, 0x2A], name: "TIFF image"),
        Magic(bytes: Array("RIFF".utf8), name: "RIFF media (WebP, WAV, AVI)"),
        Magic(offset: 4, bytes: Array("ftyp".utf8), name: "MP4/QuickTime/HEIC media"),
        Magic(bytes: Array("ID3".utf8), name: "MP3 audio"),
        Magic(bytes: Array("OggS".utf8), name: "Ogg media"),
        Magic(bytes: Array("fLaC".utf8), name: "FLAC audio"),
        Magic(bytes: [0x1A, 0x45, 0xDF, 0xA3], name: "Matroska/WebM media"),
        Magic(bytes: Array("wOFF".utf8), name: "WOFF font"),
        Magic(bytes: Array("wOF2".utf8), name: "WOFF2 font"),
        Magic(bytes: [0x00, 0x61, 0x73, 0x6D], name: "WebAssembly module"),
        Magic(bytes: Array("8BPS".utf8), name: "Photoshop image"),
    ] + (1...9).map { Magic(bytes: Array("BZh\($0)".utf8), name: "bzip2 archive") }

    /// Why `bytes` (a file's start; more than `blockSize` is ignored) is not copy, or nil when it
    /// may be read as text.
    public static func binaryKind<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8, Bytes.Index == Int {
        let block = Array(bytes.prefix(blockSize))
        // A text byte-order mark wins over everything below (UTF-16/32 text is full of NULs).
        if block.starts(with: [0xEF, 0xBB, 0xBF]) || block.starts(with: [0xFF, 0xFE]) || block.starts(with: [0xFE, 0xFF])
            || block.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return nil }
        for magic in magics where block.count >= magic.offset + magic.bytes.count {
            if block[magic.offset..<(magic.offset + magic.bytes.count)].elementsEqual(magic.bytes) { return magic.name }
        }
        var nuls = 0, evenNuls = 0
        for (index, byte) in block.enumerated() where byte == 0 {
            nuls += 1
            if index & 1 == 0 { evenNuls += 1 }
        }
        guard nuls > 0 else { return nil }
        if looksLikeUTF16(count: block.count, nuls: nuls, evenNuls: evenNuls) { return nil }
        if nuls * 8 <= block.count, validUTF8(block) { return nil }
        return "NUL bytes in the first \(blockSize / 1024) KB"
    }

    /// UTF-16 text without a BOM: Latin letters put a NUL in nearly every other byte, on one side.
    static func looksLikeUTF16(count: Int, nuls: Int, evenNuls: Int) -> Bool {
        let pairs = count / 2
        guard pairs > 0 else { return false }
        let oddNuls = nuls - evenNuls
        return (oddNuls * 10 > pairs * 4 && evenNuls * 10 < pairs) || (evenNuls * 10 > pairs * 4 && oddNuls * 10 < pairs)
    }

    /// Whether the block is valid UTF-8, allowing a sequence cut by the end of the block.
    static func validUTF8(_ block: [UInt8]) -> Bool {
        var index = 0
        while index < block.count {
            let byte = block[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            if index + length > block.count { return block.count == blockSize }
            for next in block[(index + 1)..<(index + length)] where next & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
