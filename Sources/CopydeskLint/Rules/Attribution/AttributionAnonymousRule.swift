/// `attribution.anonymous`: "sources said", "officials said" (the style's `anonymous-sources`
/// list) with nothing that tells the reader who the sources are.
///
/// A description is either a word before the noun that qualifies it ("U.S. officials said",
/// "senior administration officials said", "police sources said": anything but an article, a
/// number, a quantifier or a conjunction), or a qualifier in the same sentence ("familiar with",
/// "close to", "briefed on", "with knowledge of", "on condition of anonymity", "not authorized",
/// "who …"). "The officials said" refers back and is fine, and so is any use after the story has
/// already mentioned the same kind of source: only the first bare mention is reported. Headlines
/// are not checked.
struct AttributionAnonymousRule: LintRule {
    static let description = RuleDescription(
        id: "attribution.anonymous",
        summary: "\"sources said\", \"officials said\" with no description of the source",
        severity: .warning,
        triggering: [
            "The ministers will meet again in Brussels next week to settle the dispute, ↓sources said.",
            "Headline\n\nThe company is preparing a bid for its largest rival.\n\nTwo ↓officials said the offer could come as early as Friday.\n\nThe officials said the board had not yet approved it.",
            "↓Sources say the deal is close.",
        ],
        nonTriggering: [
            "The ministers will meet again next week, two U.S. officials familiar with the talks said.",
            "Senior administration officials said the president would sign the bill on Friday.",
            "The offer could come as early as Friday, sources close to the negotiations said.",
            "Israeli officials said the strike targeted a weapons depot. The officials said the operation was over.",
            "The deal is close, officials said on condition of anonymity because they were not authorized to discuss it.",
            "Fire officials said the blaze started in the kitchen. Later, officials said two people had been taken to hospital.",
            "Officials say\n\nThe health ministry said the clinic would reopen on Monday.",
        ],
        exampleStyle: "ap")

    static let lists = ["anonymous-sources"]

    /// The style's phrase lists, this rule's among them (`.anonymous` and `.anonymousNouns`),
    /// matched once per document.
    let phrases: StylePhrases
    /// For each phrase, the lowercased forms of its noun ("sources said" → source, sources).
    let nounForms: [Set<String>]
    /// The nouns, as `.anonymousNouns` lists them.
    let nouns: [String]
    let qualifiers: PhraseMatcher

    /// Words before the noun that do not describe it.
    static let bare: Set<String> = ["a", "an", "some", "several", "many", "most", "two", "three", "four", "five", "six", "seven",
                                    "eight", "nine", "ten", "other", "more", "few", "numerous", "multiple", "various",
                                    "unnamed", "anonymous", "unidentified", "and", "but", "or", "as", "because", "while", "when",
                                    "although", "though", "since", "if", "that", "so", "yet", "also", "however"]
    /// Words before the noun that refer back to sources already described.
    static let anaphoric: Set<String> = ["the", "these", "those", "such", "same", "both", "all", "they", "their"]
    /// Qualifiers in the sentence that describe the sources.
    static let qualifierPhrases = ["familiar with", "close to", "briefed on", "knowledge of", "knowledgeable", "anonymity",
                                   "not authorized", "not authorised", "who", "involved in", "present at", "privy to",
                                   "aware of", "with access to", "declined to be named", "asked not to be named",
                                   "requested anonymity", "speaking privately"]

    init(style: Style) throws {
        phrases = StylePhrases.of(style)
        (nounForms, nouns) = Self.nouns(style)
        qualifiers = PhraseMatcher(Self.qualifierPhrases, ignoreCase: true)
    }

    static func phrases(_ style: Style) -> [String] { style.list("anonymous-sources") }

    /// For each phrase, the forms of its noun, and all those forms, sorted.
    static func nouns(_ style: Style) -> (forms: [Set<String>], all: [String]) {
        let phrases = Self.phrases(style)
        var forms: [Set<String>] = []
        var allForms: Set<String> = []
        for phrase in phrases {
            var words = phrase.lowercased().split(separator: " ").map(String.init)
            if words.count > 1 { words.removeLast() }   // the verb
            if words.first == "a" || words.first == "an" || words.first == "the" { words.removeFirst() }
            guard let noun = words.last else { forms.append([]); continue }
            let pair: Set<String> = noun.hasSuffix("s") ? [noun, String(noun.dropLast())] : [noun, noun + "s"]
            forms.append(pair)
            allForms.formUnion(pair)
        }
        return (forms, allForms.sorted())
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard !phrases.phrases(.anonymous).isEmpty, AttributionText.isEnglish(document) else { return }
        var mentioned: Set<String> = []
        for block in document.body where block.kind == .paragraph {
            let hits = document.phrases(phrases, .anonymous, block)
            let nouns = document.phrases(phrases, .anonymousNouns, block)
            var nounIndex = 0
            for hit in hits {
                // Mentions of the noun before this hit (earlier paragraphs and earlier in this one).
                while nounIndex < nouns.count, nouns[nounIndex].range.upperBound <= hit.range.lowerBound {
                    mentioned.insert(self.nouns[nouns[nounIndex].phrase])
                    nounIndex += 1
                }
                let forms = nounForms[hit.phrase]
                guard mentioned.isDisjoint(with: forms) else { continue }
                guard isBare(block, hit.range) else { continue }
                let phrase = document.text(block, hit.range)
                report.add(block: block.index, range: hit.range,
                           "\"\(phrase)\": say who the sources are (their position, why they are not named)")
            }
            for noun in nouns[nounIndex...] { mentioned.insert(self.nouns[noun.phrase]) }
        }
    }

    private func isBare(_ block: LintDocument.Block, _ range: Range<Int>) -> Bool {
        let bytes = block.bytes
        let sentence = block.sentences.first { $0.contains(range.lowerBound) } ?? 0..<bytes.count
        // The word right before the phrase, if nothing but spaces separates them.
        var i = range.lowerBound
        while i > sentence.lowerBound, bytes[i - 1] == 0x20 { i -= 1 }
        if i > sentence.lowerBound, i < range.lowerBound,
           let previous = block.words.last(where: { $0.range.upperBound == i }) {
            let word = AttributionText.lower(bytes, previous.range)
            if Self.anaphoric.contains(word) { return false }
            if !Self.bare.contains(word) && !previous.isNumber { return false }
        }
        // A qualifier anywhere in the sentence describes the source.
        let text = Array(bytes[sentence])
        return qualifiers.matches(in: text).isEmpty
    }
}
