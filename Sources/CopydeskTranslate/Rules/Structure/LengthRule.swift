import CopydeskCore

/// `translation.length`: a paragraph whose translation is much shorter or longer than the
/// language pair usually gives — text left out or added inside a paragraph the aligner still
/// pairs, or a paragraph translated from another version of the story.
///
/// The ratio is letters of the translation over letters of the original (spaces and punctuation
/// not counted) for each aligned pair, against the profile's `length-ratio`. Pairs shorter than
/// `length.min-letters` letters in the original (default 150) are not judged: a short paragraph's
/// ratio swings with a single word. Pairs the aligner is unsure of are not judged either. One
/// finding per pair, on its first translated paragraph.
struct LengthRule: TranslationRule {
    static let description = TranslationRuleDescription(
        id: "translation.length",
        summary: "a paragraph whose translation is much shorter or longer than usual for the language pair",
        severity: .info,
        triggering: [
            TranslationExample("el", """
                Η κυβέρνηση ανακοίνωσε νέο πακέτο στήριξης ύψους 1,2 δισ. ευρώ για τα νοικοκυριά, το οποίο περιλαμβάνει επιδότηση στους λογαριασμούς ρεύματος, έκτακτο επίδομα σε συνταξιούχους με χαμηλές συντάξεις και μειωμένο ΦΠΑ σε βασικά τρόφιμα έως το τέλος του έτους.

                Τα μέτρα θα χρηματοδοτηθούν από το πλεόνασμα του προϋπολογισμού.
                """, "en", """
                ↓The government announced a 1.2 billion euro support package for households.

                The measures will be funded from the budget surplus.
                """),
        ],
        nonTriggering: [
            TranslationExample("el", """
                Η κυβέρνηση ανακοίνωσε νέο πακέτο στήριξης ύψους 1,2 δισ. ευρώ για τα νοικοκυριά, το οποίο περιλαμβάνει επιδότηση στους λογαριασμούς ρεύματος, έκτακτο επίδομα σε συνταξιούχους με χαμηλές συντάξεις και μειωμένο ΦΠΑ σε βασικά τρόφιμα έως το τέλος του έτους.

                Τα μέτρα θα χρηματοδοτηθούν από το πλεόνασμα του προϋπολογισμού.
                """, "en", """
                The government announced a new 1.2 billion euro support package for households, including subsidies on electricity bills, a one-off allowance for pensioners on low pensions and lower VAT on basic foods until the end of the year.

                The measures will be funded from the budget surplus.
                """),
            TranslationExample("fr", """
                Grève.

                Les contrôleurs aériens sont en grève jeudi.
                """, "en", """
                Strike.

                Air traffic controllers are on strike on Thursday, the DGAC civil aviation authority said in a statement.
                """),
        ])

    static let settings = ["length.min-letters"]

    let minimumLetters: Int

    init(profile: TranslationProfile) throws {
        minimumLetters = profile.int("length.min-letters") ?? 150
    }

    func check(_ document: TranslationDocument, _ report: inout RuleReport) {
        let range = document.profile.lengthRatio
        let pairName = [document.sourceLanguage, document.targetLanguage].compactMap { $0 }.joined(separator: "→")
        for pair in document.pairs where !pair.source.isEmpty && !pair.target.isEmpty && pair.confidence >= AlignmentGaps.pairConfidence {
            let sourceLetters = pair.source.reduce(0) { $0 + Anchors.letterCount(document.source[$1].bytes) }
            let targetLetters = pair.target.reduce(0) { $0 + Anchors.letterCount(document.target[$1].bytes) }
            guard sourceLetters >= minimumLetters, targetLetters > 0 else { continue }
            let ratio = Double(targetLetters) / Double(sourceLetters)
            guard !range.contains(ratio) else { continue }
            let first = pair.target[0]
            let usual = "\(Self.format(range.lowerBound))–\(Self.format(range.upperBound))\(pairName.isEmpty ? "" : " for \(pairName)")"
            let advice = ratio < range.lowerBound ? "check for text left out" : "check for text added or repeated"
            report.add(block: first, range: AdditionRule.trimmed(document.target[first].bytes),
                       "the translation is \(Self.format(ratio)) times as long as the original (\(document.sourceLocation(of: pair.source[0]))), outside the usual \(usual); \(advice)")
        }
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        var text = String(rounded)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
