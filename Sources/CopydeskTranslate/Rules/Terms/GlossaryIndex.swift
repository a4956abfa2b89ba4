import CopydeskText

/// A profile's glossary compiled once: source forms in a hashed word index (first word exact or
/// by `prefix*`, the rest checked word by word), and every required and avoided rendering in one
/// Aho–Corasick automaton over folded target text. Shared by `translation.glossary` and
/// `translation.names` (which leaves words the glossary covers to the glossary).
struct GlossaryIndex: Sendable {
    struct Form: Sendable {
        var entry: Int
        /// Folded words; `wildcard` words match any word starting with them.
        var words: [(key: [UInt8], wildcard: Bool)]
    }

    struct SourceMatch: Sendable {
        var entry: Int
        /// Word indices in the block.
        var words: Range<Int>
    }

    struct Rendering: Sendable {
        var entry: Int
        var avoid: Bool
    }

    let entries: [GlossaryEntry]
    private let forms: [Form]
    private let byFirstWord: [[UInt8]: [Int]]
    private let byFirstPrefix: [[UInt8]: [Int]]
    private let prefixLengths: [Int]
    /// For each phrase of `targetMatcher`, the entries that require or avoid it.
    let renderings: [[Rendering]]
    let targetMatcher: PhraseMatcher

    init(_ entries: [GlossaryEntry]) {
        self.entries = entries
        var forms: [Form] = []
        var byFirstWord: [[UInt8]: [Int]] = [:], byFirstPrefix: [[UInt8]: [Int]] = [:]
        // One phrase per folded rendering (the matcher reports a span once), with every entry using it.
        var renderings: [[Rendering]] = []
        var phrases: [String] = []
        var phraseIndex: [String: Int] = [:]
        func add(_ text: String, _ rendering: Rendering) {
            let folded = String(decoding: NameText.fold(text), as: UTF8.self)
            if let index = phraseIndex[folded] {
                if !renderings[index].contains(where: { $0.entry == rendering.entry && $0.avoid == rendering.avoid }) { renderings[index].append(rendering) }
            } else {
                phraseIndex[folded] = phrases.count
                phrases.append(folded)
                renderings.append([rendering])
            }
        }
        for (index, entry) in entries.enumerated() {
            for source in entry.source {
                let bytes = Array(source.utf8)
                let words = NameText.words(bytes).map { word -> (key: [UInt8], wildcard: Bool) in
                    let wildcard = word.range.upperBound < bytes.count && bytes[word.range.upperBound] == UInt8(ascii: "*")
                    return (word.key, wildcard)
                }
                guard let first = words.first else { continue }
                forms.append(Form(entry: index, words: words))
                if first.wildcard { byFirstPrefix[first.key, default: []].append(forms.count - 1) }
                else { byFirstWord[first.key, default: []].append(forms.count - 1) }
            }
            for target in entry.target { add(target, Rendering(entry: index, avoid: false)) }
            for wrong in entry.avoid { add(wrong, Rendering(entry: index, avoid: true)) }
        }
        self.forms = forms
        self.byFirstWord = byFirstWord
        self.byFirstPrefix = byFirstPrefix
        prefixLengths = Set(byFirstPrefix.keys.map(\.count)).sorted()
        self.renderings = renderings
        targetMatcher = PhraseMatcher(phrases, ignoreCase: false)
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Glossary terms among a block's words, longest form first, not overlapping.
    func sourceMatches(_ words: [NameText.Word]) -> [SourceMatch] {
        guard !forms.isEmpty else { return [] }
        var found: [SourceMatch] = []
        var index = 0
        while index < words.count {
            let key = words[index].key
            var candidates = byFirstWord[key] ?? []
            for length in prefixLengths where length <= key.count {
                if let list = byFirstPrefix[Array(key.prefix(length))] { candidates += list }
            }
            var best: SourceMatch?
            for formIndex in candidates {
                let form = forms[formIndex]
                guard index + form.words.count <= words.count else { continue }
                var matches = true
                for (offset, part) in form.words.enumerated().dropFirst() {
                    let word = words[index + offset]
                    if !word.joinsPrevious { matches = false; break }
                    if part.wildcard ? !word.key.starts(with: part.key) : word.key != part.key { matches = false; break }
                }
                if matches, best == nil || form.words.count > best!.words.count {
                    best = SourceMatch(entry: form.entry, words: index..<(index + form.words.count))
                }
            }
            if let best {
                found.append(best)
                index = best.words.upperBound
            } else {
                index += 1
            }
        }
        return found
    }
}
