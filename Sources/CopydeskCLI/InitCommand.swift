import ArgumentParser
import Copydesk
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented .copydesk.yml (the repo config) in the current folder.",
        discussion: """
            Every copydesk command run in this folder or below reads it: the command line wins over it, and it wins \
            over the pipeline's and style's own settings. An existing .copydesk.yml is left alone without --force.
            """
    )

    @Option(help: "House style of the repository: ap, reuters, guardian, translated-en, or a style file.")
    var style: String = "ap"

    @Flag(help: "Replace an existing .copydesk.yml.")
    var force = false

    func run() throws {
        let path = FileManager.default.currentDirectoryPath + "/" + RepoConfig.fileName
        if !force, FileManager.default.fileExists(atPath: path) {
            throw CopydeskError.input(file: RepoConfig.fileName, message: "exists here: not overwritten (--force replaces it)")
        }
        // A style that does not load would make every later run fail: check it now.
        _ = try LintStage.loader.load(style, searchDirectories: DataFiles.searchRoots())
        try InputFiles.writeAtomically(Self.template(style: style), to: path)
        Terminal.writeError("wrote \(RepoConfig.fileName) (style \(style)); `copydesk lint` in this folder or below now uses it\n")
    }

    static func template(style: String) -> String {
        """
        # Copydesk repo config: read by every copydesk command run in this folder or below.
        # Precedence: the command line, then this file, then the pipeline's and style's own settings.
        # Paths are relative to this folder. An unknown key is an error (with its line).

        # House style for `copydesk lint`: ap, reuters, guardian, translated-en, or a style file
        # (e.g. StyleRules/desk.yml with `extends: \(style)`).
        style: \(style)

        # Pipeline for `copydesk lint` and `copydesk run`: a name in Pipelines/ or a file.
        # pipeline: lint

        # Which files are copy. A folder walk takes files with these extensions ('.' = none)
        # whose content is not binary; include/exclude narrow it with globs (`*.md` in any
        # folder, `stories/**` below a folder). Files named on the command line are always
        # checked, unless --config-filter is given (as the pre-commit hooks do).
        # extensions: [txt, md, xml, json, ap]
        # include: ["stories/**", "translations/**"]
        exclude: ["README.md", "CHANGELOG.md", "LICENSE*", "docs/**"]

        # Another style for some paths (the last matching entry wins).
        # overrides:
        #   - paths: ["translations/**"]
        #     style: translated-en
        #   - paths: ["sport/**"]
        #     style: StyleRules/sport-desk.yml

        # Exit 1 when a finding at or above this severity is reported: error, warning, info, never.
        fail-on: warning

        # Rule levels over the style's: off, or error, warning, info (`copydesk rules` lists the ids).
        # rules:
        #   dates.relative: off
        #   attribution.verb: warning

        # The archive of earlier copy for the dedup stage and `copydesk archive` (kept with the repo).
        archive: .copydesk/archive.sqlite

        """
    }
}
