import Foundation
import Testing

/// A throwaway git repository of wire stories, driven as a desk would drive it.
struct GitRepository {
    let url: URL

    init() throws {
        url = try CLI.temporaryDirectory()
        try git("init", "-q", "-b", "main")
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Desk Editor", "-c", "user.email=desk@example.com", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = url
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GitFailure(arguments: arguments, status: process.terminationStatus) }
        return String(decoding: data, as: UTF8.self)
    }

    struct GitFailure: Error { var arguments: [String]; var status: Int32 }

    func write(_ path: String, _ text: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func append(_ path: String, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: url.appendingPathComponent(path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
    }

    func copydesk(_ arguments: [String]) throws -> CLI.Output {
        try CLI.run(arguments, in: url)
    }
}

enum WireStories {
    static let athens = """
        Athens cafe owners protest new tax

        ATHENS, Greece (AP) — Hundreds of cafe owners marched through central Athens on Tuesday, officials said.

        The finance ministry said the tax would raise 40 million euros a year.

        """

    static let piraeus = """
        Dock workers walk out at Piraeus

        PIRAEUS, Greece (AP) — Dock workers at Greece's largest port walked off the job on Tuesday.

        The union said the strike would last 48 hours.

        """

    static let rafina = """
        Ferry runs aground off Rafina

        RAFINA, Greece (AP) — A ferry carrying 300 passengers ran aground on September 3rd, the coast guard said.

        """
}

@Suite struct ChangedFilesTests {
    @Test func changedStagedAndNewOnlyFollowTheGitDiff() throws {
        let repo = try GitRepository()
        try repo.write("stories/athens.txt", WireStories.athens)
        try repo.write("stories/piraeus.txt", WireStories.piraeus)
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "Morning file")
        try repo.git("checkout", "-q", "-b", "desk/tuesday")
        // A committed change on the branch, and a new story not yet added.
        try repo.append("stories/athens.txt", "\nTalks with the minister will be held on September 15th.\n")
        try repo.git("commit", "-q", "-am", "Athens: talks date")
        try repo.write("stories/rafina.txt", WireStories.rafina)

        let changed = try repo.copydesk(["lint", "--changed", "--no-excerpt"])
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("stories/athens.txt:7:41: warning: use \"Sept. 15\""))
        #expect(changed.stdout.contains("stories/athens.txt:3:90: warning: \"officials said\""))
        #expect(changed.stdout.contains("stories/rafina.txt:3:70: warning: use \"Sept. 3\""))
        #expect(!changed.stdout.contains("piraeus"))
        #expect(changed.stdout.contains("in 2 files"))

        // Only the lines the branch adds: the old anonymous attribution on line 3 is not new.
        let newOnly = try repo.copydesk(["lint", "--changed", "--new-only", "--no-excerpt"])
        #expect(newOnly.stdout.contains("stories/athens.txt:7:41:"))
        #expect(!newOnly.stdout.contains("stories/athens.txt:3:"))
        #expect(newOnly.stdout.contains("stories/rafina.txt:3:70:"))

        // Against an explicit base that already has the Athens change, only the new story.
        let againstHead = try repo.copydesk(["lint", "--changed", "--base", "HEAD", "--no-excerpt"])
        #expect(!againstHead.stdout.contains("athens"))
        #expect(againstHead.stdout.contains("stories/rafina.txt"))

        // Nothing staged yet: nothing to check, and that is clean.
        let nothingStaged = try repo.copydesk(["lint", "--staged"])
        #expect(nothingStaged.status == 0)
        #expect(nothingStaged.stdout.contains("in 0 files"))
        #expect(nothingStaged.stderr.contains("no changed files"))

        // Stage an edit to Piraeus (a pre-commit hook's view): only it.
        try repo.append("stories/piraeus.txt", "\nOfficials said ferries would sail on October 2nd.\n")
        try repo.git("add", "stories/piraeus.txt")
        let staged = try repo.copydesk(["lint", "--staged", "--new-only", "--no-excerpt"])
        #expect(staged.status == 1)
        #expect(staged.stdout.contains("stories/piraeus.txt:7:"))
        #expect(!staged.stdout.contains("athens"))
        #expect(!staged.stdout.contains("rafina"))

        // A path narrows the selection; run from a subfolder, paths are relative to it.
        let narrowed = try CLI.run(["lint", "--changed", "--no-excerpt", "rafina.txt"], in: repo.url.appendingPathComponent("stories"))
        #expect(narrowed.stdout.contains("rafina.txt:3:70:"))
        #expect(!narrowed.stdout.contains("stories/"))
        #expect(!narrowed.stdout.contains("athens"))
    }

    @Test func notAGitRepositoryOrAnUnknownRefIsAnError() throws {
        let folder = try CLI.temporaryDirectory()
        try Data(WireStories.athens.utf8).write(to: folder.appendingPathComponent("athens.txt"))
        let outside = try CLI.run(["lint", "--changed"], in: folder)
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("not inside a git repository"))

        let repo = try GitRepository()
        try repo.write("athens.txt", WireStories.athens)
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "first")
        let unknown = try repo.copydesk(["lint", "--changed", "--base", "no-such-branch"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--base no-such-branch: unknown git ref"))
        let misuse = try repo.copydesk(["lint", "--new-only", "athens.txt"])
        #expect(misuse.status == 2)
        #expect(misuse.stderr.contains("--new-only needs --changed or --staged"))
    }
}

