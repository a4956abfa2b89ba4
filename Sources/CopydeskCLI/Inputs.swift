import ArgumentParser
import Copydesk
import Foundation

/// The command line's side of `InputWalk`: runs it and prints its notes.
enum Inputs {
    /// The files under `arguments`; each thing a folder walk skipped is one `copydesk: …` line on
    /// standard error. A walk that finds no copy at all is an input error naming the folders.
    /// With `filterNamed`, files named on the command line also go through the repo config's
    /// include/exclude and the extension list (pre-commit hands every staged file over), and
    /// none left is a clean run rather than an error.
    static func select(_ arguments: [String], extensions: Set<String>?, filterNamed: Bool) throws -> InputWalk.Selection {
        let walk = try RepoContext.walk(extensions: extensions)
        var selection = walk.expand(arguments)
        for note in selection.notes { Terminal.error(note) }
        if filterNamed {
            let named = Set(arguments)
            selection.files.removeAll { path in named.contains(path) && path != "-" && !keepsAsCopy(path, walk) }
            if selection.files.isEmpty { throw ExitCode(ExitStatus.clean) }
        }
        if selection.files.isEmpty, !arguments.isEmpty {
            throw CopydeskError.input(file: arguments.joined(separator: " "), message: "no copy files to process (see the notes above; --extensions and the repo config's include/exclude set what a folder walk takes)")
        }
        return selection
    }

    /// Whether a file named outside a folder walk (on the command line with `--config-filter`,
    /// or by git for `--changed`) is copy by the walk's rules; a binary or special file left
    /// out gets its note on standard error.
    static func keepsAsCopy(_ path: String, _ walk: InputWalk) -> Bool {
        guard let verdict = walk.verdict(forNamed: path) else { return true }
        if case .skipped(let note) = verdict { Terminal.error(note) }
        return false
    }
}
