import Foundation
import Testing

/// A desk's folder holds more than copy: photos, PDFs, zips, the archive. Rewriting one of them as
/// text destroys it, so a folder walk takes only copy and a named binary file is an error; a
/// FIFO or device never blocks the batch. Every non-copy file is compared byte for byte after
/// `lint --fix` and `normalize --in-place`.
@Suite struct FolderWalkSafetyTests {
    static let notCopy = CLI.projectRoot.appendingPathComponent("Tests/Corpus/not-copy")
    static let ansa = "Headline\n\nATHENS, Greece (AP) -- The tax\u{200B} would raise 40 million euros, the ministry said Tuesday.\n"
    static let moscow = "Kremlin talks\n\nMOSCOW (AP) -- Russian officials met on Wednesday , the ministry said.\n"

    /// A desk folder: two stories, a story in a subfolder, every file of `Tests/Corpus/not-copy`
    /// (some renamed to copy extensions, so only their content gives them away), an SQLite archive
    /// made by `copydesk archive add`, a FIFO, and copy inside `.git/`, `.copydesk/` and `.build/`
    /// that must not be touched either.
    static func makeDesk() throws -> (root: URL, stories: [String], untouchable: [String]) {
        let root = try CLI.temporaryDirectory()
        let fileManager = FileManager.default
        for folder in ["desk/sport", "desk/.git", "desk/.copydesk", "desk/.build", "desk/.drafts"] {
            try fileManager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let desk = root.appendingPathComponent("desk")
        try ansa.write(to: desk.appendingPathComponent("athens.txt"), atomically: true, encoding: .utf8)
        try moscow.write(to: desk.appendingPathComponent("moscow.md"), atomically: true, encoding: .utf8)
        try ansa.write(to: desk.appendingPathComponent("sport/final.txt"), atomically: true, encoding: .utf8)
        var untouchable: [String] = []
        for name in try fileManager.contentsOfDirectory(atPath: notCopy.path) where name != "README.md" {
            try fileManager.copyItem(at: notCopy.appendingPathComponent(name), to: desk.appendingPathComponent(name))
            untouchable.append("desk/" + name)
        }
        // Binary content behind copy extensions: only sniffing tells.
        for (source, disguise) in [("photo.png", "caption.txt"), ("notice.pdf", "notice.md"), ("letter.docx", "sport/letter.xml"), ("scan.bmp", "sport/scan.json")] {
            try fileManager.copyItem(at: notCopy.appendingPathComponent(source), to: desk.appendingPathComponent(disguise))
            untouchable.append("desk/" + disguise)
        }
        // A real archive of the desk's stories, and the same database behind a .txt name.
        let archive = desk.appendingPathComponent("archive.sqlite").path
        let add = try CLI.run(["archive", "add", "--store", archive, desk.appendingPathComponent("athens.txt").path, desk.appendingPathComponent("moscow.md").path])
        #expect(add.status == 0, "\(add.stderr)")
        try fileManager.copyItem(atPath: archive, toPath: desk.appendingPathComponent("archive-copy.txt").path)
        untouchable += ["desk/archive.sqlite", "desk/archive-copy.txt"]
        for hidden in [".git/COMMIT_EDITMSG.txt", ".copydesk/notes.txt", ".build/story.txt", ".drafts/draft.txt", ".hidden-story.txt"] {
            try ansa.write(to: desk.appendingPathComponent(hidden), atomically: true, encoding: .utf8)
            untouchable.append("desk/" + hidden)
        }
        #expect(mkfifo(desk.appendingPathComponent("sport/wire.txt").path, 0o644) == 0)
        return (root, ["desk/athens.txt", "desk/moscow.md", "desk/sport/final.txt"], untouchable)
    }

    static func contents(_ root: URL, _ paths: [String]) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: paths.map { ($0, FileManager.default.contents(atPath: root.appendingPathComponent($0).path) ?? Data()) })
    }

    @Test(arguments: [["lint", "--fix", "--fail-on", "never"], ["normalize", "--in-place"]])
    func aFolderWalkChangesOnlyTheStories(command: [String]) throws {
        let (root, stories, untouchable) = try Self.makeDesk()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = Self.contents(root, untouchable)
        #expect(before.values.allSatisfy { !$0.isEmpty })
        let result = try ReliabilityHostileInputTests.run(command + ["desk"], timeout: 60, in: root)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        for path in untouchable {
            #expect(Self.contents(root, [path])[path] == before[path], "\(path) was changed")
        }
        for story in stories {
            let text = try String(contentsOf: root.appendingPathComponent(story), encoding: .utf8)
            #expect(text.contains("(AP) — "), "\(story) was fixed: \(text)")
            #expect(!text.contains("\u{200B}"))
        }
        // Each skipped file is named once on standard error, with why.
        for (path, kind) in [("desk/caption.txt", "PNG image"), ("desk/notice.md", "PDF document"), ("desk/archive-copy.txt", "SQLite database"),
                             ("desk/sport/letter.xml", "ZIP archive"), ("desk/sport/scan.json", "NUL bytes")] {
            let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("copydesk: \(path): skipped: binary file (") }
            #expect(lines.count == 1 && lines[0].contains(kind), "\(path): \(result.stderr)")
        }
        #expect(result.stderr.contains("copydesk: desk/sport/wire.txt: skipped: FIFO (named pipe), not a regular file"))
        #expect(result.stderr.contains("copydesk: desk: skipped 10 files that are not copy by extension ("))
        #expect(!result.stderr.contains(".git") && !result.stderr.contains(".copydesk/") && !result.stderr.contains("draft"))
        // The archive still opens and still knows both stories.
        let stats = try CLI.run(["archive", "stats", "--store", root.appendingPathComponent("desk/archive.sqlite").path])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("  stories: 2\n"), "\(stats.stdout)")
    }

    @Test func aBinaryFileNamedExplicitlyIsAnErrorAndTheBatchGoesOn() throws {
        let (root, _, _) = try Self.makeDesk()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = Self.contents(root, ["desk/caption.txt", "desk/archive.sqlite"])
        let result = try ReliabilityHostileInputTests.run(["lint", "--fix", "--no-source", "desk/caption.txt", "desk/archive.sqlite", "desk/athens.txt"], in: root)
        #expect(result.status == 2)
        #expect(result.stdout.contains("desk/caption.txt: error: binary file (PNG image), not copy: not read, nothing written\n"))
        #expect(result.stdout.contains("desk/archive.sqlite: error: binary file (SQLite database), not copy"))
        #expect(Self.contents(root, ["desk/caption.txt", "desk/archive.sqlite"]) == before)
        #expect(try String(contentsOf: root.appendingPathComponent("desk/athens.txt"), encoding: .utf8).contains("(AP) — "), "the story after them was fixed")
        let normalize = try ReliabilityHostileInputTests.run(["normalize", "desk/notice.md", "desk/moscow.md"], in: root)
        #expect(normalize.status == 2)
        #expect(normalize.stderr.contains("copydesk: desk/notice.md: binary file (PDF document), not copy"))
        #expect(normalize.stdout.contains("MOSCOW (AP) — Russian officials"))
    }

    @Test func binaryStandardInputIsRefused() throws {
        let png = Self.notCopy.appendingPathComponent("photo.png").path
        let result = try ReliabilityHostileInputTests.run(["-c", "'\(CLI.executable.path)' normalize - < '\(png)'"], executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 2)
        #expect(result.stderr == "copydesk: <stdin>: binary input (PNG image), not copy: not read\n")
        #expect(result.stdout.isEmpty)
    }

    /// Issue 18: a FIFO named between two good files used to block `open()` for ever.
    @Test(arguments: [["lint", "--no-source"], ["normalize", "--in-place"], ["run"]])
    func aFIFOBetweenTwoGoodFilesDoesNotHangTheBatch(command: [String]) throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.ansa.write(to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try Self.moscow.write(to: directory.appendingPathComponent("c.txt"), atomically: true, encoding: .utf8)
        #expect(mkfifo(directory.appendingPathComponent("b.txt").path, 0o644) == 0)
        let result = try ReliabilityHostileInputTests.run(command + ["a.txt", "b.txt", "c.txt"], timeout: 30, in: directory)
        #expect(!result.signalled)
        #expect(result.status == 2)
        #expect((result.stdout + result.stderr).contains("b.txt: error: is a FIFO (named pipe), not a regular file: not read")
                || result.stderr.contains("copydesk: b.txt: is a FIFO (named pipe), not a regular file: not read"), "\(result.stdout)\(result.stderr)")
        if command.contains("--in-place") {
            #expect(try String(contentsOf: directory.appendingPathComponent("c.txt"), encoding: .utf8).contains("MOSCOW (AP) — "))
        } else {
            #expect(result.stdout.contains("c.txt"), "the file after the FIFO was processed")
        }
    }

    @Test func devicesAreRefusedByName() throws {
        let result = try ReliabilityHostileInputTests.run(["lint", "--no-source", "/dev/null", "/dev/zero", Self.exampleStory], timeout: 30)
        #expect(result.status == 2)
        #expect(result.stdout.contains("/dev/null: error: is a character device, not a regular file: not read"))
        #expect(result.stdout.contains("athens-cafe-tax.txt:"), "the story after the devices was linted")
    }

    static let exampleStory = "Examples/athens-cafe-tax.txt"

    @Test func extensionsOptionChoosesWhatAWalkTakes() throws {
        let (root, _, _) = try Self.makeDesk()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try ReliabilityHostileInputTests.run(["lint", "--no-source", "--fail-on", "never", "--extensions", "md", "desk"], in: root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("desk/moscow.md:"))
        #expect(!result.stdout.contains("athens.txt"))
        #expect(result.stderr.contains("copydesk: desk/notice.md: skipped: binary file (PDF document)"))
        let none = try ReliabilityHostileInputTests.run(["lint", "--extensions", "doc", "desk"], in: root)
        #expect(none.status == 2)
        #expect(none.stderr.hasSuffix("copydesk: desk: no copy files to process (see the notes above; --extensions and the repo config's include/exclude set what a folder walk takes)\n"))
    }
}
