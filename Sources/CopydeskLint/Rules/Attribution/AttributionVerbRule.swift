/// `attribution.verb`: "stated", "claims", "has admitted", "is declaring"… used to attribute a
/// quote or a statement, where the neutral "said" fits (AP: "said" is almost always the right
/// verb; the others take sides or add a meaning the source did not give).
///
/// The style's `attribution-verbs` list every form to find (past, present, -ing). A form counts
/// only as a verb of saying:
/// - with reported speech after it, with or without "that", past an inserted phrase set off by
///   commas (`claimed, by 2008, he wanted…`) or an adjunct (`stated in a letter that…`): a colon
///   or an opening quote, "that" not followed by a verb (not `states that have signed`), a
///   subject pronoun starting a clause (`admitted he…`, `claimed it intends…`), or a short noun
///   phrase followed by a finite verb (`admitted the figures were wrong`);
/// - at the end of a clause after its speaker: after a closing quote (`"…," Denisov noted.`,
///   `"…," noted Denisov`), or after a comma (`…, the ministry has claimed.`), inverted
///   (`…, claimed Smith.`);
/// and in any tense and aspect: auxiliaries and adverbs between speaker and verb are skipped
/// (`has claimed`, `had also claimed`, `is claiming`).
/// Nouns, adjectives and passives stay quiet: a determiner or a possessive before the word
/// (`a claimed title`, `its stated goals`, `insurance claims` is a noun with nothing after it),
/// a past form after "be" (`was admitted to hospital`, `it was noted that`), a past form with a
/// plain object (`declared war`, `declared a state of emergency`, `claimed the lives of…`).
/// No fix: tense and meaning need an editor ("admitted" may be the point); the suggestion keeps
/// the form (said, says, saying).
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
            "The company has ↓claimed it intends to appeal the ruling.",
            "He ↓declared it might also help families struggling with energy bills.",
            "She ↓admitted the figures were wrong and apologized to shareholders.",
            "The home secretary ↓claimed, by 2008, he wanted every police force to share one database.",
            "The minister ↓claims the reform will save 2 billion euros a year.",
            "Opposition lawmakers are ↓claiming that the vote was rigged.",
            "The ministry had ↓stated in a letter that the permits were valid.",
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
            "The boxer claimed the title in 2019 and defended it twice before retiring.",
            "Germany declared war on Russia on Aug. 1, 1914.",
            "An admitted patient must be seen by a doctor within four hours, the rules say.",
            "The company's stated goals include cutting emissions by half by 2030.",
            "Member states that have signed the treaty must report their emissions every year.",
            "Insurance claims rose by a third after the storm, the industry said.",
            "The group posted a video claiming responsibility for the attack.",
        ],
        exampleStyle: "ap")

    static let lists = ["attribution-verbs", "attribution-adjuncts", "attribution-blockers", "attribution-adverbs",
                        "clause-openers", "finite-verbs"]

    /// The style's phrase lists, this rule's among them (`.attributionVerbs`), matched once per document.
    let phrases: StylePhrases
    /// Words that may follow the verb before its clause ends ("he claimed on Tuesday").
    let adjuncts: Set<String>
    /// Words before the verb that make it a noun or an adjective.
    let blockers: Set<String>
    /// Adverbs between the speaker and the verb.
    let adverbs: Set<String>
    /// Clause openers: after a comma they make the clause something other than "…, the speaker verb".
    let clauseOpeners: Set<String>
    /// Finite verbs that start the verb phrase of a reported clause.
    let finiteVerbs: Set<String>
    /// The style's name, which the message cites.
    let styleName: String

    init(style: Style) throws {
        phrases = StylePhrases.of(style)
        func set(_ name: String) -> Set<String> { Set(style.list(name).map { $0.lowercased() }) }
        adjuncts = set("attribution-adjuncts")
        blockers = set("attribution-blockers")
        adverbs = set("attribution-adverbs")
        clauseOpeners = set("clause-openers")
        finiteVerbs = set("finite-verbs")
        styleName = style.name
    }

    static func phrases(_ style: Style) -> [String] { style.list("attribution-verbs") }

    /// The grammatical form of a listed verb, which decides what may stand before it and what
    /// "said" becomes.
    enum Form {
        case past, present, progressive

        init(_ word: String) {
            if word.hasSuffix("ing") { self = .progressive } else if word.hasSuffix("s") { self = .present } else { self = .past }
        }

        var said: String {
            switch self {
            case .past: "said"
            case .present: "says"
            case .progressive: "saying"
            }
        }
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard !phrases.phrases(.attributionVerbs).isEmpty, AttributionText.isEnglish(document) else { return }
        let style = styleName.isEmpty ? "" : " (\(styleName))"
        for block in document.body where block.kind == .paragraph {
            for match in document.phrases(phrases, .attributionVerbs, block) {
                guard let k = block.words.firstIndex(where: { $0.range.lowerBound == match.range.lowerBound }),
                      block.words[k].range == match.range else { continue }
                let form = Form(AttributionText.lower(block.bytes, match.range))
                guard isAttribution(block, k, form) else { continue }
                let verb = document.text(block, match.range)
                report.add(block: block.index, range: match.range,
                           "\"\(verb)\" is not neutral: use \"\(form.said)\" unless its meaning is intended\(style)",
                           suggestion: form.said)
            }
        }
    }

    private func isAttribution(_ block: LintDocument.Block, _ k: Int, _ form: Form) -> Bool {
        let bytes = block.bytes
        let words = block.words
        let verb = words[k].range
        let sentence = block.sentences.first { $0.contains(verb.lowerBound) } ?? 0..<bytes.count
        func lower(_ index: Int) -> String { AttributionText.lower(bytes, words[index].range) }
        func inSentence(_ index: Int) -> Bool {
            index >= 0 && index < words.count && words[index].range.lowerBound >= sentence.lowerBound
                && words[index].range.lowerBound < sentence.upperBound
        }

        // Before the verb: auxiliaries and adverbs of the verb phrase, then the word that decides.
        var before = k - 1
        var auxiliaries = 0
        var afterBe = false
        while inSentence(before), onlySpaceBetween(bytes, words[before].range.upperBound, words[before + 1].range.lowerBound) {
            let word = lower(before)
            if AttributionText.auxiliaries.contains(word) || AttributionText.beForms.contains(word) {
                if AttributionText.beForms.contains(word) { afterBe = true }
                auxiliaries += 1
            } else if !adverbs.contains(word) {
                break
            }
            before -= 1
        }
        if afterBe && form == .past { return false }            // passive: "was admitted", "it was noted that"
        if inSentence(before), onlySpaceBetween(bytes, words[before].range.upperBound, words[before + 1].range.lowerBound) {
            let word = lower(before)
            if blockers.contains(word) || isPossessive(word) { return false }
            if form == .present, words[before].isNumber { return false }   // "three states"
        }
        let hasSubject = inSentence(before)

        if reportedSpeechFollows(block, k, sentence) {
            // "Claiming that…" may open a sentence; a finite verb needs its speaker before it.
            return hasSubject || form == .progressive
        }
        if form == .progressive && auxiliaries == 0 { return false }    // "a video claiming responsibility"

        // What follows the verb.
        let next = inSentence(k + 1) ? words[k + 1] : nil
        var after = verb.upperBound
        while after < sentence.upperBound, AttributionText.isSpace(bytes[after]) { after += 1 }
        let atEnd = after >= sentence.upperBound
        let followedByPunctuation = atEnd || [UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ")")].contains(bytes[after])
        let nextText = next.map { AttributionText.lower(bytes, $0.range) }
        let nextIsAdjacent = next.map { $0.range.lowerBound == after } ?? false
        let clauseEnds = followedByPunctuation || (nextIsAdjacent && nextText.map(adjuncts.contains) == true)

        // After a closing quote in the same sentence: `"…," Denisov noted.` / `"…," noted Denisov`.
        var lastMark: (AttributionText.Mark, Int, Int)?
        var i = sentence.lowerBound
        while i < verb.lowerBound {
            if let (mark, width) = AttributionText.mark(bytes, i) { lastMark = (mark, i, width); i += width } else { i += 1 }
        }
        if let (mark, position, width) = lastMark, mark == .close {
            let between = speaker(AttributionText.words(in: (position + width)..<verb.lowerBound, words), bytes)
            let gap = bytes[(position + width)..<verb.lowerBound]
            let plain = !gap.contains(UInt8(ascii: ";")) && !gap.contains(UInt8(ascii: ":")) && !gap.contains(UInt8(ascii: "("))
            if plain, between.count <= 8 {
                if clauseEnds { return true }
                if between.isEmpty, let next, nextIsAdjacent, next.isCapitalized || nextText == "the" { return true }
            }
        }

        // "…, the ministry claimed." / "…, he has claimed on Tuesday."
        guard let comma = lastComma(bytes, in: sentence.lowerBound..<verb.lowerBound) else { return false }
        let subject = speaker(AttributionText.words(in: (comma + 1)..<verb.lowerBound, words), bytes)
        let subjectBytesArePlain = bytes[(comma + 1)..<verb.lowerBound].allSatisfy { byte in
            byte == 0x20 || byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-")
        }
        guard subjectBytesArePlain else { return false }
        if subject.isEmpty {
            // Inverted: "…, claimed Smith."
            guard auxiliaries == 0, let next, nextIsAdjacent, next.isCapitalized else { return false }
            return clauseCloses(bytes, from: next.range.upperBound, in: sentence, words: words)
        }
        guard subject.count <= 6, clauseEnds else { return false }
        let first = AttributionText.lower(bytes, subject.first!.range)
        if clauseOpeners.contains(first) { return false }
        let pronouns = subject.filter { AttributionText.pronounBase(bytes, $0.range) != nil }
        if subject.count == 1 { return true }
        return pronouns.isEmpty
    }

    /// The words of a speaker without the auxiliaries and adverbs of the verb phrase after it.
    private func speaker(_ words: ArraySlice<LintDocument.Word>, _ bytes: [UInt8]) -> ArraySlice<LintDocument.Word> {
        var result = words
        while let last = result.last {
            let word = AttributionText.lower(bytes, last.range)
            guard AttributionText.auxiliaries.contains(word) || AttributionText.beForms.contains(word) || adverbs.contains(word) else { break }
            result.removeLast()
        }
        return result
    }

    /// Whether reported speech follows the verb at `k`: a colon or an opening quote, "that"
    /// starting a clause, a subject pronoun starting a clause, or a short noun phrase and a finite
    /// verb. An inserted phrase between commas, or an adjunct phrase before "that", is skipped.
    private func reportedSpeechFollows(_ block: LintDocument.Block, _ k: Int, _ sentence: Range<Int>) -> Bool {
        let bytes = block.bytes
        let words = block.words
        var position = words[k].range.upperBound
        var index = k + 1
        func skipSpaces() { while position < sentence.upperBound, AttributionText.isSpace(bytes[position]) { position += 1 } }
        skipSpaces()
        guard position < sentence.upperBound else { return false }
        // An inserted phrase: ", by 2008, " / ", he said, ".
        if bytes[position] == UInt8(ascii: ",") {
            var j = index
            while j < words.count, j - index <= 6, words[j].range.upperBound < sentence.upperBound {
                let end = words[j].range.upperBound
                if end < bytes.count, bytes[end] == UInt8(ascii: ",") { break }
                j += 1
            }
            guard j < words.count, j - index <= 6, words[j].range.upperBound < sentence.upperBound,
                  bytes[words[j].range.upperBound] == UInt8(ascii: ",") else { return false }
            index = j + 1
            position = words[j].range.upperBound + 1
            skipSpaces()
            guard position < sentence.upperBound else { return false }
        }
        if bytes[position] == UInt8(ascii: ":") { return true }
        if let (mark, _) = AttributionText.mark(bytes, position), mark == .open { return true }
        guard index < words.count, words[index].range.lowerBound == position, words[index].range.upperBound <= sentence.upperBound else { return false }
        func lower(_ i: Int) -> String { AttributionText.lower(bytes, words[i].range) }
        func adjacent(_ i: Int) -> Bool {
            i + 1 < words.count && words[i + 1].range.upperBound <= sentence.upperBound
                && onlySpaceBetween(bytes, words[i].range.upperBound, words[i + 1].range.lowerBound)
        }
        var first = lower(index)
        // "stated in a letter that…", "claimed on Tuesday that…": an adjunct phrase, then "that".
        if adjuncts.contains(first) {
            var j = index
            while j - index < 6, adjacent(j) {
                j += 1
                if lower(j) == "that" { index = j; first = "that"; break }
            }
        }
        if first == "that" {
            // "that" starts a reported clause unless a verb follows it (a relative clause:
            // "states that have signed").
            guard adjacent(index) else { return false }
            let following = lower(index + 1)
            return !finiteVerbs.contains(following) && !AttributionText.auxiliaries.contains(following)
        }
        if let pronoun = AttributionText.subjectPronoun(bytes, words[index].range) {
            // "he", "she", "they", "we", "I" start a clause ("stated he's "very much…""); "it"
            // and "you" are also objects ("admitted it"), so they need a finite verb after them.
            if AttributionText.pronouns.contains(pronoun) { return true }
            return adjacent(index) && isFinite(lower(index + 1))
        }
        // A short noun phrase and a finite verb: "admitted the figures were wrong".
        if AttributionText.prepositions.contains(first) || clauseOpeners.contains(first) { return false }
        var j = index
        while j - index < 5, adjacent(j) {
            j += 1
            let word = lower(j)
            if clauseOpeners.contains(word) || AttributionText.prepositions.contains(word) && word != "of" { return false }
            if finiteVerbs.contains(word) { return j - index >= 1 }
        }
        return false
    }

    /// A finite verb after a pronoun: a listed one, or a regular past or present form.
    private func isFinite(_ word: String) -> Bool {
        if finiteVerbs.contains(word) { return true }
        return word.count >= 4 && (word.hasSuffix("ed") || (word.hasSuffix("s") && !word.hasSuffix("ss")))
    }

    private func isPossessive(_ word: String) -> Bool {
        word.hasSuffix("'s") || word.hasSuffix("’s") || word.hasSuffix("s'")
    }

    private func onlySpaceBetween(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard start <= end else { return false }
        return bytes[start..<end].allSatisfy { $0 == 0x20 }
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
