import CopydeskCore

/// The desk glossary (`glossary:` files of the profile, and inline `terms:`): when a source
/// paragraph holds a term (any of its forms; `Βουλ*` matches every case of Βουλή; case and
/// accents ignored), its translation must use one of the required renderings.
///
/// Reported once per term and aligned pair, where the fault is: at a rendering the entry lists
/// under `avoid:` (`Zelensky` where the desk writes `Zelenskyy`), else at a word spelt almost
/// like a required single-word rendering (`Zelenskiy`), else as an empty range at the start of
/// the translated paragraph. Names the glossary pins belong to this rule; `translation.names`
/// leaves them alone, so one mistake gives one finding. Pairs without a translation are the
/// omission check's; paragraphs still in the source's script are the untranslated check's.
struct GlossaryRule: TranslationRule {
    static let description = TranslationRuleDescription(
        id: "translation.glossary",
        summary: "a glossary term of the original not rendered as the desk glossary requires",
        severity: .warning,
        triggering: [
            TranslationExample("el", "Η Βουλή ψήφισε το νομοσχέδιο με 158 ψήφους.",
                               "en", "↓The legislature passed the bill with 158 votes."),
            TranslationExample("el", "Ο Ζελένσκι ζήτησε περισσότερη βοήθεια από τη Δύση.",
                               "en", "↓Zelensky asked the West for more help."),
            TranslationExample("ru", "Песков заявил, что в Кремле не видят оснований для переговоров.",
                               "en", "↓Peskov said the presidential administration saw no grounds for talks."),
            TranslationExample("fr", "Le texte a été adopté par l'Assemblée nationale mardi soir.",
                               "en", "↓The text was adopted by parliament on Tuesday evening."),
        ],
        nonTriggering: [
            TranslationExample("el", "Η Βουλή ψήφισε το νομοσχέδιο με 158 ψήφους.",
                               "en", "Parliament passed the bill with 158 votes."),
            TranslationExample("el", "Βουλευτές της Νέας Δημοκρατίας υπερψήφισαν την τροπολογία.",
                               "en", "New Democracy lawmakers voted for the amendment."),
            TranslationExample("ru", "Песков заявил, что в Кремле не видят оснований для переговоров.",
                               "en", "Peskov said the Kremlin saw no grounds for talks."),
            TranslationExample("fr", "Le texte a été adopté par l'Assemblée nationale mardi soir.",
                               "en", "The text was adopted by the National Assembly on Tuesday evening."),
        ])

    let index: GlossaryIndex
    let sourceScript: NameText.Script?

    init(profile: TranslationProfile) throws {
        index = GlossaryIndex(profile.glossary)
        sourceScript = NamesRule.script(of: profile.sourceLanguage)
    }

    func check(_ document: TranslationDocument, _ report: inout RuleReport) {
        guard !index.isEmpty else { return }
        let abbreviations: Set<[UInt8]> = []
        // Terms the translation renders somewhere: a later mention may be shortened ("the
        // ministry" for МИД once "the Russian Foreign Ministry" stands earlier), as names are.
        var renderedInStory: Set<Int> = []
        for block in document.target {
            for match in index.targetMatcher.matches(in: NameText.FoldedText(block.bytes).bytes) {
                for rendering in index.renderings[match.phrase] where !rendering.avoid { renderedInStory.insert(rendering.entry) }
            }
        }
        for pair in document.pairs where !pair.source.isEmpty && !pair.target.isEmpty {
            // Terms of the original, first occurrence each.
            var wanted: [(entry: Int, text: String, block: Int)] = []
            for block in pair.source {
                let bytes = document.source[block].bytes
                let words = NameText.words(bytes, abbreviations: abbreviations)
                for match in index.sourceMatches(words) where !wanted.contains(where: { $0.entry == match.entry }) {
                    let range = words[match.words.lowerBound].range.lowerBound..<words[match.words.upperBound - 1].range.upperBound
                    wanted.append((match.entry, String(decoding: bytes[range], as: UTF8.self), block))
                }
            }
            guard !wanted.isEmpty else { continue }
            var satisfied: Set<Int> = []
            var avoided: [Int: (block: Int, range: Range<Int>)] = [:]
            var folded: [Int: NameText.FoldedText] = [:]
            for block in pair.target {
                if let sourceScript, NamesRule.share(of: sourceScript, in: document.target[block].bytes) > 0.5 { satisfied.formUnion(wanted.map(\.entry)); break }
                let text = NameText.FoldedText(document.target[block].bytes)
                folded[block] = text
                for match in index.targetMatcher.matches(in: text.bytes) {
                    for rendering in index.renderings[match.phrase] {
                    if rendering.avoid {
                        if avoided[rendering.entry] == nil { avoided[rendering.entry] = (block, text.original(match.range)) }
                    } else {
                        satisfied.insert(rendering.entry)
                    }
                    }
                }
            }
            for term in wanted where !satisfied.contains(term.entry) {
                let entry = index.entries[term.entry]
                let required = entry.target.map { "\"\($0)\"" }.joined(separator: " or ")
                let note = entry.note.map { " — \($0)" } ?? ""
                let location = Self.shortLocation(entry.location)
                let origin = "the original has \(term.text) (\(document.sourceLocation(of: term.block)))"
                if let (block, range) = avoided[term.entry] {
                    let used = String(decoding: document.target[block].bytes[range], as: UTF8.self)
                    report.add(block: block, range: range,
                               "\(origin); the glossary (\(location)) renders it \(required), not \"\(used)\"\(note)",
                               suggestion: entry.target[0])
                } else if let (block, range, used, rendering) = nearMiss(entry, pair: pair, document: document) {
                    report.add(block: block, range: range,
                               "\(origin); the glossary (\(location)) spells it \"\(rendering)\"; the translation has \"\(used)\"\(note)",
                               suggestion: rendering)
                } else if !renderedInStory.contains(term.entry) {
                    let block = pair.target[0]
                    report.add(block: block, range: 0..<0,
                               "\(origin); the glossary (\(location)) renders it \(required), which the translation does not use\(note)",
                               suggestion: entry.target[0])
                }
            }
        }
    }

    /// `glossaries/el-en.yml:12` rather than the whole path.
    static func shortLocation(_ location: String) -> String {
        guard let range = location.range(of: "StyleRules/translation/", options: .backwards) else { return location }
        return String(location[range.upperBound...])
    }

    /// A translation word spelt nearly like a one-word rendering of five letters or more
    /// (`Zelenskiy` for `Zelenskyy`): the same loose key, or a small edit away from it.
    private func nearMiss(_ entry: GlossaryEntry, pair: AlignedPair, document: TranslationDocument)
        -> (block: Int, range: Range<Int>, used: String, rendering: String)? {
        let renderings = entry.target.filter { !$0.contains(" ") && $0.unicodeScalars.count >= 5 }
        guard !renderings.isEmpty else { return nil }
        let keys = renderings.map { NameText.loose(NameText.plain($0)) }
        for block in pair.target {
            let bytes = document.target[block].bytes
            for word in NameText.words(bytes) where word.isCapitalized && word.letters >= 4 {
                let key = NameText.loose(NameText.plain(String(decoding: bytes[word.range], as: UTF8.self)))
                for (rendering, wanted) in zip(renderings, keys) where key.first == wanted.first {
                    let limit = max(1, NameText.tolerance(wanted.count) - 1)
                    if NameText.distance(key, wanted, limit: limit) <= limit {
                        return (block, word.range, String(decoding: bytes[word.range], as: UTF8.self), rendering)
                    }
                }
            }
        }
        return nil
    }
}
