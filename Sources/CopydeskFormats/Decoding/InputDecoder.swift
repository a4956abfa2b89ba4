import CopydeskCore
import CopydeskICU

/// Turns the bytes of an input file into text: byte-order mark, UTF-8 validation, and for anything
/// else charset detection and conversion through ICU.
///
/// Nothing is lost silently: every byte that could not be decoded becomes U+FFFD and a diagnostic
/// naming its byte offset; a conversion from a legacy charset is reported too.
public enum InputDecoder {
    public struct Result: Sendable {
        public var source: SourceFile
        /// The charset the text was decoded from, as ICU names it (`UTF-8`, `windows-1251`, …).
        public var encoding: String
        public var diagnostics: [Diagnostic]
    }

    /// Charsets automatic detection may choose; others need `encoding:` or `--encoding`.
    static let detectable: Set<String> = [
        "ISO-8859-1", "ISO-8859-2", "ISO-8859-5", "ISO-8859-7", "ISO-8859-9", "windows-1250", "windows-1251",
        "windows-1252", "windows-1253", "windows-1254", "KOI8-R", "UTF-16LE", "UTF-16BE", "Shift_JIS", "EUC-JP",
        "GB18030", "Big5", "EUC-KR",
    ]

    /// Whether automatic detection may choose this charset (as `copydesk encodings` marks it).
    public static func isDetectable(_ charset: String) -> Bool {
        detectable.contains { $0.lowercased() == charset.lowercased() }
    }

    public static func decode(_ bytes: [UInt8], path: String, encoding requested: String = "auto", fallback: String = "windows-1252") throws -> Result {
        var diagnostics: [Diagnostic] = []
        let wanted = requested.lowercased() == "auto" ? nil : canonicalName(requested)
        if let wanted, !isUTF8(wanted), !CharsetConverter.isKnown(wanted) {
            throw CopydeskError.usage("unknown encoding '\(requested)' (accepted: auto, UTF-8, UTF-16, windows-1252, ISO-8859-1, ISO-8859-7, windows-1251, KOI8-R and every other ICU converter name or alias; `copydesk encodings` lists them)")
        }

        // Byte-order marks decide, unless the user named a different charset.
        if let (bomCharset, bomLength) = byteOrderMark(bytes), wanted == nil || sameCharset(wanted!, bomCharset) {
            let body = Array(bytes[bomLength...])
            var result = try decode(body, path: path, charset: bomCharset, fallback: fallback, offsetBase: bomLength, diagnostics: &diagnostics)
            result.diagnostics.insert(Diagnostic(
                ruleID: "encoding.bom", severity: .info,
                message: "byte-order mark (\(bomCharset)) at the start of the file removed", range: 0..<0), at: 0)
            return result
        }
        if let wanted {
            return try decode(bytes, path: path, charset: wanted, fallback: fallback, offsetBase: 0, diagnostics: &diagnostics)
        }
        // NULs between ASCII letters are valid UTF-8 but mean UTF-16 without a byte-order mark.
        if let utf16 = utf16WithoutBOM(bytes) {
            var result = try decode(bytes, path: path, charset: utf16, fallback: fallback, offsetBase: 0, diagnostics: &diagnostics)
            result.diagnostics.insert(Diagnostic(
                ruleID: "encoding.converted", severity: .info, message: "file is not UTF-8; decoded as \(utf16) (detected)", range: 0..<0), at: 0)
            return result
        }
        let summary = bytes.withUnsafeBufferPointer { UTF8Validation.scan($0) }
        if summary.invalid.isEmpty || summary.multibyteSequences > 0 {
            return decodeUTF8(bytes, path: path, summary: summary, mixedFallback: fallback, offsetBase: 0, diagnostics: diagnostics)
        }
        let charset = detectLegacyCharset(bytes) ?? fallback
        var result = try decode(bytes, path: path, charset: charset, fallback: fallback, offsetBase: 0, diagnostics: &diagnostics)
        result.diagnostics.insert(Diagnostic(
            ruleID: "encoding.converted", severity: .info,
            message: "file is not UTF-8; decoded as \(charset)" + (charset == fallback ? " (the fallback encoding)" : " (detected)"),
            range: 0..<0), at: 0)
        return result
    }

