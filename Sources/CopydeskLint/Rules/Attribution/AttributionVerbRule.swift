/// `attribution.verb`: "stated", "claimed", "noted"… used to attribute a quote or a statement,
/// where the neutral "said" fits (AP: "said" is almost always the right verb; the others take
/// sides or add a meaning the source did not give).
///
/// Only attribution uses count: after a closing quote (`"…," Denisov noted.`), at the end of a
/// clause after a comma and a speaker (`…, he claimed.`), inverted (`"…," noted the minister`),
/// or introducing reported speech (`claimed that…`, `admitted he…`, `declared: "…"`).
/// Adjectives and other senses stay quiet: "a noted author", "the claimed territory",
/// "declared a state of emergency", "admitted to hospital", "it was noted that". No fix: tense
/// and meaning need an editor ("admitted" may be the point).
struct AttributionVerbRule: LintRule {
    static let description = RuleDescription(
        id: "attribution.verb",
        summary: "verbs of attribution that colour a quote (stated, claimed, noted…) where \"said\" fits",
        severity: .info,
        triggering: [
            "\"This summit promises to be interesting as it will be the first real summit since the pandemic,\" Denisov ↓noted.",
            "The ministry said the convoy had been stopped at the border. The convoy carried only food, the ministry ↓claimed.",
            "\"We will not be intimidated,\" ↓declared Prime Minister Kyriakos Mitsotakis on Tuesday.",
            "Headline here\n\nThe company ↓admitted that its filings had been wrong for three years.\n\nRegulators said they were reviewing the case.",
            "Smith ↓stated: \"I have done nothing wrong.\"",
            "The governor said Clinton ↓stated he's \"very much persuaded personally and would intervene.\"",
        ],
        nonTriggering: [
            "The book was written by a noted author who lived in Athens for 20 years.",
            "Russia annexed the claimed territory in 2014, a move most of the world has not recognized.",
            "The governor declared a state of emergency on Monday as floodwaters rose across the region.",
            "Two firefighters were admitted to hospital with burns, the fire service said.",
            "It was noted that the committee had not met since March.",
            "The earthquake claimed more than 300 lives, according to the civil protection agency.",
            "\"We are ready,\" he said. The group claimed responsibility for the attack in a statement.",
            "Headline\n\nThe storm, which hit the coast overnight, claimed the lives of two fishermen.\n\nRescuers said the search was over.",
        ],
        exampleStyle: "ap")

    static let lists = ["attribution-verbs"]

    /// The style's phrase lists, this rule's among them (`.attributionVerbs`), matched once per document.
    let phrases: StylePhrases

    /// Words that may follow an attribution verb before the clause ends ("he claimed on Tuesday").
    static let adjuncts: Set<String> = ["on", "in", "at", "during", "after", "before", "to", "with", "when", "while", "as",
                                        "last", "this", "later", "then", "earlier", "yesterday", "today", "tonight", "recently",
                                        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    /// Words before the verb that make it an adjective, a participle or a passive.
    static let blockers: Set<String> = ["a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
                                        "be", "is", "was", "were", "are", "been", "being", "am", "widely", "well", "much", "so"]
    /// Clause openers after a comma that make the clause something other than "…, the speaker verb".
    static let clauseOpeners: Set<String> = ["which", "that", "who", "whom", "whose", "what", "where", "when", "as", "than", "if",
                                             "because", "while", "although", "though", "since", "and", "but", "or", "once", "until"]

    init(style: Style) throws {
        phrases = StylePhrases.of(style)
    }

    static func phrases(_ style: Style) -> [String] { style.list("attribution-verbs") }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard !phrases.phrases(.attributionVerbs).isEmpty, AttributionText.isEnglish(document) else { return }
        for block in document.body where block.kind == .paragraph {
            for match in document.phrases(phrases, .attributionVerbs, block) {
                guard let k = block.words.firstIndex(where: { $0.range.lowerBound == match.range.lowerBound }),
                      block.words[k].range == match.range else { continue }
                guard isAttribution(block, k) else { continue }
                let verb = document.text(block, match.range)
                report.add(block: block.index, range: match.range,
                           "\"\(verb)\" is not neutral: use \"said\" unless its meaning is intended (AP)",
                           suggestion: "said")
            }
        }
    }

