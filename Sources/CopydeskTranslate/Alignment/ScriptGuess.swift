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

    static func language(of texts: [String]) -> String? {
        var greek = 0, cyrillic = 0, latin = 0
        var counts = [Int](repeating: 0, count: functionWords.count)
        for text in texts {
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
                case 0x0370...0x03FF, 0x1F00...0x1FFF: greek += 1
                case 0x0400...0x04FF: cyrillic += 1
                default: break
                }
            }
            for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
                let word = String(word)
                for (index, entry) in functionWords.enumerated() where entry.words.contains(word) { counts[index] += 1 }
            }
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
