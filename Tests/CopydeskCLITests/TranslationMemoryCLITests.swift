import Foundation
import Testing

/// `copydesk tm …` and `copydesk translate prepare` as a translator would use them.
@Suite struct TranslationMemoryCLITests {
    static let examples = "Examples/translation-memory/"

    static func archiveBytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func aSecondVersionGetsAnXLIFFMostlyPreFilledFromTheFirstTranslation() throws {
        let directory = try CLI.temporaryDirectory()
        let archive = directory.appendingPathComponent("archive.sqlite").path
        let add = try CLI.run(["tm", "add", "--archive", archive, "--source", Self.examples + "quake-v1-el.txt", "--target", Self.examples + "quake-v1-en.txt"])
        #expect(add.status == 0)
        #expect(add.stderr.contains("(el → en): 8 pairs aligned; 8 added, 0 already in the memory"))

        let out = directory.appendingPathComponent("v2.xlf").path
        let prepare = try CLI.run(["translate", "prepare", "--archive", archive, "--source", Self.examples + "quake-v2-el.txt", "-o", out])
        #expect(prepare.status == 0)
        #expect(prepare.stdout.isEmpty)
        #expect(prepare.stderr == Self.examples + "quake-v2-el.txt: 8 paragraphs: 6 exact, 1 fuzzy (91%), 1 new\n")
        let xliff = try String(contentsOfFile: out, encoding: .utf8)
        #expect(xliff.components(separatedBy: "state-qualifier=\"exact-match\"").count - 1 == 6)
        #expect(xliff.contains("<target state=\"needs-review-translation\" state-qualifier=\"fuzzy-match\">The quake was felt across Crete and on islands of the Cyclades"))
        #expect(xliff.contains("<alt-trans match-quality=\"91%\""))
        #expect(xliff.contains("<source>Σύμφωνα με την Πολιτική Προστασία, τα σχολεία του Ηρακλείου θα λειτουργήσουν κανονικά την Τετάρτη, αφού ολοκληρωθούν οι αυτοψίες των μηχανικών.</source>\n        <target state=\"new\"/>"))
        // The removed paragraph (the epicentre) is not in the new file.
        #expect(!xliff.contains("23 kilometres"))

        // Without -o the XLIFF goes to standard output, the same bytes.
        let stdout = try CLI.run(["translate", "prepare", "--archive", archive, "--source", Self.examples + "quake-v2-el.txt"])
        #expect(stdout.stdout == xliff)
        // A device is written to, not replaced by a file.
        let device = try CLI.run(["translate", "prepare", "--archive", archive, "--source", Self.examples + "quake-v2-el.txt", "-o", "/dev/stdout"])
        #expect(device.status == 0)
        #expect(device.stdout == xliff)

        // Copydesk reads its own XLIFF back: the lint stage sees the 8 units as a translated story.
        let inspect = try CLI.run(["lint", "--format", "json", "--fail-on", "never", out])
        #expect(inspect.status == 0)
        #expect(inspect.stdout.contains("\"aligned-by\" : \"file\"") || inspect.stdout.contains("\"aligned-by\":\"file\""))

        // The translator finishes the file; importing it adds the finished units only.
        let finished = xliff.replacingOccurrences(of: "state=\"needs-review-translation\"", with: "state=\"translated\"")
            .replacingOccurrences(of: "<target state=\"new\"/>",
                                  with: "<target state=\"translated\">Civil Protection said schools in Heraklion would open as usual on Wednesday, once engineers have inspected them.</target>")
        let finishedPath = directory.appendingPathComponent("v2-done.xlf").path
        try finished.write(toFile: finishedPath, atomically: true, encoding: .utf8)
        let back = try CLI.run(["tm", "import", "--archive", archive, finishedPath])
        #expect(back.status == 0)
        #expect(back.stderr.contains("8 units, 8 taken"))
        #expect(back.stderr.contains("2 pairs added, 6 already in the memory"))
        let stats = try CLI.run(["tm", "stats", "--archive", archive])
        #expect(stats.stdout.contains("segments: 10\n"))
        #expect(stats.stdout.contains("from: 8 pair, 2 xliff (2 files)"))

        // The same file still serves the dedup archive.
        let record = try CLI.run(["archive", "add", "--store", archive, Self.examples + "quake-v1-en.txt"])
        #expect(record.status == 0)
        #expect(record.stderr.contains("1 story recorded"))
    }