    private func isAttribution(_ block: LintDocument.Block, _ k: Int) -> Bool {
        let bytes = block.bytes
        let words = block.words
        let verb = words[k].range
        let sentence = block.sentences.first { $0.contains(verb.lowerBound) } ?? 0..<bytes.count
        let previous = k > 0 && words[k - 1].range.lowerBound >= sentence.lowerBound ? words[k - 1] : nil
        if let previous, Self.blockers.contains(AttributionText.lower(bytes, previous.range)) { return false }
        let next = k + 1 < words.count && words[k + 1].range.lowerBound < sentence.upperBound ? words[k + 1] : nil

        // What follows the verb.
        var after = verb.upperBound
        while after < sentence.upperBound, AttributionText.isSpace(bytes[after]) { after += 1 }
        let atEnd = after >= sentence.upperBound
        let followedByPunctuation = atEnd || [UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ")")].contains(bytes[after])
        let nextText = next.map { AttributionText.lower(bytes, $0.range) }
        let nextIsAdjacent = next.map { $0.range.lowerBound == after } ?? false
        let clauseEnds = followedByPunctuation || (nextIsAdjacent && nextText.map(Self.adjuncts.contains) == true)

        // Reported speech: "claimed that…", "admitted he…", "declared: "…"", "stated "…"".
        if !atEnd {
            if bytes[after] == UInt8(ascii: ":") { return true }
            if let (mark, _) = AttributionText.mark(bytes, after), mark == .open { return true }
            if nextIsAdjacent, let next {
                if nextText == "that" { return true }
                if AttributionText.pronounBase(bytes, next.range) != nil { return true }
            }
        }

        // After a closing quote in the same sentence: `"…," Denisov noted.` / `"…," noted Denisov`.
        var lastMark: (AttributionText.Mark, Int, Int)?
        var i = sentence.lowerBound
        while i < verb.lowerBound {
            if let (mark, width) = AttributionText.mark(bytes, i) { lastMark = (mark, i, width); i += width } else { i += 1 }
        }
        if let (mark, position, width) = lastMark, mark == .close {
            let between = AttributionText.words(in: (position + width)..<verb.lowerBound, words)
            let gap = bytes[(position + width)..<verb.lowerBound]
            let plain = !gap.contains(UInt8(ascii: ";")) && !gap.contains(UInt8(ascii: ":")) && !gap.contains(UInt8(ascii: "("))
            if plain, between.count <= 8 {
                if clauseEnds { return true }
                if between.isEmpty, let next, nextIsAdjacent, next.isCapitalized || nextText == "the" { return true }
            }
        }

        // "…, the ministry claimed." / "…, he claimed on Tuesday."
        guard let comma = lastComma(bytes, in: sentence.lowerBound..<verb.lowerBound) else { return false }
        let subject = AttributionText.words(in: (comma + 1)..<verb.lowerBound, words)
        let subjectBytesArePlain = bytes[(comma + 1)..<verb.lowerBound].allSatisfy { byte in
            byte == 0x20 || byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-")
        }
        guard subjectBytesArePlain else { return false }
        if subject.isEmpty {
            // Inverted: "…, claimed Smith."
            guard let next, nextIsAdjacent, next.isCapitalized else { return false }
            return clauseCloses(bytes, from: next.range.upperBound, in: sentence, words: words)
        }
        guard subject.count <= 6, clauseEnds else { return false }
        let first = AttributionText.lower(bytes, subject.first!.range)
        if Self.clauseOpeners.contains(first) { return false }
        let pronouns = subject.filter { AttributionText.pronounBase(bytes, $0.range) != nil }
        if subject.count == 1 { return true }
        return pronouns.isEmpty
    }

    private func lastComma(_ bytes: [UInt8], in range: Range<Int>) -> Int? {
        var i = range.upperBound - 1
        while i >= range.lowerBound {
            if bytes[i] == UInt8(ascii: ",") { return i }
            i -= 1
        }
        return nil
    }

    /// The clause after an inverted "claimed Smith" ends within a few words.
    private func clauseCloses(_ bytes: [UInt8], from start: Int, in sentence: Range<Int>, words: [LintDocument.Word]) -> Bool {
        var i = start
        var seen = 0
        while i < sentence.upperBound {
            let byte = bytes[i]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") { return true }
            if byte == UInt8(ascii: "."), i + 1 >= sentence.upperBound || AttributionText.isSpace(bytes[i + 1]) { return true }
            if byte == 0x20 { seen += 1; if seen > 6 { return false } }
            i += 1
        }
        return true
    }
}
