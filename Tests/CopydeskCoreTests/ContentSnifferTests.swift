import Copydesk
import Foundation
import Testing

/// Which files a folder walk takes as copy: every real wire sample and hostile-but-textual corpus
/// file must pass, every image, archive and database must not.
@Suite struct ContentSnifferTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    static func files(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test func everyWireSampleIsCopy() throws {
        let samples = Self.root.appendingPathComponent("../shared/samples")
        var checked = 0
        for folder in Self.files(in: samples) {
            for file in Self.files(in: folder) {
                let bytes = try [UInt8](Data(contentsOf: file))
                #expect(ContentSniffer.binaryKind(bytes) == nil, "\(file.lastPathComponent)")
                checked += 1
            }
        }
        #expect(checked > 15, "the samples were found")
    }

    @Test func textWithNULsOrInUTF16IsStillCopy() throws {
        let hostile = Self.root.appendingPathComponent("Tests/Corpus/hostile")
        for name in ["nul-bytes.txt", "utf16-no-bom.txt", "invalid-utf8.txt", "mixed-encoding.txt", "truncated-anpa.ap", "trojan-source.txt"] {
            let bytes = try [UInt8](Data(contentsOf: hostile.appendingPathComponent(name)))
            #expect(ContentSniffer.binaryKind(bytes) == nil, "\(name)")
        }
        let utf16BE = Array("Headline\n\nMOSCOW (AP) — The Kremlin said.\n".data(using: .utf16BigEndian)!)
        #expect(ContentSniffer.binaryKind(utf16BE) == nil)
        let bom = [0xFF, 0xFE] + Array("Headline\n".data(using: .utf16LittleEndian)!)
        #expect(ContentSniffer.binaryKind(bom) == nil)
        // ANPA control characters (SOH, STX, ETX, EOT) are not a sign of binary data.
        let anpa: [UInt8] = [0x16, 0x16, 0x01] + Array("a0123 r i BC-Greece-Tax 0412\n".utf8) + [0x02] + Array("ATHENS, Greece (AP) _ The tax.\n".utf8) + [0x03, 0x04]
        #expect(ContentSniffer.binaryKind(anpa) == nil)
        #expect(ContentSniffer.binaryKind([UInt8]()) == nil, "an empty file is copy (with nothing to say)")
    }

    @Test func imagesArchivesAndDatabasesAreNot() throws {
        let expected = ["photo.png": "PNG image", "photo.jpg": "JPEG image", "logo.gif": "GIF image", "notice.pdf": "PDF document",
                        "stories.zip": "ZIP archive", "letter.docx": "docx", "feed.txt.gz": "gzip archive", "scan.tiff": "TIFF image",
                        "scan.bmp": "NUL bytes"]
        let folder = Self.root.appendingPathComponent("Tests/Corpus/not-copy")
        for (name, kind) in expected {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            let verdict = ContentSniffer.binaryKind(bytes)
            #expect(verdict?.contains(kind) == true, "\(name): \(verdict ?? "copy")")
        }
        let sqlite = Array("SQLite format 3".utf8) + [0, 0x10, 0] + [UInt8](repeating: 0, count: 100)
        #expect(ContentSniffer.binaryKind(sqlite) == "SQLite database")
        // A tar of stories is all ASCII apart from its NUL padding.
        var tar = [UInt8](repeating: 0, count: 1024)
        tar.replaceSubrange(0..<10, with: Array("athens.txt".utf8))
        tar.replaceSubrange(257..<262, with: Array("ustar".utf8))
        #expect(ContentSniffer.binaryKind(tar) == "tar archive")
        // Noise (a fixed linear congruential sequence): NULs and invalid UTF-8, no magic number.
        var state: UInt32 = 20_260_915
        let noise = (0..<4096).map { _ -> UInt8 in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
        #expect(ContentSniffer.binaryKind(noise) != nil)
    }

    @Test func manyNULsInValidUTF8AreBinary() {
        // One NUL in eight is the most stray fill a text block may hold.
        let padded = Array("ATHENS (AP) — ".utf8) + [UInt8](repeating: 0, count: 64) + Array("The tax.\n".utf8)
        #expect(ContentSniffer.binaryKind(padded) == "NUL bytes in the first 8 KB")
    }
}
