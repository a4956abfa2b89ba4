import Copydesk
import Testing

@Suite struct ParagraphAlignerTests {
    static let greek = """
        Συνάντηση Μητσοτάκη με Ερντογάν στην Αθήνα

        Ο πρωθυπουργός Κυριάκος Μητσοτάκης συναντήθηκε την Πέμπτη με τον Τούρκο πρόεδρο Ρετζέπ Ταγίπ Ερντογάν στο Μέγαρο Μαξίμου, σε μια επίσκεψη που διήρκεσε 1,5 ώρα.

        Οι δύο ηγέτες υπέγραψαν 15 συμφωνίες συνεργασίας στους τομείς του εμπορίου, της ενέργειας και του τουρισμού.

        Ο διμερής εμπόριος αναμένεται να φτάσει τα 10 δισεκατομμύρια δολάρια έως το 2026, σύμφωνα με κυβερνητικές πηγές.

        Η επόμενη συνάντηση θα πραγματοποιηθεί στην Άγκυρα το φθινόπωρο.
        """

    static func document(_ target: String, profile: String = "el-en") async throws -> TranslationDocument {
        let story = try TranslationFixtures.story(source: greek, sourceLanguage: "el", target: target, targetLanguage: "en")
        let loader = TranslationProfileLoader(rules: TranslationRules.all, searchDirectories: [TranslationFixtures.projectRoot])
        return TranslationDocument(story: story, original: story.original!, profile: try loader.load(profile),
                                   sourceLanguage: "el", targetLanguage: "en")
    }

    @Test func pairsParagraphsOneToOne() async throws {
        let document = try await Self.document("""
            Mitsotakis meets Erdogan in Athens

            Prime Minister Kyriakos Mitsotakis met Turkish President Recep Tayyip Erdogan on Thursday at the Maximos Mansion, in a visit that lasted 1.5 hours.

            The two leaders signed 15 cooperation agreements in trade, energy and tourism.

            Bilateral trade is expected to reach $10 billion by 2026, according to government sources.

            The next meeting will take place in Ankara in the autumn.
            """)
        #expect(document.pairs.map(\.source) == [[0], [1], [2], [3], [4]])
        #expect(document.pairs.map(\.target) == [[0], [1], [2], [3], [4]])
    }

    @Test func findsADroppedParagraphAndAMergedOne() async throws {
        // Paragraph 2 (the 15 agreements) is left out; 3 and 4 are merged.
        let document = try await Self.document("""
            Mitsotakis meets Erdogan in Athens

            Prime Minister Kyriakos Mitsotakis met Turkish President Recep Tayyip Erdogan on Thursday at the Maximos Mansion, in a visit that lasted 1.5 hours.

            Bilateral trade is expected to reach $10 billion by 2026, according to government sources. The next meeting will take place in Ankara in the autumn.
            """)
        #expect(document.pairs.map(\.source) == [[0], [1], [2], [3, 4]])
        #expect(document.pairs.map(\.target) == [[0], [1], [], [2]])
    }
}