@Suite struct BaselineTests {
    @Test func baselineHidesRecordedFindingsAndSurvivesLineShifts() throws {
        let folder = try CLI.temporaryDirectory()
        let story = folder.appendingPathComponent("athens.txt")
        let text = WireStories.athens + "\nTalks with the minister will be held on September 15th.\n"
        try Data(text.utf8).write(to: story)

        let before = try CLI.run(["lint", "--no-excerpt", "athens.txt"], in: folder)
        #expect(before.status == 1)
        let write = try CLI.run(["baseline", "write", ".copydesk-baseline.json", "athens.txt"], in: folder)
        #expect(write.status == 0)
        #expect(write.stderr.contains("findings in 1 file recorded"))
        let first = try String(contentsOf: folder.appendingPathComponent(".copydesk-baseline.json"), encoding: .utf8)
        #expect(first.contains("\"rule\" : \"dates.month\""))
        #expect(first.contains("\"path\" : \"athens.txt\""))
        #expect(first.contains("\"text\" : \"September\""))
        // Stable: written again, byte for byte the same.
        _ = try CLI.run(["baseline", "write", ".copydesk-baseline.json", "athens.txt"], in: folder)
        #expect(try String(contentsOf: folder.appendingPathComponent(".copydesk-baseline.json"), encoding: .utf8) == first)

        let clean = try CLI.run(["lint", "--baseline", ".copydesk-baseline.json", "athens.txt"], in: folder)
        #expect(clean.status == 0)
        #expect(clean.stdout == "0 errors, 0 warnings, 0 infos in 1 file\n")

        // A paragraph inserted above every finding moves them all down: still nothing new.
        let shifted = text.replacingOccurrences(of: "\n\nATHENS", with: "\n\nBy Eleni Papadopoulou\n\nATHENS")
        try Data(shifted.utf8).write(to: story)
        let afterShift = try CLI.run(["lint", "--baseline", ".copydesk-baseline.json", "athens.txt"], in: folder)
        #expect(afterShift.status == 0)

        // A new instance of a recorded rule in a new paragraph is reported, and only it.
        try Data((shifted + "\nA second round is set for October 20th.\n").utf8).write(to: story)
        let fresh = try CLI.run(["lint", "--no-excerpt", "--baseline", ".copydesk-baseline.json", "athens.txt"], in: folder)
        #expect(fresh.status == 1)
        #expect(fresh.stdout.contains("athens.txt:11:27: warning: use \"Oct. 20\""))
        #expect(fresh.stdout.contains("athens.txt:11:35: warning: write \"20\" without \"th\""))
        #expect(!fresh.stdout.contains("Sept. 15"))
        #expect(fresh.stdout.contains("0 errors, 2 warnings, 0 infos in 1 file"))
    }

    @Test func baselineRefusesToOverwriteCopyAndReportsAMissingFile() throws {
        let folder = try CLI.temporaryDirectory()
        try Data(WireStories.athens.utf8).write(to: folder.appendingPathComponent("athens.txt"))
        try Data(WireStories.piraeus.utf8).write(to: folder.appendingPathComponent("piraeus.txt"))
        let refused = try CLI.run(["baseline", "write", "piraeus.txt", "athens.txt"], in: folder)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("piraeus.txt: exists and is not a copydesk baseline"))
        #expect(try String(contentsOf: folder.appendingPathComponent("piraeus.txt"), encoding: .utf8) == WireStories.piraeus)