    private static func decode(_ bytes: [UInt8], path: String, charset: String, fallback: String, offsetBase: Int, diagnostics: inout [Diagnostic]) throws -> Result {
        if isUTF8(charset) {
            let summary = bytes.withUnsafeBufferPointer { UTF8Validation.scan($0) }
            return decodeUTF8(bytes, path: path, summary: summary, mixedFallback: nil, offsetBase: offsetBase, diagnostics: diagnostics)
        }
        let converted: ConversionResult
        do {
            converted = try CharsetConverter.decode(bytes, from: charset)
        } catch let error as ICUError {
            throw CopydeskError.input(file: path, message: "cannot decode as \(charset): \(error.name)")
        }
        let source = SourceFile(path: path, text: converted.text)
        if !converted.invalidByteOffsets.isEmpty {
            // One character per byte is exact for single-byte charsets; a multi-byte one
            // (GB18030, Shift_JIS, Big5, EUC-*) has fewer characters than bytes.
            let singleByte = !charset.uppercased().hasPrefix("UTF") && converted.text.unicodeScalars.count == bytes.count
            let offsets = decodedOffsets(of: converted.invalidByteOffsets, in: converted.text, bytes: bytes, singleByte: singleByte)
            let textLength = converted.text.utf8.count
            for (raw, offset) in zip(converted.invalidByteOffsets, offsets) {
                // Never a range past the text, whatever the converter substituted.
                let decoded = min(offset, textLength)
                let value = raw < bytes.count ? bytes[raw] : 0
                diagnostics.append(Diagnostic(
                    ruleID: "encoding.invalid-bytes", severity: .error,
                    message: "byte 0x\(hex(value)) at byte offset \(raw + offsetBase) is not valid \(charset); replaced by U+FFFD",
                    range: decoded..<min(decoded + 3, textLength)))
            }
        }
        return Result(source: source, encoding: charset, diagnostics: diagnostics)
    }

    /// UTF-8 with ill-formed parts replaced. With `mixedFallback`, a lone ill-formed byte that the
    /// fallback charset maps to a printable character is decoded that way (a file that is UTF-8
    /// except for a pasted windows-1252 paragraph) and reported as a warning instead of lost.
    private static func decodeUTF8(_ bytes: [UInt8], path: String, summary: UTF8Validation.Summary, mixedFallback: String?, offsetBase: Int, diagnostics: [Diagnostic]) -> Result {
        var diagnostics = diagnostics
        guard !summary.invalid.isEmpty else {
            // `summary` found no ill-formed byte: build the text without validating it again.
            let source = bytes.withUnsafeBufferPointer {
                SourceFile(path: path, uncheckedUTF8: $0, isASCII: summary.multibyteSequences == 0)
            }
            return Result(source: source, encoding: "UTF-8", diagnostics: diagnostics)
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + summary.invalid.count * 2)
        var cursor = 0
        for bad in summary.invalid {
            output.append(contentsOf: bytes[cursor..<bad.lowerBound])
            let at = output.count
            let shown = bytes[bad].map { "0x" + hex($0) }.joined(separator: " ")
            if let mixedFallback, bad.count == 1, let character = printable(bytes[bad.lowerBound], in: mixedFallback) {
                output.append(contentsOf: character.utf8)
                diagnostics.append(Diagnostic(
                    ruleID: "encoding.mixed", severity: .warning,
                    message: "byte \(shown) at byte offset \(bad.lowerBound + offsetBase) is not UTF-8; decoded as \(mixedFallback) '\(character)'",
                    range: at..<output.count))
            } else {
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                diagnostics.append(Diagnostic(
                    ruleID: "encoding.invalid-bytes", severity: .error,
                    message: "invalid UTF-8 \(bad.count == 1 ? "byte" : "bytes") \(shown) at byte offset \(bad.lowerBound + offsetBase); replaced by U+FFFD",
                    range: at..<output.count))
            }
            cursor = bad.upperBound
        }
        output.append(contentsOf: bytes[cursor...])
        return Result(source: SourceFile(path: path, text: String(decoding: output, as: UTF8.self)), encoding: "UTF-8", diagnostics: diagnostics)
    }

