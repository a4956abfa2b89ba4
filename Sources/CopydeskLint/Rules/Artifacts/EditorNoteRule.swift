import CopydeskCore

/// Editor's notes to clients left in the story text: a paragraph that begins with one of the
/// style's `editor-notes` prefixes ("Eds:", "EDITOR'S NOTE", "Advisory:"…), or an AP (ANPA) header
/// line that survived conversion, `^Eds: …` or `^EDITOR'S NOTE _ …`, anywhere in a block.
///
/// A prefix counts only at the start of a paragraph (or after `^` at the start of a line), and
/// must end there ("Eds:" then a space, "EDITOR'S NOTE" then a dash or colon), so a sentence that
/// mentions an editor's note, or a hard-wrapped line that happens to begin with "Editor's", is not
/// reported. A straight apostrophe in a list entry also matches a curly one. Whether a note is
/// meant for readers is the editor's call: suggestion only, no fix.
struct EditorNoteRule: LintRule {
    static let description = RuleDescription(
        id: "artifacts.editor-note",
        summary: "editor's notes to clients (Eds:, EDITOR'S NOTE) left in the story text",
        severity: .warning,
        triggering: [
            "Clinton drops gaming tax plan\n\n↓Eds: Updates with comment from Nevada governor.\n\nPresident Clinton has dropped his support for a gaming tax.",
            "Clinton drops gaming tax plan\n\n↓EDITOR'S NOTE _ Another in a weekly series of developments in the gaming industry.\n\nPresident Clinton has dropped his support for a gaming tax.",
            "^Clinton Drops Support for Gaming Tax Plan<\n↓^EDS: Another in a weekly series of developments in the gaming\nindustry.<\n^By The Associated Press=",
            "Storm nears coast\n\n↓Editor’s note: This story contains graphic descriptions of violence.\n\nThe storm is expected to make landfall on Friday.",
        ],
        nonTriggering: [
            "The magazine published an editor's note on Sunday, the paper said.\n\nEds said they would review the policy.",
            "Advisory committees met on Monday.\n\nThe Editor's Note column was dropped.\n\nEditorial staff said the advisory was lifted.",
            "The newspaper apologized in a note to readers.\n\nThe note said the\nEDITOR'S NOTE section would return.",
        ])

    static let lists = ["editor-notes"]

    /// Prefixes as bytes, with straight and curly apostrophe forms.
    private let prefixes: [[UInt8]]

    init(style: Style) throws {
        var prefixes: [[UInt8]] = []
        for entry in style.list("editor-notes") {
            let trimmed = entry.trimming(" \t")
            guard !trimmed.isEmpty else { continue }
            for form in Set([trimmed, trimmed.replacingApostrophes("'", "’"), trimmed.replacingApostrophes("’", "'")]) {
                prefixes.append(Array(form.utf8))
            }
        }
        // Longest first, so "EDITOR'S NOTE" wins over a shorter entry it starts with.
        self.prefixes = prefixes.sorted { $0.count > $1.count }
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard !prefixes.isEmpty else { return }
        for block in document.blocks {
            let bytes = block.bytes
            var lineStart = 0
            while lineStart < bytes.count {
                let lineEnd = ByteScan.next(0x0A, bytes, from: lineStart, before: bytes.count)
                var i = lineStart
                while i < lineEnd, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
                let caret = i < lineEnd && bytes[i] == UInt8(ascii: "^")
                // A note opens the paragraph, or is an ANPA `^` line anywhere.
                if caret || lineStart == 0, let prefix = match(bytes, at: caret ? i + 1 : i, lineEnd: lineEnd) {
                    let start = i
                    // The note runs to the end of the paragraph, or of the `^` line.
                    var end = caret ? lineEnd : bytes.count
                    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
                    let name = String(decoding: prefix, as: UTF8.self).trimming(":._ -")
                    // "EDITOR'S NOTE — This story contains…" is sometimes printed for readers; "Eds:" never is.
                    let mayBeForReaders = name.uppercased().hasPrefix("EDITOR")
                    report.add(block: block.index, range: start..<end,
                               "remove the editor's note (\(name)) before publication: it is addressed to editors, not readers"
                                   + (mayBeForReaders ? " (keep it only if it is meant for readers)" : ""),
                               suggestion: "delete this note")
                }
                lineStart = lineEnd + 1
            }
        }
    }

    /// The prefix that starts at `i` and ends at a boundary: a space, dash, colon or the end of the line.
    private func match(_ bytes: [UInt8], at i: Int, lineEnd: Int) -> [UInt8]? {
        for prefix in prefixes where i + prefix.count <= lineEnd && bytes[i..<(i + prefix.count)].elementsEqual(prefix) {
            let next = i + prefix.count
            let last = prefix[prefix.count - 1]
            let lastIsLetter = last | 0x20 >= 0x61 && last | 0x20 <= 0x7A
            if next == lineEnd { return prefix }
            let following = bytes[next]
            if lastIsLetter {
                // "EDITOR'S NOTE _ …", "EDITOR'S NOTE: …", "Editor's note — …"
                if following == 0x20 || following == UInt8(ascii: ":") || following == UInt8(ascii: "-") {
                    var j = next
                    while j < lineEnd, bytes[j] == 0x20 { j += 1 }
                    if j == lineEnd { return prefix }
                    let marker = bytes[j]
                    if marker == UInt8(ascii: ":") || marker == UInt8(ascii: "_") || marker == UInt8(ascii: "-") || marker == 0xE2 { return prefix }
                }
            } else if following == 0x20 || following == 0x09 {
                return prefix
            }
        }
        return nil
    }
}

private extension String {
    func trimming(_ set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }

    func replacingApostrophes(_ from: Character, _ to: Character) -> String {
        String(map { $0 == from ? to : $0 })
    }
}
