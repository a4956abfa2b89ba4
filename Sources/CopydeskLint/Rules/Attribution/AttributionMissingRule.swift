/// `attribution.missing`: a paragraph that quotes someone directly and never says who.
///
/// A direct quote is a quoted passage of six words or more, or a quoted whole sentence (see
/// `AttributionText.isDirectQuote`); scare quotes ("new era") and titles in title case are not.
/// What counts as attribution, in the paragraph itself or in the one before or after it: a verb of
/// speech (the style's `speech-verbs`: said, says, told, added, asked, wrote, tweeted, according
/// to…, and its `attribution-verbs`), the nouns "statement" and "interview", or a colon right before the quote
/// (`The ministry's statement read:` / a paragraph ending with a colon before a quote paragraph).
/// A multi-paragraph quote (each paragraph opens the quote, only the last closes it) is attributed
/// when any of its paragraphs is, usually the first.
struct AttributionMissingRule: LintRule {
    static let description = RuleDescription(
        id: "attribution.missing",
        summary: "a paragraph with a direct quote and no attribution in it or next to it",
        severity: .warning,
        triggering: [
            "Talks resume\n\nNegotiators met for a third day in Geneva on Tuesday.\n\nThe two sides agreed to meet again next month, the foreign ministry said.\n\nThe delegations left the building separately.\n\n↓\"We have made no progress at all and we do not expect any before the winter.\"\n\nThe next round is due in March.",
            "Fire\n\nThe blaze broke out shortly after midnight in a warehouse near the port.\n\nCrews worked through the night to contain it.\n\n↓“It was the worst fire I have seen in thirty years on the job.”\n\nThe cause is under investigation.",
        ],
        nonTriggering: [
            "\"In less than 10 days, a new meeting of our leaders will take place at the summit,\" Russian ambassador Andrei Denisov said.",
            "Talks\n\nThe minister spoke to reporters after the meeting.\n\n\"We have made no progress at all and we do not expect any before the winter.\"\n\nHe said the next round was due in March.",
            "Statement\n\nThe ministry's statement was brief:\n\n\"The heads of state of China and Russia maintain close relations through various means.\"",
            "Quotes\n\n\"We will rebuild every house that was lost, and we will do it this year,\" the mayor said.\n\n\"Nobody will be left behind. Nobody will be forgotten by this city.\n\n\"We owe them that much and more, and we will keep that promise.\"",
            "Summit\n\nMoscow and Beijing signed a joint statement calling for a \"new era\" in international relations.\n\nThe film \"The Man Who Knew Too Much Was Never Told\" opened in Paris.",
            "Ruling\n\nThe court ruled that the law was unconstitutional.\n\nThe ruling read: \"The legislature exceeded its powers when it passed this act.\"",
        ],
        exampleStyle: "ap")

    static let lists = ["speech-verbs", "attribution-verbs"]

    /// The style's phrase lists, this rule's among them (`.speech`), matched once per document.
    let phrases: StylePhrases

    /// The style's verbs and nouns of speech (`speech-verbs`) and its loaded `attribution-verbs`.
    static func phrases(_ style: Style) -> [String] { style.list("speech-verbs") + style.list("attribution-verbs") }

    /// Whether the style lists verbs of speech; without them no quote could be told attributed,
    /// so the rule stays quiet rather than report every quote.
    let hasSpeechVerbs: Bool

    init(style: Style) throws {
        phrases = StylePhrases.of(style)
        hasSpeechVerbs = !style.list("speech-verbs").isEmpty
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        let body = document.body
        guard hasSpeechVerbs, !body.isEmpty, AttributionText.isEnglish(document) else { return }
        // Per body paragraph: attribution present, passages, and whether it leaves a quote open.
        let passages = body.map { AttributionText.passages($0.bytes) }
        let attributed = body.map { !document.phrases(phrases, .speech, $0).isEmpty }
        let leavesOpen = passages.map { $0.last.map { $0.close == nil } ?? false }
        // A paragraph's quotes are attributed by the paragraph, a neighbour, a colon, or (for the
        // next paragraph of a multi-paragraph quote) by the paragraph the quote runs on from.
        var resolved = [Bool](repeating: false, count: body.count)
        for (n, block) in body.enumerated() {
            let quotes = block.kind == .paragraph ? passages[n].filter { AttributionText.isDirectQuote($0, block.bytes, block.words) } : []
            var ok = attributed[n]
                || (n > 0 && (attributed[n - 1] || endsWithColon(body[n - 1].bytes)))
                || (n + 1 < body.count && attributed[n + 1])
                || quotes.contains { colonBefore(block.bytes, $0.open) }
            if !ok, n > 0, leavesOpen[n - 1], let head = passages[n].first, startsWithPassage(block.bytes, head) {
                ok = resolved[n - 1]
            }
            resolved[n] = ok
            guard !ok, let first = quotes.first else { continue }
            // The closing mark may be a multi-byte ” : end after its last byte.
            var end = first.close.map { $0 + 1 } ?? block.bytes.count
            while end < block.bytes.count, block.bytes[end] & 0xC0 == 0x80 { end += 1 }
            report.add(block: block.index, range: first.open..<end,
                       "say who is speaking: this quote has no attribution in its paragraph or next to it")
        }
    }

    private func endsWithColon(_ bytes: [UInt8]) -> Bool {
        var end = bytes.count
        while end > 0, AttributionText.isSpace(bytes[end - 1]) { end -= 1 }
        return end > 0 && bytes[end - 1] == UInt8(ascii: ":")
    }

    private func colonBefore(_ bytes: [UInt8], _ open: Int) -> Bool {
        var i = open
        while i > 0, AttributionText.isSpace(bytes[i - 1]) { i -= 1 }
        return i > 0 && bytes[i - 1] == UInt8(ascii: ":")
    }

    private func startsWithPassage(_ bytes: [UInt8], _ passage: AttributionText.Passage) -> Bool {
        var i = 0
        while i < bytes.count, AttributionText.isSpace(bytes[i]) { i += 1 }
        return passage.hasOpeningMark && passage.open == i
    }
}
