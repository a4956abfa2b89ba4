import CopydeskCore
import CopydeskFormats
import Foundation

/// A batch as the CLI would hand it to a reporter: a story with findings (an emoji and CJK before
/// them, so scalar, UTF-16 and UTF-8 columns all differ), a clean story, and a feed file that failed.
enum CIReportFixture {
    static let storyPath = "wire/東京 talks.txt"
    static let failedPath = "feeds/ap:0415,2.anpa"
    static let failure = "record 3 truncated: no ETX before end of file (98% read)"

    /// Line 3: 📰 is 1 scalar, 2 UTF-16 units and 4 bytes; 東京 is 2 scalars and 6 bytes; — is 3 bytes.
    static let storyText = """
        Japan, South Korea agree 100% on talks

        📰 TOKYO (東京) — Prime Minister\u{200B} Fumio Kishida said ties were "strong".

        Talks  resume on Monday.

        """

    static let percentMessage = "figure \"100%\" needs a source: cite it,\nor cut it"
    static let quotesMessage = "straight quotes (\"…\" & '…'); use “…” <curly>"

    static var story: FileReport {
        let source = SourceFile(path: storyPath, text: storyText)
        let invisible = bytes(of: "\u{200B}")
        let strong = bytes(of: "\"strong\"")
        let doubleSpace = bytes(of: "  ")
        let emoji = bytes(of: "📰")
        let lede = emoji.lowerBound..<storyText.utf8.count
        return FileReport(path: storyPath, source: source, diagnostics: [
            Diagnostic(ruleID: "whitespace.double-space", severity: .warning, message: "two spaces between words", range: doubleSpace,
                       fix: Fix(edits: [TextEdit(range: doubleSpace, replacement: " ")])),
            Diagnostic(ruleID: "unicode.invisible", severity: .warning, message: "zero-width space (U+200B) removed", range: invisible,
                       fix: Fix(edits: [TextEdit(range: invisible, replacement: "")])),
            Diagnostic(ruleID: "quotes.straight", severity: .info, message: quotesMessage, range: strong,
                       fix: Fix(edits: [TextEdit(range: (strong.upperBound - 1)..<strong.upperBound, replacement: "”"),
                                        TextEdit(range: strong.lowerBound..<(strong.lowerBound + 1), replacement: "“")])),
            Diagnostic(ruleID: "house.percent", severity: .error, message: percentMessage, range: bytes(of: "100%")),
            Diagnostic(ruleID: "style.lede-length", severity: .warning, message: "lede runs to 2 paragraphs; keep it to one", range: lede),
            Diagnostic(ruleID: "unicode.emoji", severity: .info, message: "emoji in copy: 📰", range: emoji),
        ])
    }

    static var clean: FileReport {
        FileReport(path: "wire/clean.txt", source: SourceFile(path: "wire/clean.txt", text: "Markets\n\nShares rose.\n"), diagnostics: [])
    }

    static var failed: FileReport {
        FileReport(path: failedPath, source: nil, diagnostics: [], error: failure)
    }

    static var batch: [FileReport] { [story, clean, failed] }

    /// What the CLI knows; `house.percent` and `unicode.emoji` are deliberately missing, and the
    /// `dateline` family finds nothing.
    static let rules = [
        RuleInfo(id: "unicode.invisible", summary: "Invisible characters (zero-width spaces, soft hyphens, bidi controls)",
                 help: "Invisible characters break search and matching; Copydesk removes them.", severity: .warning),
        RuleInfo(id: "quotes.straight", summary: "Straight quotes where the style wants curly ones", severity: .info),
        RuleInfo(id: "whitespace.double-space", summary: "Runs of spaces between words", severity: .warning),
        RuleInfo(id: "style.lede-length", summary: "Ledes longer than one paragraph", severity: .warning),
        RuleInfo(id: "dateline.format", summary: "Datelines in the house form", severity: .error),
    ]

    /// UTF-8 byte range of the first occurrence of `needle` in the story.
    static func bytes(of needle: String) -> Range<Int> {
        let haystack = Array(storyText.utf8), pattern = Array(needle.utf8)
        for start in 0...(haystack.count - pattern.count) where Array(haystack[start..<(start + pattern.count)]) == pattern {
            return start..<(start + pattern.count)
        }
        fatalError("\(needle) not in the story")
    }
}