        let missing = try CLI.run(["lint", "--baseline", "nope.json", "athens.txt"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.json: no such baseline file"))
    }
}

@Suite struct SuppressionCommentTests {
    @Test func markdownStoryDisablesAndReenablesRules() throws {
        let folder = try CLI.temporaryDirectory()
        let story = """
            # Athens cafe owners protest new tax

            ATHENS, Greece (AP) — Hundreds of cafe owners marched through central Athens on Tuesday.

            <!-- copydesk-disable dates.month -- quoted from the ministry's notice -->

            The notice said talks would be held on September 15.

            <!-- copydesk-enable dates.month -->

            A second round is set for October 20.

            <!-- copydesk-disable-next-line dates -->
            The vote is on November 3rd.

            <!-- copydesk-disable quotes.mixd -->

            """
        try Data(story.utf8).write(to: folder.appendingPathComponent("athens.md"))
        let result = try CLI.run(["lint", "--no-excerpt", "athens.md"], in: folder)
        #expect(!result.stdout.contains("Sept. 15"))
        #expect(result.stdout.contains("athens.md:11:27: warning: use \"Oct. 20\""))
        #expect(!result.stdout.contains("Nov. 3"))
        #expect(!result.stdout.contains("without \"rd\""))
        #expect(result.stdout.contains("athens.md:16:23: warning: copydesk-disable names an unknown rule 'quotes.mixd'"))
        #expect(result.stdout.contains("[suppression.unknown-rule]"))
        // The comments are not paragraphs of the story (no dateline or dash findings on them).
        #expect(!result.stdout.contains("double hyphen"))
        #expect(result.stdout.contains("0 errors, 2 warnings, 0 infos in 1 file"))
    }

    @Test func nitfFileDisablesARuleAroundOneParagraph() throws {
        let folder = try CLI.temporaryDirectory()
        let nitf = """
            <?xml version="1.0" encoding="UTF-8"?>
            <nitf>
              <head><title>Athens cafe owners protest new tax</title></head>
              <body>
                <body.head><hedline><hl1>Athens cafe owners protest new tax</hl1></hedline></body.head>
                <body.content>
                  <p>ATHENS, Greece (AP) — Hundreds of cafe owners marched through central Athens on Tuesday.</p>
                  <p>Talks with the minister are set for September 15.</p>
                  <!-- copydesk-disable dates.month -->
                  <p>The notice gave the date as October 20.</p>
                  <!-- copydesk-enable dates.month -->
                  <p>A vote is expected on November 3.</p>
                  <!-- copydesk-disable-next-line dates.montth -->
                  <p>The ministry declined to comment.</p>
                </body.content>
              </body>
            </nitf>

            """
        try Data(nitf.utf8).write(to: folder.appendingPathComponent("athens.xml"))
        let result = try CLI.run(["lint", "--no-excerpt", "athens.xml"], in: folder)
        let months = result.stdout.split(separator: "\n").filter { $0.contains("[dates.month]") }
        #expect(months.count == 2)
        #expect(months.contains { $0.hasPrefix("athens.xml:8:46: warning: use \"Sept. 15\"") })
        #expect(months.contains { $0.hasPrefix("athens.xml:12:32: warning: use \"Nov. 3\"") })
        #expect(!result.stdout.contains("Oct. 20"))
        #expect(result.stdout.contains("athens.xml:13:39: warning: copydesk-disable-next-line names an unknown rule 'dates.montth'"))
        #expect(result.status == 1)
    }
}

@Suite struct ConsistentCommandLineTests {
    /// Every command and subcommand, as a user types it.
    static let commands: [[String]] = [
        ["normalize"], ["lint"], ["run"], ["inspect"], ["archive", "add"], ["archive", "check"], ["archive", "prune"],
        ["archive", "stats"], ["tm", "import"], ["tm", "add"], ["tm", "stats"], ["translate", "prepare"],
        ["baseline", "write"], ["rules"], ["stages"], ["encodings"],
    ]

