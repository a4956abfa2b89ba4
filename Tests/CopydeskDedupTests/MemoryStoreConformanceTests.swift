import Copydesk
import Foundation
import Testing

/// The translation memory contract (`TranslationMemoryStore`), checked case by case against both
/// implementations: the SQLite archive file and the shared PostgreSQL archive. Without a
/// PostgreSQL test server the PostgreSQL cases are skipped (see `TestPostgres`); CI runs them.
@Suite struct MemoryStoreConformanceTests {
    typealias Kind = StoreConformanceTests.Kind
    static let kinds = StoreConformanceTests.kinds

    static let projectRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A new, empty archive of `kind`: its locator (a file path or a postgres:// URL).
    func archive(_ kind: Kind) async throws -> String {
        switch kind {
        case .sqlite: return try Fixtures.temporaryDirectory() + "/archive.sqlite"
        case .postgres: return try await TestPostgres.makeDatabase()
        }
    }

    func remove(_ locator: String, _ kind: Kind) async {
        if kind == .postgres { await TestPostgres.drop(locator) }
    }

    static func entry(_ source: String, _ target: String, source sourceLanguage: String = "el", target targetLanguage: String = "en",
                      origin: String = "desk.txt", unit: String? = nil) -> MemoryEntry {
        MemoryEntry(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, source: source, target: target,
                    originKind: "pair", origin: origin, unit: unit)
    }

    static func tmxEntries() throws -> [MemoryEntry] {
        let path = projectRoot + "/Examples/translation-memory/desk-el-en.tmx"
        let document = try BilingualReader.read(SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8)))
        return MemoryEntries.from(document, file: "desk-el-en.tmx", sourceLanguage: nil, targetLanguage: nil).entries
    }

    static let mitsotakis = "Ο πρωθυπουργός Κυριάκος Μητσοτάκης θα μεταβεί την Πέμπτη στις Βρυξέλλες για τη Σύνοδο Κορυφής της Ευρωπαϊκής Ένωσης."
    static let mitsotakisEnglish = "Prime Minister Kyriakos Mitsotakis will travel to Brussels on Thursday for the European Union summit."

    /// Paragraphs a translator would send: exact (in other case and spacing), one word changed,
    /// two added, mostly rewritten, another language pair, empty.
    static let queries = [
        mitsotakis.uppercased().replacingOccurrences(of: " ", with: "\u{00A0} "),
        mitsotakis.replacingOccurrences(of: "Πέμπτη", with: "Παρασκευή"),
        mitsotakis.replacingOccurrences(of: "Βρυξέλλες", with: "Βρυξέλλες του Βελγίου"),
        "Ο υπουργός Εξωτερικών ανέφερε ότι ο προϋπολογισμός του 2026 προβλέπει πρωτογενές έλλειμμα 3,5% του ΑΕΠ.",
        "Πυρκαγιά ξέσπασε το απόγευμα της Κυριακής σε δασική έκταση κοντά στα Βίλια Αττικής και καίει ανεξέλεγκτη.",
        "Ένα εντελώς άσχετο κείμενο για τον καιρό στη Θεσσαλονίκη.",
        "",
    ]

    @Test func postgresCasesRunOrSayWhyNot() {
        if !TestPostgres.enabled { print("◇ MemoryStoreConformanceTests: \(TestPostgres.skipMessage)") }
        #expect(Self.kinds.contains(.sqlite))
    }

    @Test(arguments: kinds) func anImportKeepsEachPairOnceAndLooksUpExactlyAndFuzzily(kind: Kind) async throws {
        let locator = try await archive(kind)
        defer { Task { await remove(locator, kind) } }
        let memory = try ArchiveStores.openMemory(locator, create: true)
        let entries = try Self.tmxEntries()
        let result = try await memory.add(entries, now: Date(timeIntervalSince1970: 1_760_000_000))
        #expect(result == MemoryImportResult(added: 6, known: 1, empty: 0))  // ana-0006 repeats ana-0001
        let again = try await memory.add(entries, now: Date())
        #expect(again.added == 0 && again.known == 7)

        let stats = try await memory.stats()
        #expect(stats.segments == 6)
        #expect(stats.pairs.map(\.pair) == ["el → en", "el → en-gb"])
        #expect(stats.pairs.map(\.segments) == [5, 1])
        #expect(stats.origins.map(\.kind) == ["tmx"])
        #expect(stats.files == 1)
        #expect(stats.indexedWords > 50)
        #expect(stats.oldest == Date(timeIntervalSince1970: 1_760_000_000) && stats.newest == stats.oldest)

        let matches = try await memory.lookup(Self.queries, sourceLanguage: "el-GR", targetLanguage: "en", threshold: 65, candidates: 100)
        // 17 words: exact; one replaced ⌊100 × 16/17⌋; two added ⌊100 × 17/19⌋; five of 16 replaced ⌊100 × 11/16⌋.
        #expect(matches.map { $0?.score } == [100, 94, 89, 68, 100, nil, nil])
        #expect(matches[0]?.segment.target == Self.mitsotakisEnglish)
        #expect(matches[1]?.segment.source == Self.mitsotakis)
        #expect(matches[3]?.segment.originDescription == "desk-el-en.tmx#ana-0008")
        #expect(matches[4]?.segment.originDescription == "desk-el-en.tmx#ana-0005")
        // Threshold 100: exact only; another pair: nothing.
        #expect(try await memory.lookup(Self.queries, sourceLanguage: "el", targetLanguage: "en", threshold: 100, candidates: 100).map { $0?.score }
                == [100, nil, nil, nil, 100, nil, nil])
        #expect(try await memory.lookup(Self.queries, sourceLanguage: "el", targetLanguage: "fr", threshold: 50, candidates: 100).allSatisfy { $0 == nil })
    }

    /// The same memory in both stores gives the same proposals, percentage, text and origin alike.
    @Test func bothStoresProposeTheSameTranslations() async throws {
        guard Self.kinds.contains(.postgres) else { return }
        var answers: [[String]] = []
        for kind in Kind.allCases {
            let locator = try await archive(kind)
            let memory = try ArchiveStores.openMemory(locator, create: true)
            try await memory.add(try Self.tmxEntries(), now: Date(timeIntervalSince1970: 1_760_000_000))
            try await memory.add([Self.entry(Self.mitsotakis, "The prime minister goes to Brussels on Thursday.", origin: "later.txt")],
                                 now: Date(timeIntervalSince1970: 1_760_100_000))
            let matches = try await memory.lookup(Self.queries, sourceLanguage: "el", targetLanguage: "en", threshold: 50, candidates: 100)
            answers.append(matches.map { match in match.map { "\($0.score) \($0.segment.target) \($0.segment.originDescription)" } ?? "-" })
            await remove(locator, kind)
        }
        #expect(answers[0] == answers[1])
        // The later translation of the same source is the one proposed.
        #expect(answers[0][0] == "100 The prime minister goes to Brussels on Thursday. later.txt")
    }

    @Test(arguments: kinds) func theNewestTranslationWinsAndEmptySidesAreLeftOut(kind: Kind) async throws {
        let locator = try await archive(kind)
        defer { Task { await remove(locator, kind) } }
        let memory = try ArchiveStores.openMemory(locator, create: true)
        let source = "Η Βουλή ψήφισε το νομοσχέδιο με 158 ψήφους υπέρ."
        try await memory.add([Self.entry(source, "Parliament passed the bill with 158 votes in favour.")], now: Date(timeIntervalSince1970: 1_700_000_000))
        try await memory.add([Self.entry(source, "Parliament approved the bill by 158 votes.")], now: Date(timeIntervalSince1970: 1_700_100_000))
        // The same pair up to whitespace, and pairs with an empty side.
        let again = try await memory.add([Self.entry(source + "  ", "Parliament  approved the bill by 158 votes."),
                                          Self.entry(source, "  "), Self.entry("\u{200B}", "Nothing.")], now: Date())
        #expect(again == MemoryImportResult(added: 0, known: 1, empty: 2))
        #expect(try await memory.stats().segments == 2)
        let match = try await memory.lookup([source], sourceLanguage: "el", targetLanguage: "en", threshold: 75, candidates: 100)[0]
        #expect(match?.score == 100)
        #expect(match?.segment.target == "Parliament approved the bill by 158 votes.")
    }

    /// Four writers importing overlapping batches at once: every pair stored once, the added counts
    /// summing to the distinct pairs, and the fuzzy index consistent with the segments.
    @Test(arguments: kinds) func concurrentImportsStoreEachPairOnce(kind: Kind) async throws {
        let locator = try await archive(kind)
        defer { Task { await remove(locator, kind) } }
        _ = try await ArchiveStores.openMemory(locator, create: true).stats()  // created before the writers race
        func pair(_ n: Int) -> MemoryEntry {
            Self.entry("Η ανακοίνωση αριθμός \(n) της κυβέρνησης για τον προϋπολογισμό του \(2000 + n) δημοσιεύθηκε σήμερα στην Αθήνα.",
                       "Government statement number \(n) on the \(2000 + n) budget was published in Athens today.")
        }
        let added = try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    let memory = try ArchiveStores.openMemory(locator, create: true)
                    // Writers overlap: each takes 40 pairs, 30 shared with its neighbour.
                    let batch = (writer * 10..<writer * 10 + 40).map(pair)
                    return try await memory.add(batch.shuffled(), now: Date()).added
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(added == 70)
        let memory = try ArchiveStores.openMemory(locator, create: false)
        #expect(try await memory.stats().segments == 70)
        let exact = try await memory.lookup((0..<70).map { pair($0).source }, sourceLanguage: "el", targetLanguage: "en", threshold: 75, candidates: 100)
        #expect(exact.allSatisfy { $0?.score == 100 })
        #expect(exact[42]?.segment.target == pair(42).target)
        if kind == .postgres {
            // Each word's count is the number of segments indexed under it.
            #expect(try await TestPostgres.scalar(locator, """
                SELECT count(*) FROM copydesk.tm_word_counts c
                WHERE c.segments <> (SELECT count(*) FROM copydesk.tm_words w WHERE w.word = c.word)
                """) == 0)
            #expect(try await TestPostgres.scalar(locator, "SELECT count(DISTINCT segment) FROM copydesk.tm_words") == 70)
        }
    }

    @Test(arguments: kinds) func aMissingOrNewerArchiveIsRefusedForLookups(kind: Kind) async throws {
        let locator = try await archive(kind)
        defer { Task { await remove(locator, kind) } }
        // Lookups never set up an archive.
        await #expect(throws: CopydeskError.self) {
            let memory = try ArchiveStores.openMemory(locator, create: false)
            _ = try await memory.stats()
        }
        guard kind == .postgres else { return }
        #expect(try await TestPostgres.scalar(locator, "SELECT count(*) FROM pg_namespace WHERE nspname = 'copydesk'") == 0)
        _ = try await ArchiveStores.openMemory(locator, create: true).stats()
        try await TestPostgres.execute(locator, ["INSERT INTO copydesk.migrations (version, summary) VALUES (99, 'from the future')"])
        do {
            _ = try await ArchiveStores.openMemory(locator, create: true).lookup([Self.mitsotakis], sourceLanguage: "el", targetLanguage: "en",
                                                                               threshold: 75, candidates: 100)
            Issue.record("a newer archive was opened")
        } catch let error as CopydeskError {
            #expect(error.description.contains("newer than the one this copydesk reads"), "\(error)")
            #expect(!error.description.contains("password"))
        }
    }
}
