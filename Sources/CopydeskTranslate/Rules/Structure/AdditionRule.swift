import CopydeskCore

/// `translation.addition`: a paragraph or sentence of the translation with no counterpart in
/// the original — text pasted from another story or an earlier version, a sentence written
/// twice, or background the translator added without flagging it.
///
/// Lines a desk adds as a matter of course are not reported: agency trailers (`(Reporting by
/// …)`), credits, editor's notes and bylines, listed as data in the profile's
/// `addition.expected-lines` (see `DeskLines`), and headlines (desks write their own). Only gaps
/// the aligner is sure of are reported (`AlignmentGaps`).
struct AdditionRule: TranslationRule {
    static let description = TranslationRuleDescription(
        id: "translation.addition",
        summary: "a paragraph or sentence of the translation with no counterpart in the original",
        severity: .warning,
        triggering: [
            TranslationExample("ru", """
                Москва и Пекин договорились расширить торговлю в национальных валютах, сообщил в четверг министр финансов России Антон Силуанов.

                По его словам, доля рубля и юаня в двусторонних расчетах превысила 90%.

                Переговоры продолжатся в Пекине в ноябре.
                """, "en", """
                Moscow and Beijing have agreed to expand trade in their national currencies, Russian Finance Minister Anton Siluanov said on Thursday.

                He said the share of the rouble and the yuan in bilateral payments had exceeded 90%.

                ↓Western sanctions imposed after Russia's invasion of Ukraine in February 2022 cut most Russian banks off from the SWIFT payment system and froze about half of the central bank's reserves.

                The talks will continue in Beijing in November.
                """),
            TranslationExample("fr", """
                La grève des contrôleurs aériens a entraîné l'annulation de 1 200 vols jeudi en France, selon la Direction générale de l'aviation civile.

                Les perturbations devraient se poursuivre vendredi dans les aéroports de Paris et de Marseille.
                """, "en", """
                A strike by air traffic controllers led to the cancellation of 1,200 flights in France on Thursday, according to the civil aviation authority. ↓Ryanair said it had been forced to cancel more than 400 flights, most of them overflying France.

                Disruption is expected to continue on Friday at airports in Paris and Marseille.
                """),
        ],
        nonTriggering: [
            TranslationExample("ru", """
                Москва и Пекин договорились расширить торговлю в национальных валютах, сообщил в четверг министр финансов России Антон Силуанов.

                По его словам, доля рубля и юаня в двусторонних расчетах превысила 90%.
                """, "en", """
                Moscow and Beijing have agreed to expand trade in their national currencies, Russian Finance Minister Anton Siluanov said on Thursday.

                He said the share of the rouble and the yuan in bilateral payments had exceeded 90%.

                (Reporting by Moscow newsroom; Editing by Mark Heinrich)
                """),
            TranslationExample("fr", """
                La grève des contrôleurs aériens a entraîné l'annulation de 1 200 vols jeudi en France, selon la Direction générale de l'aviation civile. Les perturbations devraient se poursuivre vendredi dans les aéroports de Paris et de Marseille.
                """, "en", """
                Editor's note: translated from French.

                A strike by air traffic controllers led to the cancellation of 1,200 flights in France on Thursday, according to the civil aviation authority.

                Disruption is expected to continue on Friday at airports in Paris and Marseille.
                """),
        ])

    static let settings = [DeskLines.targetKey]

    init(profile: TranslationProfile) throws {}

    func check(_ document: TranslationDocument, _ report: inout RuleReport) {
        guard document.source.contains(where: { !Self.trimmed($0.bytes).isEmpty }) else { return }
        let gaps = document.gaps
        guard gaps.reliable else { return }
        for gap in gaps.gaps where gap.side == .target {
            let block = document.target[gap.block]
            if let sentence = gap.sentence {
                let location = gap.counterpart.first.map { " (\(document.sourceLocation(of: $0)))" } ?? ""
                report.add(block: gap.block, range: sentence,
                           "this sentence has no counterpart in the original paragraph\(location): \"\(Excerpt.of(block.bytes, sentence))\"; check that it belongs to the story, or flag it as the desk's addition")
            } else {
                let range = Self.trimmed(block.bytes)
                report.add(block: gap.block, range: range,
                           "this paragraph has no counterpart in the original: \"\(Excerpt.of(block.bytes, range))\"; check that it belongs to the story, or flag it as the desk's addition")
            }
        }
    }

    static func trimmed(_ bytes: [UInt8]) -> Range<Int> {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x0A || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }
}
