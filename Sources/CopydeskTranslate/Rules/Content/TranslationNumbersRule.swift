import CopydeskCore

/// `translation.numbers`: the numbers of an original and its translation agree, read the way
/// each language writes them.
///
/// The original's figures are read with its language's conventions (Greek, French, German,
/// Russian, Italian, Spanish: decimal comma, grouping with a dot or a space, so "1.200,5" is
/// 1,200.5) and the translation's with its own, and the two are compared as values, pair by
/// aligned pair. What a translation legitimately changes is accepted: spelled-out numbers ("δύο",
/// "deux" ↔ "2", "two"; AP spells out one to nine and numbers that start a sentence), scale words
/// ("1,5 δισ." = "1.5 billion" = "1,500 million"), percent signs and words, currency signs and
/// words, dates with month names from ICU ("15 Σεπτεμβρίου" = "Sept. 15", "15-16 сентября" =
/// "Sept. 15-16", "15/9"), ordinals ("15ης", "15-го", "15th") and clock times ("12h30" =
/// "12:30", "12.30 μ.μ." = "12:30 p.m.").
///
/// Reported, at the figure in the translation: a number of the original that the translation
/// gives differently ("the original has 10,8 (= 10.8); the translation has 11.8"), one it leaves
/// out (an empty range at the start of the paragraph) or one the translation adds, and a figure
/// copied in the original's format ("1.200" for 1,200; "3,5%" for 3.5%), with a fix since the
/// original confirms the value. This rule owns decimal commas and dot grouping:
/// `translation.punctuation` leaves digits alone, so each is reported once.
///
/// Precision: figures glued to a name are IDs and ignored (`G20`, `A320`, `COVID-19`, `F-16`);
/// a year the translation leaves out is not reported (AP drops the current year), only a year
/// that changed; spelled-out numbers never cause a finding, they only account for figures on the
/// other side. When the aligner is unsure of a pair (confidence below `numbers.min-confidence`,
/// default 0.1) only figures in the wrong format are reported.
struct TranslationNumbersRule: TranslationRule {
    static let description = TranslationRuleDescription(
        id: "translation.numbers",
        summary: "a number of the original missing, changed or added in the translation, or written in the original's format",
        severity: .warning,
        triggering: [
            TranslationExample("el", "Η ανεργία υποχώρησε στο 10,8% τον Αύγουστο, από 12,3% τον Ιούλιο, σύμφωνα με την ΕΛΣΤΑΤ.",
                               "en", "Unemployment fell to ↓11.8% in August from 12.3% in July, the statistics agency ELSTAT said."),
            TranslationExample("el", "Οι εξαγωγές ελαιολάδου έφτασαν τους 1.200 τόνους το πρώτο τρίμηνο.",
                               "en", "Olive oil exports reached ↓1.200 tonnes in the first quarter."),
            TranslationExample("fr", "Le sommet réunira 15 chefs d'État les 15 et 16 septembre à Samarcande.",
                               "en", "↓The summit will bring together heads of state on Sept. 15 and 16 in Samarkand."),
            TranslationExample("ru", "Саммит ШОС пройдет 15 сентября в Самарканде, сообщил посол.",
                               "en", "The SCO summit will be held on ↓Oct. 15 in Samarkand, the ambassador said."),
            TranslationExample("fr", "L'inflation a atteint 5,8 % sur un an en août, selon l'Insee.",
                               "en", "Inflation reached ↓5,8% year on year in August, according to INSEE."),
            TranslationExample("el", "Στην εκδήλωση συμμετείχαν 350 άτομα.",
                               "en", "Some ↓530 people took part in the event."),
        ],
        nonTriggering: [
            TranslationExample("el", "Το έλλειμμα έφτασε τα 1,5 δισ. ευρώ, ή 3,5% του ΑΕΠ, το 2022, ενώ το χρέος ξεπέρασε τα 350 δισεκατομμύρια.",
                               "en", "The deficit reached 1,500 million euros, or 3.5 percent of GDP, in 2022, while the debt topped 350 billion."),
            TranslationExample("el", "Δύο άνθρωποι τραυματίστηκαν ελαφρά στις 12.30 μ.μ. της 15ης Σεπτεμβρίου 2022 στην Πάτρα.",
                               "en", "Two people were slightly injured at 12:30 p.m. on Sept. 15 in Patras."),
            TranslationExample("fr", "Le sommet de l'OCS aura lieu les 15 et 16 septembre à 12h30, avec 1 200,5 tonnes d'aide et 20 F-16.",
                               "en", "The SCO summit will be held on Sept. 15 and 16 at 12:30, with 1,200.5 tonnes of aid and 20 F-16s."),
            TranslationExample("ru", "Ущерб составил 2,5 млрд рублей, сообщили в МЧС в 2022 г.; пострадали трое из 12 человек.",
                               "en", "The damage amounted to 2.5 billion rubles, the Emergencies Ministry said in 2022; three of the 12 people were hurt."),
            TranslationExample("el", "Η πανδημία COVID-19 και η σύνοδος της G20 κόστισαν 3 εκατ. ευρώ.",
                               "en", "The COVID-19 pandemic and the G20 summit cost €3m."),
        ])

