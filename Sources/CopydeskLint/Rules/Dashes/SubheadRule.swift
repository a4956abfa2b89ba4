import CopydeskCore

/// A paragraph that is a subhead set between dashes, as AFP copy translated by agencies has it:
/// `– Silence from Beijing –`, `- “Impossible” -`, `— Background —`. English wire style sets a
/// subhead as a line of its own, without the dashes.
///
/// The paragraph must be one line of at most 12 words with a word that is not a figure, opening
/// with a dash and a space and closing with a space and a dash (`- 30 -` end marks and rules of
/// dashes are not subheads). Removing the dashes is not safe in plain text: they are the only
/// thing that marks the line as a subhead, and whether to keep it as a subhead (in the output
/// format's markup) or drop it is the editor's call — so a paragraph gets a suggestion only. A
/// block the reader already knows is a subhead (a Markdown `## – Background –`) gets a fix that
/// removes the dashes.
struct SubheadRule: LintRule {
    static let description = RuleDescription(
        id: "dashes.subhead",
        summary: "a subhead set between dashes (`– Silence from Beijing –`)",
        severity: .warning,
        triggering: [
            """
            Moscow: Putin-Xi meeting next week

            Asked about the statements, the spokesman said he had no information to give at this time.

            ↓– Silence from Beijing –

            Beijing generally confirms last-minute movements of its leaders.

            ↓- “Impossible” -

            He also deemed it “impossible” to isolate Russia.
            """,
            "Leaders to meet\n\nThe leaders will meet next week.\n\n↓— Background —\n\nThe two last met in February.",
        ],
        nonTriggering: [
            "Leaders to meet\n\nThe leaders will meet next week — in Samarkand — the ministry said.\n\n- 30 -",
            "Leaders to meet\n\n— Prices rose 3% in March, the highest monthly rise since 1991 and above forecasts —\nthe agency said.",
            "Leaders to meet\n\nSilence from Beijing\n\nBeijing generally confirms last-minute movements of its leaders.",
        ],
        exampleStyle: "translated-en")

    init(style: Style) {}

    func check(_ document: LintDocument, _ report: inout LintReport) {
        for block in document.blocks {
            guard let subhead = DashText.subhead(block) else { continue }
            let title = document.text(block, subhead.title)
            let range = subhead.open.lowerBound..<subhead.close.upperBound
            if block.kind == .subhead {
                report.add(block: block.index, range: range, "remove the dashes around the subhead \"\(QuotedText.bounded(title))\"",
                           fix: [TextEdit(range: subhead.open, replacement: ""), TextEdit(range: subhead.close, replacement: "")])
            } else {
                report.add(block: block.index, range: range, "subhead set between dashes: set it as a subhead without the dashes, or delete it",
                           suggestion: title)
            }
        }
    }
}
