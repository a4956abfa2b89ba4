import CopydeskCore

/// A hyphen with a space each side used as a dash between words (`the talks - which began on
/// Monday - stalled`), when the style's dash is not a spaced hyphen. Reuters writes its dash
/// that way, so under `dashes.dash: hyphen-spaced` the rule is silent. The fix writes the
/// style's dash.
///
/// Not reported: ranges and scores between figures (`10 - 12`, left to `dashes.range`), a hyphen
/// before a figure (`- 5 degrees` may be a minus sign), list bullets opening a line (`- item`),
/// hyphens with several spaces or a tab beside them (tables), subheads set between dashes
/// (`dashes.subhead`'s), and the dateline's dash (`dateline.format`'s).
struct SpacedHyphenRule: ClauseDashRule {
    static let description = RuleDescription(
        id: "dashes.spaced-hyphen",
        summary: "a spaced hyphen ` - ` used as a dash",
        severity: .warning,
        triggering: [
            "BEIJING (AP) — The talks ↓- which began on Monday ↓- stalled over the wording of the final statement.",
            "Putin-Xi talks ↓- what we know\n\nThe two leaders will meet in Samarkand next week.",
            "Moscow, in search of support, markets and suppliers, says it will turn to Asia ↓-\nand to India.",
        ],
        nonTriggering: [
            "BEIJING (Reuters) - China said on Monday it would cut tariffs on U.S. goods by 10 - 12 percent.",
            "Temperatures fell to - 5 degrees overnight, the weather service said.",
            "The ministry listed its demands:\n- a cease-fire\n- talks in Geneva",
            "Leaders to meet\n\n- “Impossible” -\n\nHe also deemed it impossible to isolate Russia.",
            "Team        W-L\nHawaii     12  -  3",
            "The Xi-Putin meeting, the U.S.-China talks and a 6-foot-9 forward were on the agenda.",
        ],
        corrections: [
            "The talks - which began on Monday - stalled.": "The talks — which began on Monday — stalled.",
        ],
        exampleStyle: "ap")

    let settings: DashText.Settings

    init(settings: DashText.Settings) {
        var settings = settings
        // Under a spaced-hyphen style a spaced hyphen is the dash.
        if settings.dash?.mark == "-" { settings.dash = nil }
        self.settings = settings
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard let dash else { return }
        let skip = DashText.datelineSkip(document, notes: notes)
        let space = DashText.space, newline = DashText.newline
        for block in document.blocks where DashText.checked(block) && DashText.subhead(block) == nil {
            let bytes = block.bytes
            let count = bytes.count
            var i = max(skip.start(block), 2)
            while i + 2 < count {
                i = ByteScan.next(DashText.hyphen, bytes, from: i, before: count - 2)
                guard i + 2 < count else { break }
                defer { i += 1 }
                guard bytes[i] == DashText.hyphen, bytes[i - 1] == space,
                      bytes[i + 1] == space || bytes[i + 1] == newline else { continue }
                let before = bytes[i - 2], after = bytes[i + 2]
                // One space each side, text on both; a bullet has a line break before it.
                guard before != space, before != newline, before != 0x09, before != DashText.hyphen,
                      after != space, after != newline, after != 0x09, after != DashText.hyphen else { continue }
                guard DashText.wordEnds(bytes, before: i - 1) || DashText.closingEnds(bytes, before: i - 1),
                      DashText.isLetterOrDigit(bytes, i + 2) || DashText.openingStarts(bytes, at: i + 2) else { continue }
                // Before a figure: a range, a score or a minus sign.
                if ByteClass.isDigit(after) { continue }
                let edit = dash.spaced
                    ? TextEdit(range: i..<(i + 1), replacement: dash.mark)
                    : TextEdit(range: (i - 1)..<(i + 2), replacement: dash.mark)
                report.add(block: block.index, range: i..<(i + 1),
                           "use \(dash.name) (\(dash.quoted)) instead of a spaced hyphen (\(styleName) style)", fix: [edit])
            }
        }
    }
}
