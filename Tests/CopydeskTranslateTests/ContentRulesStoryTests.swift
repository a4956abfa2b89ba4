import Copydesk
import Testing

/// The content rules (numbers, quotes, brackets, punctuation) on whole wire stories translated
/// into English, each with errors planted where a translator makes them; every other paragraph
/// is a correct translation the rules must leave alone.
@Suite struct ContentRulesStoryTests {
    static let contentRules: Set<String> = ["translation.numbers", "translation.quotes", "translation.brackets", "translation.punctuation"]

    /// "rule @ text": the translation's text from the finding's start (its span, or the next
    /// dozen characters of the paragraph for an empty range at a missing item).
    static func findings(source: String, _ sourceLanguage: String, target: String) async throws -> [String] {
        var story = try TranslationFixtures.story(source: source, sourceLanguage: sourceLanguage, target: target, targetLanguage: "en")
        try await TranslationFixtures.stage().process(&story, context: StageContext(mode: .report))
        let bytes = Array(target.utf8)
        let found = story.diagnostics.filter { contentRules.contains($0.ruleID) }
        return found.map { diagnostic in
            let range = diagnostic.range
            let text = range.isEmpty
                ? "^" + String(decoding: bytes[range.lowerBound..<min(bytes.count, range.lowerBound + 12)], as: UTF8.self)
                : String(decoding: bytes[range], as: UTF8.self)
            return "\(diagnostic.ruleID.dropFirst("translation.".count)) @ \(text)"
        }.sorted()
    }

