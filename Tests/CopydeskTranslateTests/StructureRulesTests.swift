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
