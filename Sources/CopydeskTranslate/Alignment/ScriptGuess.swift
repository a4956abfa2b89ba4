/// A language guess for files that do not state theirs: Greek letters → `el`, Cyrillic → `ru`;
/// Latin text by its commonest function words (`the`/`of`/`and` → `en`, `le`/`les`/`des` → `fr`…).
/// Nil when unsure: the stage then uses the default profile.
enum ScriptGuess {
    /// A few function words that are frequent in one language and rare in the others.
    static let functionWords: [(language: String, words: Set<String>)] = [
        ("en", ["the", "of", "and", "to", "in", "is", "that", "said", "with", "was"]),
        ("fr", ["le", "la", "les", "des", "et", "est", "du", "une", "dans", "pour"]),
        ("de", ["der", "die", "und", "das", "ist", "den", "nicht", "mit", "sich", "auf"]),
        ("es", ["el", "los", "las", "del", "que", "y", "por", "una", "con", "para"]),
        ("it", ["il", "della", "che", "di", "per", "gli", "del", "non", "sono", "una"]),
    ]

    /// Each function word (ASCII, at most 8 letters) packed into a number, with the languages
    /// whose list has it: the scan looks words up without making a String of each.
    private static let wordLanguages: [UInt64: [Int]] = {
        var table: [UInt64: [Int]] = [:]
        for (index, entry) in functionWords.enumerated() {
            for word in entry.words { table[pack(word.utf8), default: []].append(index) }
        }
        return table
    }()

    private static func pack(_ letters: some Sequence<UInt8>) -> UInt64 {
        letters.reduce(0) { $0 << 8 | UInt64($1) }
    }

    static func language(of texts: [String]) -> String? {
        var greek = 0, cyrillic = 0, latin = 0
        var counts = [Int](repeating: 0, count: functionWords.count)
        // The word being read: its ASCII letters lowercased and packed; `matchable` is false once
        // it has more than 8 letters or a letter outside ASCII (no function word has either).
        var key: UInt64 = 0, letters = 0, matchable = true
        func endWord() {
            if letters > 0, matchable, let languages = wordLanguages[key] {
                for index in languages { counts[index] += 1 }
            }
            key = 0; letters = 0; matchable = true
        }
        for text in texts {
            for scalar in text.unicodeScalars {
                let value = scalar.value
                switch value {
                case 0x41...0x5A, 0x61...0x7A:
                    latin += 1
                    letters += 1
                    if letters > 8 { matchable = false } else { key = key << 8 | UInt64(value | 0x20) }
                    continue
                case 0xC0...0x24F: latin += 1
                case 0x0370...0x03FF, 0x1F00...0x1FFF: greek += 1
                case 0x0400...0x04FF: cyrillic += 1
                default: break
                }
                if value < 0x80 {
                    endWord()
                } else if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
                            || scalar.properties.generalCategory == .spacingMark {
                    // A letter (or a mark on one) outside ASCII: still inside the word.
                    letters += 1
                    matchable = false
                } else {
                    endWord()
                }
            }
            endWord()
        }
        let total = greek + cyrillic + latin
        guard total > 0 else { return nil }
        if greek * 2 > total { return "el" }
        if cyrillic * 2 > total { return "ru" }
        guard latin * 2 > total, let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] >= 3 else { return nil }
        let runnerUp = counts.indices.filter { $0 != best }.map { counts[$0] }.max() ?? 0
        return counts[best] >= runnerUp * 2 ? functionWords[best].language : nil
    }
}
