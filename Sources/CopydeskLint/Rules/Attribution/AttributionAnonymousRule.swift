/// `attribution.anonymous`: "sources said", "officials said" (the style's `anonymous-sources`
/// list) with nothing that tells the reader who the sources are.
///
/// A description is either a word before the noun that qualifies it ("U.S. officials said",
/// "senior administration officials said", "police sources said": anything but an article, a
/// number, a quantifier or a conjunction), or a qualifier in the same sentence ("familiar with",
/// "close to", "briefed on", "with knowledge of", "on condition of anonymity", "not authorized",
/// "who …"). "The officials said" refers back and is fine, and so is any use after the story has
/// already mentioned the same kind of source: only the first bare mention is reported. Words inside
/// quotation marks are the speaker's: they neither mention nor qualify the story's sources, and a
/// quoted "sources said" is not reported. Headlines are not checked.
struct AttributionAnonymousRule: LintRule {
    static let description = RuleDescription(
        id: "attribution.anonymous",
        summary: "\"sources said\", \"officials said\" with no description of the source",
        severity: .warning,
        triggering: [
            "The ministers will meet again in Brussels next week to settle the dispute, ↓sources said.",
            "Headline\n\nThe company is preparing a bid for its largest rival.\n\nTwo ↓officials said the offer could come as early as Friday.\n\nThe officials said the board had not yet approved it.",
            "↓Sources say the deal is close.",
            "\"Anyone who leaves the coalition now will regret it,\" ↓sources said.",
            "\"Our sources tell us nothing,\" she said. The talks will resume in Geneva next week, ↓sources said.",
            "The prime minister told reporters that \"people close to the talks expect results\" and the deal would be signed on Friday, ↓sources said.",
        ],
        nonTriggering: [
            "The ministers will meet again next week, two U.S. officials familiar with the talks said.",
            "Senior administration officials said the president would sign the bill on Friday.",
            "The offer could come as early as Friday, sources close to the negotiations said.",
            "Israeli officials said the strike targeted a weapons depot. The officials said the operation was over.",
            "The deal is close, officials said on condition of anonymity because they were not authorized to discuss it.",
            "Fire officials said the blaze started in the kitchen. Later, officials said two people had been taken to hospital.",
            "Officials say\n\nThe health ministry said the clinic would reopen on Monday.",
            "\"Sources said the deal was dead, and look where we are now,\" the minister joked.",
        ],
        exampleStyle: "ap")

    static let lists = ["anonymous-sources", "anonymous-bare-words", "anonymous-anaphora", "source-qualifiers"]

    /// The style's phrase lists, this rule's among them (`.anonymous` and `.anonymousNouns`),
    /// matched once per document.
    let phrases: StylePhrases
    /// For each phrase, the lowercased forms of its noun ("sources said" → source, sources).
    let nounForms: [Set<String>]
    /// The nouns, as `.anonymousNouns` lists them.
    let nouns: [String]
    /// Words before the noun that do not describe it (`anonymous-bare-words`).
    let bare: Set<String>
    /// Words before the noun that refer back to sources already described (`anonymous-anaphora`).
    let anaphoric: Set<String>
    /// Qualifiers in the sentence that describe the sources (`source-qualifiers`).
    let qualifiers: PhraseMatcher

    init(style: Style) throws {
        phrases = StylePhrases.of(style)
        (nounForms, nouns) = Self.nouns(style)
        bare = Set(style.list("anonymous-bare-words").map { $0.lowercased() })
        anaphoric = Set(style.list("anonymous-anaphora").map { $0.lowercased() })
        qualifiers = PhraseMatcher(style.list("source-qualifiers"), ignoreCase: true)
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
            // Words inside quotation marks are a speaker's, not the story's: a quote that says
            // "sources" does not describe the story's sources, a "who" or "close to" inside it
            // does not qualify them, and a quoted "sources said" is not the story's sourcing.
            let quoted = AttributionText.passages(block.bytes).map(\.content)
            func isQuoted(_ range: Range<Int>) -> Bool { quoted.contains { $0.contains(range.lowerBound) } }
            let hits = document.phrases(phrases, .anonymous, block).filter { !isQuoted($0.range) }
            let nouns = document.phrases(phrases, .anonymousNouns, block).filter { !isQuoted($0.range) }
            var nounIndex = 0
            for hit in hits {
                // Mentions of the noun before this hit (earlier paragraphs and earlier in this one).
                while nounIndex < nouns.count, nouns[nounIndex].range.upperBound <= hit.range.lowerBound {
                    mentioned.insert(self.nouns[nouns[nounIndex].phrase])
                    nounIndex += 1
                }
                let forms = nounForms[hit.phrase]
                guard mentioned.isDisjoint(with: forms) else { continue }
                guard isBare(block, hit.range, quoted: quoted) else { continue }
                let phrase = document.text(block, hit.range)
                report.add(block: block.index, range: hit.range,
                           "\"\(phrase)\": say who the sources are (their position, why they are not named)")
            }
            for noun in nouns[nounIndex...] { mentioned.insert(self.nouns[noun.phrase]) }
        }
    }

    private func isBare(_ block: LintDocument.Block, _ range: Range<Int>, quoted: [Range<Int>]) -> Bool {
        let bytes = block.bytes
        let sentence = block.sentences.first { $0.contains(range.lowerBound) } ?? 0..<bytes.count
        // The word right before the phrase, if nothing but spaces separates them.
        var i = range.lowerBound
        while i > sentence.lowerBound, bytes[i - 1] == 0x20 { i -= 1 }
        if i > sentence.lowerBound, i < range.lowerBound,
           let previous = block.words.last(where: { $0.range.upperBound == i }) {
            let word = AttributionText.lower(bytes, previous.range)
            if anaphoric.contains(word) { return false }
            if !bare.contains(word) && !previous.isNumber { return false }
        }
        // A qualifier anywhere in the sentence, outside quotation marks, describes the source.
        let text = Array(bytes[sentence])
        return !qualifiers.matches(in: text).contains { match in
            let start = sentence.lowerBound + match.range.lowerBound
            return !quoted.contains { $0.contains(start) }
        }
    }
}
