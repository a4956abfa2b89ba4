import CopydeskCore

/// Plain text as desks paste it: the first line is the headline when it stands alone with a blank
/// line after it, paragraphs are separated by blank lines, a short `By …` paragraph after the
/// headline is the byline, and a dateline at the start of the first paragraph is recognised.
public enum PlainTextReader: StoryReader {
    public static let name = "plain"

    public static func confidence(for source: SourceFile) -> Int { 10 }

    public static func read(_ source: SourceFile) throws -> Story {
        var story = Story(source: source)
        story.metadata.sourceFormat = name
        story.blocks = PlainLayout.blocks(of: source, headingPrefix: nil)
        PlainLayout.recogniseDateline(in: &story)
        return story
    }
}

/// Markdown wire copy: `# Headline`, `## Subhead`, paragraphs separated by blank lines.
public enum MarkdownReader: StoryReader {
    public static let name = "markdown"

    public static func confidence(for source: SourceFile) -> Int {
        let path = source.path.lowercased()
        if path.hasSuffix(".md") || path.hasSuffix(".markdown") { return 60 }
        return source.lineText(1).hasPrefix("# ") ? 40 : 0
    }

    public static func read(_ source: SourceFile) throws -> Story {
        var story = Story(source: source)
        story.metadata.sourceFormat = name
        story.blocks = PlainLayout.blocks(of: source, headingPrefix: "#")
        PlainLayout.recogniseDateline(in: &story)
        return story
    }
}

/// Paragraph splitting and headline/byline/dateline recognition shared by plain and Markdown.
enum PlainLayout {
    struct Line { var start: Int; var end: Int; var isBlank: Bool }

    static func lines(of text: String) -> [Line] {
        var result: [Line] = []
        var copy = text
        copy.withUTF8 { bytes in
            var start = 0
            var i = 0
            var blank = true
            func close(at end: Int) { result.append(Line(start: start, end: end, isBlank: blank)) }
            while i < bytes.count {
                let byte = bytes[i]
                if byte == 0x0A || byte == 0x0D {
                    close(at: i)
                    if byte == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                    start = i + 1
                    blank = true
                } else if byte != 0x20 && byte != 0x09 {
                    blank = false
                }
                i += 1
            }
            if start < bytes.count { close(at: bytes.count) }
        }
        return result
    }

    static func blocks(of source: SourceFile, headingPrefix: String?) -> [TextBlock] {
        let lines = lines(of: source.text)
        // Paragraphs: runs of non-blank lines.
        var runs: [[Line]] = []
        var current: [Line] = []
        for line in lines {
            if line.isBlank {
                if !current.isEmpty { runs.append(current); current = [] }
            } else if let headingPrefix, source.slice(line.start..<line.end).hasPrefix(headingPrefix) {
                // A Markdown heading is a block of its own even without blank lines around it.
                if !current.isEmpty { runs.append(current); current = [] }
                runs.append([line])
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { runs.append(current) }

        func block(_ kind: TextBlock.Kind, _ start: Int, _ end: Int) -> TextBlock {
            TextBlock(kind: kind, text: MappedText(verbatim: String(source.slice(start..<end)), sourceOffset: start))
        }

        var blocks: [TextBlock] = []
        for (index, run) in runs.enumerated() {
            let first = run[0]
            let firstText = source.slice(first.start..<first.end)
            if let headingPrefix, firstText.hasPrefix(headingPrefix) {
                let level = firstText.prefix { $0 == "#" }.count
                let skip = firstText.utf8.prefix { $0 == UInt8(ascii: "#") || $0 == 0x20 }.count
                let kind: TextBlock.Kind = level == 1 && !blocks.contains { $0.kind == .headline } ? .headline : .subhead
                blocks.append(block(kind, first.start + skip, first.end))
                continue
            }
            // The headline is a line on its own, a blank line after it. A first paragraph of
            // several lines is a paragraph: splitting its first line off would make the layout
            // depend on what follows, and reading normalized text again would find another story.
            if index == 0, headingPrefix == nil, runs.count > 1, run.count == 1, looksLikeHeadline(firstText) {
                blocks.append(block(.headline, first.start, first.end))
                continue
            }
            let isByline = run.count == 1 && blocks.count == 1 && blocks[0].kind == .headline
                && firstText.hasPrefix("By ") && firstText.count < 80
            blocks.append(block(isByline ? .byline : .paragraph, first.start, run[run.count - 1].end))
        }
        return blocks
    }

    /// A headline is one line, not too long, and does not read like a sentence ending a paragraph.
    private static func looksLikeHeadline(_ line: Substring) -> Bool {
        let trimmed = line.trimmingTrailingSpaces
        return trimmed.count <= 160 && !trimmed.hasSuffix(".") || trimmed.count <= 80
    }

    /// Dash separators that end a dateline, in the forms agencies use.
    private static let separators = [" — ", " – ", " - ", " _ ", " -- ", ".- ", " —", " -"]

    /// Records `MOSCOW (AP) — ` / `BEIJING, Sept 6 (Reuters) - ` at the start of the first
    /// paragraph as the dateline; the text stays in the paragraph.
    static func recogniseDateline(in story: inout Story) {
        guard let paragraph = story.blocks.first(where: { $0.kind == .paragraph }) else { return }
        let text = paragraph.string
        let head = text.prefix(120)
        for separator in separators {
            guard let range = head.range(of: separator) else { continue }
            let candidate = head[head.startIndex..<range.lowerBound]
            let credit = candidate.lastIndex(of: "(").flatMap { open in
                candidate.hasSuffix(")") ? String(candidate[candidate.index(after: open)..<candidate.index(before: candidate.endIndex)]) : nil
            }
            let firstWord = candidate.prefix { $0.isLetter || $0 == "." || $0 == "'" }
            let shouted = firstWord.count >= 3 && firstWord.allSatisfy { !$0.isLetter || $0.isUppercase }
            guard credit != nil || shouted, !candidate.contains("\n"), candidate.first?.isUppercase == true || candidate.first == "(" else { continue }
            // The credit stays in the dateline; `agency` is metadata a wire format states, which
            // `dateline.agency` compares the credit with.
            story.metadata.dateline = String(candidate) + separator.trimmingTrailingSpaces
            return
        }
    }
}

extension StringProtocol {
    var trimmingTrailingSpaces: String {
        var result = String(self)
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