    @Test func importsATMXAndSaysWhatItLeftOut() throws {
        let directory = try CLI.temporaryDirectory()
        let archive = directory.appendingPathComponent("tm.sqlite").path
        let result = try CLI.run(["tm", "import", "--archive", archive, Self.examples + "desk-el-en.tmx"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("desk-el-en.tmx: 8 units, 7 taken; left out: 1 without a translation"))
        #expect(result.stderr.contains("6 pairs added, 1 already in the memory"))
        let french = try CLI.run(["tm", "import", "--archive", archive, "--source-lang", "el", "--target-lang", "fr", Self.examples + "desk-el-en.tmx"])
        #expect(french.stderr.contains("0 taken; left out: 1 without a translation, 7 in another language pair"))
        let stats = try CLI.run(["tm", "stats", "--archive", archive])
        #expect(stats.stdout.contains("segments: 6\n    el → en: 5\n    el → en-gb: 1\n"))

        let story = directory.appendingPathComponent("new.txt")
        try "Ο πρωθυπουργός Κυριάκος Μητσοτάκης θα μεταβεί την Παρασκευή στις Βρυξέλλες για τη Σύνοδο Κορυφής της Ευρωπαϊκής Ένωσης.\n"
            .write(to: story, atomically: true, encoding: .utf8)
        let prepare = try CLI.run(["translate", "prepare", "--archive", archive, "--source", story.path])
        #expect(prepare.stderr.hasSuffix("new.txt: 1 paragraph: 0 exact, 1 fuzzy (94%), 0 new\n"))
        #expect(prepare.stdout.contains("origin=\"Examples/translation-memory/desk-el-en.tmx#ana-0001\""))
        let strict = try CLI.run(["translate", "prepare", "--archive", archive, "--threshold", "95", "--source", story.path])
        #expect(strict.stderr.hasSuffix("1 paragraph: 0 exact, 0 fuzzy, 1 new\n"))
    }

    @Test func badInputIsExitTwoWithOneLineNamingTheFileAndTheArchiveIsUntouched() throws {
        let directory = try CLI.temporaryDirectory()
        let archive = directory.appendingPathComponent("tm.sqlite").path
        #expect(try CLI.run(["tm", "import", "--archive", archive, Self.examples + "desk-el-en.tmx"]).status == 0)
        let before = Self.archiveBytes(archive)

        func expectFailure(_ arguments: [String], naming file: String) throws {
            let result = try CLI.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(result.stderr.contains(file), "\(result.stderr)")
        }
        let missing = directory.appendingPathComponent("missing.tmx").path
        try expectFailure(["tm", "import", "--archive", archive, missing], naming: missing)
        try expectFailure(["tm", "import", "--archive", archive, Self.examples + "desk-el-en.tmx", "Examples/athens-cafe-tax.txt"], naming: "athens-cafe-tax.txt")
        let truncated = directory.appendingPathComponent("truncated.tmx").path
        let tmx = try String(contentsOfFile: Self.examples + "desk-el-en.tmx", encoding: .utf8)
        try String(tmx.prefix(tmx.count / 2)).write(toFile: truncated, atomically: true, encoding: .utf8)
        try expectFailure(["tm", "import", "--archive", archive, truncated], naming: truncated)
        try expectFailure(["tm", "add", "--archive", archive, "--source", missing, "--target", Self.examples + "quake-v1-en.txt"], naming: missing)
        try expectFailure(["translate", "prepare", "--archive", archive, "--source", missing], naming: missing)
        // The archive is exactly as it was (nothing of the good file went in either).
        #expect(Self.archiveBytes(archive) == before)
        #expect(try CLI.run(["tm", "stats", "--archive", archive]).stdout.contains("segments: 6\n"))

        // A corrupt archive: an error naming it, and its bytes unchanged.
        let corrupt = directory.appendingPathComponent("corrupt.sqlite").path
        var bytes = [UInt8](before!)
        for i in 100..<bytes.count { bytes[i] = UInt8(truncatingIfNeeded: i &* 131) }
        try Data(bytes).write(to: URL(fileURLWithPath: corrupt))
        try expectFailure(["tm", "import", "--archive", corrupt, Self.examples + "desk-el-en.tmx"], naming: corrupt)
        try expectFailure(["translate", "prepare", "--archive", corrupt, "--source", Self.examples + "quake-v2-el.txt"], naming: corrupt)
        try expectFailure(["tm", "stats", "--archive", corrupt], naming: corrupt)
        #expect(Self.archiveBytes(corrupt) == Data(bytes))
        // A file that is not a database at all.
        let text = directory.appendingPathComponent("notes.txt").path
        try "desk notes\n".write(toFile: text, atomically: true, encoding: .utf8)
        try expectFailure(["tm", "import", "--archive", text, Self.examples + "desk-el-en.tmx"], naming: text)
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "desk notes\n")
        // An explicit archive that does not exist is an error for prepare, and is not created.
        let absent = directory.appendingPathComponent("absent.sqlite").path
        try expectFailure(["translate", "prepare", "--archive", absent, "--source", Self.examples + "quake-v2-el.txt"], naming: absent)
        #expect(!FileManager.default.fileExists(atPath: absent))
    }

