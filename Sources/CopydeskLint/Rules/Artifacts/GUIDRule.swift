import CopydeskCore

/// CMS and wire-system ids left in the story text: GUIDs in hex groups 8-4-4-4-12 separated by
/// hyphens or spaces (`B2E5F5DF FABE 4F2F 9E73 7F4CE0E9712F`, as a content system exports them),
/// optionally in braces, and long hex strings of 32 or more characters (UUIDs without hyphens,
/// MD5/SHA hashes). An id holds both digits and letters A–F.
///
/// Not reported: hex colour codes and short hex words ("#FF5733", "FACADE", "DEAF", "CAFE"), dates,
/// phone numbers and product codes ("F-16"), which never have the 8-4-4-4-12 shape or 32 hex
/// characters. When the id is all its paragraph holds, the fix deletes the paragraph's text
/// (the empty paragraph disappears when the story is read again; a plain-text file keeps one more
/// blank line); an id inside a sentence is left to the editor.
struct GUIDRule: LintRule {
    static let description = RuleDescription(
        id: "artifacts.guid",
        summary: "CMS ids (GUIDs, long hex hashes) left in the text",
        severity: .warning,
        triggering: [
            "Putin-Xi meeting next week\n\nChinese President Xi Jinping and Russian President Vladimir Putin will meet next week.\n\n↓B2E5F5DF FABE 4F2F 9E73 7F4CE0E9712F\n\nThe summit will be held in Samarkand.",
            "MOSCOW (AP) — The statement was posted on the ministry's website.\n\n↓{3f2504e0-4f89-11d3-9a0c-0305e82c3301}",
            "The file (ref. ↓9e107d9d372bb6826bd81d3542a419d6) was sent to editors on Monday.",
        ],
        nonTriggering: [
            "The facade of the Cafe Deaf Beef was repainted in colour #FF5733 on 2022-09-15.",
            "The F-16 and the A-10 flew over the base; call 212-555-0123 or 800 555 0199 for details.",
            "FACADE BEEF CAFE DEAD FADED ACCEDED were the words on the sign.",
            "The firmware version 4.2.1-rc3 fixed the bug, the company said on Sept. 15.",
            "The serial numbers 12345678 1234 5678 9012 345678901234 were read out in court.",
        ],
        corrections: [
            "Xi and Putin will meet next week.\n\nB2E5F5DF FABE 4F2F 9E73 7F4CE0E9712F\n\nThe summit will be held in Samarkand.":
                "Xi and Putin will meet next week.\n\n\n\nThe summit will be held in Samarkand.",
        ])

    init(style: Style) throws {}

    func check(_ document: LintDocument, _ report: inout LintReport) {
        for block in document.blocks {
            let bytes = block.bytes
            var found: [Range<Int>] = []
            var index = 0
            let words = block.words
            while index < words.count {
                let start = words[index].range.lowerBound
                let length = words[index].range.count
                // A GUID starts with a word of 8 hex characters (spaced) or is one word of 36; a hash has 32+.
                guard length == 8 || length >= 32, Self.isHex(bytes[start]) else { index += 1; continue }
                if let end = Self.matchGUID(bytes, from: start) ?? Self.matchHash(bytes, word: words[index].range) {
                    var range = start..<end
                    // Braces of the registry form {…}.
                    if start > 0, bytes[start - 1] == UInt8(ascii: "{"), end < bytes.count, bytes[end] == UInt8(ascii: "}") {
                        range = (start - 1)..<(end + 1)
                    }
                    found.append(range)
                    while index < words.count, words[index].range.lowerBound < end { index += 1 }
                    continue
                }
                index += 1
            }
            for range in found {
                let id = document.text(block, range)
                if found.count == 1, block.kind == .paragraph, Self.isOnlyContent(bytes, range) {
                    report.add(block: block.index, range: range, "delete the CMS id \"\(QuotedText.bounded(id))\": it is not part of the story",
                               fix: [TextEdit(range: 0..<bytes.count, replacement: "")])
                } else {
                    report.add(block: block.index, range: range, "delete the CMS id \"\(QuotedText.bounded(id))\": it is not part of the story",
                               suggestion: "remove the id and any words that introduce it")
                }
            }
        }
    }

    @inline(__always) static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66)
    }

    @inline(__always) private static func isAlnum(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0x80
    }

    /// 8-4-4-4-12 hex groups separated by `-` or a space, ending at a word boundary; the end offset.
    static func matchGUID(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        var digits = false
        var letters = false
        for (group, length) in [8, 4, 4, 4, 12].enumerated() {
            if group > 0 {
                guard i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == 0x20 else { return nil }
                i += 1
            }
            for _ in 0..<length {
                guard i < bytes.count, isHex(bytes[i]) else { return nil }
                if bytes[i] <= 0x39 { digits = true } else { letters = true }
                i += 1
            }
        }
        guard digits, letters, i == bytes.count || !isAlnum(bytes[i]) else { return nil }
        return i
    }

    /// A word of 32 or more hex characters with digits and letters (a hash or a bare UUID).
    static func matchHash(_ bytes: [UInt8], word: Range<Int>) -> Int? {
        guard word.count >= 32 else { return nil }
        var digits = false
        var letters = false
        var upper = false
        var lower = false
        for i in word {
            let byte = bytes[i]
            guard isHex(byte) else { return nil }
            if byte <= 0x39 { digits = true } else {
                letters = true
                if byte < 0x61 { upper = true } else { lower = true }
            }
        }
        return digits && letters && !(upper && lower) ? word.upperBound : nil
    }

    /// Only spaces and line breaks around the range.
    static func isOnlyContent(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes[..<range.lowerBound].allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }
            && bytes[range.upperBound...].allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }
    }
}
