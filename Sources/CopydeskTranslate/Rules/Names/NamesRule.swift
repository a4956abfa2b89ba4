import CopydeskCore

/// Names of the original that the translation drops, misspells, or leaves in the source's letters.
///
/// A name is a capitalised word of the original that is not at a sentence start (or is, when it
/// recurs capitalised elsewhere, opens a run of capitalised words, or is an all-caps acronym),
/// that the story never writes in lowercase (so a capitalised `Κυβέρνηση` next to `κυβέρνηση` is
/// no name), is not in the language's `not-names` list (`StyleRules/translation/names/<lang>.yml`:
/// function words, months, days, titles) and is not a glossary term (those are
/// `translation.glossary`'s). Its case ending is dropped by the language's `endings` list
/// (`Μητσοτάκη` → `Μητσοτάκ`, `Путиным` → `Путин`), the rest is transliterated with the profile's
/// ICU scheme, and the translation's words are compared on a loose key that lets the usual
/// English variants meet (`Zelenskiy`/`Zelensky`, `Giannis`/`Yannis`, `Dmitriy`/`Dmitry`).
///
/// Reported: (1) a name of which no word occurs anywhere in the translation, spelt exactly,
/// loosely or nearly — an empty range at the start of the paragraph aligned with its first
/// mention; (2) in the aligned paragraph, a word a small edit away from a person's name
/// (`Mitsotakes` for `Μητσοτάκης`), with the desk's spelling as suggestion — only for names
/// seen as a person (first name and surname, or after a title such as `κ.`) and, where the
/// language lists `native-endings`, only for names with a native ending, because foreign
/// names come back from Greek or Russian spelt their own way (`Τραμπ` is `Trump`, not `Tramp`);
/// (3) one to three capitalised words left in the source's letters inside an English paragraph
/// (`Μητσοτάκης`), with the transliteration as suggestion. Longer runs, runs with a lowercase
/// word, and paragraphs mostly in the source's script are `translation.untranslated`'s; a form
/// in brackets after its English one (`Moscow (Москва)`) is a convention, not reported.
struct NamesRule: TranslationRule {
    static let description = TranslationRuleDescription(
        id: "translation.names",
        summary: "a name of the original missing from the translation, misspelt, or left in the original's letters",
        severity: .warning,
        triggering: [
            TranslationExample("el", "Ο πρωθυπουργός Κυριάκος Μητσοτάκης συναντήθηκε με τον Αλέξη Τσίπρα.",
                               "en", "↓The prime minister met Alexis Tsipras."),
            TranslationExample("el", "Ο πρωθυπουργός Κυριάκος Μητσοτάκης μίλησε στη Βουλή.",
                               "en", "Prime Minister Kyriakos ↓Mitsotakes addressed Parliament."),
            TranslationExample("ru", "Об этом заявил пресс-секретарь президента Дмитрий Песков.",
                               "en", "This was stated by presidential spokesman Dmitry ↓Peskow."),
            TranslationExample("el", "Ο υπουργός Άμυνας Νίκος Δένδιας επισκέφθηκε τη Λήμνο.",
                               "en", "Defence Minister ↓Νίκος Δένδιας visited Limnos."),
            TranslationExample("fr", "Le ministre Bruno Le Maire a reçu Christine Lagarde à Bercy.",
                               "en", "↓The minister received the head of the central bank at Bercy."),
        ],
        nonTriggering: [
            TranslationExample("el", "Ο πρωθυπουργός Κυριάκος Μητσοτάκης συναντήθηκε με τον Αλέξη Τσίπρα τη Δευτέρα.",
                               "en", "Prime Minister Kyriakos Mitsotakis met Alexis Tsipras on Monday."),
            TranslationExample("ru", "Путин провел переговоры с Си Цзиньпином. Путина встретил Лавров.",
                               "en", "Putin held talks with Xi Jinping. Putin was met by Lavrov."),
            TranslationExample("ru", "Об этом заявила официальный представитель МИД Мария Захарова.",
                               "en", "Foreign Ministry spokeswoman Maria Zakharova said so."),
            TranslationExample("el", "Ο Ντόρα Μπακογιάννη και ο Γιάννης Βαρουφάκης μίλησαν.",
                               "en", "Dora Bakoyannis and Yanis Varoufakis spoke."),
            TranslationExample("fr", "Le président Emmanuel Macron a reçu Olaf Scholz à l'Élysée.",
                               "en", "President Emmanuel Macron received Olaf Scholz at the Elysee Palace."),
        ])

