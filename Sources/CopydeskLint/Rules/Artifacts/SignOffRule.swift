import CopydeskCore

/// AFP-style sign-offs at the end of a story: the desk initials `bur-jm/tw`, `jm/tw`,
/// `str-bur/dl`, `mlm/ach`, `sst/sst`, possibly followed by "AFP" and a transmission time
/// ("AFP 121345 GMT SEP 22"). They go to clients, not readers.
///
/// Only the end of the last paragraph is checked, and only a token of lowercase letter groups
/// (two to five letters, joined by `-`) separated by `/`, standing on its own line or after the
/// story's final sentence. So "and/or", "24/7", "1/2", "km/h", "w/o" and URLs never match (digits,
/// one-letter groups, dots), nor does anything mid-story. The fix deletes the sign-off (and what
/// follows it); when it is the whole paragraph, the paragraph's text.
struct SignOffRule: LintRule {
    static let description = RuleDescription(
        id: "artifacts.sign-off",
        summary: "AFP sign-off initials (bur-jm/tw) left at the end of the story",
        severity: .warning,
        triggering: [
            "Putin meets Xi\n\nThe two leaders met in Samarkand.\n\nThe summit ends on Friday. ↓bur-jm/tw",
            "Putin meets Xi\n\nThe two leaders met in Samarkand.\n\nThe summit ends on Friday.\n\n↓str-bur/dl",
            "Putin meets Xi\n\nThe two leaders met in Samarkand.\n\nThe summit ends on Friday.\n↓mlm/ach AFP 151230 GMT SEP 22",
            "The vote is due on Sunday.\n\n↓sst/sst",
        ],
        nonTriggering: [
            "Police said the suspect had been driving at 180 km/h",
            "The service will run 24/7 and/or on demand, officials said.\n\nDetails are at example.com/news/2022/sept",
            "Turnout was 1/2 of the 2018 level.\n\nThe party will decide whether to join the coalition and/or",
            "Fans can order tickets w/o fees.\n\nThe club said he/she would be named later.",
            "The bur-jm/tw code was mentioned in court.\n\nThe trial resumes on Monday.",
        ],
        corrections: [
            "The two leaders met in Samarkand.\n\nThe summit ends on Friday. bur-jm/tw":
                "The two leaders met in Samarkand.\n\nThe summit ends on Friday.",
            "The two leaders met in Samarkand.\n\nThe summit ends on Friday.\nmlm/ach AFP 151230 GMT SEP 22":
                "The two leaders met in Samarkand.\n\nThe summit ends on Friday.",
            "The two leaders met in Samarkand.\n\nstr-bur/dl":
                "The two leaders met in Samarkand.\n\n",
        ])

    init(style: Style) throws {}

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard let block = document.blocks.last(where: { $0.kind == .paragraph }) ?? document.blocks.last else { return }
        let bytes = block.bytes
        // Whitespace-separated tokens of the block, from the end.
        var tokens: [Range<Int>] = []
        var end = bytes.count
        while end > 0 {
            while end > 0, Self.isSpace(bytes[end - 1]) { end -= 1 }
            guard end > 0 else { break }
            var start = end
            while start > 0, !Self.isSpace(bytes[start - 1]) { start -= 1 }
            tokens.append(start..<end)
            end = start
            if tokens.count > 8 { break }
        }
        // tokens[0] is the last token. Skip a trailer of "AFP", times and dates, then expect the sign-off.
        var index = 0
        while index < tokens.count, Self.isTrailer(bytes, tokens[index]) { index += 1 }
        guard index < tokens.count, Self.isSignOff(bytes, tokens[index]) else { return }
        let signOff = tokens[index]
        // What precedes it: nothing, a line break, or the end of a sentence.
        var before = signOff.lowerBound
        while before > 0, bytes[before - 1] == 0x20 || bytes[before - 1] == 0x09 { before -= 1 }
        let alone = before == 0
        if !alone {
            let previous = bytes[before - 1]
            let afterBreak = previous == 0x0A
            guard afterBreak || Self.endsSentence(bytes, before) else { return }
        }
        var cut = before
        while cut > 0, Self.isSpace(bytes[cut - 1]) { cut -= 1 }
        let text = document.text(block, signOff)
        report.add(block: block.index, range: signOff.lowerBound..<tokens[0].upperBound,
                   "delete the sign-off \"\(QuotedText.bounded(text))\": desk initials are not part of the story",
                   fix: [TextEdit(range: cut..<bytes.count, replacement: "")])
    }

    @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
    @inline(__always) private static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

    /// `group(/group)+`, a group being lowercase letters (2–5) joined by hyphens: `bur-jm/tw`.
    static func isSignOff(_ bytes: [UInt8], _ token: Range<Int>) -> Bool {
        var slashes = 0
        var run = 0
        for i in token {
            let byte = bytes[i]
            if isLower(byte) {
                run += 1
                guard run <= 5 else { return false }
            } else if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-") {
                guard run >= 2 else { return false }
                if byte == UInt8(ascii: "/") { slashes += 1 }
                run = 0
            } else {
                return false
            }
        }
        return slashes >= 1 && run >= 2
    }

    /// "AFP", "GMT", a month abbreviation, a time or date in figures, "©", a dash.
    private static func isTrailer(_ bytes: [UInt8], _ token: Range<Int>) -> Bool {
        let text = String(decoding: bytes[token], as: UTF8.self)
        if text == "©" || text == "-" || text == "--" || text == "—" { return true }
        if token.count <= 4, text.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) { return true }   // AFP, GMT, SEP
        return text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }
    }

    /// The text before `end` finishes a sentence: `.`, `!`, `?`, possibly with closing quotes or brackets.
    private static func endsSentence(_ bytes: [UInt8], _ end: Int) -> Bool {
        var i = end
        while i > 0 {
            let byte = bytes[i - 1]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ")") { i -= 1; continue }
            // ” ’ »
            if i >= 3, bytes[i - 3] == 0xE2, bytes[i - 2] == 0x80, bytes[i - 1] == 0x9D || bytes[i - 1] == 0x99 { i -= 3; continue }
            if i >= 2, bytes[i - 2] == 0xC2, bytes[i - 1] == 0xBB { i -= 2; continue }
            return byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
        }
        return false
    }
}
