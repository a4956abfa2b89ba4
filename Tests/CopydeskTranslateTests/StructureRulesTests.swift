@testable import CopydeskTranslate
import Copydesk
import Testing

/// The structure rules on whole stories: what they find and, as much, what they leave alone.
@Suite struct StructureRulesTests {
    func findings(_ result: (diagnostics: [Diagnostic], data: ConfigValue?, text: String), _ id: String) -> [(String, String)] {
        let bytes = Array(result.text.utf8)
        return result.diagnostics.filter { $0.ruleID == id }.map { diagnostic in
            let start = min(diagnostic.range.lowerBound, bytes.count)
            let after = String(decoding: bytes[start..<min(bytes.count, start + 30)], as: UTF8.self)
            return (after, diagnostic.message)
        }
    }

    @Test func greekPortStrikeReportsTheDroppedParagraphOnly() async throws {
        let (source, target) = try AlignmentStories.portStrike()
        let result = try await AlignmentStories.lint(source: source, sourceLanguage: "el", target: target)
        let omissions = findings(result, "translation.omission")
        #expect(omissions.count == 1)
        #expect(omissions.first?.0.hasPrefix("Exporters warn") == true, "\(omissions)")
        #expect(omissions.first?.1.contains("source.txt:11") == true)
        #expect(omissions.first?.1.contains("Το υπουργείο Ναυτιλίας κάλεσε") == true)
        // The credit line replaced by the desk's own is neither an omission nor an addition.
        #expect(findings(result, "translation.addition").isEmpty)
        // A name left in Greek is translation.names' business: two capitalised words are not a stretch of text.
        #expect(findings(result, "translation.untranslated").isEmpty)
        #expect(findings(result, "translation.length").isEmpty, "\(findings(result, "translation.length"))")
    }

    @Test func frenchRailStrikeReportsTheShortDroppedParagraphNotTheSplitMergeOrNote() async throws {
        let result = try await AlignmentStories.lint(source: AlignmentStories.railStrikeFrench, sourceLanguage: "fr",
                                                     target: AlignmentStories.railStrikeEnglish)
        let omissions = findings(result, "translation.omission")
        #expect(omissions.map { String($0.0.prefix(14)) } == ["In the Paris r"], "\(omissions)")
        #expect(omissions.first?.1.contains("La direction a appelé les voyageurs") == true)
        #expect(findings(result, "translation.addition").isEmpty, "\(findings(result, "translation.addition"))")
        #expect(findings(result, "translation.untranslated").isEmpty)
    }

    @Test func russianSummitReportsTheAddedBackgroundParagraph() async throws {
        let result = try await AlignmentStories.lint(source: AlignmentStories.summitRussian, sourceLanguage: "ru",
                                                     target: AlignmentStories.summitEnglish)
        let additions = findings(result, "translation.addition")
        #expect(additions.map { String($0.0.prefix(20)) } == ["The two leaders last"], "\(additions)")
        // The headline the translation does without, and the TASS credit, are not omissions.
        #expect(findings(result, "translation.omission").isEmpty, "\(findings(result, "translation.omission"))")
    }

    @Test func aRewrittenBriefGivesOneFindingNotAFlood() async throws {
        let result = try await AlignmentStories.lint(source: AlignmentStories.briefGreek, sourceLanguage: "el", target: AlignmentStories.briefEnglish)
        let omissions = findings(result, "translation.omission")
        #expect(omissions.count == 1)
        #expect(omissions.first?.1.contains("could not be aligned") == true)
        #expect(findings(result, "translation.addition").isEmpty)
        guard case .map(let data)? = result.data else { Issue.record("no stage data"); return }
        #expect(data["reliable"] == .bool(false))
    }

    @Test func stageDataListsWhatCouldNotBeAligned() async throws {
        let (source, target) = try AlignmentStories.portStrike()
        let result = try await AlignmentStories.lint(source: source, sourceLanguage: "el", target: target)
        guard case .map(let data)? = result.data, case .map(let unaligned)? = data["unaligned"], case .map(let expected)? = data["expected"] else {
            Issue.record("no stage data: \(String(describing: result.data))")
            return
        }
        #expect(data["reliable"] == .bool(true))
        guard case .list(let lone)? = unaligned["source"], case .map(let first)? = lone.first else { Issue.record("no unaligned source"); return }
        #expect(lone.count == 1)
        #expect(first["block"] == .int(5))
        #expect(first["reported"] == .bool(true))
        #expect(expected["source"] == .list([.int(8)]))
        #expect(expected["target"] == .list([.int(7)]))
    }

