import CopydeskCore

/// The formats a processed story can be written in.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Plain text for plain input, Markdown for Markdown, NITF for NITF, ninjs for ninjs; for
    /// formats Copydesk reads but does not write (ANPA, IPTC 7901, NewsML-G2, XLIFF, TMX), the
    /// input file itself with only the text changed (`SourceEditWriter`).
    case same
    case plain, markdown, nitf, ninjs

    public func resolved(for story: Story) -> OutputFormat {
        guard self == .same else { return self }
        switch story.metadata.sourceFormat {
        case "markdown": return .markdown
        case "nitf": return .nitf
        case "ninjs": return .ninjs
        default: return .plain
        }
    }

    /// Whether `same` means the input file with its text edited, for a format with no writer.
    public func editsSourceFile(_ story: Story) -> Bool {
        guard self == .same else { return false }
        switch story.metadata.sourceFormat {
        case "plain", "markdown", "nitf", "ninjs", nil: return false
        default: return true
        }
    }

    /// The stories of one input file in this format: for `same` on a format with no writer, the
    /// input file with the text changes applied; otherwise each story written, a blank line between.
    public func write(_ stories: [Story]) -> String {
        if let first = stories.first, editsSourceFile(first) { return SourceEditWriter.write(stories) }
        return stories.map { write($0) }.joined(separator: "\n")
    }

    public func write(_ story: Story) -> String {
        switch resolved(for: story) {
        case .plain, .same: PlainTextWriter.write(story)
        case .markdown: PlainTextWriter.write(story, markdown: true)
        case .nitf: NITFWriter.write(story)
        case .ninjs: NinjsWriter.write(story)
        }
    }

    /// File extension for a story written in this format.
    public func fileExtension(for story: Story) -> String {
        if editsSourceFile(story), let ext = story.source.path.split(separator: "/").last?.split(separator: ".").last.map(String.init),
           story.source.path.split(separator: "/").last?.contains(".") == true {
            return ext
        }
        return switch resolved(for: story) {
        case .plain, .same: "txt"
        case .markdown: "md"
        case .nitf: "xml"
        case .ninjs: "json"
        }
    }
}
