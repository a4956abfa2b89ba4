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
        BlockShapes.retag(&story.blocks)
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
        BlockShapes.retag(&story.blocks)
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
            result.reserveCapacity(bytes.count / 64 + 1)
            guard let base = bytes.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            let count = bytes.count
            var start = 0
            var i = 0
            var blank = true
            func close(at end: Int) { result.append(Line(start: start, end: end, isBlank: blank)) }
            while i < count {
                // Inside a line known not to be blank, eight bytes without a byte below 0x0E
                // (no line break) change nothing.
                if !blank, i + 8 <= count {
                    let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    if (x &- 0x0E0E_0E0E_0E0E_0E0E) & ~x & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
                }
                let byte = bytes[i]
                if byte == 0x0A || byte == 0x0D {
                    close(at: i)
                    if byte == 0x0D, i + 1 < count, bytes[i + 1] == 0x0A { i += 1 }
                    start = i + 1
                    blank = true
                } else if byte != 0x20 && byte != 0x09 {
                    blank = false
                }
                i += 1
            }
            if start < count { close(at: count) }
        }
        return result
    }

    static func blocks(of source: SourceFile, headingPrefix: String?) -> [TextBlock] {
        let lines = lines(of: source.text)
        // Paragraphs: runs of non-blank lines, as ranges of `lines` (no array per paragraph).
        var runs: [Range<Int>] = []
        var current: Range<Int>?
        for (index, line) in lines.enumerated() {
            if line.isBlank {
                if let run = current { runs.append(run); current = nil }
            } else if let headingPrefix, source.slice(line.start..<line.end).hasPrefix(headingPrefix) {
                // A Markdown heading is a block of its own even without blank lines around it.
                if let run = current { runs.append(run); current = nil }
                runs.append(index..<(index + 1))
            } else {
                current = (current?.lowerBound ?? index)..<(index + 1)
            }
        }
        if let run = current { runs.append(run) }

        func block(_ kind: TextBlock.Kind, _ start: Int, _ end: Int) -> TextBlock {
            TextBlock(kind: kind, text: MappedText(verbatim: String(source.slice(start..<end)), sourceOffset: start))
        }

        var blocks: [TextBlock] = []
        blocks.reserveCapacity(runs.count)
        for (index, run) in runs.enumerated() {
            let first = lines[run.lowerBound]
            let firstText = source.slice(first.start..<first.end)
            // An HTML comment on lines of its own (a `<!-- copydesk-disable … -->` directive)
            // is not text of the story in Markdown.
            if headingPrefix != nil, firstText.hasPrefix("<!--"),
               source.slice(first.start..<lines[run.upperBound - 1].end).trimmingTrailingSpaces.hasSuffix("-->") {
                continue
            }
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
            blocks.append(block(isByline ? .byline : .paragraph, first.start, lines[run.upperBound - 1].end))
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
        // Foundation's search is slow (through NSString) and compares canonical equivalents;
        // a head of plain characters (see `simpleHeadLength`) is searched byte by byte instead.
        let simpleLength = simpleHeadLength(text)
        let head = simpleLength.map { text[..<text.utf8.index(text.utf8.startIndex, offsetBy: $0)] } ?? text.prefix(120)
        func find(_ separator: String) -> Range<String.Index>? {
            guard let simpleLength else { return head.range(of: separator) }
            let pattern = Array(separator.utf8)
            let found: Int? = ScalarBytes.withBytes(text) { bytes in
                guard simpleLength >= pattern.count else { return nil }
                var k = 0
                while k <= simpleLength - pattern.count {
                    if bytes[k] == pattern[0] {
                        var j = 1
                        while j < pattern.count, bytes[k + j] == pattern[j] { j += 1 }
                        if j == pattern.count { return k }
                    }
                    k += 1
                }
                return nil
            }
            guard let found else { return nil }
            let utf8 = text.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: found)
            return lower..<utf8.index(lower, offsetBy: pattern.count)
        }
        for separator in separators {
            guard let range = find(separator) else { continue }
            let candidate = head[head.startIndex..<range.lowerBound]
            let credit = candidate.lastIndex(of: "(").flatMap { open in
                candidate.hasSuffix(")") ? String(candidate[candidate.index(after: open)..<candidate.index(before: candidate.endIndex)]) : nil
            }
            let firstWord = candidate.prefix { $0.isLetter || $0 == "." || $0 == "'" }
            let shouted = firstWord.count >= 3 && firstWord.allSatisfy { !$0.isLetter || $0.isUppercase }
            guard credit != nil || shouted, !(simpleLength != nil ? candidate.utf8.contains(0x0A) : candidate.contains("\n")), candidate.first?.isUppercase == true || candidate.first == "(" else { continue }
            // The credit stays in the dateline; `agency` is metadata a wire format states, which
            // `dateline.agency` compares the credit with.
            story.metadata.dateline = String(candidate) + separator.trimmingTrailingSpaces
            return
        }
    }

    /// Byte length of `text.prefix(120)` when every character in it (and the one after it) is a
    /// single scalar from a small set: ASCII other than CR, Latin-1 letters (U+00C0…U+00FF),
    /// curly quotes, en and em dashes, the ellipsis. In such text a `Character` is one scalar and
    /// canonical equivalence is byte equality for the separators, so a byte search finds what
    /// `range(of:)` finds. Nil for anything else.
    static func simpleHeadLength(_ text: String) -> Int? {
        ScalarBytes.withBytes(text) { bytes -> Int? in
            var i = 0, characters = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                let width: Int
                if byte < 0x80 {
                    guard byte != 0x0D else { return nil }
                    width = 1
                } else if byte == 0xC3, i + 1 < count, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0xBF {
                    width = 2
                } else if byte == 0xE2, i + 2 < count, bytes[i + 1] == 0x80,
                          [0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0xA6].contains(bytes[i + 2]) {
                    width = 3
                } else {
                    return nil
                }
                // The 121st character is looked at (it must not extend the 120th), not counted.
                if characters == 120 { return i }
                characters += 1
                i += width
            }
            return i
        }
    }
}

enum ScalarBytes {
    /// Runs `body` over the text's bytes without copying when possible.
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return try copy.withUTF8(body)
    }
}

extension StringProtocol {
    var trimmingTrailingSpaces: String {
        var result = String(self)
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
