import CopydeskCore

/// Writes a story as plain text (or Markdown): headline, byline and paragraphs, one blank line
/// between blocks, LF line endings, a final newline.
public enum PlainTextWriter {
    public static func write(_ story: Story, markdown: Bool = false) -> String {
        var parts: [String] = []
        for block in story.blocks {
            switch block.kind {
            case .headline where markdown: parts.append("# " + block.string)
            case .subhead where markdown: parts.append("## " + block.string)
            default: parts.append(block.string)
            }
        }
        // A block left with only spaces or tabs would read back as a blank line, not a block.
        let text = parts.filter { !$0.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }.joined(separator: "\n\n")
        return text.isEmpty ? "" : text + "\n"
    }
}