    @Test func greekUnemploymentStory() async throws {
        let source = """
            Στο 10,8% η ανεργία τον Αύγουστο

            Η ανεργία στην Ελλάδα υποχώρησε στο 10,8% τον Αύγουστο από 11,2% τον Ιούλιο, σύμφωνα με την Ελληνική Στατιστική Αρχή (ΕΛΣΤΑΤ).

            Οι άνεργοι ανήλθαν σε 512.300 άτομα, ενώ οι απασχολούμενοι έφτασαν τα 4,2 εκατομμύρια.

            «Η αγορά εργασίας ανακάμπτει σταθερά», δήλωσε ο κ. Χατζηδάκης, σημειώνοντας ότι η ανεργία των νέων έπεσε στο 23,5%.

            Η κυβέρνηση στοχεύει σε ανεργία κάτω από 10% έως το 2025, με επενδύσεις 1,5 δισ. ευρώ (από το Ταμείο Ανάκαμψης).

            Θα αντέξει η αγορά;

            Η επόμενη ανακοίνωση θα γίνει στις 12.30 μ.μ. της 15ης Οκτωβρίου 2022.
            """
        let target = """
            Unemployment at 10.8% in August

            Unemployment in Greece fell to 10.8% in August from 12.2% in July, according to the Hellenic Statistical Authority (ELSTAT).

            The number of unemployed stood at 512.300 people, while those in work reached 4.2 million.

            The labour market is recovering steadily, k. Hatzidakis said, noting that youth unemployment fell to 23.5%.

            The government is targeting unemployment below 10% by 2025, with investment of 1,500 million euros (from the Recovery Fund).

            Will the market hold up.

            The next release is due at 12:30 p.m. on Oct. 15.
            """
        #expect(try await Self.findings(source: source, "el", target: target) == [
            "numbers @ 12.2",
            "numbers @ 512.300",
            "punctuation @ .",
            "punctuation @ k.",
            "quotes @ ^The labour m",
        ])
    }

    @Test func frenchSummitStory() async throws {
        let source = """
            Moscou : rencontre Poutine-Xi la semaine prochaine

            Le président chinois Xi Jinping et son homologue russe Vladimir Poutine se rencontreront la semaine prochaine en Ouzbékistan, a annoncé mercredi la diplomatie russe.

            « Dans moins de 10 jours, une nouvelle rencontre de nos dirigeants aura lieu au sommet de l'Organisation de coopération de Shanghai (OCS) », a déclaré l'ambassadeur russe en Chine, Andreï Denissov.

            Le sommet de l'OCS se tiendra les 15 et 16 septembre à Samarcande, dans le sud-est de l'Ouzbékistan.

            Cette organisation réunit la Chine, la Russie, quatre États d'Asie centrale (Kazakhstan, Kirghizstan, Ouzbékistan et Tadjikistan) ainsi que l'Inde et le Pakistan.

            Xi Jinping n'a pas quitté la Chine depuis une visite en Birmanie en janvier 2020, au début de la pandémie de Covid-19.

            Les échanges commerciaux entre les deux pays ont atteint 146,9 milliards de dollars en 2021, selon les douanes chinoises.

            Le président Poutine a également jugé « impossible » d'isoler la Russie : « Cela ne marchera pas ! »
            """
        let target = """
            Moscow: Putin-Xi meeting next week

            Chinese President Xi Jinping and his Russian counterpart Vladimir Putin will meet next week in Uzbekistan, Russian diplomacy said on Wednesday.

            « In less than 10 days, a new meeting of our leaders will take place at the Shanghai Cooperation Organization (SCO) summit », Russian ambassador to China Andrei Denisov said.

            The SCO summit will be held on Sept. 16 and 17 in Samarkand, in southeastern Uzbekistan.

            This organization brings together China, Russia, four Central Asian states, Kazakhstan, Kyrgyzstan, Uzbekistan and Tajikistan, as well as India and Pakistan.

            Xi Jinping has not left China since a visit to Myanmar in January 2020, at the start of the Covid-19 pandemic.

            Trade between the two countries reached $146,9 billion in 2021, according to Chinese customs.

            President Putin also deemed it “impossible” to isolate Russia: “It won't work.”
            """
        #expect(try await Self.findings(source: source, "fr", target: target) == [
            "brackets @ ^This organiz",
            "numbers @ 146,9",
            "numbers @ 17",
            "punctuation @ .",
            "punctuation @ «",
        ])
    }

    @Test func russianTalksStory() async throws {
        let source = """
            Путин и Си Цзиньпин встретятся в Самарканде

            Президент России Владимир Путин и председатель КНР Си Цзиньпин проведут переговоры 15 сентября на полях саммита ШОС, сообщил помощник президента Юрий Ушаков.

            По словам Ушакова, товарооборот между странами в 2021 г. вырос на 35,8% и достиг 146,9 млрд долларов.

            «Мы ожидаем, что лидеры подпишут около 20 документов», — сказал Ушаков.

            Встреча начнется в 12:30 по местному времени и продлится два часа.

            Ранее Кремль сообщил, что в саммите примут участие главы 15 государств.

            Песков назвал переговоры «очень важными» (и своевременными).
            """
        let target = """
            Putin and Xi Jinping to meet in Samarkand

            Russian President Vladimir Putin and Chinese President Xi Jinping will hold talks on Sept. 15 on the sidelines of the SCO summit, presidential aide Yuri Ushakov said.

            According to Ushakov, trade between the countries rose by 38.5% in 2021 g. to $146.9 billion.

            “We expect the leaders to sign about 20 documents,” Ushakov said.

            The meeting will begin at 12:30 local time and last two hours.

            The Kremlin said earlier that the heads of state would take part in the summit.

            Peskov called the talks “very important” (and timely.
            """
        #expect(try await Self.findings(source: source, "ru", target: target) == [
            "brackets @ (",
            "numbers @ 38.5",
            "numbers @ ^The Kremlin ",
            "punctuation @ g.",
        ])
    }

    @Test func correctTranslationsGiveNothing() async throws {
        // The seed story's opening, faithfully translated from the French, with the usual
        // liberties: spelled-out numbers, dropped year, month names, names in quotes dropped.
        let source = """
            Le sommet de l'OCS se tiendra les 15 et 16 septembre 2022 à Samarcande, avec deux dirigeants et 1 200 délégués.

            « Ce sommet promet d'être intéressant car ce sera le premier vrai sommet (c'est-à-dire en présentiel) depuis la pandémie », a noté M. Denissov.

            Pékin a dépensé 2,5 milliards de dollars, soit 3,5 % de plus, a indiqué le quotidien « Global Times » à 12h30.
            """
        let target = """
            The SCO summit will be held on Sept. 15 and 16 in Samarkand, with two leaders and 1,200 delegates.

            “This summit promises to be interesting as it will be the first real (ie in-person) summit since the pandemic,” Denisov noted.

            Beijing spent $2,500 million, or 3.5 percent more, the Global Times daily said at 12:30.
            """
        #expect(try await Self.findings(source: source, "fr", target: target) == [])
    }
}
