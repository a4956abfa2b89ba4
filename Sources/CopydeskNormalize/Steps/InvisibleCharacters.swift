import CopydeskCore
import CopydeskText

/// Removes characters a reader cannot see but software trips over: C0/C1 controls (tab and line
/// breaks excepted), zero-width characters, stray byte-order marks, soft hyphens and bidi controls.
///
/// Joiners (U+200C, U+200D) are kept next to non-Latin letters and emoji, where they change how
/// text renders; left-to-right/right-to-left marks are kept in text that has right-to-left script.
/// Bidi embeddings, overrides and isolates are always removed ("Trojan source" text).
public struct InvisibleCharacters: Sendable {
    public init() {}

    public func changes(in text: String) -> [NormalizationChange] {
        ScalarScanning.withBytes(text) { bytes in
            guard Self.mayContainInvisible(bytes) else { return [] }
            var changes: [NormalizationChange] = []
            var hasRightToLeft: Bool?
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte >= 0x20 && byte < 0x7F { i += 1; continue }
                let (value, length) = ScalarScanning.scalar(bytes, at: i)
                guard let kind = Self.kind(of: value) else { i += length; continue }
                switch kind.rule {
                case "unicode.invisible" where value == 0x200C || value == 0x200D:
                    let before = ScalarScanning.scalar(bytes, before: i)
                    let after = i + length < bytes.count ? ScalarScanning.scalar(bytes, at: i + length).0 : nil
                    if !Self.isLatinOrEdge(before) || !Self.isLatinOrEdge(after) { i += length; continue }
                case "unicode.bidi" where value == 0x200E || value == 0x200F || value == 0x061C:
                    if hasRightToLeft == nil { hasRightToLeft = Self.containsRightToLeft(bytes) }
                    if hasRightToLeft == true { i += length; continue }
                default:
                    break
                }
                // One change for a run of the same character.
                var end = i + length
                var count = 1
                while end + length <= bytes.count, ScalarScanning.scalar(bytes, at: end) == (value, length) {
                    end += length
                    count += 1
                }
                let times = count == 1 ? "" : " ×\(count)"
                changes.append(NormalizationChange(
                    ruleID: kind.rule,
                    message: "\(kind.name) (\(ScalarScanning.codePoint(value)))\(times) removed",
                    edit: TextEdit(range: i..<end, replacement: "")))
                i = end
            }
            return changes
        }
    }

    /// One pass over the bytes: any byte that can start a character this step removes.
    static func mayContainInvisible(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < count {
            // Eight printable ASCII bytes (0x20…0x7E) at a time: nothing to look at.
            if i + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & high
                let delete = (word &+ 0x0101_0101_0101_0101) & high
                if word & high == 0 && belowSpace == 0 && delete == 0 { i += 8; continue }
            }
            let byte = bytes[i]
            switch byte {
            case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F: return true
            // Lead bytes of the characters `kind(of:)` names: look at the next byte, so curly
            // quotes and dashes (E2 80 9x) or Latin-1 letters do not send the block to the slow scan.
            case 0xC2:  // U+0080…U+009F, U+00AD
                if i + 1 >= count { return true }
                let next = bytes[i + 1]
                if next <= 0x9F || next == 0xAD { return true }
            case 0xE2:  // U+200B…U+200F, U+202A…U+202E, U+2060…U+2069
                if i + 2 >= count { return true }
                let b1 = bytes[i + 1], b2 = bytes[i + 2]
                if b1 == 0x80 && ((0x8B...0x8F).contains(b2) || (0xAA...0xAE).contains(b2)) { return true }
                if b1 == 0x81 && (0xA0...0xA9).contains(b2) { return true }
            case 0xD8, 0xE1, 0xEF: return true
            default: break
            }
            i += 1
        }
        return false
    }

    private struct Kind { var rule: String; var name: String }

    private static func kind(of value: UInt32) -> Kind? {
        switch value {
        case 0x00: return Kind(rule: "unicode.control", name: "NUL character")
        case 0x01...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F: return Kind(rule: "unicode.control", name: "control character")
        case 0x80...0x9F: return Kind(rule: "unicode.control", name: "C1 control character")
        case 0xAD: return Kind(rule: "unicode.soft-hyphen", name: "soft hyphen")
        case 0x200B: return Kind(rule: "unicode.invisible", name: "zero-width space")
        case 0x200C: return Kind(rule: "unicode.invisible", name: "zero-width non-joiner")
        case 0x200D: return Kind(rule: "unicode.invisible", name: "zero-width joiner")
        case 0x2060: return Kind(rule: "unicode.invisible", name: "word joiner")
        case 0x2061...0x2064: return Kind(rule: "unicode.invisible", name: "invisible operator")
        case 0xFEFF: return Kind(rule: "unicode.invisible", name: "byte-order mark inside text")
        case 0x180E: return Kind(rule: "unicode.invisible", name: "Mongolian vowel separator")
        case 0x200E: return Kind(rule: "unicode.bidi", name: "left-to-right mark")
        case 0x200F: return Kind(rule: "unicode.bidi", name: "right-to-left mark")
        case 0x061C: return Kind(rule: "unicode.bidi", name: "Arabic letter mark")
        case 0x202A...0x202E: return Kind(rule: "unicode.bidi", name: "bidi embedding/override")
        case 0x2066...0x2069: return Kind(rule: "unicode.bidi", name: "bidi isolate")
        default: return nil
        }
    }

    /// Latin letters, digits and punctuation (below U+0250), or no neighbour at all.
    private static func isLatinOrEdge(_ value: UInt32?) -> Bool {
        guard let value else { return true }
        return value < 0x250
    }

    /// Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms.
    private static func containsRightToLeft(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let (value, length) = ScalarScanning.scalar(bytes, at: i)
            if (0x0590...0x08FF).contains(value) || (0xFB1D...0xFDFF).contains(value) || (0xFE70...0xFEFF).contains(value) { return true }
            i += length
        }
        return false
    }
}