    @Test func helpListsOnlyWhatACommandUsesAndStatesEachDefaultOnce() throws {
        for command in Self.commands {
            let help = try CLI.run(command + ["--help"])
            #expect(help.status == 0, "\(command)")
            // Hidden old spellings stay out of the help.
            for alias in ["--store", "--no-source", "--in-place"] {
                #expect(!help.stdout.contains(alias + " "), "\(command) shows \(alias)")
            }
            // Option texts joined across wrapped lines: no default stated twice.
            let flat = help.stdout.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
            var rest = Substring(flat)
            while let range = rest.range(of: "(default: ") {
                let tail = rest[range.upperBound...]
                let value = tail.prefix { $0 != ")" }
                #expect(!tail.dropFirst(value.count).prefix(80).contains("(default: \(value))"), "\(command): default \(value) stated twice")
                #expect(!tail.dropFirst(value.count).prefix(80).contains("default: \(value)"), "\(command): default \(value) stated twice")
                rest = tail
            }
            // Nor a list of values the parser already prints after the text ("(values: a, b, …").
            var scan = Substring(flat)
            while let range = scan.range(of: "(values: ") {
                let values = scan[range.upperBound...].prefix { $0 != ")" && $0 != ";" }.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                let before = scan[..<range.lowerBound].suffix(200)
                if values.count >= 2 {
                    #expect(!before.contains("\(values[0]), \(values[1])") && !before.contains("\(values[0]) or \(values[1])"), "\(command): values \(values) listed twice")
                }
                scan = scan[range.upperBound...]
            }
        }
        for command in [["archive", "prune"], ["archive", "stats"]] {
            let help = try CLI.run(command + ["--help"]).stdout
            #expect(help.contains("--archive <archive>"))
            for unused in ["--encoding", "--input-format", "--format", "--fail-on"] { #expect(!help.contains(unused), "\(command) offers \(unused)") }
        }
        #expect(try CLI.run(["tm", "stats", "--help"]).stdout.contains("--archive <archive>"))
        // -q/--quiet wherever a command prints notes besides its result.
        for command in [["normalize"], ["lint"], ["run"], ["archive", "add"], ["archive", "check"], ["archive", "prune"],
                        ["tm", "import"], ["tm", "add"], ["translate", "prepare"], ["baseline", "write"]] {
            #expect(try CLI.run(command + ["--help"]).stdout.contains("-q, --quiet"), "\(command) has no -q")
        }
        #expect(try CLI.run(["normalize", "--help"]).stdout.contains("--fix"))
        #expect(try CLI.run(["run", "--help"]).stdout.contains("-o, --output <output>"))
        #expect(try CLI.run(["translate", "prepare", "--help"]).stdout.contains("-o, --output <output>"))
        #expect(try CLI.run(["lint", "--help"]).stdout.contains("--no-excerpt"))
    }

    @Test func oldSpellingsStillWork() throws {
        let folder = try CLI.temporaryDirectory()
        let story = folder.appendingPathComponent("story.txt")
        try Data("ATHENS, Greece (AP) -- Cafe owners marched on Tuesday.\n".utf8).write(to: story)
        let normalized = try CLI.run(["normalize", "--in-place", "-q", story.path])
        #expect(normalized.status == 0)
        #expect(try String(contentsOf: story, encoding: .utf8).contains("(AP) — Cafe"))
        let noSource = try CLI.run(["lint", "--no-source", "--fail-on", "never", "Examples/athens-cafe-tax.txt"])
        #expect(noSource.status == 0)
        #expect(!noSource.stdout.contains(" | "))
        let quiet = try CLI.run(["lint", "-q", "--no-excerpt", "Examples/athens-cafe-tax.txt"])
        #expect(!quiet.stdout.contains("in 1 file"))
        #expect(quiet.stdout.contains("[dates.month]"))
    }

    @Test func usageErrorsInASubcommandPrintItsUsage() throws {
        let prune = try CLI.run(["archive", "prune", "--older-than", "soon"])
        #expect(prune.status == 2)
        #expect(prune.stderr.contains("Error: --older-than: expected a number and a unit"))
        #expect(prune.stderr.contains("Usage: copydesk archive prune"))
        #expect(!prune.stderr.contains("copydesk <subcommand>"))
        let lint = try CLI.run(["lint", "--fix", "--diff", "Examples/athens-cafe-tax.txt"])
        #expect(lint.status == 2)
        #expect(lint.stderr.contains("Usage: copydesk lint"))
    }

    @Test func bogusEncodingListsWhatIsAccepted() throws {
        let result = try CLI.run(["lint", "--encoding", "bogus", "Examples/athens-cafe-tax.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--encoding bogus: unknown encoding"))
        #expect(result.stderr.contains("windows-1252"))
        #expect(result.stderr.contains("`copydesk encodings`"))
        let archive = try CLI.run(["archive", "add", "--encoding", "bogus", "Examples/athens-cafe-tax.txt"])
        #expect(archive.status == 2)
        #expect(archive.stderr.contains("copydesk encodings"))
        let list = try CLI.run(["encodings"])
        #expect(list.status == 0)
        #expect(list.stdout.hasPrefix("auto\t"))
        #expect(list.stdout.contains("KOI8-R"))
        #expect(list.stdout.contains("windows-1251"))
        // What the list shows is accepted.
        #expect(try CLI.run(["inspect", "--encoding", "KOI8-R", "Examples/athens-cafe-tax.txt"]).status == 0)
    }

    @Test func diffSaysWhyItExitsOneAndAppliesWithGit() throws {
        let repo = try GitRepository()
        let text = "Athens cafe owners protest new tax\n\nATHENS, Greece (AP) -- Hundreds of cafe owners marched on Tuesday, officials said.\n\nThe ministry said talks would be held on September 15th.\n"
        try repo.write("stories/athens.txt", text)
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "first")
        // The path given absolute: the diff still names it relative to the current folder.
        let diff = try repo.copydesk(["lint", "--diff", repo.url.appendingPathComponent("stories/athens.txt").path])
        #expect(diff.status == 1)
        #expect(diff.stdout.contains("--- a/stories/athens.txt\n+++ b/stories/athens.txt\n"))
        #expect(diff.stderr.contains("exit 1:"))
        #expect(diff.stderr.contains("left after these fixes"))
        #expect(try repo.read("stories/athens.txt") == text)
        try repo.write("fixes.patch", diff.stdout)
        try repo.git("apply", "fixes.patch")
        let applied = try repo.read("stories/athens.txt")
        #expect(applied.contains("(AP) — Hundreds"))
        // The same as --fix gives.
        try repo.write("stories/athens.txt", text)
        _ = try repo.copydesk(["lint", "--fix", "-q", "stories/athens.txt"])
        #expect(try repo.read("stories/athens.txt") == applied)
    }

