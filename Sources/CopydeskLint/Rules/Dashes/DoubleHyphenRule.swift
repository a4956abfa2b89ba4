import CopydeskCore

/// Two hyphens standing in for a dash, as typewriter and ANPA-era copy has them: `word -- word`
/// or `word--word`. The fix writes the style's dash (`dashes.dash`), spaces included.
///
/// Only a `--` between words counts: a space each side with text beyond (a line break may
/// follow it), or closed between two letters. Not reported: rules of three or more hyphens
/// (`---`), HTML comments (`<!--`, `-->`), command-line options (`--verbose`), table
/// placeholders (`--` in a cell: several spaces or a tab beside it, or a figure after it —
/// spaces may already be collapsed by the normalize stage), a `--` opening a line
/// (a list item), one trailing a sentence or quote (`"I was --"`, which needs an editor), slugs
/// and codes with other hyphens in them (`AP-HI--2ndSportsMinute`), and the dateline's dash
/// (`dateline.format`'s).
struct DoubleHyphenRule: ClauseDashRule {
    static let description = RuleDescription(
        id: "dashes.double-hyphen",
        summary: "`--` used as a dash",
        severity: .warning,
        triggering: [
            "HONOLULU (AP) — Riley Wallace says he is content as coach ↓-- but he is being courted by Washington State.",
            "The deal↓--announced late on Friday↓--surprised analysts, who had expected a delay until next year.",
            "Officials met on Monday.\n\nThe ministry said nothing ↓--\nnot even a statement.",
        ],
        nonTriggering: [
            "WASHINGTON (AP) -- The Senate passed the bill on Tuesday, 62-38, after a two-week debate.",
            "Run the installer with --verbose or --dry-run to see each step, the spokesman said.",
            "The HTML page kept a comment, <!-- draft -->, that the editor had left in.",
            "-- Prices rose 3% in March.\n\n-- Wages rose 2%.",
            "\"I was going to say --\" she began, before the judge cut her off.",
            "AP-HI--2ndSportsMinute was the slug on the item.",
            "Team      W   L\nHawaii    --  12\nVERDI 60 -- 0.01 5 PM",
            "He drew a line of dashes --- like that --- across the page.",
        ],
        corrections: [
            "The deal -- announced late on Friday -- surprised analysts.":
                "The deal — announced late on Friday — surprised analysts.",
            "The deal--announced late on Friday--surprised analysts.":
                "The deal — announced late on Friday — surprised analysts.",
        ],
        exampleStyle: "ap")

    let settings: DashText.Settings

    init(settings: DashText.Settings) { self.settings = settings }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard let dash else { return }
        let skip = DashText.datelineSkip(document, notes: notes)
        let space = DashText.space, newline = DashText.newline, hyphen = DashText.hyphen
        for block in document.blocks where DashText.checked(block) {
            let bytes = block.bytes
            let count = bytes.count
            var i = skip.start(block)
            while i + 1 < count {
                i = ByteScan.next(hyphen, bytes, from: i, before: count - 1)
                guard i + 1 < count else { break }
                guard bytes[i] == hyphen, bytes[i + 1] == hyphen else { i += 1; continue }
                var end = i
                while end < count, bytes[end] == hyphen { end += 1 }
                defer { i = end }
                guard end - i == 2, i == 0 || bytes[i - 1] != hyphen else { continue }
                // <!-- -->
                if i > 0, bytes[i - 1] == UInt8(ascii: "!") { continue }
                if end < count, bytes[end] == UInt8(ascii: ">") { continue }
                let edit: TextEdit
                if i >= 2, bytes[i - 1] == space, end + 1 < count, bytes[end] == space || bytes[end] == newline {
                    // Spaced: one space before (after text on the same line), one space or a line break after.
                    let before = bytes[i - 2], after = bytes[end + 1]
                    guard before != space, before != newline, before != 0x09, before != UInt8(ascii: "|"),
                          after != space, after != newline, after != 0x09, after != hyphen, after != UInt8(ascii: "|"),
                          DashText.wordEnds(bytes, before: i - 1) || DashText.closingEnds(bytes, before: i - 1),
                          DashText.isLetterOrDigit(bytes, end + 1) || DashText.openingStarts(bytes, at: end + 1),
                          // A figure after it: a table's empty cell (`60 -- 0.01`) or a minus sign.
                          !ByteClass.isDigit(after)
                    else { continue }
                    if dash.spaced {
                        edit = TextEdit(range: i..<end, replacement: dash.mark)
                    } else {
                        edit = TextEdit(range: (i - 1)..<(end + 1), replacement: dash.mark)
                    }
                } else if i > 0, end < count, Self.isLetter(bytes, DashText.previousStart(bytes, before: i)), Self.isLetter(bytes, end) {
                    // Closed between letters, unless the token is a slug or code with other hyphens.
                    var tokenStart = i, tokenEnd = end
                    while tokenStart > 0, bytes[tokenStart - 1] != space, bytes[tokenStart - 1] != newline { tokenStart -= 1 }
                    while tokenEnd < count, bytes[tokenEnd] != space, bytes[tokenEnd] != newline { tokenEnd += 1 }
                    let others = bytes[tokenStart..<tokenEnd].reduce(0) { $0 + ($1 == hyphen ? 1 : 0) }
                    guard others == 2, !bytes[tokenStart..<tokenEnd].contains(UInt8(ascii: "/")),
                          !bytes[tokenStart..<tokenEnd].contains(UInt8(ascii: "_")) else { continue }
                    edit = TextEdit(range: i..<end, replacement: dash.text)
                } else {
                    continue
                }
                report.add(block: block.index, range: i..<end,
                           "use \(dash.name) (\(dash.quoted)) instead of \"--\" (\(styleName) style)", fix: [edit])
            }
        }
    }

    private static func isLetter(_ bytes: [UInt8], _ i: Int) -> Bool {
        Tokenizer.isWordByte(bytes, i) && !ByteClass.isDigit(bytes[i])
    }
}
