import Copydesk
import Foundation

/// Wire stories and their translations with planted merges, splits, drops and additions, shared
/// by the alignment and structure-rule tests.
enum AlignmentStories {
    /// The Greek port-strike story of `Examples/translation/`: the shipping ministry's paragraph
    /// is left out, a number mistranslated, a name left in Greek, the agency credit replaced.
    static func portStrike() throws -> (source: String, target: String) {
        let directory = TranslationFixtures.projectRoot + "/Examples/translation/"
        return (try String(contentsOfFile: directory + "athens-port-strike-el.txt", encoding: .utf8),
                try String(contentsOfFile: directory + "athens-port-strike-en.txt", encoding: .utf8))
    }

    /// French rail strike: an editor's note added on top, the second paragraph split in two, a
    /// short paragraph (the SNCF's advice) left out, two short paragraphs merged.
    static let railStrikeFrench = """
        Grève SNCF : le trafic très perturbé jeudi

        Le trafic ferroviaire sera très perturbé jeudi dans toute la France en raison d'une grève à l'appel de quatre syndicats de cheminots, a annoncé mercredi la SNCF, qui prévoit un TGV sur trois et un TER sur deux en moyenne.

        Les syndicats protestent contre la réforme des retraites présentée par le gouvernement d'Élisabeth Borne, qui prévoit de repousser l'âge légal de départ de 62 à 64 ans. Ils réclament également une hausse des salaires de 10 % pour compenser l'inflation, qui a atteint 5,2 % sur un an en décembre.

        La direction a appelé les voyageurs à reporter leurs déplacements ou à télétravailler.

        En Île-de-France, le trafic sera quasi nul sur les lignes du RER B et D.

        Le ministre des Transports Clément Beaune a dénoncé une grève « disproportionnée ».

        Une nouvelle journée de mobilisation est prévue le 31 janvier.
        """

    static let railStrikeEnglish = """
        Editor's note: translated from the French service.

        French rail strike to disrupt traffic on Thursday

        Rail traffic will be severely disrupted across France on Thursday by a strike called by four rail unions, the SNCF said on Wednesday, forecasting one high-speed TGV train in three and one regional TER train in two on average.

        The unions are protesting against the pension reform presented by Elisabeth Borne's government, which would raise the legal retirement age from 62 to 64.

        They are also demanding a 10% pay rise to make up for inflation, which reached 5.2% year on year in December.

        In the Paris region, there will be almost no trains on the RER B and D lines. Transport Minister Clement Beaune denounced the strike as "disproportionate".

        Another day of protests is planned for January 31.
        """

    /// Russian: the headline only in the original, a subhead set between dashes, a background
    /// paragraph added by the translator, the TASS credit dropped.
    static let summitRussian = """
        Путин и Си проведут переговоры в Самарканде

        Президент России Владимир Путин и председатель КНР Си Цзиньпин проведут переговоры на полях саммита Шанхайской организации сотрудничества (ШОС) в Самарканде 15 сентября, сообщил в среду помощник президента Юрий Ушаков.

        «Это будет очень важная встреча», — сказал Ушаков журналистам, добавив, что лидеры обсудят ситуацию на Украине и поставки российского газа в Китай.

        – Первая поездка с начала пандемии –

        Для Си Цзиньпина это будет первая зарубежная поездка с января 2020 года.

        Саммит ШОС пройдет 15 и 16 сентября. В организацию входят Китай, Россия, Индия, Пакистан и четыре государства Центральной Азии.

        /ТАСС/
        """

    static let summitEnglish = """
        Russian President Vladimir Putin and Chinese President Xi Jinping will hold talks on the sidelines of the Shanghai Cooperation Organisation (SCO) summit in Samarkand on September 15, presidential aide Yuri Ushakov said on Wednesday.

        "This will be a very important meeting," Ushakov told reporters, adding that the leaders would discuss the situation in Ukraine and Russian gas supplies to China.

        The two leaders last met in Beijing in February 2022, days before Russia sent troops into Ukraine, and declared a partnership with "no limits" between their countries.

        – First trip since the pandemic –

        It will be Xi's first trip abroad since January 2020.

        The SCO summit will be held on September 15-16. Its members are China, Russia, India, Pakistan and four Central Asian states.
        """

    /// A Greek story of seven paragraphs and an English brief of two: too free to check by paragraph.
    static let briefGreek = """
        Νέα μέτρα για την ακρίβεια

        Η κυβέρνηση ανακοίνωσε την Τρίτη νέο πακέτο μέτρων ύψους 1,2 δισ. ευρώ για την αντιμετώπιση της ακρίβειας στα τρόφιμα και την ενέργεια.

        Το πακέτο περιλαμβάνει επιδότηση 250 ευρώ σε συνταξιούχους με χαμηλές συντάξεις, που θα καταβληθεί τον Δεκέμβριο.

        Επίσης, παρατείνεται έως τον Μάρτιο η επιδότηση στους λογαριασμούς ρεύματος για τα νοικοκυριά.

        Η αντιπολίτευση χαρακτήρισε τα μέτρα «ψίχουλα» και ζήτησε μείωση του ΦΠΑ στα βασικά τρόφιμα.

        Ο πληθωρισμός στην Ελλάδα διαμορφώθηκε στο 3,5% τον Οκτώβριο, σύμφωνα με την ΕΛΣΤΑΤ.

        Το υπουργείο Οικονομικών εκτιμά ότι τα μέτρα θα ωφελήσουν περίπου 1,5 εκατ. νοικοκυριά.

        Τα μέτρα θα ψηφιστούν από τη Βουλή εντός του μήνα.
        """

    static let briefEnglish = """
        Greece unveils new cost-of-living measures

        Greece's government unveiled on Tuesday a package worth 1.2 billion euros to tackle high food and energy prices, including a one-off payment of 250 euros to low-income pensioners and an extension of electricity subsidies for households until March.
        """

    static func document(source: String, sourceLanguage: String, target: String, targetLanguage: String = "en") throws -> TranslationDocument {
        let story = try TranslationFixtures.story(source: source, sourceLanguage: sourceLanguage, target: target, targetLanguage: targetLanguage)
        let loader = TranslationProfileLoader(rules: TranslationRules.all, searchDirectories: [TranslationFixtures.projectRoot])
        let profile = try loader.profile(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        return TranslationDocument(story: story, original: story.original!, profile: profile,
                                   sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }

    /// Runs the translation stage and returns its findings and JSON data.
    static func lint(source: String, sourceLanguage: String, target: String, targetLanguage: String = "en") async throws
        -> (diagnostics: [Diagnostic], data: ConfigValue?, text: String) {
        var story = try TranslationFixtures.story(source: source, sourceLanguage: sourceLanguage, target: target, targetLanguage: targetLanguage)
        try await TranslationFixtures.stage().process(&story, context: StageContext(mode: .report))
        return (story.diagnostics, story.stageData[TranslationStage.name], target)
    }
}
