import Foundation
import Testing

/// `copydesk run --output DIR`: every story of a run gets its own file, nothing that exists is
/// replaced without `--force`, and a missing folder is made.
@Suite struct RunOutputTests {
    static let anpa = CLI.projectRoot.appendingPathComponent("../shared/samples/anpa")

    static func files(under folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(path)
            }
        }
        return found.sorted()
    }

    @Test func twoStreamsWithOneBaseNameGetDistinctFilesInANewFolder() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out/plain")
        let streams = ["testfile.ap", "testfile.baycity"].map { Self.anpa.appendingPathComponent($0).path }
        let result = try CLI.run(["run", "--fail-on", "never", "--no-source", "--output-format", "plain", "--output", output.path] + streams)
        #expect(result.status == 0, "\(result.stderr)")
        let written = Self.files(under: output)
        #expect(written.filter { $0.hasPrefix("testfile.ap-") }.count == 4, "\(written)")
        #expect(written.filter { $0.hasPrefix("testfile.baycity-") }.count > 4, "\(written)")
        #expect(written.allSatisfy { $0.hasSuffix(".txt") })
        // Every story of both streams is there: no file was written twice.
        var texts = Set<String>()
        for name in written { texts.insert(try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)) }
        #expect(texts.count == written.count, "each file holds a different story")
    }

    @Test func sameNamesFromTwoFoldersAndSubfoldersStayApart() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (folder, city) in [("morning", "ATHENS"), ("evening", "MOSCOW"), ("evening/sport", "ROME")] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
            try "Headline\n\n\(city) (AP) -- A story from \(folder).\n".write(to: directory.appendingPathComponent("\(folder)/story.txt"), atomically: true, encoding: .utf8)
        }
        let result = try CLI.run(["run", "--fail-on", "never", "--output", "out", "morning", "evening"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let out = directory.appendingPathComponent("out")
        #expect(Self.files(under: out) == ["sport/story.txt", "story.txt", "story~2.txt"])
        #expect(try String(contentsOf: out.appendingPathComponent("story.txt"), encoding: .utf8).contains("ATHENS (AP) — A story from morning."))
        #expect(try String(contentsOf: out.appendingPathComponent("story~2.txt"), encoding: .utf8).contains("MOSCOW (AP) —"))
        #expect(try String(contentsOf: out.appendingPathComponent("sport/story.txt"), encoding: .utf8).contains("ROME (AP) —"))
    }

    @Test func anExistingFileIsReplacedOnlyWithForce() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "Headline\n\nATHENS (AP) -- First.\n".write(to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "Headline\n\nMOSCOW (AP) -- Second.\n".write(to: directory.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("out"), withIntermediateDirectories: true)
        let kept = directory.appendingPathComponent("out/a.txt")
        try "an editor's version\n".write(to: kept, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["run", "--fail-on", "never", "--no-source", "--output", "out", "a.txt", "b.txt"], in: directory)
        #expect(refused.status == 2)
        #expect(refused.stdout.contains("a.txt: error: out/a.txt: exists: not overwritten (--force replaces it)"), "\(refused.stdout)")
        #expect(try String(contentsOf: kept, encoding: .utf8) == "an editor's version\n")
        #expect(try String(contentsOf: directory.appendingPathComponent("out/b.txt"), encoding: .utf8).contains("MOSCOW (AP) — Second."), "the batch went on")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("out").path).sorted() == ["a.txt", "b.txt"], "no temporary file left")
        let forced = try CLI.run(["run", "--fail-on", "never", "--force", "--output", "out", "a.txt", "b.txt"], in: directory)
        #expect(forced.status == 0, "\(forced.stdout)")
        #expect(try String(contentsOf: kept, encoding: .utf8).contains("ATHENS (AP) — First."))
    }

    @Test func anOutputPathThatIsAFileIsAUsageError() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "x\n".write(to: directory.appendingPathComponent("taken"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["run", "--output", "taken/out", "../x.txt"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("copydesk: taken/out: cannot create the output folder ("), "\(result.stderr)")
    }
}
