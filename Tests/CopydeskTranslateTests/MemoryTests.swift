import Copydesk
import Foundation
import Testing

/// The translation memory: import, exact and fuzzy lookup with percentages, deduplication,
/// concurrent writers, bad archives.
@Suite struct MemoryTests {
    static let examples = TranslationFixtures.projectRoot + "/Examples/translation-memory"

    static func temporaryArchive() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-tm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("archive.sqlite").path
    }

    static func tmx() throws -> BilingualDocument {
        let path = examples + "/desk-el-en.tmx"
        return try BilingualReader.read(SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8)))
    }

    static func entry(_ source: String, _ target: String, source sourceLanguage: String = "el", target targetLanguage: String = "en",
                      unit: String? = nil) -> MemoryEntry {
        MemoryEntry(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, source: source, target: target,
                    originKind: "pair", origin: "test.txt", unit: unit)
    }

    static let mitsotakis = "Ο πρωθυπουργός Κυριάκος Μητσοτάκης θα μεταβεί την Πέμπτη στις Βρυξέλλες για τη Σύνοδο Κορυφής της Ευρωπαϊκής Ένωσης."

    // MARK: Import

    @Test func importsATMXMemoryKeepingEachPairOnce() throws {
        let document = try Self.tmx()
        let selection = MemoryEntries.from(document, file: "desk-el-en.tmx", sourceLanguage: nil, targetLanguage: nil)
        #expect(selection.entries.count == 7)
        #expect(selection.untranslated == 1)  // ana-0007 has only the Greek
        let memory = try TranslationMemory(path: try Self.temporaryArchive())
        let result = try memory.add(selection.entries)
        #expect(result.added == 6)
        #expect(result.known == 1)  // ana-0006 repeats ana-0001
        let stats = try memory.stats()
        #expect(stats.segments == 6)
        #expect(stats.pairs.map(\.pair) == ["el → en", "el → en-gb"])
        #expect(stats.pairs.map(\.segments) == [5, 1])
        #expect(stats.origins.map(\.kind) == ["tmx"])

        // Importing again changes nothing.
        let again = try memory.add(selection.entries)
        #expect(again.added == 0 && again.known == 7)
        #expect(try memory.stats().segments == 6)

        // Entities are decoded, inline codes (<ph>) leave no text.
        let found = try memory.lookup(["Η Τράπεζα της Ελλάδος & η Επιτροπή Κεφαλαιαγοράς εξέδωσαν κοινή ανακοίνωση για τις «πράσινες» επενδύσεις.",
                                       "Πυρκαγιά ξέσπασε το απόγευμα της Κυριακής σε δασική έκταση κοντά στα Βίλια Αττικής και καίει ανεξέλεγκτη."],
                                      sourceLanguage: "el", targetLanguage: "en")
        #expect(found[0]?.score == 100)
        #expect(found[0]?.segment.target == "The Bank of Greece & the Hellenic Capital Market Commission issued a joint statement on \"green\" investments.")
        #expect(found[0]?.segment.targetLanguage == "en-gb")  // en-GB serves en
        #expect(found[1]?.score == 100)
        #expect(found[1]?.segment.target == "A wildfire broke out on Sunday afternoon in woodland near Vilia in Attica and is burning out of control.")
        #expect(found[1]?.segment.originDescription == "desk-el-en.tmx#ana-0005")
    }

    @Test func languagesSelectUnitsAndFillInWhatTheFileDoesNotSay() throws {
        let document = try Self.tmx()
        let french = MemoryEntries.from(document, file: "t.tmx", sourceLanguage: "el", targetLanguage: "fr")
        #expect(french.entries.isEmpty)
        #expect(french.otherLanguages == 7)
        let english = MemoryEntries.from(document, file: "t.tmx", sourceLanguage: "el-GR", targetLanguage: "en")
        #expect(english.entries.count == 7)

        let xliff = """
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file original="x" datatype="plaintext" source-language="">
                <body><trans-unit id="a"><source>Καλημέρα σας.</source><target>Good morning.</target></trans-unit></body>
              </file>
            </xliff>
            """
        let bare = try BilingualReader.read(SourceFile(path: "bare.xlf", text: xliff))
        #expect(MemoryEntries.from(bare, file: "bare.xlf", sourceLanguage: nil, targetLanguage: nil).unknownLanguage == 1)
        let filled = MemoryEntries.from(bare, file: "bare.xlf", sourceLanguage: "el", targetLanguage: "en")
        #expect(filled.entries.map(\.sourceLanguage) == ["el"])
        #expect(filled.entries.map(\.unit) == ["a"])
    }

    @Test func xliffUnitsAreTakenOnlyWhenTheirStateSaysTheTranslationIsDone() throws {
        let xliff12 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file original="story.txt" datatype="plaintext" source-language="el" target-language="en">
                <body>
                  <trans-unit id="1"><source>Πρώτη παράγραφος.</source><target state="final">First paragraph.</target></trans-unit>
                  <trans-unit id="2"><source>Δεύτερη παράγραφος.</source><target state="new"/></trans-unit>
                  <trans-unit id="3"><source>Τρίτη παράγραφος.</source><target state="needs-review-translation" state-qualifier="fuzzy-match">Second paragraph.</target></trans-unit>
                  <trans-unit id="4" approved="yes"><source>Τέταρτη παράγραφος.</source><target>Fourth paragraph.</target></trans-unit>
                  <trans-unit id="5"><source>Πέμπτη παράγραφος.</source><target>Fifth paragraph.</target></trans-unit>
                  <trans-unit id="6"><source>Έκτη παράγραφος.</source><target state="translated">Sixth paragraph.</target></trans-unit>
                  <trans-unit id="7"><source>Έβδομη παράγραφος.</source><target state="needs-translation">Seventh?</target></trans-unit>
                </body>
              </file>
            </xliff>
            """
        let document = try BilingualReader.read(SourceFile(path: "story.xlf", text: xliff12))
        #expect(document.units.map(\.state) == ["final", "new", "needs-review-translation", "signed-off", nil, "translated", "needs-translation"])
        let selection = MemoryEntries.from(document, file: "story.xlf", sourceLanguage: nil, targetLanguage: nil)
        #expect(selection.entries.map(\.unit) == ["1", "4", "5", "6"])
        #expect(selection.entries.allSatisfy { $0.originKind == "xliff" })
        #expect(selection.untranslated == 1)
        #expect(selection.unfinished == 2)

        let xliff20 = """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="en">
              <file id="f1">
                <unit id="u1"><segment state="initial"><source>Москва.</source><target>Moscow.</target></segment></unit>
                <unit id="u2"><segment state="reviewed"><source>Кремль заявил.</source><target>The Kremlin said.</target></segment></unit>
                <unit id="u3"><segment state="final"><source>Конец.</source><target>The end.</target></segment></unit>
              </file>
            </xliff>
            """
        let document20 = try BilingualReader.read(SourceFile(path: "story2.xlf", text: xliff20))
        #expect(document20.units.map(\.state) == ["initial", "reviewed", "final"])
        let selection20 = MemoryEntries.from(document20, file: "story2.xlf", sourceLanguage: nil, targetLanguage: nil)
        #expect(selection20.entries.map(\.target) == ["The Kremlin said.", "The end."])
        #expect(selection20.entries.map(\.sourceLanguage) == ["ru", "ru"])
    }

    // MARK: Lookup

    @Test func exactMatchesIgnoreCaseWidthAndSpacingButNotWords() throws {
        let memory = try TranslationMemory(path: try Self.temporaryArchive())
        try memory.add([Self.entry(Self.mitsotakis, "Prime Minister Kyriakos Mitsotakis will travel to Brussels on Thursday for the European Union summit.")])
        let variants = [
            Self.mitsotakis,
            Self.mitsotakis.uppercased(),
            Self.mitsotakis.replacingOccurrences(of: " ", with: "\u{00A0}\n "),
            "\u{200B}" + Self.mitsotakis,
        ]
        for match in try memory.lookup(variants, sourceLanguage: "el", targetLanguage: "en") {
            #expect(match?.score == 100)
            #expect(match?.isExact == true)
        }
        // Same words, other punctuation: the best fuzzy score, never 100.
        let punctuation = try memory.lookup([Self.mitsotakis.replacingOccurrences(of: ".", with: "!")], sourceLanguage: "el", targetLanguage: "en")
        #expect(punctuation[0]?.score == 99)
        // Another language pair finds nothing.
        #expect(try memory.lookup([Self.mitsotakis], sourceLanguage: "el", targetLanguage: "fr") == [nil])
        #expect(try memory.lookup([Self.mitsotakis], sourceLanguage: "ru", targetLanguage: "en") == [nil])
    }

    @Test func frenchSpacingAndRussianCaseDoNotStopAMatch() throws {
        let memory = try TranslationMemory(path: try Self.temporaryArchive())
        try memory.add([
            Self.entry("« Nous sommes prêts à négocier », a déclaré mardi le ministre de l’Économie, Bruno Le Maire.",
                       "\"We are ready to negotiate,\" Economy Minister Bruno Le Maire said on Tuesday.", source: "fr"),
            Self.entry("Президент России Владимир Путин прибыл в Самарканд на саммит ШОС.",
                       "Russian President Vladimir Putin arrived in Samarkand for the SCO summit.", source: "ru"),
        ])
        let found = try memory.lookup([
            // Narrow no-break spaces inside the guillemets, as French typesetting has them.
            "«\u{202F}Nous sommes prêts à négocier\u{202F}», a déclaré mardi le ministre de l’Économie, Bruno Le Maire.",
        ], sourceLanguage: "fr-FR", targetLanguage: "en")
        #expect(found[0]?.score == 100)
        let russian = try memory.lookup([
            "ПРЕЗИДЕНТ РОССИИ ВЛАДИМИР ПУТИН ПРИБЫЛ В САМАРКАНД НА САММИТ ШОС.",
            // 10 words, "прибыл" → "прилетел": ⌊100 × 9 / 10⌋ = 90.
            "Президент России Владимир Путин прилетел в Самарканд на саммит ШОС.",
        ], sourceLanguage: "ru", targetLanguage: "en")
        #expect(russian.map { $0?.score } == [100, 90])
        // The Greek memory's words do not leak into another pair's index.
        #expect(try memory.lookup(["Президент России Владимир Путин прилетел в Самарканд на саммит ШОС."], sourceLanguage: "el", targetLanguage: "en") == [nil])
    }

    @Test func fuzzyMatchesCarryTheWordEditPercentage() throws {
        let memory = try TranslationMemory(path: try Self.temporaryArchive())
        try memory.add(MemoryEntries.from(try Self.tmx(), file: "desk-el-en.tmx", sourceLanguage: nil, targetLanguage: nil).entries)
        // 17 words, one replaced: ⌊100 × 16 / 17⌋ = 94.
        let friday = Self.mitsotakis.replacingOccurrences(of: "Πέμπτη", with: "Παρασκευή")
        // Two words added to 17: ⌊100 × 17 / 19⌋ = 89.
        let added = Self.mitsotakis.replacingOccurrences(of: "Βρυξέλλες", with: "Βρυξέλλες του Βελγίου")
        // 16 words ("2,5%" is two), 5 replaced: ⌊100 × 11 / 16⌋ = 68, under 75.
        let budget = "Ο υπουργός Εξωτερικών ανέφερε ότι ο προϋπολογισμός του 2026 προβλέπει πρωτογενές έλλειμμα 3,5% του ΑΕΠ."
        let matches = try memory.lookup([friday, added, budget], sourceLanguage: "el", targetLanguage: "en", threshold: 75)
        #expect(matches[0]?.score == 94)
        #expect(matches[0]?.segment.target == "Prime Minister Kyriakos Mitsotakis will travel to Brussels on Thursday for the European Union summit.")
        #expect(matches[0]?.segment.source == Self.mitsotakis)
        #expect(matches[1]?.score == 89)
        #expect(matches[2] == nil)
        let lower = try memory.lookup([budget], sourceLanguage: "el", targetLanguage: "en", threshold: 65)
        #expect(lower[0]?.score == 68)
        #expect(lower[0]?.segment.originDescription == "desk-el-en.tmx#ana-0008")
        // Threshold 100: exact matches only.
        #expect(try memory.lookup([friday, Self.mitsotakis], sourceLanguage: "el", targetLanguage: "en", threshold: 100).map { $0?.score } == [nil, 100])
    }

    @Test func wordEditScores() {
        func words(_ text: String) -> [UInt64] { text.split(separator: " ").map { UInt64(bitPattern: Int64($0.hashValue)) } }
        #expect(MemoryText.editDistance(words("a b c d"), words("a b c d")) == 0)
        #expect(MemoryText.editDistance(words("a b c d"), words("a x c d")) == 1)
        #expect(MemoryText.editDistance(words("a b c d"), words("b c d")) == 1)
        #expect(MemoryText.editDistance(words("a b c d"), words("d c b a")) == 4)
        #expect(MemoryText.editDistance([], words("a b")) == 2)
        #expect(MemoryText.score(words("a b c d"), words("a x c d")) == 75)
        #expect(MemoryText.score(words("a b c d e f g"), words("a b c d e f")) == 85)
        #expect(MemoryText.collapsingWhitespace("  a\u{00A0}\u{2009} b\n\tc  ") == "a b c")
    }

    @Test func theLatestTranslationOfAParagraphIsProposed() throws {
        let memory = try TranslationMemory(path: try Self.temporaryArchive())
        let source = "Η Βουλή ψήφισε το νομοσχέδιο με 158 ψήφους υπέρ."
        try memory.add([Self.entry(source, "Parliament passed the bill with 158 votes in favour.")], now: Date(timeIntervalSince1970: 1_700_000_000))
        try memory.add([Self.entry(source, "Parliament approved the bill by 158 votes.")], now: Date(timeIntervalSince1970: 1_700_100_000))
        // The same pair again, with other spacing: kept once.
        let again = try memory.add([Self.entry(source + "  ", "Parliament  approved the bill by 158 votes.")])
        #expect(again.known == 1)
        #expect(try memory.stats().segments == 2)
        let match = try memory.lookup([source], sourceLanguage: "el", targetLanguage: "en")[0]
        #expect(match?.segment.target == "Parliament approved the bill by 158 votes.")
    }

    /// Prefix filtering must lose no match: on a random memory, the fuzzy lookup finds a
    /// paragraph scoring as high as the best one found by scoring every stored paragraph.
    @Test func fuzzyLookupFindsWhatAFullScanFinds() throws {
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        // A Zipf-like vocabulary: a few very common words, many rare ones.
        let vocabulary = (0..<3000).map { "λέξη\($0)" }
        func word() -> String { vocabulary[min(vocabulary.count - 1, Int(pow(Double(next() % 10_000) / 10_000, 3) * 3000))] }
        let sources = (0..<400).map { _ in (0..<(4 + next() % 30)).map { _ in word() }.joined(separator: " ") }
        let memory = try TranslationMemory(path: try Self.temporaryArchive())
        try memory.add(sources.enumerated().map { Self.entry($1, "translation \($0)") })
        let text = try MemoryText()
        let stored = try sources.map { try text.words(ofKey: text.key($0)) }
        var queries: [String] = []
        for _ in 0..<100 {
            var words = sources[next() % sources.count].split(separator: " ").map(String.init)
            for _ in 0..<(next() % 5) {
                switch next() % 3 {
                case 0 where words.count > 1: words.remove(at: next() % words.count)
                case 1: words.insert(word(), at: next() % (words.count + 1))
                default: words[next() % words.count] = word()
                }
            }
            queries.append(words.joined(separator: " "))
        }
        // The best score over the whole memory, by brute force.
        let expected = try queries.map { query -> Int in
            let words = try text.words(ofKey: text.key(query))
            if sources.contains(where: { (try? text.key($0)) == (try? text.key(query)) }) { return 100 }
            return min(99, stored.map { MemoryText.score(words, $0) }.max() ?? 0)
        }
        #expect(expected.filter { $0 >= 75 && $0 < 100 }.count >= 20)  // the test exercises fuzzy matches
        for threshold in [60, 75, 90] {
            let found = try memory.lookup(queries, sourceLanguage: "el", targetLanguage: "en", threshold: threshold, candidates: 1000)
            for (index, match) in found.enumerated() {
                if expected[index] >= threshold {
                    #expect(match?.score == expected[index], "\(queries[index]) at \(threshold)%")
                } else {
                    #expect(match == nil, "\(queries[index]) at \(threshold)%")
                }
            }
        }
    }

    // MARK: Writers and bad archives

    @Test func concurrentImportsAllLand() async throws {
        let path = try Self.temporaryArchive()
        _ = try TranslationMemory(path: path)
        try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    // Each writer its own connection, as separate processes would have.
                    let memory = try TranslationMemory(path: path)
                    var added = 0
                    for batch in 0..<5 {
                        let entries = (0..<40).map { i in
                            Self.entry("Παράγραφος \(writer) \(batch) \(i) για τον σεισμό στην Κρήτη.", "Paragraph \(writer) \(batch) \(i) on the Crete quake.")
                        }
                        added += try memory.add(entries).added
                    }
                    return added
                }
            }
            var total = 0
            for try await added in group { total += added }
            #expect(total == 800)
        }
        let memory = try TranslationMemory(path: path, create: false)
        #expect(try memory.stats().segments == 800)
        let match = try memory.lookup(["Παράγραφος 3 4 39 για τον σεισμό στην Κρήτη."], sourceLanguage: "el", targetLanguage: "en")[0]
        #expect(match?.segment.target == "Paragraph 3 4 39 on the Crete quake.")
    }

    @Test func theMemoryFileIsAlsoAValidDedupArchive() async throws {
        let path = try Self.temporaryArchive()
        let memory = try TranslationMemory(path: path)
        try memory.add([Self.entry(Self.mitsotakis, "Prime Minister Kyriakos Mitsotakis will travel to Brussels.")])
        // The dedup stage's store opens it and records in it; the memory is still there.
        let store = try SQLiteStore(path: path, parameters: MatchSettings().parametersDescription)
        let stage = DedupStage(store: store)
        var story = try PlainTextReader.read(SourceFile(path: "s.txt", text: "Headline here\n\nSome paragraph of wire copy about a summit in Brussels on Thursday.\n"))
        try await stage.process(&story, context: StageContext(mode: .transform))
        #expect(try await store.stats().stories == 1)
        #expect(try TranslationMemory(path: path).stats().segments == 1)
        // And an archive made by the dedup stage takes a memory.
        let archive = try Self.temporaryArchive()
        _ = try SQLiteStore(path: archive, parameters: MatchSettings().parametersDescription)
        #expect(try TranslationMemory(path: archive, create: false).stats().segments == 0)
        #expect(try TranslationMemory(path: archive).add([Self.entry("Α.", "A.")]).added == 1)
    }

    @Test func badArchivesAreErrorsNamingTheFileAndAreLeftAlone() throws {
        let directory = try Self.temporaryArchive()
        // Not SQLite.
        let text = directory + ".txt"
        try "not a database\n".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(throws: CopydeskError.self) { _ = try TranslationMemory(path: text) }
        do { _ = try TranslationMemory(path: text) } catch { #expect("\(error)".hasPrefix(text + ": not a Copydesk archive")) }
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "not a database\n")

        // Corrupt pages after a valid header.
        let path = try Self.temporaryArchive()
        let memory = try TranslationMemory(path: path)
        try memory.add((0..<300).map { Self.entry("Παράγραφος αριθμός \($0) με αρκετές λέξεις για να γεμίσει σελίδες.", "Paragraph \($0).") })
        // Fold the WAL into the file first, so the damage is in what SQLite reads.
        try? FileManager.default.removeItem(atPath: path + "-shm")
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.count > 8192)
        for i in 4096..<min(bytes.count, 40960) { bytes[i] = UInt8(truncatingIfNeeded: i &* 31) }
        let corrupt = try Self.temporaryArchive()
        try Data(bytes).write(to: URL(fileURLWithPath: corrupt))
        var failed = false
        do {
            let damaged = try TranslationMemory(path: corrupt)
            _ = try damaged.lookup(["Παράγραφος αριθμός 7 με αρκετές λέξεις για να γεμίσει σελίδες."], sourceLanguage: "el", targetLanguage: "en")
            _ = try damaged.add([Self.entry("Νέα.", "New.")])
        } catch {
            failed = true
            #expect("\(error)".hasPrefix(corrupt + ": "))
        }
        #expect(failed)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: corrupt))) == bytes)
    }

    // MARK: Preparing a new version

    @Test func aSecondVersionOfAStoryIsMostlyPreFilled() async throws {
        let memory = try TranslationMemory(path: try Self.temporaryArchive())
        func story(_ name: String) throws -> Story {
            let path = Self.examples + "/" + name
            return try PlainTextReader.read(SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8)))
        }
        let document = try MemoryEntries.align(source: try story("quake-v1-el.txt"), target: try story("quake-v1-en.txt"),
                                               sourceLanguage: nil, targetLanguage: nil, searchDirectories: [TranslationFixtures.projectRoot])
        #expect(document.sourceLanguage == "el" && document.targetLanguage == "en")
        let selection = MemoryEntries.from(document, file: "quake-v1-el.txt")
        #expect(selection.entries.count == 8)
        #expect(selection.entries.first?.unit == "headline")
        #expect(selection.entries.last?.unit == "paragraph 7")
        #expect(selection.entries[4].target.hasPrefix("\"We have no reports of material damage"))
        try memory.add(selection.entries)

        let prepared = try await TranslationPreparer(story: try story("quake-v2-el.txt"), original: "quake-v2-el.txt", memory: memory,
                                               sourceLanguage: "el", targetLanguage: "en", threshold: 75)
        #expect(prepared.units.map(\.status) == [.exact, .exact, .fuzzy(91), .exact, .new, .exact, .exact, .exact])
        #expect(prepared.summary == "8 paragraphs: 6 exact, 1 fuzzy (91%), 1 new")
        #expect(prepared.units[2].match?.segment.target == "The quake was felt across Crete and on islands of the Cyclades, with no reports of damage or injuries so far.")
        #expect(prepared.units[0].kind == .headline)

        // The XLIFF reads back through Copydesk's reader, unit for unit.
        let xliff = prepared.xliff()
        try MemoryXLIFFCheck.validate(xliff)
        let back = try BilingualReader.read(SourceFile(path: "out.xlf", text: xliff))
        #expect(back.format == "xliff-1.2")
        #expect(back.sourceLanguage == "el" && back.targetLanguage == "en")
        #expect(back.units.map(\.source.text) == prepared.units.map(\.source))
        #expect(back.units.map { $0.target?.text ?? "-" } == prepared.units.map { $0.match?.segment.target ?? "" })
        #expect(back.units.map(\.state) == ["translated", "translated", "needs-review-translation", "translated", "new", "translated", "translated", "translated"])
        #expect(xliff.contains("<alt-trans match-quality=\"91%\" origin=\"quake-v1-el.txt#paragraph 3\">"))
        // Once the translator has finished, the file goes back into the memory: only the
        // finished units (the exact ones here) are taken.
        let selectionBack = MemoryEntries.from(back, file: "out.xlf", sourceLanguage: nil, targetLanguage: nil)
        #expect(selectionBack.entries.count == 6)
        #expect(selectionBack.unfinished == 1 && selectionBack.untranslated == 1)
    }

    @Test func theXLIFFEscapesWhatXMLCannotCarryAsIs() async throws {
        let memory = try TranslationMemory(path: try Self.temporaryArchive())
        let source = "Η «Α&Β» είπε: <όχι> \"τώρα\"\u{1}."
        try memory.add([Self.entry(source, "A&B said: <no> \"now\".")])
        let story = try PlainTextReader.read(SourceFile(path: "s.txt", text: source + "\n\nΆλλη παράγραφος & τέλος.\n"))
        let prepared = try await TranslationPreparer(story: story, original: "a&b <x>.txt", memory: memory, sourceLanguage: "el", targetLanguage: "en", threshold: 75)
        let xliff = prepared.xliff()
        #expect(xliff.contains("original=\"a&amp;b &lt;x&gt;.txt\""))
        #expect(!xliff.contains("\u{1}"))
        try MemoryXLIFFCheck.validate(xliff)
        let back = try BilingualReader.read(SourceFile(path: "out.xlf", text: xliff))
        #expect(back.units.map(\.source.text) == ["Η «Α&Β» είπε: <όχι> \"τώρα\".", "Άλλη παράγραφος & τέλος."])
        #expect(back.units[0].target?.text == "A&B said: <no> \"now\".")
        #expect(back.units[0].state == "translated")
        #expect(back.units[1].target?.text == "")
    }
}

/// Structural checks of an XLIFF 1.2 document against the rules of the OASIS schema
/// (xliff-core-1.2-strict.xsd) that the prepared files use: root and namespace, `file`'s
/// required attributes, the order of `trans-unit` children, unique ids, the state and
/// state-qualifier value lists, language tags, and `alt-trans` contents.
enum MemoryXLIFFCheck {
    struct Invalid: Error, CustomStringConvertible { var description: String }

    static let states: Set<String> = ["final", "needs-adaptation", "needs-l10n", "needs-review-adaptation", "needs-review-l10n",
                                      "needs-review-translation", "needs-translation", "new", "signed-off", "translated"]
    static let qualifiers: Set<String> = ["exact-match", "fuzzy-match", "id-match", "leveraged-glossary", "leveraged-inherited", "leveraged-mt",
                                          "leveraged-repository", "leveraged-tm", "mt-suggestion", "rejected-grammar", "rejected-inaccurate",
                                          "rejected-length", "rejected-spelling", "tm-suggestion"]

    static func validate(_ text: String) throws {
        let root = try XMLScanner.tree(SourceFile(path: "out.xlf", text: text))
        func check(_ condition: Bool, _ message: String) throws { if !condition { throw Invalid(description: message) } }
        func language(_ value: String?) -> Bool { value.map(TranslationPreparer.isLanguageTag) ?? false }
        try check(root.local == "xliff" && root.name.namespace == "urn:oasis:names:tc:xliff:document:1.2", "root")
        try check(root.attribute("version") == "1.2", "version")
        let files = root.children("file")
        try check(files.count == 1, "one file")
        let file = files[0]
        try check(file.attribute("original") != nil && file.attribute("datatype") == "plaintext", "file attributes")
        try check(language(file.attribute("source-language")) && language(file.attribute("target-language")), "file languages")
        try check(file.elements.map(\.local) == ["header", "body"], "file children")
        let tools = file.child("header")?.children("tool") ?? []
        try check(tools.allSatisfy { $0.attribute("tool-id") != nil && $0.attribute("tool-name") != nil }, "tool")
        var ids = Set<String>()
        for unit in file.child("body")?.elements ?? [] {
            try check(unit.local == "trans-unit", "body holds trans-units")
            let id = unit.attribute("id") ?? ""
            try check(!id.isEmpty && ids.insert(id).inserted, "unique unit id")
            let children = unit.elements.map(\.local)
            try check(children.first == "source", "source first")
            try check(children.dropFirst().first == "target", "then target")
            try check(children.dropFirst(2).allSatisfy { $0 == "note" || $0 == "alt-trans" }, "then notes and alt-trans")
            let target = unit.child("target")!
            try check(target.attribute("state").map(states.contains) ?? true, "state value")
            try check(target.attribute("state-qualifier").map(qualifiers.contains) ?? true, "state-qualifier value")
            try check(target.elements.isEmpty && unit.child("source")!.elements.isEmpty, "plain text content")
            for alt in unit.children("alt-trans") {
                try check(alt.elements.map(\.local) == ["source", "target"], "alt-trans children")
                try check(alt.attribute("match-quality")?.hasSuffix("%") == true, "match-quality")
                for side in alt.elements {
                    if let lang = side.xmlLang { try check(language(lang), "alt-trans language") }
                }
            }
            for note in unit.children("note") { try check(note.elements.isEmpty, "note is text") }
        }
        try check(!ids.isEmpty, "at least one unit")
    }
}
