import Copydesk
import Foundation
import Testing

/// Edge cases of the content rules that the rules' own examples do not cover: each `↓` marks
/// where a finding of the rule must start; a case without `↓` must give none.
@Suite(.timeLimit(.minutes(2))) struct ContentRulesEdgeTests {
    struct Case: CustomStringConvertible, Sendable {
        var rule: String
        var example: TranslationExample
        var description: String { "\(rule) \(example.sourceLanguage)→en: \(example.target)" }
        init(_ rule: String, _ language: String, _ source: String, _ target: String) {
            self.rule = rule
            example = TranslationExample(language, source, "en", target)
        }
    }

    static let cases: [Case] = [
        // Years: dropped is fine, changed is not.
        Case("translation.numbers", "el", "Η συμφωνία υπογράφηκε το 2021 στην Αθήνα.", "The agreement was signed in ↓2022 in Athens."),
        Case("translation.numbers", "el", "Η συμφωνία υπογράφηκε στις 3 Μαρτίου 2021.", "The agreement was signed on March 3."),
        // A month range, right and wrong.
        Case("translation.numbers", "ru", "Саммит пройдет 15-16 сентября.", "The summit will be held on Sept. 15-16."),
        Case("translation.numbers", "ru", "Саммит пройдет 15-16 сентября.", "The summit will be held on ↓Oct. 15-↓16."),
        // Clock times with markers.
        Case("translation.numbers", "el", "Η συγκέντρωση θα γίνει στις 8 μ.μ. στο Σύνταγμα.", "The rally will be held at 8 p.m. in Syntagma Square."),
        Case("translation.numbers", "el", "Η συγκέντρωση θα γίνει στις 8 μ.μ. στο Σύνταγμα.", "The rally will be held at ↓9 p.m. in Syntagma Square."),
        Case("translation.numbers", "fr", "La réunion commence à 14h30.", "The meeting starts at 2:30 p.m."),
        // Money with scales, and numbers spelled out at the start of a sentence.
        Case("translation.numbers", "el", "Η εταιρεία επένδυσε 5 εκατ. ευρώ.", "The company invested €5m."),
        Case("translation.numbers", "el", "25 άνθρωποι τραυματίστηκαν.", "Twenty-five people were injured."),
        Case("translation.numbers", "fr", "Quatre-vingt-dix manifestants ont été interpellés.", "Police detained 90 protesters."),
        // Grouping: French spaces, Russian no-break spaces, Greek dots.
        Case("translation.numbers", "fr", "Il y avait 12 500 000 électeurs inscrits.", "There were 12.5 million registered voters."),
        Case("translation.numbers", "ru", "В акции приняли участие 1 200 человек.", "Some ↓1,300 people took part."),
        Case("translation.numbers", "el", "Συμμετείχαν 1.200.000 ψηφοφόροι.", "Some ↓1.200.000 voters took part."),
        // IDs and names with digits are not numbers.
        Case("translation.numbers", "el", "Δύο F-16 και ένα Airbus A320 συμμετείχαν στην άσκηση.", "Two F16s and an Airbus took part in the exercise."),
        // Quotes: a quoted speech continued over paragraphs; a name in quotes.
        Case("translation.quotes", "el", "«Δεν θα υποχωρήσουμε», είπε.\n\n«Είμαστε έτοιμοι», πρόσθεσε ο κ. Δένδιας.", "“We will not back down,” he said.\n\n↓“We are ready, Dendias added."),
        Case("translation.quotes", "el", "Η «Καθημερινή» και το «Βήμα» έγραψαν ότι «η συμφωνία είναι κοντά».", "Kathimerini and To Vima wrote that “the deal is close.”"),
        // Brackets: a list item, and an aside turned into commas.
        Case("translation.brackets", "ru", "Песков заявил (по данным ТАСС), что встреча состоится.", "↓Peskov said, according to TASS, that the meeting would take place."),
        // Punctuation: French spacing inside a source-language quote; a Greek question in a quote.
        Case("translation.punctuation", "fr", "Il a demandé : « Pourquoi ? »", "He asked↓ : “Why↓ ?”"),
        Case("translation.punctuation", "el", "«Γιατί;» ρώτησε ο υπουργός.", "“Why↓;” the minister asked."),
        Case("translation.punctuation", "el", "Η ομιλία ήταν μακρά· οι βουλευτές αποχώρησαν.", "The speech was long; MPs walked out."),
        Case("translation.punctuation", "fr", "M. Macron a rencontré Mme Merkel.", "↓M. Macron met ↓Mme Merkel."),
    ]

    @Test(arguments: cases)
    func rule(_ item: Case) async throws {
        let markers = TranslationFixtures.markers(in: item.example.target).1
        let found = try await TranslationFixtures.run(item.example, stage: TranslationFixtures.stage()).filter { $0.ruleID == item.rule }
        #expect(found.map(\.range.lowerBound).sorted() == markers, "\(item): \(found.map(\.message))")
    }

    /// 400 paragraph pairs (fixed, as an XLIFF gives them, so alignment is not timed) through
    /// the four content rules: each rule is built once and scans bytes.
    @Test func longStoryIsQuick() throws {
        let sourceParagraph = "Η ανεργία υποχώρησε στο 10,8% τον Αύγουστο από 11,2%, με 512.300 ανέργους και 1,5 δισ. ευρώ «για την απασχόληση» (ΕΛΣΤΑΤ)."
        let targetParagraph = "Unemployment fell to 10.8% in August from 11.2%, with 512,300 unemployed and 1.5 billion euros “for employment” (ELSTAT)."
        let source = Array(repeating: sourceParagraph, count: 400).joined(separator: "\n\n")
        let target = Array(repeating: targetParagraph, count: 400).joined(separator: "\n\n")
        var story = try TranslationFixtures.story(source: source, sourceLanguage: "el", target: target, targetLanguage: "en")
        story.original!.pairs = (0..<400).map { BlockPair(source: [$0], target: [$0]) }
        let loader = TranslationProfileLoader(rules: TranslationRules.all, searchDirectories: [TranslationFixtures.projectRoot])
        let profile = try loader.load("el-en")
        let document = TranslationDocument(story: story, original: story.original!, profile: profile, sourceLanguage: "el", targetLanguage: "en")
        let contentRules: Set<String> = ["translation.numbers", "translation.quotes", "translation.brackets", "translation.punctuation"]
        let rules = try TranslationRules.all.filter { contentRules.contains($0.description.id) }.map { try $0.init(profile: profile) }
        #expect(rules.count == 4)
        var report = LintReport()
        for rule in rules { rule.check(document, &report) }
        #expect(report.findings.isEmpty, "\(report.findings.prefix(3).map(\.message))")
    }
}
