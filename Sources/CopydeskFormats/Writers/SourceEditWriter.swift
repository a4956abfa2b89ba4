import CopydeskCore

/// Writes stories back into the very file they were read from, changing only their text: each
/// block's changes are mapped to the file's bytes (`MappedText.sourceEdits`) and applied there,
/// so an ANPA header, a NewsML-G2 envelope or an XLIFF file's sources, notes and markup stay byte
/// for byte. Used for the formats Copydesk reads but does not write.
public enum SourceEditWriter {
    /// Formats whose text sits in XML, where replacement text must be escaped.
    public static let xmlFormats: Set<String> = ["nitf", "newsml-g2", "xliff", "tmx"]

    /// The input file with the stories' text changes applied. Stories must come from one file.
    public static func write(_ stories: [Story]) -> String {
        guard let first = stories.first else { return "" }
        let xml = xmlFormats.contains(first.metadata.sourceFormat ?? "")
        var edits: [TextEdit] = []
        for story in stories {
            for block in story.blocks {
                for edit in block.text.sourceEdits {
                    edits.append(xml ? TextEdit(range: edit.range, replacement: escapeXML(edit.replacement)) : edit)
                }
            }
        }
        edits.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        return FixApplier.apply(edits: edits, to: first.source.text)
    }

    public static func escapeXML(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