    @Test func withoutArchiveTheMemoryIsThePipelinesDedupArchive() throws {
        let directory = try CLI.temporaryDirectory()
        let pipeline = directory.appendingPathComponent("desk.yml").path
        try "name: desk\nstages:\n  - normalize\n  - dedup:\n      store: store/desk.sqlite\n".write(toFile: pipeline, atomically: true, encoding: .utf8)
        let root = CLI.projectRoot.path + "/"
        // No memory yet: prepare says so and proposes nothing, and creates no file.
        let empty = try CLI.run(["translate", "prepare", "--pipeline", pipeline, "--source", root + Self.examples + "quake-v2-el.txt"], in: directory)
        #expect(empty.status == 0)
        #expect(empty.stderr.contains("no translation memory at \(directory.path)/store/desk.sqlite yet; every paragraph is new"))
        #expect(empty.stderr.contains("8 paragraphs: 0 exact, 0 fuzzy, 8 new"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/store/desk.sqlite"))

        let add = try CLI.run(["tm", "add", "--pipeline", pipeline, "--source", root + Self.examples + "quake-v1-el.txt",
                               "--target", root + Self.examples + "quake-v1-en.txt"], in: directory)
        #expect(add.status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.path + "/store/desk.sqlite"))
        let prepare = try CLI.run(["translate", "prepare", "--pipeline", pipeline, "--source", root + Self.examples + "quake-v2-el.txt"], in: directory)
        #expect(prepare.stderr.hasSuffix("8 paragraphs: 6 exact, 1 fuzzy (91%), 1 new\n"))
        // The dedup stage of the same pipeline uses the same file.
        let run = try CLI.run(["archive", "add", "--pipeline", pipeline, root + Self.examples + "quake-v1-en.txt"], in: directory)
        #expect(run.status == 0)
        #expect(try CLI.run(["archive", "stats", "--pipeline", pipeline], in: directory).stdout.contains("stories: 1\n"))

        // Swapped or same-language files are refused.
        let same = try CLI.run(["tm", "add", "--pipeline", pipeline, "--source", root + Self.examples + "quake-v1-el.txt",
                                "--target", root + Self.examples + "quake-v2-el.txt"], in: directory)
        #expect(same.status == 2)
        #expect(same.stderr.contains("both in 'el'"))
        let english = try CLI.run(["translate", "prepare", "--pipeline", pipeline, "--source", root + Self.examples + "quake-v1-en.txt"], in: directory)
        #expect(english.status == 2)
        #expect(english.stderr.contains("already in 'en'"))
    }