    let transliterate: LazyTransliterator
    let data: NameLanguageData
    let glossary: GlossaryIndex
    let sourceScript: NameText.Script?
    let nativeEndings: [[UInt8]]

    init(profile: TranslationProfile) throws {
        transliterate = LazyTransliterator(id: profile.transliteration)
        data = try NameLanguageData.load(for: profile)
        nativeEndings = data.nativeEndings
        glossary = GlossaryIndex(profile.glossary)
        sourceScript = Self.script(of: profile.sourceLanguage)
    }

    /// The script a language writes in when it is not Latin (`el` → Greek, `ru`/`uk`/`bg` → Cyrillic).
    static func script(of language: String?) -> NameText.Script? {
        switch language.map(TranslationProfileLoader.primary) {
        case "el": .greek
        case "ru", "uk", "bg", "sr", "mk", "be": .cyrillic
        default: nil
        }
    }

    /// Share of a block's letters in a script.
    static func share(of script: NameText.Script, in bytes: [UInt8]) -> Double {
        var inScript = 0, letters = 0
        var index = 0
        while index < bytes.count {
            guard let (scalar, width) = NameText.scalar(bytes, index) else { index += 1; continue }
            if NameText.isLetter(scalar) {
                letters += 1
                if NameText.script(of: scalar.value) == script { inScript += 1 }
            }
            index += width
        }
        return letters == 0 ? 0 : Double(inScript) / Double(letters)
    }

    /// One word of a name in the original, with the spellings the translation may use.
    struct NameWord {
        var key: [UInt8]
        var stem: [UInt8]
        /// The word as written, transliterated (plain letters).
        var full: [UInt8]
        var isAcronym: Bool
        var letters: Int
        /// Transliterated forms (plain letters): the word, its stem with each Latin ending, and
        /// the other forms of the stem in the story; the first is the best suggestion.
        var spellings: [[UInt8]]
        var loose: Set<[UInt8]>
    }

    struct Name {
        var block: Int
        var range: Range<Int>
        var words: [NameWord]
        var display: String
        /// After a title abbreviation (`κ.`, `г-н`, `M.`): a person.
        var titled: Bool
    }

    struct TargetWord {
        var block: Int
        var range: Range<Int>
        var plain: [UInt8]
        var loose: [UInt8]
        var isCapitalized: Bool
    }

