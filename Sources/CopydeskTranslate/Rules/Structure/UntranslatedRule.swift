import CopydeskCore

/// `translation.untranslated`: text the translator did not translate —
/// - a translation with no text, or a unit whose target is empty (XLIFF);
/// - a paragraph identical to a paragraph of the original (paragraphs of names and numbers
///   only, such as a results line, are the same in any language and are left alone);
/// - a paragraph mostly in the original's script (Greek or Cyrillic letters in English copy);
/// - inside a translated paragraph, a stretch of the original's script: three words or more, or
///   two with a lower-case word among them (a lone word or a run of capitalised words is a name
///   left in the original spelling, which `translation.names` reports);
/// - between two languages in Latin script (French → English), a paragraph whose function words
///   are the original's language's rather than the translation's.
struct UntranslatedRule: TranslationRule {
    static let description = TranslationRuleDescription(
        id: "translation.untranslated",
        summary: "text left untranslated: an empty translation, a paragraph the same as the original or still in its script or language",
        severity: .error,
        triggering: [
            TranslationExample("el", """
                Σεισμός στην Κρήτη

                Σεισμός 5,2 Ρίχτερ σημειώθηκε τα ξημερώματα της Τρίτης νότια της Κρήτης, χωρίς να προκαλέσει ζημιές.

                Ο σεισμολόγος Ευθύμιος Λέκκας δήλωσε ότι δεν υπάρχει λόγος ανησυχίας.
                """, "en", """
                Earthquake off Crete

                A 5.2-magnitude earthquake struck south of Crete early on Tuesday, causing no damage.

                ↓Ο σεισμολόγος Ευθύμιος Λέκκας δήλωσε ότι δεν υπάρχει λόγος ανησυχίας.
                """),
            TranslationExample("ru", """
                В Москве выпал рекордный снег: за сутки высота снежного покрова увеличилась на 20 сантиметров, сообщили синоптики.

                Мэр Сергей Собянин призвал жителей пересесть на общественный транспорт.
                """, "en", """
                Moscow has had record snowfall, with the snow cover rising by 20 centimetres in 24 hours, forecasters said.

                Mayor Sergei Sobyanin urged residents to switch to public transport ↓как можно скорее.
                """),
            TranslationExample("fr", """
                Le Premier ministre a annoncé une hausse de 5 % du salaire minimum à partir du 1er janvier.

                Les syndicats ont jugé cette mesure insuffisante face à l'inflation et appellent à manifester le 12 décembre dans toute la France.
                """, "en", """
                The prime minister announced a 5% rise in the minimum wage from January 1.

                ↓Les syndicats ont jugé cette mesure insuffisante face à l'inflation et appellent à manifester le 12 décembre dans toute la France.
                """),
        ],
        nonTriggering: [
            TranslationExample("el", """
                Σεισμός στην Κρήτη

                Σεισμός 5,2 Ρίχτερ σημειώθηκε τα ξημερώματα της Τρίτης νότια της Κρήτης, χωρίς να προκαλέσει ζημιές.

                Ο σεισμολόγος Ευθύμιος Λέκκας δήλωσε ότι δεν υπάρχει λόγος ανησυχίας.
                """, "en", """
                Earthquake off Crete

                A 5.2-magnitude earthquake struck south of Crete early on Tuesday, causing no damage.

                Seismologist Efthymios Lekkas said there was no cause for concern.
                """),
            TranslationExample("fr", """
                Ligue 1, 12e journée

                Paris SG - Olympique de Marseille 2-1

                Le PSG a conservé la tête du championnat dimanche soir au Parc des Princes.
                """, "en", """
                French league, round 12

                Paris SG - Olympique de Marseille 2-1

                PSG kept top spot in the league on Sunday night at the Parc des Princes.
                """),
            TranslationExample("ru", """
                Песков заявил, что Кремль не комментирует публикации в западных СМИ.
                """, "en", """
                Peskov said the Kremlin did not comment on reports in the Western media, including the weekly Kommersant-Vlast (Коммерсантъ-Власть).
                """),
        ])

    init(profile: TranslationProfile) throws {}

    enum Script: Equatable { case latin, greek, cyrillic, other }