    @Test func bylinesSubheadsAndTrailersAreNotOmissionsOrAdditions() async throws {
        let result = try await AlignmentStories.lint(source: """
            Στο 3,5% ο πληθωρισμός τον Οκτώβριο

            Της Μαρίας Παπαδοπούλου

            Ο πληθωρισμός στην Ελλάδα υποχώρησε στο 3,5% τον Οκτώβριο από 4,1% τον Σεπτέμβριο, σύμφωνα με τα στοιχεία της ΕΛΣΤΑΤ που δόθηκαν στη δημοσιότητα την Τρίτη.

            – Ακριβότερα τα τρόφιμα –

            Οι τιμές των τροφίμων αυξήθηκαν κατά 7,2% σε ετήσια βάση, ενώ η ενέργεια έγινε φθηνότερη κατά 8,5%.
            """, sourceLanguage: "el", target: """
            Greek inflation eases to 3.5% in October

            Inflation in Greece eased to 3.5% in October from 4.1% in September, according to ELSTAT figures released on Tuesday.

            Food prices rose 7.2% year on year, while energy became 8.5% cheaper.

            (Reporting by Athens newsroom; Editing by Jan Harvey)
            """)
        #expect(findings(result, "translation.omission").isEmpty, "\(findings(result, "translation.omission"))")
        #expect(findings(result, "translation.addition").isEmpty, "\(findings(result, "translation.addition"))")
    }

    @Test func untranslatedFindsEmptySameAndSourceScriptText() async throws {
        // An empty translation.
        let empty = try await AlignmentStories.lint(source: "Σεισμός 5,2 Ρίχτερ στην Κρήτη.", sourceLanguage: "el", target: "")
        #expect(empty.diagnostics.filter { $0.ruleID == "translation.untranslated" }.count == 1)
        // A Russian paragraph pasted unchanged, and a Cyrillic stretch inside an English one.
        let source = """
            Центробанк сохранил ключевую ставку на уровне 16%, говорится в сообщении регулятора.

            Следующее заседание совета директоров пройдет 26 июля, сообщил банк.
            """
        let target = """
            The central bank kept its key rate at 16%, the regulator said in a statement, адding that inflation remained высокой.

            Следующее заседание совета директоров пройдет 26 июля, сообщил банк.
            """
        let result = try await AlignmentStories.lint(source: source, sourceLanguage: "ru", target: target)
        let found = findings(result, "translation.untranslated")
        #expect(found.map { $0.0.hasPrefix("Следующее") } == [true], "\(found)")
        #expect(found.first?.1.contains("same as the original") == true)
        // English with a Russian clause left in.
        let mixed = try await AlignmentStories.lint(source: source, sourceLanguage: "ru", target: """
            The central bank kept its key rate at 16%, говорится в сообщении регулятора.

            The board's next meeting will be held on July 26, the bank said.
            """)
        let stretch = findings(mixed, "translation.untranslated")
        #expect(stretch.map { $0.0.hasPrefix("говорится") } == [true], "\(stretch)")
    }

    @Test func untranslatedLeavesNamesNumbersAndQuotedTitlesAlone() async throws {
        let result = try await AlignmentStories.lint(source: """
            Ολυμπιακός - Παναθηναϊκός 2-1

            Ο Ολυμπιακός νίκησε τον Παναθηναϊκό με 2-1 στο Καραϊσκάκη.
            """, sourceLanguage: "el", target: """
            Olympiacos - Panathinaikos 2-1

            Olympiacos beat Panathinaikos 2-1 at the Karaiskakis stadium, reported the daily Τα Νέα.
            """)
        #expect(findings(result, "translation.untranslated").isEmpty)
    }