    @Test func findingsInAStreamNameTheirStory() throws {
        let anpa = CLI.projectRoot.appendingPathComponent("../shared/samples/anpa/testfile.ap").standardizedFileURL.path
        let text = try CLI.run(["lint", "--no-excerpt", "--fail-on", "never", anpa])
        #expect(text.stdout.contains("(story 1 of 4: \"Here is the latest Hawaii sports from The Associated Press\")"))
        #expect(text.stdout.contains("(story 4 of 4: \"Clinton Drops Support for Gaming Tax Plan\")"))

        let folder = try CLI.temporaryDirectory()
        let message = """
            <?xml version="1.0" encoding="UTF-8"?>
            <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
              <header><sent>2024-11-05T10:00:00Z</sent></header>
              <itemSet>
                <newsItem guid="urn:newsml:example.com:20241105:tax" version="1" xml:lang="en">
                  <itemMeta><itemClass qcode="ninat:text"/><provider literal="Example News"/></itemMeta>
                  <contentMeta><slugline>Greece-Tax</slugline><headline>Cafe owners protest tax</headline></contentMeta>
                  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
                    <p>ATHENS, Greece (AP) — Cafe owners marched on Tuesday. Talks are set for September 15th.</p>
                  </body></html></inlineXML></contentSet>
                </newsItem>
                <newsItem guid="urn:newsml:example.com:20241105:port" version="1" xml:lang="en">
                  <itemMeta><itemClass qcode="ninat:text"/><provider literal="Example News"/></itemMeta>
                  <contentMeta><slugline>Greece-Port</slugline><headline>Dock workers strike</headline></contentMeta>
                  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
                    <p>PIRAEUS, Greece (AP) — Dock workers walked out on Tuesday. Ferries resume on October 2nd.</p>
                  </body></html></inlineXML></contentSet>
                </newsItem>
              </itemSet>
            </newsMessage>

            """
        try Data(message.utf8).write(to: folder.appendingPathComponent("message.xml"))
        let lines = try CLI.run(["lint", "--no-excerpt", "message.xml"], in: folder).stdout
        #expect(lines.contains("use \"Sept. 15\" (AP: abbreviate the month with a date) [dates.month] (story 1 of 2: \"Cafe owners protest tax\")"))
        #expect(lines.contains("use \"Oct. 2\" (AP: abbreviate the month with a date) [dates.month] (story 2 of 2: \"Dock workers strike\")"))
        let json = try CLI.run(["lint", "--format", "json", "message.xml"], in: folder).stdout
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let diagnostics = ((document?["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]]) ?? []
        let october = diagnostics.first { ($0["message"] as? String)?.contains("Oct. 2") == true }
        let story = october?["story"] as? [String: Any]
        #expect(story?["index"] as? Int == 2)
        #expect(story?["slug"] as? String == "Greece-Port")
        #expect(story?["headline"] as? String == "Dock workers strike")
    }
}