    /// TMX with `count` distinct Greek/English units.
    static func bigTMX(_ count: Int, tag: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"el\" datatype=\"plaintext\" segtype=\"paragraph\" adminlang=\"en\" o-tmf=\"t\" creationtool=\"t\" creationtoolversion=\"1\"/><body>\n"
        for i in 0..<count {
            out += "<tu tuid=\"\(tag)-\(i)\"><tuv xml:lang=\"el\"><seg>Η παράγραφος \(tag) \(i) μιλά για τη συνεδρίαση του υπουργικού συμβουλίου στις \(i % 24):00.</seg></tuv>"
            out += "<tuv xml:lang=\"en\"><seg>Paragraph \(tag) \(i) is about the cabinet meeting at \(i % 24):00.</seg></tuv></tu>\n"
        }
        return out + "</body></tmx>\n"
    }

    static func segments(_ archive: String) throws -> Int? {
        let stats = try CLI.run(["tm", "stats", "--archive", archive])
        guard stats.status == 0 else { return nil }
        let line = stats.stdout.split(separator: "\n").first { $0.contains("segments:") }
        return line.flatMap { Int($0.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)) }
    }

    @Test func twoImportsAtOnceBothLandWhole() async throws {
        let directory = try CLI.temporaryDirectory()
        let archive = directory.appendingPathComponent("tm.sqlite").path
        let first = directory.appendingPathComponent("a.tmx").path, second = directory.appendingPathComponent("b.tmx").path
        try Self.bigTMX(1500, tag: "a").write(toFile: first, atomically: true, encoding: .utf8)
        try Self.bigTMX(1500, tag: "b").write(toFile: second, atomically: true, encoding: .utf8)
        async let a = Task.detached { try CLI.run(["tm", "import", "--archive", archive, first]) }.value
        async let b = Task.detached { try CLI.run(["tm", "import", "--archive", archive, second]) }.value
        let (ra, rb) = try await (a, b)
        #expect(ra.status == 0 && rb.status == 0, "\(ra.stderr) \(rb.stderr)")
        #expect(try Self.segments(archive) == 3000)
        #expect(try ReliabilityArchiveCrashTests.integrity(archive) == "ok")
    }

    /// An import killed at a random moment leaves the memory with all of it or none of it.
    @Test func aKilledImportLeavesAllOrNothing() throws {
        let directory = try CLI.temporaryDirectory()
        let archive = directory.appendingPathComponent("tm.sqlite").path
        let file = directory.appendingPathComponent("big.tmx").path
        try Self.bigTMX(6000, tag: "k").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["tm", "import", "--archive", archive, Self.examples + "desk-el-en.tmx"]).status == 0)
        var outcomes = Set<Int>()
        for delay in [0.3, 0.8, 1.5, 2.5] {
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["tm", "import", "--archive", archive, file]
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(try ReliabilityArchiveCrashTests.integrity(archive) == "ok")
            let count = try #require(try Self.segments(archive))
            #expect(count == 6 || count == 6006, "\(count) segments after a kill at \(delay)s")
            outcomes.insert(count)
            if count == 6006 { break }
        }
        // Finishing it afterwards works whatever happened.
        #expect(try CLI.run(["tm", "import", "--archive", archive, file]).status == 0)
        #expect(try Self.segments(archive) == 6006)
    }
}
