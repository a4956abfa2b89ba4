import Testing
@testable import CopydeskFormats
import CopydeskICU
import CopydeskCore

@Suite struct InputDecoderTests {
    @Test func plainUTF8PassesThrough() throws {
        let result = try InputDecoder.decode(Array("Αθήνα — Москва — Paris".utf8), path: "a.txt")
        #expect(result.encoding == "UTF-8")
        #expect(result.source.text == "Αθήνα — Москва — Paris")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func byteOrderMarkIsRemovedAndReported() throws {
        let result = try InputDecoder.decode([0xEF, 0xBB, 0xBF] + Array("ATHENS (AP) —".utf8), path: "bom.txt")
        #expect(result.source.text == "ATHENS (AP) —")
        #expect(result.diagnostics.map(\.ruleID) == ["encoding.bom"])
    }

    @Test func invalidUTF8BytesAreReportedByOffsetAndReplaced() throws {
        // Valid UTF-8 (an em dash) with a truncated sequence and a stray continuation byte.
        let bytes = Array("MOSCOW (AP) — ".utf8) + [0xE2, 0x80] + Array(" said".utf8) + [0x80]
        let result = try InputDecoder.decode(bytes, path: "bad.txt", encoding: "utf-8")
        #expect(result.source.text == "MOSCOW (AP) — \u{FFFD} said\u{FFFD}")
        let messages = result.diagnostics.map(\.message)
        #expect(result.diagnostics.map(\.ruleID) == ["encoding.invalid-bytes", "encoding.invalid-bytes"])
        #expect(messages[0].contains("0xE2 0x80 at byte offset 16"))
        #expect(messages[1].contains("0x80 at byte offset 23"))
        // The range points at the U+FFFD in the decoded text.
        #expect(result.source.slice(result.diagnostics[1].range) == "\u{FFFD}")
    }

    @Test func windows1251IsDetectedAndConverted() throws {
        let russian = "Президент России Владимир Путин встретится с председателем КНР Си Цзиньпином на следующей неделе."
        let bytes = try CharsetConverter.encode(russian, to: "windows-1251")
        let result = try InputDecoder.decode(bytes, path: "ru.txt")
        #expect(result.encoding == "windows-1251")
        #expect(result.source.text == russian)
        #expect(result.diagnostics.first?.ruleID == "encoding.converted")
    }

    @Test func koi8rAndGreekCanBeForced() throws {
        let russian = "Москва"
        let koi = try CharsetConverter.encode(russian, to: "KOI8-R")
        #expect(try InputDecoder.decode(koi, path: "k.txt", encoding: "koi8-r").source.text == russian)
        let greek = "Ο πρωθυπουργός δήλωσε σήμερα"
        let iso = try CharsetConverter.encode(greek, to: "ISO-8859-7")
        #expect(try InputDecoder.decode(iso, path: "g.txt", encoding: "ISO-8859-7").source.text == greek)
    }

    @Test func latinLegacyTextFallsBackToWindows1252() throws {
        // "Café" and curly quotes in windows-1252: not UTF-8, no multibyte evidence.
        let bytes: [UInt8] = Array("The ".utf8) + [0x93] + Array("Caf".utf8) + [0xE9] + [0x94] + Array(" reopened.".utf8)
        let result = try InputDecoder.decode(bytes, path: "w.txt")
        #expect(result.source.text == "The “Café” reopened.")
    }

    @Test func utf16WithAndWithoutBOM() throws {
        let text = "Xi Jinping met Vladimir Putin in Samarkand."
        let le = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try InputDecoder.decode([0xFF, 0xFE] + le, path: "bom16.txt").source.text == text)
        let noBOM = try InputDecoder.decode(le, path: "le.txt")
        #expect(noBOM.encoding == "UTF-16LE")
        #expect(noBOM.source.text == text)
    }

    @Test func aStrayWindows1252ByteInUTF8IsDecodedAndReported() throws {
        // A UTF-8 story with one pasted windows-1252 apostrophe (0x92).
        let bytes = Array("Αθήνα: the minister".utf8) + [0x92] + Array("s office".utf8)
        let result = try InputDecoder.decode(bytes, path: "mixed.txt")
        #expect(result.source.text == "Αθήνα: the minister’s office")
        #expect(result.diagnostics.map(\.ruleID) == ["encoding.mixed"])
        #expect(result.diagnostics[0].severity == .warning)
    }

    @Test func unknownEncodingIsAnError() {
        #expect(throws: CopydeskError.self) { try InputDecoder.decode([0x41], path: "x.txt", encoding: "klingon-8") }
    }
}
