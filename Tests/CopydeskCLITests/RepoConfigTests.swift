import Foundation
import Testing

/// `.copydesk.yml`: found from the current folder upward, and weighed as documented — the command
/// line over the repo config over the pipeline's and style's own settings.
@Suite struct RepoConfigTests {
    static let story = try! String(contentsOf: CLI.projectRoot.appendingPathComponent("Examples/athens-cafe-tax.txt"), encoding: .utf8)

    /// A desk repository: stories/, translations/, a README, and two desk styles of its own
    /// (`quiet-sources` turns attribution.anonymous off, `no-relative` dates.relative).
    static func makeRepo(config: String) throws -> URL {
        let root = try CLI.temporaryDirectory()
        for folder in ["stories/sport", "translations", "StyleRules"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try story.write(to: root.appendingPathComponent("stories/athens.txt"), atomically: true, encoding: .utf8)
        try story.write(to: root.appendingPathComponent("stories/sport/final.txt"), atomically: true, encoding: .utf8)
        try story.write(to: root.appendingPathComponent("translations/athens-en.txt"), atomically: true, encoding: .utf8)
        try "# Desk repo\n\nStories -- and \"notes\" -- yesterday, officials said.\n".write(to: root.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try "name: Quiet sources\nextends: ap\nrules:\n  attribution.anonymous: off\n".write(
            to: root.appendingPathComponent("StyleRules/quiet-sources.yml"), atomically: true, encoding: .utf8)
        try "name: No relative dates\nextends: ap\nrules:\n  dates.relative: off\n".write(
            to: root.appendingPathComponent("StyleRules/no-relative.yml"), atomically: true, encoding: .utf8)
        try config.write(to: root.appendingPathComponent(".copydesk.yml"), atomically: true, encoding: .utf8)
        return root
    }

    static func rules(_ output: String, file: String) -> Set<String> {
        Set(output.split(separator: "\n").filter { $0.hasPrefix(file + ":") }.compactMap { line in
            line.range(of: "[", options: .backwards).map { String(line[$0.upperBound...].dropLast()) }
        })
    }

    @Test func styleComesFromTheCommandLineThenTheRepoConfigThenThePipeline() throws {
        let root = try Self.makeRepo(config: "style: quiet-sources\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let configured = try CLI.run(["lint", "--no-source", "stories/athens.txt"], in: root)
        #expect(!Self.rules(configured.stdout, file: "stories/athens.txt").contains("attribution.anonymous"), "the repo's style ran")
        #expect(Self.rules(configured.stdout, file: "stories/athens.txt").contains("dates.relative"))
        let commandLine = try CLI.run(["lint", "--no-source", "--style", "no-relative", "stories/athens.txt"], in: root)
        #expect(Self.rules(commandLine.stdout, file: "stories/athens.txt").contains("attribution.anonymous"), "--style wins")
        #expect(!Self.rules(commandLine.stdout, file: "stories/athens.txt").contains("dates.relative"))
        // Found from a subfolder too, with the repo's StyleRules/ beside the config.
        let below = try CLI.run(["lint", "--no-source", "sport/final.txt"], in: root.appendingPathComponent("stories"))
        #expect(below.status == 1, "\(below.stderr)")
        #expect(!Self.rules(below.stdout, file: "sport/final.txt").contains("attribution.anonymous"))
        // Without a config, the pipeline's style (AP) reports both.
        try FileManager.default.removeItem(at: root.appendingPathComponent(".copydesk.yml"))
        let plain = try CLI.run(["lint", "--no-source", "stories/athens.txt"], in: root)
        #expect(Self.rules(plain.stdout, file: "stories/athens.txt").isSuperset(of: ["attribution.anonymous", "dates.relative"]))
    }

    @Test func perPathOverridesIncludeAndExclude() throws {
        let root = try Self.makeRepo(config: """
            style: quiet-sources
            exclude: [README.md]
            overrides:
              - paths: ["translations/**"]
                style: no-relative

            """)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLI.run(["lint", "--no-source", "."], in: root)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(!result.stdout.contains("README.md"), "excluded")
        let story = Self.rules(result.stdout, file: "stories/athens.txt"), translation = Self.rules(result.stdout, file: "translations/athens-en.txt")
        #expect(!story.contains("attribution.anonymous") && story.contains("dates.relative"), "\(story)")
        #expect(translation.contains("attribution.anonymous") && !translation.contains("dates.relative"), "translations/** → no-relative: \(translation)")
        // --style on the command line wins over the per-path style too.
        let forced = try CLI.run(["lint", "--no-source", "--style", "ap", "translations"], in: root)
        #expect(Self.rules(forced.stdout, file: "translations/athens-en.txt").contains("dates.relative"))
        // include narrows a walk to the paths given.
        try "include: [\"stories/sport/**\"]\n".write(to: root.appendingPathComponent(".copydesk.yml"), atomically: true, encoding: .utf8)
        let included = try CLI.run(["lint", "--no-source", "."], in: root)
        #expect(included.stdout.contains("\nstories/sport/final.txt:") || included.stdout.hasPrefix("stories/sport/final.txt:"))
        #expect(!included.stdout.contains("athens"))
    }

    @Test func failOnAndRuleLevelsFromTheConfigUnderTheCommandLine() throws {
        let root = try Self.makeRepo(config: "fail-on: error\nrules:\n  dates.relative: off\n  attribution.anonymous: error\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLI.run(["lint", "--no-source", "stories/athens.txt"], in: root)
        #expect(result.status == 1, "attribution.anonymous is an error now")
        #expect(result.stdout.contains(": error: \"officials said\""), "\(result.stdout)")
        #expect(!result.stdout.contains("[dates.relative]"))
        try "fail-on: error\n".write(to: root.appendingPathComponent(".copydesk.yml"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["lint", "stories/athens.txt"], in: root).status == 0, "warnings only, fail-on: error")
        #expect(try CLI.run(["lint", "--fail-on", "warning", "stories/athens.txt"], in: root).status == 1, "the command line wins")
    }

    /// Plain text has no comments: a per-path `rules:` in an override is its per-file ignore.
    @Test func anOverrideSetsRuleLevelsForItsPathsOnly() throws {
        let config = """
            rules:
              attribution.anonymous: error
            overrides:
              - paths: ["stories/sport/**"]
                rules:
                  dates.relative: off
                  attribution.anonymous: off
              - paths: ["translations/athens-en.txt"]
                rules:
                  dates.relative: info
            """
        let root = try Self.makeRepo(config: config + "\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLI.run(["lint", "--no-excerpt", "--fail-on", "never", "stories", "translations"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let athens = Self.rules(result.stdout, file: "stories/athens.txt")
        #expect(athens.contains("dates.relative") && athens.contains("attribution.anonymous"), "no override for it: \(athens)")
        #expect(result.stdout.contains("stories/athens.txt:") && result.stdout.contains(": error: \"officials said\""), "the top-level level applies")
        let sport = Self.rules(result.stdout, file: "stories/sport/final.txt")
        #expect(!sport.contains("dates.relative") && !sport.contains("attribution.anonymous"), "\(sport)")
        #expect(!sport.isEmpty, "other rules still run there: \(sport)")
        let translation = result.stdout.split(separator: "\n").filter { $0.hasPrefix("translations/athens-en.txt:") && $0.hasSuffix("[dates.relative]") }
        #expect(!translation.isEmpty && translation.allSatisfy { $0.contains(": info: ") }, "\(translation)")
        // A misspelt id in an override is an error naming its line.
        try "overrides:\n  - paths: [\"stories/**\"]\n    rules:\n      dates.relativ: off\n".write(to: root.appendingPathComponent(".copydesk.yml"), atomically: true, encoding: .utf8)
        let typo = try CLI.run(["lint", "stories/athens.txt"], in: root)
        #expect(typo.status == 2)
        #expect(typo.stderr == "copydesk: \(root.path)/.copydesk.yml:4: rules: unknown rule 'dates.relativ' (`copydesk rules` lists them)\n", "\(typo.stderr)")
    }

    @Test func mistakesInTheConfigNameTheirLine() throws {
        let root = try Self.makeRepo(config: "style: ap\n# the desk's files\nexlude: [README.md]\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let typo = try CLI.run(["lint", "stories/athens.txt"], in: root)
        #expect(typo.status == 2)
        #expect(typo.stderr.hasPrefix("copydesk: \(root.path)/.copydesk.yml:3: unknown key 'exlude' (known: archive, exclude, extensions, fail-on, include, overrides, pipeline, rules, style)"), "\(typo.stderr)")
        try "rules:\n  dates.relativ: off\n".write(to: root.appendingPathComponent(".copydesk.yml"), atomically: true, encoding: .utf8)
        let rule = try CLI.run(["lint", "stories/athens.txt"], in: root)
        #expect(rule.status == 2)
        #expect(rule.stderr == "copydesk: \(root.path)/.copydesk.yml:2: rules: unknown rule 'dates.relativ' (`copydesk rules` lists them)\n")
        try "fail-on: sometimes\n".write(to: root.appendingPathComponent(".copydesk.yml"), atomically: true, encoding: .utf8)
        let value = try CLI.run(["normalize", "stories/athens.txt"], in: root)
        #expect(value.status == 2)
        #expect(value.stderr.contains(".copydesk.yml:1: fail-on must be error, warning, info or never, not 'sometimes'"))
    }

    @Test func theArchiveBelongsToTheRepo() throws {
        let root = try Self.makeRepo(config: "style: ap\n")
        defer { try? FileManager.default.removeItem(at: root) }
        // The shipped wire-en pipeline, run from a subfolder: the archive goes beside the config.
        let run = try CLI.run(["run", "--pipeline", "wire-en", "--fail-on", "never", "athens.txt"], in: root.appendingPathComponent("stories"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".copydesk/archive.sqlite").path))
        let again = try CLI.run(["archive", "check", "sport/final.txt"], in: root.appendingPathComponent("stories"))
        #expect(again.stdout.contains("duplicate of"), "archive check reads the same repo archive: \(again.stdout) \(again.stderr)")
        // archive: in the config moves it.
        try "archive: data/desk.sqlite\n".write(to: root.appendingPathComponent(".copydesk.yml"), atomically: true, encoding: .utf8)
        let add = try CLI.run(["archive", "add", "stories/athens.txt"], in: root)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("data/desk.sqlite").path))
    }

    @Test func runTakesTheRepoStyleAndOverridesWhenItsPipelineLints() throws {
        let root = try Self.makeRepo(config: "style: quiet-sources\noverrides:\n  - paths: [\"translations/**\"]\n    style: no-relative\n")
        defer { try? FileManager.default.removeItem(at: root) }
        // The normalize pipeline has no lint stage: the styles do not apply, and nothing fails.
        let normalize = try CLI.run(["run", "--fail-on", "never", "--no-source", "stories/athens.txt"], in: root)
        #expect(normalize.status == 0, "\(normalize.stderr)")
        let wire = try CLI.run(["run", "--pipeline", "wire-en", "--fail-on", "never", "--no-source", "stories/athens.txt", "translations/athens-en.txt"], in: root)
        #expect(wire.status == 0, "\(wire.stderr)")
        let story = Self.rules(wire.stdout, file: "stories/athens.txt"), translation = Self.rules(wire.stdout, file: "translations/athens-en.txt")
        #expect(!story.contains("attribution.anonymous") && story.contains("dates.relative"), "\(story)")
        #expect(translation.contains("attribution.anonymous") && !translation.contains("dates.relative"), "\(translation)")
    }

    @Test func initWritesACommentedConfigOnce() throws {
        let root = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.story.write(to: root.appendingPathComponent("athens.txt"), atomically: true, encoding: .utf8)
        let first = try CLI.run(["init", "--style", "reuters"], in: root)
        #expect(first.status == 0, "\(first.stderr)")
        let written = try String(contentsOf: root.appendingPathComponent(".copydesk.yml"), encoding: .utf8)
        #expect(written.contains("\nstyle: reuters\n"))
        #expect(written.contains("#   - paths: [\"translations/**\"]\n#     style: translated-en"))
        let second = try CLI.run(["init", "--style", "ap"], in: root)
        #expect(second.status == 2)
        #expect(second.stderr == "copydesk: .copydesk.yml: exists here: not overwritten (--force replaces it)\n")
        #expect(try String(contentsOf: root.appendingPathComponent(".copydesk.yml"), encoding: .utf8) == written)
        let lint = try CLI.run(["lint", "--no-source", "athens.txt"], in: root)
        #expect(lint.status == 1, "the written config loads: \(lint.stderr)")
        let forced = try CLI.run(["init", "--style", "guardian", "--force"], in: root)
        #expect(forced.status == 0)
        #expect(try String(contentsOf: root.appendingPathComponent(".copydesk.yml"), encoding: .utf8).contains("\nstyle: guardian\n"))
        let bad = try CLI.run(["init", "--style", "nyt", "--force"], in: root)
        #expect(bad.status == 2)
        #expect(try String(contentsOf: root.appendingPathComponent(".copydesk.yml"), encoding: .utf8).contains("\nstyle: guardian\n"), "kept")
    }

    @Test func configFilterAppliesIncludeAndExcludeToNamedFiles() throws {
        let root = try Self.makeRepo(config: "exclude: [README.md]\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let none = try CLI.run(["lint", "--config-filter", "README.md"], in: root)
        #expect(none.status == 0)
        #expect(none.stdout.isEmpty)
        // A binary file handed over by a hook is skipped with a note, as in a walk, not an error.
        try FileManager.default.copyItem(at: CLI.projectRoot.appendingPathComponent("Tests/Corpus/not-copy/photo.png"),
                                         to: root.appendingPathComponent("stories/photo.txt"))
        let some = try CLI.run(["lint", "--no-source", "--config-filter", "README.md", "stories/photo.txt", "stories/athens.txt"], in: root)
        #expect(some.status == 1, "\(some.stdout)")
        #expect(!some.stdout.contains("README.md"))
        #expect(some.stdout.contains("stories/athens.txt:"))
        #expect(some.stderr == "copydesk: stories/photo.txt: skipped: binary file (PNG image), not copy\n")
        // Without the flag a named file is always checked.
        #expect(try CLI.run(["lint", "--no-source", "README.md"], in: root).stdout.contains("README.md:"))
    }
}