    static let settings = ["numbers.min-confidence"]

    let languages: LanguageTable
    let readers: [String: NumberReader]
    let minConfidence: Double

    init(profile: TranslationProfile) throws {
        languages = try LanguageTable(profile: profile)
        readers = languages.languages.mapValues { NumberReader($0) }
        minConfidence = profile.double("numbers.min-confidence") ?? 0.1
    }

    func reader(_ tag: String?) -> NumberReader {
        let language = tag.map(TranslationProfileLoader.primary) ?? "en"
        return readers[language] ?? NumberReader(languages.data(language))
    }

    func check(_ document: TranslationDocument, _ report: inout RuleReport) {
        let sourceReader = reader(document.sourceLanguage), targetReader = reader(document.targetLanguage)
        let conventionsDiffer = sourceReader.data.decimalComma != targetReader.data.decimalComma
        for pair in document.pairs where !pair.source.isEmpty && !pair.target.isEmpty {
            let source = PairText(pair.source, of: document.source), target = PairText(pair.target, of: document.target)
            guard !source.isBlank, !target.isBlank else { continue }
            let sourceNumbers = sourceReader.read(source.bytes), targetNumbers = targetReader.read(target.bytes)
            guard !sourceNumbers.isEmpty || !targetNumbers.isEmpty else { continue }
            compare(sourceNumbers, targetNumbers, target: target, targetDecimalComma: targetReader.data.decimalComma,
                    conventionsDiffer: conventionsDiffer, sure: pair.confidence >= minConfidence,
                    where: document.sourceLocation(of: pair.source[0]), &report)
        }
    }

    /// Readings of a mention for matching; a date's day also reads as a plain number.
    private func readings(_ mention: NumberMention) -> [Quantity] {
        var values = mention.values
        if let day = mention.dayNumber { values.append(.number(ExactValue(Int64(day)))) }
        return values
    }

    /// 2: same first reading; 1: a reading in common (two dates must be the same date); 0: none.
    private func score(_ s: NumberMention, _ t: NumberMention) -> Int {
        if s.values.first == t.values.first { return 2 }
        if s.kind == .date, t.kind == .date { return 0 }
        let sv = readings(s), tv = readings(t)
        return sv.contains { tv.contains($0) } ? 1 : 0
    }