    @Test func lengthReportsOncePerPairWithTheRatio() async throws {
        let source = """
            Η κυβέρνηση ανακοίνωσε νέο πακέτο στήριξης ύψους 1,2 δισ. ευρώ για τα νοικοκυριά, το οποίο περιλαμβάνει επιδότηση στους λογαριασμούς ρεύματος, έκτακτο επίδομα σε συνταξιούχους με χαμηλές συντάξεις και μειωμένο ΦΠΑ σε βασικά τρόφιμα έως το τέλος του έτους.

            Τα μέτρα θα χρηματοδοτηθούν από το πλεόνασμα του προϋπολογισμού, σύμφωνα με τον υπουργό Οικονομικών.
            """
        let result = try await AlignmentStories.lint(source: source, sourceLanguage: "el", target: """
            The government announced a new 1.2 billion euro support package for households, including subsidies on electricity bills, a one-off allowance for pensioners on low pensions and lower VAT on basic foods until the end of the year. The package, the third this year, follows similar measures in Spain, Italy and Portugal, where governments have also cut taxes on fuel and extended energy subsidies into the winter months.

            The measures will be funded from the budget surplus, according to the finance minister.
            """)
        let found = findings(result, "translation.length")
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.1.contains("outside the usual 0.65–1.2 for el→en") == true, "\(found)")
    }
}

/// Faithful translations, freely restructured as desks do: the structure rules must stay silent.
@Suite struct StructureRulesPrecisionTests {
    static let clean: [(String, String, String)] = [
        ("el", ParagraphAlignerTests.greek, """
            Mitsotakis meets Erdogan in Athens

            Prime Minister Kyriakos Mitsotakis met Turkish President Recep Tayyip Erdogan on Thursday at the Maximos Mansion, in a visit that lasted 1.5 hours.

            The two leaders signed 15 cooperation agreements in trade, energy and tourism.

            Bilateral trade is expected to reach $10 billion by 2026, according to government sources.

            The next meeting will take place in Ankara in the autumn.
            """),
        ("fr", """
            Incendie dans le sud de la France : 1 500 personnes évacuées

            Un important incendie a ravagé mardi près de 800 hectares de forêt dans le Var, obligeant les autorités à évacuer 1 500 personnes, dont des campeurs, selon la préfecture. Plus de 600 pompiers étaient mobilisés dans la soirée.

            Le feu est parti en début d'après-midi d'un bord de route près de la commune du Luc. Attisé par un fort mistral, il a progressé rapidement vers le nord. Deux pompiers ont été légèrement blessés.

            « La situation reste très préoccupante », a déclaré le préfet Evence Richard lors d'un point de presse.

            Le ministre de l'Intérieur s'est rendu sur place dans la soirée.
            """, """
            Wildfire in southern France forces 1,500 to evacuate

            A major wildfire ripped through nearly 800 hectares of forest in the Var region on Tuesday, forcing the authorities to evacuate 1,500 people, including campers, the local prefecture said.

            More than 600 firefighters were deployed by the evening.

            The fire started in the early afternoon by a roadside near the town of Le Luc and, fanned by a strong mistral wind, spread quickly northwards. Two firefighters were slightly injured.

            "The situation remains very worrying," prefect Evence Richard told a news conference.

            The interior minister visited the area in the evening.
            """),
        ("ru", """
            Курс рубля упал до минимума с марта

            Курс доллара на Московской бирже в понедельник превысил 98 рублей впервые с марта 2022 года.

            Аналитики связывают ослабление рубля с сокращением экспортной выручки и ростом импорта. По их оценкам, давление на валюту сохранится до конца месяца.

            Банк России заявил, что не видит угроз для финансовой стабильности.

            Министр финансов Антон Силуанов ранее говорил, что правительство рассчитывает на курс около 90 рублей за доллар.
            """, """
            Rouble falls to lowest since March 2022

            The dollar rose above 98 roubles on the Moscow Exchange on Monday for the first time since March 2022.

            Analysts blame the rouble's weakness on lower export revenue and rising imports, and expect the pressure on the currency to persist until the end of the month.

            The Bank of Russia said it saw no threat to financial stability.

            Finance Minister Anton Siluanov has said the government is counting on an exchange rate of around 90 roubles to the dollar.
            """),
    ]

    @Test(arguments: 0..<clean.count)
    func faithfulTranslationsGiveNoStructureFindings(_ index: Int) async throws {
        let (language, source, target) = Self.clean[index]
        let result = try await AlignmentStories.lint(source: source, sourceLanguage: language, target: target)
        let structure = result.diagnostics.filter {
            ["translation.omission", "translation.addition", "translation.untranslated", "translation.length"].contains($0.ruleID)
        }
        #expect(structure.isEmpty, "\(language): \(structure.map { "\($0.ruleID): \($0.message)" })")
    }
}