    private static func printable(_ byte: UInt8, in charset: String) -> String? {
        guard let converted = try? CharsetConverter.decode([byte], from: charset), converted.invalidByteOffsets.isEmpty,
              let scalar = converted.text.unicodeScalars.first, converted.text.unicodeScalars.count == 1,
              scalar.value >= 0xA0, scalar != "\u{FFFD}", scalar != "\u{AD}" else { return nil }
        return converted.text
    }

    private static func detectLegacyCharset(_ bytes: [UInt8]) -> String? {
        guard let matches = try? CharsetDetector.detect(bytes) else { return nil }
        for match in matches where match.confidence >= 10 {
            let name = canonicalName(match.name)
            if detectable.contains(name) {
                // ISO-8859-1 is what detectors say for any Latin text; windows-1252 is a superset
                // that also gives the curly quotes and dashes wire copy is full of.
                return name == "ISO-8859-1" ? "windows-1252" : name
            }
        }
        return nil
    }

    /// UTF-16 text without a BOM has a NUL in every other byte for Latin text.
    private static func utf16WithoutBOM(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 4 else { return nil }
        let sample = bytes.prefix(4096)
        // Text without a NUL in its head (almost all of it) is not UTF-16: one memchr-like pass.
        guard sample.withUnsafeBufferPointer({ Self.containsZero($0) }) else { return nil }
        var evenZeros = 0, oddZeros = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample.count / 2
        if oddZeros * 10 > pairs * 4, evenZeros * 10 < pairs { return "UTF-16LE" }
        if evenZeros * 10 > pairs * 4, oddZeros * 10 < pairs { return "UTF-16BE" }
        return nil
    }

    /// Whether `bytes` holds a 0x00, eight bytes at a time.
    private static func containsZero(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0 { return true }
            i += 8
        }
        while i < bytes.count {
            if bytes[i] == 0 { return true }
            i += 1
        }
        return false
    }

    private static func byteOrderMark(_ bytes: [UInt8]) -> (String, Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("UTF-32LE", 4) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("UTF-32BE", 4) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        return nil
    }

    /// Where each ill-formed input byte ended up in the decoded text. Exact for single-byte
    /// charsets (one character per byte); for others, the offset of the n-th U+FFFD.
    private static func decodedOffsets(of raw: [Int], in text: String, bytes: [UInt8], singleByte: Bool) -> [Int] {
        var result: [Int] = []
        var offset = 0
        if singleByte {
            var index = 0
            var next = 0
            for scalar in text.unicodeScalars {
                while next < raw.count, raw[next] == index { result.append(offset); next += 1 }
                offset += UTF8.width(scalar)
                index += 1
            }
            while result.count < raw.count { result.append(offset) }
            return result
        }
        for scalar in text.unicodeScalars {
            if scalar == "\u{FFFD}", result.count < raw.count { result.append(offset) }
            offset += UTF8.width(scalar)
        }
        while result.count < raw.count { result.append(max(0, offset - 3)) }
        return result
    }

    static func canonicalName(_ name: String) -> String {
        let lower = name.lowercased()
        switch lower {
        case "utf8", "utf-8": return "UTF-8"
        case "latin1", "latin-1", "iso-8859-1", "iso8859-1": return "ISO-8859-1"
        case "cp1252", "windows-1252": return "windows-1252"
        case "cp1251", "windows-1251": return "windows-1251"
        case "cp1253", "windows-1253": return "windows-1253"
        case "koi8-r", "koi8r": return "KOI8-R"
        case "utf-16", "utf16": return "UTF-16"
        case "utf-16le": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        default:
            if lower.hasPrefix("iso-8859-") { return "ISO-8859-" + lower.dropFirst(9) }
            if lower.hasPrefix("windows-") { return "windows-" + lower.dropFirst(8) }
            return name
        }
    }

    private static func isUTF8(_ name: String) -> Bool { canonicalName(name) == "UTF-8" }

    private static func sameCharset(_ a: String, _ b: String) -> Bool {
        let x = canonicalName(a).uppercased(), y = canonicalName(b).uppercased()
        return x == y || (x == "UTF-16" && y.hasPrefix("UTF-16"))
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
