import CopydeskCore

/// The formats a processed story can be written in.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Plain text for plain input, Markdown for Markdown, NITF for NITF, ninjs for ninjs; plain
    /// text for formats Copydesk reads but does not write (ANPA, IPTC 7901, NewsML-G2).
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
        switch resolved(for: story) {
        case .plain, .same: "txt"
        case .markdown: "md"
        case .nitf: "xml"
        case .ninjs: "json"
        }
    }
}
