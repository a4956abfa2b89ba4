import CopydeskCore

/// A clause dash that is not the style's (`dashes.dash`): an en dash used as a dash in AP copy
/// (`word – word` → `word — word`), an em dash in Guardian copy (`word — word` → `word – word`),
/// or the right dash spaced wrongly (AP `word—word` → `word — word`; a closed-em style the
/// reverse). Under a spaced-hyphen style (Reuters) em and en dashes between words become ` - `.
/// The fix writes the style's dash.
///
/// Not reported: closed en dashes (`Franco–German`, `15–16`: compounds and ranges, the latter
/// `dashes.range`'s), any dash between two figures, dashes opening a line (list items), dashes
/// not between words (`“I was —”`), subheads set between dashes (`dashes.subhead`'s), and the
/// dateline's dash.
struct WrongDashRule: ClauseDashRule {
    static let description = RuleDescription(
        id: "dashes.wrong-dash",
        summary: "a dash that is not the style's, or spaced unlike it",
        severity: .info,
        triggering: [
            "BEIJING (AP) — The talks ↓– which began on Monday ↓– stalled over the final statement.",
            "The deal↓—announced late on Friday↓—surprised analysts, who had expected a delay.",
            "The ministry said nothing ↓—not even a statement — about the meeting.",
        ],
        nonTriggering: [
            "BEIJING (AP) — The talks — which began on Monday — stalled, the Franco–German team said.",
            "The summit will be held on Sept. 15–16 in Samarkand, and the 1990 – 95 figures were revised.",
            "“I was going to say —” she began, before the judge cut her off.",
            "The ministry listed its demands:\n— a cease-fire\n— talks in Geneva",
            "Leaders to meet\n\n– Silence from Beijing –\n\nBeijing generally confirms last-minute trips.",
        ],
        corrections: [
            "The talks – which began on Monday – stalled.": "The talks — which began on Monday — stalled.",
            "The deal—announced late on Friday—surprised analysts.": "The deal — announced late on Friday — surprised analysts.",
        ],
        exampleStyle: "ap")

    let settings: DashText.Settings

    init(settings: DashText.Settings) { self.settings = settings }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard let dash else { return }
        let skip = DashText.datelineSkip(document, notes: notes)
        let space = DashText.space, newline = DashText.newline
        let styleIsEm = dash.mark == DashText.emDash, styleIsEn = dash.mark == DashText.enDash
        for block in document.blocks where DashText.checked(block) && DashText.subhead(block) == nil {
            let bytes = block.bytes
            let count = bytes.count
            var i = skip.start(block)
            while i + 2 < count {
                i = ByteScan.next(0xE2, bytes, from: i, before: count - 2)
                guard i + 2 < count else { break }
                guard bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94 else { i += 1; continue }
                defer { i += 3 }
                let isEm = bytes[i + 2] == 0x94
                let end = i + 3
                guard i > 0, end < count else { continue }
                // Spaces: none or one each side, a line break only after; text beyond them.
                let leftSpace = bytes[i - 1] == space ? 1 : 0
                guard bytes[i - 1] != newline, i - leftSpace > 0 else { continue }
                let leftByte = bytes[i - leftSpace - 1]
                guard leftByte != space, leftByte != newline, leftByte != 0x09 else { continue }
                let rightSpace = bytes[end] == space || bytes[end] == newline ? 1 : 0
                guard end + rightSpace < count else { continue }
                let rightByte = bytes[end + rightSpace]
                guard rightByte != space, rightByte != newline, rightByte != 0x09 else { continue }
                let leftAt = i - leftSpace, rightAt = end + rightSpace
                guard DashText.wordEnds(bytes, before: leftAt) || DashText.closingEnds(bytes, before: leftAt),
                      DashText.isLetterOrDigit(bytes, rightAt) || DashText.openingStarts(bytes, at: rightAt) else { continue }
                // Between figures: a range or a score.
                if ByteClass.isDigit(bytes[leftAt - 1]), ByteClass.isDigit(rightByte) { continue }
                let spaced = leftSpace == 1 && rightSpace == 1
                let closed = leftSpace == 0 && rightSpace == 0
                // A closed en dash joins a compound or a range.
                if !isEm && closed { continue }
                let right = (isEm && styleIsEm) || (!isEm && styleIsEn)
                if right && spaced == dash.spaced && (spaced || closed) { continue }
                let message: String
                if right {
                    message = dash.spaced ? "put a space each side of the dash (\(dash.quoted), \(styleName) style)"
                        : "close up the dash (\(dash.quoted), \(styleName) style)"
                } else {
                    message = "use \(dash.name) (\(dash.quoted)), not \(isEm ? "an em" : "an en") dash (\(styleName) style)"
                }
                let replacement: String
                if dash.spaced {
                    replacement = " " + dash.mark + (rightSpace == 1 && bytes[end] == newline ? "\n" : " ")
                } else {
                    replacement = dash.mark
                }
                report.add(block: block.index, range: i..<end, message,
                           fix: [TextEdit(range: leftAt..<rightAt, replacement: replacement)])
            }
        }
    }
}
