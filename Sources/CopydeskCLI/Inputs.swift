import Copydesk

/// The command line's side of `InputWalk`: runs it and prints its notes.
enum Inputs {
    /// The files under `arguments`; each thing a folder walk skipped is one `copydesk: …` line on
    /// standard error. A walk that finds no copy at all is an input error naming the folders.
    static func select(_ arguments: [String], extensions: Set<String>?) throws -> InputWalk.Selection {
        var walk = InputWalk()
        if let extensions { walk.extensions = extensions }
        let selection = walk.expand(arguments)
        for note in selection.notes { Terminal.error(note) }
        if selection.files.isEmpty, !arguments.isEmpty {
            throw CopydeskError.input(file: arguments.joined(separator: " "), message: "no copy files to process (see the notes above; --extensions sets what a folder walk takes)")
        }
        return selection
    }
}