    func check(_ document: TranslationDocument, _ report: inout RuleReport) {
        let names = sourceNames(document)
        var targetWords: [TargetWord] = []
        var targetLoose: Set<[UInt8]> = []
        var untranslatedStems: Set<[UInt8]> = []
        for block in document.target {
            for word in NameText.words(block.bytes, abbreviations: data.abbreviations) where word.letters >= 2 {
                if let sourceScript, word.script == sourceScript {
                    untranslatedStems.insert(data.stem(word.key))
                    continue
                }
                let plain = NameText.plain(String(decoding: block.bytes[word.range], as: UTF8.self))
                let loose = NameText.loose(plain)
                targetWords.append(TargetWord(block: block.index, range: word.range, plain: plain, loose: loose, isCapitalized: word.isCapitalized))
                targetLoose.insert(loose)
            }
        }
        let allLoose = names.reduce(into: Set<[UInt8]>()) { $0.formUnion($1.words.flatMap(\.loose)) }
        var pairOf: [Int: AlignedPair] = [:]
        for pair in document.pairs { for block in pair.source { pairOf[block] = pair } }

        // (1) Names the translation never gives: one finding per translated paragraph.
        var reported: Set<[UInt8]> = []
        // Names (as their words) already found in the translation: a name repeated through the
        // story is looked for once.
        var given: Set<[[UInt8]]> = []
        var missing: [(block: Int, names: [Name])] = []
        for name in names {
            guard let pair = pairOf[name.block], let first = pair.target.first, let identity = name.words.last?.stem,
                  !reported.contains(identity) else { continue }
            // Names of three letters or fewer (`Ван`, `Ли`, `Си`: Chinese and Korean names as
            // Russian or Greek spell them) come out of transliteration too differently to check.
            if name.words.allSatisfy({ $0.letters <= 3 && !$0.isAcronym }) { continue }
            // An empty translation is translation.untranslated's finding, not a list of names.
            if pair.target.allSatisfy({ document.target[$0].bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 } }) { continue }
            let wordKeys = name.words.map(\.key)
            if given.contains(wordKeys) { continue }
            let found = name.words.contains { word in
                if !word.loose.isDisjoint(with: targetLoose) || untranslatedStems.contains(word.stem) { return true }
                if word.isAcronym { return false }
                // Nearly the same spelling counts as given (`Ouzmpekistan` for Uzbekistan); short
                // words must match exactly, or `Pen` would be found in any three-letter word.
                return word.letters >= 5 && targetWords.contains { target in
                    target.isCapitalized && word.spellings.contains { spelling in
                        let key = NameText.loose(spelling)
                        let limit = NameText.tolerance(key.count) - 1
                        return NameText.distance(target.loose, key, limit: limit) <= limit
                    }
                }
            }
            if found { given.insert(wordKeys); continue }
            reported.insert(identity)
            if let index = missing.firstIndex(where: { $0.block == first }) { missing[index].names.append(name) } else { missing.append((first, [name])) }
        }
        for (block, dropped) in missing {
            let described = dropped.map { name in
                // Latin-script originals keep the name as written (`Marine Le Pen`).
                let spelt = transliterate.id == nil ? name.display
                    : name.words.map { $0.isAcronym ? String(decoding: $0.full, as: UTF8.self).uppercased() : NameText.capitalized($0.full) }
                        .joined(separator: " ")
                return "\(name.display) (\(spelt), \(document.sourceLocation(of: name.block)))"
            }
            let list = described.count == 1 ? described[0] : described.dropLast().joined(separator: ", ") + " and " + described.last!
            report.add(block: block, range: 0..<0,
                       "the original names \(list); the translation does not — add \(dropped.count == 1 ? "it" : "them") or check the paragraph",
                       suggestion: nil)
        }

        // (2) A person's name spelt a little differently from the desk's scheme.
        var flagged: Set<[Int]> = []
        let people = personStems(names)
        var wordsOfBlock: [Int: [Int]] = [:]
        for (index, target) in targetWords.enumerated() where target.isCapitalized && !allLoose.contains(target.loose) {
            wordsOfBlock[target.block, default: []].append(index)
        }
        // Each word of the original checked once against each pair's translation (the first
        // appearance gives the message), however often the name recurs.
        var compared: Set<[[UInt8]]> = []
        for name in names {
            guard let pair = pairOf[name.block] else { continue }
            let pairKey = pair.target.map { [UInt8](String($0).utf8) }
            for word in name.words where !word.isAcronym && word.letters >= 5 && people.contains(word.stem) && isNative(word) {
                guard compared.insert(pairKey + [word.key]).inserted else { continue }
                for target in pair.target.flatMap({ wordsOfBlock[$0] ?? [] }).map({ targetWords[$0] }) {
                    guard target.loose.first == NameText.loose(word.full).first else { continue }
                    var best: (spelling: [UInt8], distance: Int)?
                    for spelling in word.spellings {
                        let key = NameText.loose(spelling)
                        let limit = max(1, NameText.tolerance(key.count) - 1)
                        let distance = NameText.distance(target.loose, key, limit: limit)
                        guard distance <= limit else { continue }
                        let exact = NameText.distance(target.plain, spelling, limit: 8)
                        if best == nil || exact < best!.distance { best = (spelling, exact) }
                    }
                    guard let best, flagged.insert([target.block, target.range.lowerBound]).inserted else { continue }
                    let used = String(decoding: document.target[target.block].bytes[target.range], as: UTF8.self)
                    let expected = NameText.capitalized(best.spelling)
                    report.add(block: target.block, range: target.range,
                               "the original has \(name.display) (\(document.sourceLocation(of: name.block))), \(expected) in the desk's spelling; the translation has \(used)",
                               suggestion: expected)
                }
            }
        }