    private func compare(_ s: [NumberMention], _ t: [NumberMention], target: PairText, targetDecimalComma: Bool,
                         conventionsDiffer: Bool, sure: Bool, where location: String, _ report: inout RuleReport) {
        var sUsed = [Bool](repeating: false, count: s.count)
        var tUsed = [Bool](repeating: false, count: t.count)
        // Figures, dates and times first, so a word ("one") does not take a figure's match.
        let targetOrder = t.indices.filter { t[$0].kind != .words } + t.indices.filter { t[$0].kind == .words }
        let sourceOrder = s.indices.filter { s[$0].kind != .words } + s.indices.filter { s[$0].kind == .words }
        for wanted in [2, 1] {
            for ti in targetOrder where !tUsed[ti] {
                if let si = sourceOrder.first(where: { !sUsed[$0] && score(s[$0], t[ti]) >= wanted }) {
                    sUsed[si] = true
                    tUsed[ti] = true
                }
            }
        }
        // A figure that reads both ways and matches the original only the original's way:
        // "1.200" (1.2 in English) for the original's 1.200 (1,200).
        if conventionsDiffer {
            for ti in t.indices where !tUsed[ti] && t[ti].kind == .figure {
                guard let other = t[ti].otherReading,
                      let si = sourceOrder.first(where: { !sUsed[$0] && readings(s[$0]).contains(other) }) else { continue }
                sUsed[si] = true
                tUsed[ti] = true
                if case .number(let value) = other {
                    formatFinding(t[ti], value, source: s[si], target: target, targetDecimalComma: targetDecimalComma, &report)
                }
            }
        }
        // Figures written in the other convention that the original confirms (or that cannot be
        // read any other way): "3,5%" in English.
        for ti in t.indices where tUsed[ti] && t[ti].foreignFormat && conventionsDiffer {
            if let value = t[ti].figureValue {
                formatFinding(t[ti], value, source: nil, target: target, targetDecimalComma: targetDecimalComma, &report)
            }
        }
        for ti in t.indices where !tUsed[ti] && t[ti].foreignFormat && conventionsDiffer {
            if let value = t[ti].figureValue {
                formatFinding(t[ti], value, source: nil, target: target, targetDecimalComma: targetDecimalComma, &report)
                tUsed[ti] = true
            }
        }
        guard sure else { return }

        // What is left: numbers changed, left out or added. Years count only when one changed.
        let missing = s.indices.filter { !sUsed[$0] && s[$0].kind != .words }
        let added = t.indices.filter { !tUsed[$0] && t[$0].kind != .words }
        let missingYears = missing.filter { s[$0].isYear }, addedYears = added.filter { t[$0].isYear }
        var sLeft = missing.filter { !s[$0].isYear }, tLeft = added.filter { !t[$0].isYear }
        if !missingYears.isEmpty, !addedYears.isEmpty {
            sLeft += missingYears
            tLeft += addedYears
        }
        sLeft.sort()
        tLeft.sort()
        for (si, ti) in zip(sLeft, tLeft) {
            let place = target.locate(t[ti].range)
            report.add(block: place.block, range: place.range,
                       "the original (\(location)) has \(describe(s[si])); the translation has \(t[ti].text): check the figure")
        }
        if sLeft.count > tLeft.count {
            for si in sLeft.dropFirst(tLeft.count) {
                let place = target.start
                report.add(block: place.block, range: place.range,
                           "the original (\(location)) has \(describe(s[si])); not in the translation")
            }
        } else if tLeft.count > sLeft.count {
            for ti in tLeft.dropFirst(sLeft.count) {
                let place = target.locate(t[ti].range)
                report.add(block: place.block, range: place.range,
                           "the translation has \(t[ti].text); not in the original (\(location))")
            }
        }
    }

    /// "1,200.5" for "1.200,5"; the value in words for large scaled figures.
    private func describe(_ mention: NumberMention) -> String {
        var plain: String
        switch mention.values.first {
        case .number(let value)?:
            let hasScale = mention.figure.map { $0 != mention.range } ?? false
            plain = hasScale ? value.spoken : value.english
        case .date(let day, let month)?:
            plain = "\(Self.apMonths[month - 1]) \(day)"
        case .time(let minutes)?:
            let hours = minutes / 60 == 0 ? 12 : minutes / 60
            plain = "\(hours):\(minutes % 60 < 10 ? "0" : "")\(minutes % 60)"
        case .literal(let text)?: plain = text
        case nil: plain = mention.text
        }
        return plain == mention.text ? mention.text : "\(mention.text) (= \(plain))"
    }

    /// AP's months with a date (grammar, not house data).
    static let apMonths = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]

    private func formatFinding(_ mention: NumberMention, _ value: ExactValue, source: NumberMention?, target: PairText,
                               targetDecimalComma: Bool, _ report: inout RuleReport) {
        guard let figure = mention.figure else { return }
        let written = target.string(figure)
        var rewritten = value.english
        if targetDecimalComma {
            rewritten = String(rewritten.map { $0 == "," ? "." : $0 == "." ? "," : $0 })
        }
        guard rewritten != written else { return }
        let place = target.locate(figure)
        let origin = source.map { " (the original has \($0.text))" } ?? ""
        report.add(block: place.block, range: place.range,
                   "\"\(written)\" is \(rewritten) written the original's way\(origin): write \"\(rewritten)\"",
                   fix: [TextEdit(range: place.range, replacement: rewritten)])
    }
}