    static func script(of scalar: Unicode.Scalar) -> Script? {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: guard scalar.value != 0xD7, scalar.value != 0xF7 else { return nil }; return .latin
        case 0x0370...0x03FF, 0x1F00...0x1FFF: return scalar.properties.isAlphabetic ? .greek : nil
        case 0x0400...0x052F: return scalar.properties.isAlphabetic ? .cyrillic : nil
        default: return scalar.properties.isAlphabetic ? .other : nil
        }
    }

    static func name(of script: Script) -> String {
        switch script {
        case .latin: "Latin"
        case .greek: "Greek"
        case .cyrillic: "Cyrillic"
        case .other: "another"
        }
    }

    /// The script most letters of the blocks are in.
    static func dominantScript(_ blocks: [TranslationDocument.Block]) -> Script? {
        var counts: [Script: Int] = [:]
        for block in blocks {
            for scalar in block.text.unicodeScalars { if let script = script(of: scalar) { counts[script, default: 0] += 1 } }
        }
        return counts.max { $0.value < $1.value }?.key
    }

    struct Word {
        var range: Range<Int>
        /// Letters (scalars), not bytes: Greek and Cyrillic letters take two bytes each.
        var letters: Int
        var script: Script
        var lowercase: Bool
    }

    static func words(_ bytes: [UInt8]) -> [Word] {
        var words: [Word] = []
        var index = 0
        while index < bytes.count {
            let (scalar, width) = Anchors.decode(bytes, index)
            guard let script = script(of: scalar) else { index += width; continue }
            let start = index
            let lowercase = !Anchors.isUpperScalar(scalar)
            var letters = 1
            index += width
            while index < bytes.count {
                let (next, w) = Anchors.decode(bytes, index)
                guard self.script(of: next) != nil || next == "'" || next == "\u{2019}" || next == "-" else { break }
                letters += 1
                index += w
            }
            words.append(Word(range: start..<index, letters: letters, script: script, lowercase: lowercase))
        }
        return words
    }

    func check(_ document: TranslationDocument, _ report: inout RuleReport) {
        if document.target.allSatisfy({ AdditionRule.trimmed($0.bytes).isEmpty }) {
            if document.source.contains(where: { !AdditionRule.trimmed($0.bytes).isEmpty }) {
                report.add(block: 0, range: 0..<0, "the translation is empty; the original (\(document.sourceFile.path)) has \(document.source.count) paragraphs")
            }
            return
        }
        let sourceScript = Self.dominantScript(document.source)
        let targetScript = Self.script(ofLanguage: document.targetLanguage) ?? Self.dominantScript(document.target)
        var sourceTexts: Set<String> = []
        for block in document.source { sourceTexts.insert(Self.flattened(block.text)) }
        let sameLanguage = document.sourceLanguage.map(TranslationProfileLoader.primary) == document.targetLanguage.map(TranslationProfileLoader.primary)
            && document.sourceLanguage != nil
        for pair in document.pairs {
            for t in pair.target {
                let block = document.target[t]
                let range = AdditionRule.trimmed(block.bytes)
                if range.isEmpty {
                    if let s = pair.source.first(where: { !AdditionRule.trimmed(document.source[$0].bytes).isEmpty }) {
                        report.add(block: t, range: 0..<0,
                                   "no translation for \"\(Excerpt.of(Substring(document.source[s].text)))\" (\(document.sourceLocation(of: s)))")
                    }
                    continue
                }
                let words = Self.words(block.bytes)
                if !sameLanguage, sourceTexts.contains(Self.flattened(block.text)), words.filter(\.lowercase).count >= 3 {
                    report.add(block: t, range: range, "this paragraph is the same as the original: \"\(Excerpt.of(block.bytes, range))\"; translate it")
                    continue
                }
                guard let sourceScript, let targetScript else { continue }
                if sourceScript != targetScript {
                    checkScript(words, block: t, range: range, sourceScript, &report)
                } else if !sameLanguage {
                    checkLanguage(words, block, range: range, document, &report)
                }
            }
        }
    }

    /// Greek or Cyrillic in English copy: the whole paragraph, or stretches of it.
    private func checkScript(_ words: [Word], block: Int, range: Range<Int>, _ sourceScript: Script, _ report: inout RuleReport) {
        let inSource = words.filter { $0.script == sourceScript }
        guard !inSource.isEmpty else { return }
        let letters = { (list: [Word]) in list.reduce(0) { $0 + $1.letters } }
        let name = Self.name(of: sourceScript)
        if letters(inSource) * 2 > letters(words) {
            report.add(block: block, range: range, "this paragraph is still in \(name) script; translate it")
            return
        }
        var run: [Word] = []
        func flush() {
            defer { run = [] }
            guard run.count >= 3 || (run.count == 2 && run.contains(where: \.lowercase)) else { return }
            report.add(block: block, range: run[0].range.lowerBound..<run[run.count - 1].range.upperBound,
                       "\(run.count) words in \(name) script left in the translation; translate them")
        }
        for word in words {
            if word.script == sourceScript { run.append(word) } else { flush() }
        }
        flush()
    }

    /// A paragraph in French (or German…) in English copy, by function words.
    private func checkLanguage(_ words: [Word], _ block: TranslationDocument.Block, range: Range<Int>, _ document: TranslationDocument,
                               _ report: inout RuleReport) {
        guard words.count >= 8,
              let source = document.sourceLanguage.map(TranslationProfileLoader.primary),
              let target = document.targetLanguage.map(TranslationProfileLoader.primary),
              let sourceWords = ScriptGuess.functionWords.first(where: { $0.language == source })?.words,
              let targetWords = ScriptGuess.functionWords.first(where: { $0.language == target })?.words else { return }
        var inSource = 0, inTarget = 0
        for word in words {
            let text = String(decoding: block.bytes[word.range], as: UTF8.self).lowercased()
            if sourceWords.contains(text) { inSource += 1 }
            if targetWords.contains(text) { inTarget += 1 }
        }
        if inSource >= 4, inSource >= 3 * max(1, inTarget) {
            report.add(block: block.index, range: range,
                       "this paragraph reads as \(Self.languageName(source)), not \(Self.languageName(target)) (\(inSource) \(Self.languageName(source)) function words); translate it")
        }
    }

    static func script(ofLanguage language: String?) -> Script? {
        switch language.map(TranslationProfileLoader.primary) {
        case "el": .greek
        case "ru", "uk", "bg", "be", "mk", "kk": .cyrillic
        case "en", "fr", "de", "es", "it", "pt", "nl", "pl", "tr", "ro", "cs", "sv", "da", "no", "nb", "fi", "hu", "hr", "sl", "sk": .latin
        default: nil
        }
    }

    static func languageName(_ code: String) -> String {
        ["en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian"][code] ?? code
    }

    /// Whitespace runs as one space, trimmed.
    static func flattened(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