        // (3) Names left in the original's letters.
        if let sourceScript {
            for block in document.target where Self.share(of: sourceScript, in: block.bytes) <= 0.5 {
                untranslated(block, script: sourceScript, &report)
            }
        }
    }

    private func isNative(_ word: NameWord) -> Bool {
        guard !nativeEndings.isEmpty else { return true }
        return nativeEndings.contains { word.key.count > $0.count && word.key.suffix($0.count).elementsEqual($0) }
    }

    /// Stems seen as a person's: in a run of two or more capitalised words, or after a title.
    private func personStems(_ names: [Name]) -> Set<[UInt8]> {
        var stems: Set<[UInt8]> = []
        for name in names {
            let words = name.words.filter { !$0.isAcronym }
            if words.count >= 2 || name.titled { for word in words { stems.insert(word.stem) } }
        }
        return stems
    }

    /// The original's names, in reading order.
    func sourceNames(_ document: TranslationDocument) -> [Name] {
        let blocks = document.source.map { NameText.words($0.bytes, abbreviations: data.abbreviations) }
        // What the story writes in lowercase, and capitalised away from a sentence start.
        var lowercase: Set<[UInt8]> = [], capitalizedStems: Set<[UInt8]> = []
        for words in blocks {
            for word in words where word.letters >= 2 {
                if !word.isCapitalized { lowercase.insert(word.key) } else if !word.isInitial { capitalizedStems.insert(data.stem(word.key)) }
            }
        }
        var transliterations: [[UInt8]: [UInt8]] = [:]
        func latin(_ key: [UInt8]) -> [UInt8] {
            if let known = transliterations[key] { return known }
            let plain = NameText.plain(transliterate(String(decoding: key, as: UTF8.self)))
            transliterations[key] = plain
            return plain
        }
        var names: [Name] = []
        // The Latin forms of each stem met in the story, each once, in order (a name repeated
        // thousands of times adds nothing after its first appearance).
        var formsOfStem: [[UInt8]: [[UInt8]]] = [:]
        var formSeen: [[UInt8]: Set<[UInt8]>] = [:]
        for (blockIndex, words) in blocks.enumerated() {
            let bytes = document.source[blockIndex].bytes
            // A headline or line set in capitals says nothing about names.
            if words.count >= 3, words.filter(\.isAllCaps).count * 2 > words.count { continue }
            var covered = Set<Int>()
            for match in glossary.sourceMatches(words) { covered.formUnion(match.words) }
            // An institution's name opens with a common noun (`Ένωση Λιμενεργατών`, "Dockworkers'
            // Union"): it is translated, not transliterated, so its capitalised run is not checked.
            var head = 0
            while head < words.count {
                guard words[head].isCapitalized, data.institutionHeads.contains(words[head].key) else { head += 1; continue }
                var end = head + 1
                while end < words.count, words[end].joinsPrevious,
                      words[end].isCapitalized || (words[end].letters <= 3 && end + 1 < words.count && words[end + 1].isCapitalized && words[end + 1].joinsPrevious) {
                    end += 1
                }
                covered.formUnion(head..<end)
                head = end
            }
            func eligible(_ i: Int) -> Bool {
                let word = words[i]
                // Acronyms are translated as often as kept (ПВО → air defense, ΑΕΠ → GDP): the
                // glossary pins those the desk cares about.
                guard word.isCapitalized, word.letters >= 2, !word.isAllCaps, !covered.contains(i), !data.notNames.contains(word.key) else { return false }
                return !lowercase.contains(word.key)
            }
            var isName = [Bool](repeating: false, count: words.count)
            for i in words.indices where eligible(i) {
                let word = words[i]
                isName[i] = !word.isInitial || capitalizedStems.contains(data.stem(word.key))
            }
            // A capital at a sentence start that opens a run of names belongs to it (`Владимир Путин`).
            for i in words.indices.reversed() where !isName[i] && eligible(i) && i + 1 < words.count
                && isName[i + 1] && words[i + 1].joinsPrevious && !words[i + 1].isAllCaps {
                isName[i] = true
            }
            // Short words between two names join them (`Bruno Le Maire`, `Charles de Gaulle`,
            // `Ursula von der Leyen`) but are not compared themselves.
            var isParticle = [Bool](repeating: false, count: words.count)
            for i in words.indices where !isName[i] && i > 0 && isName[i - 1] && !words[i - 1].isAllCaps && words[i].letters <= 3
                && !words[i].isAllCaps && words[i].joinsPrevious {
                var next = i + 1
                while next < words.count, !isName[next], words[next].letters <= 3, words[next].joinsPrevious, next - i < 2 { next += 1 }
                if next < words.count, isName[next], words[next].joinsPrevious, !words[next].isAllCaps {
                    for k in i..<next { isParticle[k] = true }
                }
            }
            var i = 0
            while i < words.count {
                guard isName[i] else { i += 1; continue }
                var end = i + 1
                while end < words.count, isName[end] || isParticle[end], words[end].joinsPrevious, words[end].isAllCaps == words[i].isAllCaps { end += 1 }
                // A first name next to a surname the glossary pins (`Ρετζέπ Ταγίπ Ερντογάν`) is
                // part of that entry: the glossary check has it.
                if end < words.count, covered.contains(end), words[end].joinsPrevious, words[end].isCapitalized, !words[end].isAllCaps {
                    i = end
                    continue
                }
                var nameWords: [NameWord] = []
                for (offset, word) in words[i..<end].enumerated() where !isParticle[i + offset] {
                    let stem = word.isAllCaps ? word.key : data.stem(word.key)
                    let full = latin(word.key)
                    // The stem with the language's Latin endings first (the first ending is the
                    // usual nominative, so `Mitsotakis` leads for `Μητσοτάκη`), then the word itself.
                    var spellings: [[UInt8]] = []
                    if !word.isAllCaps {
                        let stemLatin = latin(stem)
                        for ending in data.latinEndings.dropFirst() { spellings.append(stemLatin + ending) }
                        spellings.append(stemLatin)
                    }
                    if !spellings.contains(full) { spellings.append(full) }
                    if formSeen[stem, default: []].insert(full).inserted { formsOfStem[stem, default: []].append(full) }
                    nameWords.append(NameWord(key: word.key, stem: stem, full: full, isAcronym: word.isAllCaps, letters: word.letters,
                                              spellings: spellings, loose: []))
                }
                let range = words[i].range.lowerBound..<words[end - 1].range.upperBound
                names.append(Name(block: blockIndex, range: range, words: nameWords, display: String(decoding: bytes[range], as: UTF8.self),
                                  titled: words[i].afterAbbreviation))
                i = end
            }
        }
        // Every form of a stem in the story is a spelling of each.
        for n in names.indices {
            for w in names[n].words.indices {
                var word = names[n].words[w]
                for form in formsOfStem[word.stem] ?? [] where !word.spellings.contains(form) { word.spellings.append(form) }
                word.loose = Set(word.spellings.map(NameText.loose))
                names[n].words[w] = word
            }
        }
        return names
    }

    /// One to three capitalised words in the original's letters inside a translated paragraph.
    private func untranslated(_ block: TranslationDocument.Block, script: NameText.Script, _ report: inout RuleReport) {
        let words = NameText.words(block.bytes, abbreviations: data.abbreviations)
        let bytes = block.bytes
        var i = 0
        while i < words.count {
            guard words[i].script == script else { i += 1; continue }
            var end = i + 1
            while end < words.count, words[end].script == script || (words[end].letters == 0 && words[end].joinsPrevious) { end += 1 }
            let run = words[i..<end].filter { $0.letters > 0 }
            defer { i = end }
            guard run.count <= 3, run.allSatisfy({ $0.isCapitalized }) else { continue }
            let range = words[i].range.lowerBound..<words[end - 1].range.upperBound
            // `Moscow (Москва)`: the original's form in brackets after the English one.
            var before = range.lowerBound - 1
            while before >= 0, bytes[before] == 0x20 { before -= 1 }
            if before >= 0, bytes[before] == UInt8(ascii: "("), range.upperBound < bytes.count, bytes[range.upperBound] == UInt8(ascii: ")") { continue }
            let text = String(decoding: bytes[range], as: UTF8.self)
            let runWords = NameText.words(Array(text.utf8))
            let suggestion: String
            if let match = glossary.sourceMatches(runWords).first, match.words == 0..<runWords.count {
                suggestion = glossary.entries[match.entry].target[0]
            } else {
                suggestion = run.map { NameText.capitalized(NameText.plain(transliterate(String(decoding: $0.key, as: UTF8.self)))) }.joined(separator: " ")
            }
            let scriptName = script == .greek ? "Greek" : "Cyrillic"
            report.add(block: block.index, range: range,
                       "\(text) is left in \(scriptName) letters; write it in Latin letters (\(suggestion))", suggestion: suggestion)
        }
    }
}
