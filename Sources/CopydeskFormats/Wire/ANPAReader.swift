import CopydeskCore
import Foundation

/// ANPA-1312 wire copy (AP, UPI, Reuters, Bay City News feeds of the 1980s–90s): single stories
/// and multi-story streams with line noise.
///
/// Framing: `SYN SYN SOH`, service letter + story number, `US`, selector; line 2 priority letter,
/// category letter, `DC3`/`DC4`, `DC1`/`DC2`, keyword, version, `mm-dd`, word count; `STX` body
/// `ETX`, transmission stamp (`AP-NY-04-28-94 1420EDT`), `FF`, `EOT`. The stream is resynchronised
/// on every `SOH` that opens a header; bytes before the first one (the tail of a story whose start
/// was lost) are skipped.
///
/// Body conventions (AP): `^` header lines end in `<` or `=` (the first is the keyword line, then
/// advance/editor's-note lines, the headline, `^By NAME=`), paragraphs open with TAB + spaces and
/// continue on the following lines until the next TAB line or a blank line (double-spaced copy,
/// with a blank line after every line, is recognised and unwrapped), a one-line TAB paragraph
/// ending in `<` is a subhead, a `^` line after the text has started is a subhead, and lines
/// opening with `BS` are fixed-format (agate/tabular) lines, kept line by line. Wrapped lines are
/// joined with one space, a `.decoded` piece over the line break; everything else is verbatim, so
/// `_` dashes and ``` ``…'' ``` quotes stay as sent for the normalize stage.
public enum ANPAReader: StoryReader {
    public static let name = "anpa"

    public static func confidence(for source: SourceFile) -> Int {
        let sniff = WireStream.sniff(source)
        if sniff.anpa > 0 { return sniff.anpa >= sniff.iptc7901 ? sniff.anpa : min(sniff.anpa, sniff.iptc7901 - 5) }
        let path = source.path.lowercased()
        return path.hasSuffix(".anpa") || path.hasSuffix(".ap") ? 25 : 0
    }

    /// The first story that has body text (else the first story) of the file.
    public static func read(_ source: SourceFile) throws -> Story {
        let stories = try readAll(source)
        return stories.first { !$0.paragraphs.isEmpty } ?? stories[0]
    }

    /// Every story of the stream, in order; blocks of each map into the same file.
    public static func readAll(_ source: SourceFile) throws -> [Story] {
        let bytes = Array(source.text.utf8)
        let messages = WireStream.messages(bytes)
        guard !messages.isEmpty else {
            throw CopydeskError.input(file: source.path, message: "line 1, column 1: no ANPA story found (no SOH followed by a story header)")
        }
        return messages.map { story(from: $0, bytes: bytes, source: source) }
    }

    // MARK: - One story

    private static func story(from message: WireStream.Message, bytes b: [UInt8], source: SourceFile) -> Story {
        var meta = StoryMetadata()
        meta.sourceFormat = name
        parseHeader(b, message.header, into: &meta)
        let stamp = parseStamp(b, message.trailer, into: &meta)

        var story = Story(source: source)
        var layout = BodyLayout(bytes: b, keyword: meta.slug)
        layout.run(WireBytes.lines(b, message.body))
        story.blocks = layout.blocks
        // DC4 (agate) or DC2 (tabular) in the header: the body is a table, whatever its layout.
        if message.header.contains(where: { b[$0] == WireBytes.dc4 || b[$0] == WireBytes.dc2 }) {
            for index in story.blocks.indices where story.blocks[index].kind == .paragraph { story.blocks[index].kind = .table }
        }
        BlockShapes.retag(&story.blocks)
        if let keywordLine = layout.keywordLine { applyKeywordLine(keywordLine.text.text, to: &meta) }
        meta.headline = story.headline?.string
        meta.byline = story.byline?.string

        let agencyFromStamp = stamp.map { WireBytes.hasPrefix(b, $0, "AP-", caseInsensitive: false) } ?? false
        let agencyFromKeyword = meta.slug?.hasPrefix("AP-") ?? false
        let agencyFromByline = meta.byline?.range(of: "Associated Press", options: .caseInsensitive) != nil
        if agencyFromStamp || agencyFromKeyword || agencyFromByline { meta.agency = "AP" }
        story.metadata = meta

        // Dateline: a paragraph of its own (`LOS GATOS (BCN)`) becomes a dateline block; otherwise
        // the start of the first prose paragraph (`(Honolulu) --`, `ATLANTA (AP) _`).
        if let index = layout.firstProse {
            let text = story.blocks[index].string
            if isStandaloneDateline(text) {
                story.blocks[index].kind = .dateline
                story.metadata.dateline = text
            } else {
                var probe = Story(source: source, blocks: [story.blocks[index]])
                PlainLayout.recogniseDateline(in: &probe)
                story.metadata.dateline = probe.metadata.dateline
            }
        }
        return story
    }

    /// Line 1: service letter + story number, `US`, selector. Line 2: priority, category, DC codes,
    /// keyword, version, `mm-dd`, word count.
    private static func parseHeader(_ b: [UInt8], _ header: Range<Int>, into meta: inout StoryMetadata) {
        let lines = WireBytes.lines(b, header).filter { !WireBytes.trimmed(b, $0).isEmpty }
        guard let first = lines.first else { return }
        var i = first.lowerBound
        while i < first.upperBound, WireBytes.isNoise(b[i]) || b[i] == 0x20 { i += 1 }
        let idStart = i
        while i < first.upperBound, WireBytes.isAlnum(b[i]), b[i] < 0x80 { i += 1 }
        if i > idStart { meta.id = WireBytes.string(b, idStart..<i) }
        guard lines.count >= 2 else { return }
        let second = lines[1]
        // Priority and category letters come before the DC codes.
        var k = second.lowerBound
        var letters: [String] = []
        while k < second.upperBound, !(b[k] >= WireBytes.dc1 && b[k] <= WireBytes.dc4), letters.count < 3 {
            if WireBytes.isLetter(b[k]) { letters.append(String(UnicodeScalar(b[k]))) }
            k += 1
        }
        if letters.count >= 1 { meta.priority = letters[0] }
        if letters.count >= 2 { meta.category = letters[1] }
        while k < second.upperBound, b[k] >= WireBytes.dc1 && b[k] <= WireBytes.dc4 { k += 1 }
        var tokens = WireBytes.tokens(b, k..<second.upperBound).filter { range in range.contains { !WireBytes.isNoise(b[$0]) } }
        guard !tokens.isEmpty else { return }
        meta.slug = WireBytes.string(b, tokens.removeFirst())
        if let last = tokens.last, last.count == 4, last.allSatisfy({ WireBytes.isDigit(b[$0]) }) { tokens.removeLast() }
        if let last = tokens.last, isMonthDay(b, last) { tokens.removeLast() }
        if !tokens.isEmpty { meta.version = tokens.map { WireBytes.string(b, $0) }.joined(separator: " ") }
    }

    private static func isMonthDay(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        r.count == 5 && WireBytes.isDigit(b[r.lowerBound]) && WireBytes.isDigit(b[r.lowerBound + 1]) && b[r.lowerBound + 2] == 0x2D
            && WireBytes.isDigit(b[r.lowerBound + 3]) && WireBytes.isDigit(b[r.lowerBound + 4])
    }

    /// `AP-NY-04-28-94 1420EDT`: sets `created`; returns the stamp's range.
    private static func parseStamp(_ b: [UInt8], _ trailer: Range<Int>, into meta: inout StoryMetadata) -> Range<Int>? {
        var start = trailer.lowerBound
        while start < trailer.upperBound, WireBytes.isSpace(b[start]) || WireBytes.isNoise(b[start]) { start += 1 }
        var end = start
        while end < trailer.upperBound, b[end] != WireBytes.cr, b[end] != WireBytes.lf, b[end] != 0x3C, !WireBytes.isNoise(b[end]) { end += 1 }
        let stamp = WireBytes.trimmed(b, start..<end)
        guard !stamp.isEmpty else { return nil }
        let tokens = WireBytes.tokens(b, stamp)
        guard tokens.count >= 2 else { return stamp }
        let parts = WireBytes.string(b, tokens[0]).split(separator: "-")
        let numbers = parts.suffix(3).compactMap { Int($0) }
        let time = WireBytes.string(b, tokens[1])
        let digits = time.prefix { $0.isASCII && $0.isNumber }
        guard numbers.count == 3, digits.count == 4, let hhmm = Int(digits) else { return stamp }
        let zone = WireDates.zoneOffset(String(time.dropFirst(4))) ?? 0
        let (month, day, year) = (numbers[0], numbers[1], numbers[2] < 100 ? WireDates.fullYear(numbers[2]) : numbers[2])
        guard WireDates.valid(month: month, day: day, hour: hhmm / 100, minute: hhmm % 100) else { return stamp }
        meta.created = Date(timeIntervalSince1970: WireDates.epoch(year: year, month: month, day: day, hour: hhmm / 100, minute: hhmm % 100) - Double(zone))
        return stamp
    }

    /// AP's keyword line (`BC-US--Giant Lobster Death, 1st Ld-Writethru,127`): slug, version and
    /// word count, separated by commas. Fills the slug and version the header did not give.
    static func applyKeywordLine(_ line: String, to meta: inout StoryMetadata) {
        var parts = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let slug = parts.first else { return }
        parts.removeFirst()
        if let last = parts.last, !last.isEmpty, last.allSatisfy({ $0.isASCII && $0.isNumber }) { parts.removeLast() }
        if meta.slug == nil { meta.slug = slug }
        if meta.version == nil, !parts.isEmpty { meta.version = parts.joined(separator: ", ") }
    }

    /// `LOS GATOS (BCN)`, `SAN FRANCISCO (BCN)`: a place in capitals and a credit, nothing else.
    static func isStandaloneDateline(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 5, b.count <= 60, b.last == 0x29, let open = b.lastIndex(of: 0x28), open >= 3, b[open - 1] == 0x20 else { return false }
        let place = b[0..<(open - 1)]
        guard place.contains(where: WireBytes.isLetter) else { return false }
        return place.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x20 || $0 == 0x2E || $0 == 0x2C || $0 == 0x27 || $0 == 0x2D || $0 >= 0x80 }
    }

    // MARK: - Body layout

    /// Turns the body lines of one story into blocks.
    struct BodyLayout {
        enum LineClass { case blank, caret, indented, fixed, plain }
        struct Line { var cls: LineClass; var content: Range<Int> }

        let bytes: [UInt8]
        let keyword: String?
        var blocks: [TextBlock] = []
        /// Index in `blocks` of the first TAB-indented prose paragraph.
        var firstProse: Int?

        private var paragraph: [Range<Int>] = []
        private var paragraphIndented = false
        private var fixedRun: [Range<Int>] = []
        private var headlineSet = false
        private var bylineSet = false
        private var proseCount = 0
        private var seenCaret = false
        private(set) var keywordLine: (position: Int, text: MappedText)?
        private var storyTag: [UInt8]?

        init(bytes: [UInt8], keyword: String?) {
            self.bytes = bytes
            self.keyword = keyword
        }

        func classify(_ line: Range<Int>) -> Line {
            let b = bytes
            var p = line.lowerBound
            while p < line.upperBound, WireBytes.isNoise(b[p]), b[p] != WireBytes.bs { p += 1 }
            guard p < line.upperBound else { return Line(cls: .blank, content: p..<p) }
            let cls: LineClass
            var contentStart = p
            switch b[p] {
            case WireBytes.bs: cls = .fixed; contentStart = p + 1
            case WireBytes.tab: cls = .indented; contentStart = p + 1
            case UInt8(ascii: "^"): cls = .caret; contentStart = p + 1
            default: cls = .plain
            }
            let content = WireBytes.trimmed(b, contentStart..<line.upperBound)
            if content.isEmpty { return Line(cls: .blank, content: content) }
            return Line(cls: cls, content: content)
        }

        private func endsWith(_ r: Range<Int>, _ byte: UInt8) -> Bool { !r.isEmpty && bytes[r.upperBound - 1] == byte }

        /// `r` without a trailing `<` (quad left) or `=` and the spaces before it.
        private func withoutTerminator(_ r: Range<Int>) -> Range<Int> {
            guard endsWith(r, 0x3C) || endsWith(r, 0x3D) else { return r }
            return WireBytes.trimmed(bytes, r.lowerBound..<(r.upperBound - 1))
        }

        mutating func run(_ rawLines: [Range<Int>]) {
            let lines = rawLines.map(classify)
            // Double-spaced copy: a blank line between a text line and its continuation, often.
            var bridges = 0
            if lines.count > 2 {
                for i in 1..<(lines.count - 1) where lines[i].cls == .blank {
                    let previous = lines[i - 1], next = lines[i + 1]
                    if previous.cls == .indented || previous.cls == .plain, next.cls == .plain, !endsWith(previous.content, 0x3C) { bridges += 1 }
                }
            }
            let doubleSpaced = bridges >= 3

            var i = 0
            while i < lines.count {
                let line = lines[i]
                switch line.cls {
                case .blank:
                    if doubleSpaced, !paragraph.isEmpty, i + 1 < lines.count, lines[i + 1].cls == .plain { break }
                    closeParagraph()
                    closeFixed()
                case .fixed:
                    closeParagraph()
                    // A rule (`-----`) ends a run of fixed lines, as a blank line does.
                    if WireBytes.hasAlnum(bytes, line.content) { fixedRun.append(line.content) } else { closeFixed() }
                case .caret:
                    closeParagraph()
                    closeFixed()
                    var parts = [line.content]
                    while !(endsWith(parts[parts.count - 1], 0x3C) || endsWith(parts[parts.count - 1], 0x3D)),
                          parts.count < 6, i + 1 < lines.count, lines[i + 1].cls == .plain {
                        i += 1
                        parts.append(lines[i].content)
                    }
                    caret(parts)
                case .indented:
                    closeParagraph()
                    closeFixed()
                    paragraph = [line.content]
                    paragraphIndented = true
                    if endsWith(line.content, 0x3C) { closeParagraph() }
                case .plain:
                    closeFixed()
                    if !WireBytes.hasAlnum(bytes, line.content) {
                        closeParagraph()
                    } else if !paragraph.isEmpty {
                        paragraph.append(line.content)
                        if endsWith(line.content, 0x3C) { closeParagraph() }
                    } else if !headlineSet, !seenCaret, blocks.isEmpty {
                        // Copy without `^` lines (Bay City News): the first line is the headline.
                        let text = WireLines.join(bytes, [withoutTerminator(line.content)])
                        blocks.append(TextBlock(kind: .headline, text: text))
                        headlineSet = true
                        storyTag = Self.tag(of: Array(text.text.utf8))
                    } else {
                        paragraph = [line.content]
                        paragraphIndented = false
                        if endsWith(line.content, 0x3C) { closeParagraph() }
                    }
                }
                i += 1
            }
            closeParagraph()
            closeFixed()
            if !headlineSet, let keywordLine {
                blocks.insert(TextBlock(kind: .headline, text: keywordLine.text), at: keywordLine.position)
                if let first = firstProse, first >= keywordLine.position { firstProse = first + 1 }
            }
        }

        /// `BCN43:UPDATE:…` → `BCN43`, the story tag repeated on the first body line.
        private static func tag(of headline: [UInt8]) -> [UInt8]? {
            guard let colon = headline.firstIndex(of: 0x3A), colon >= 2, colon <= 12 else { return nil }
            let tag = Array(headline[0..<colon])
            guard tag.allSatisfy({ WireBytes.isAlnum($0) && $0 < 0x80 }), tag.contains(where: WireBytes.isDigit) else { return nil }
            return tag
        }

        private mutating func closeParagraph() {
            guard !paragraph.isEmpty else { return }
            var lines = paragraph
            paragraph = []
            let quad = endsWith(lines[lines.count - 1], 0x3C)
            lines[lines.count - 1] = withoutTerminator(lines[lines.count - 1])
            lines = lines.filter { !$0.isEmpty }
            guard !lines.isEmpty, lines.contains(where: { WireBytes.hasAlnum(bytes, $0) }) else { return }
            if let storyTag, WireBytes.hasPrefix(bytes, lines[0], String(decoding: storyTag, as: UTF8.self), caseInsensitive: false) {
                let after = lines[0].lowerBound + storyTag.count
                if after == lines[0].upperBound || bytes[after] == 0x20 { return }
            }
            let text = WireLines.join(bytes, lines)
            let subhead = quad && lines.count == 1 && paragraphIndented && text.byteCount <= 100
            blocks.append(TextBlock(kind: subhead ? .subhead : .paragraph, text: text))
            if !subhead {
                if paragraphIndented, firstProse == nil { firstProse = blocks.count - 1 }
                proseCount += 1
            }
        }

        private mutating func closeFixed() {
            guard !fixedRun.isEmpty else { return }
            // Kept line by line; `BlockShapes` makes it a table where its lines are rows (a boxed
            // one-line banner stays a paragraph).
            blocks.append(TextBlock(kind: .paragraph, text: WireLines.join(bytes, fixedRun, separator: "\n")))
            fixedRun = []
        }

        private static let notePrefixes = ["eds:", "eds note", "editors:", "editor's note", "editors note", "for release", "for use", "with photo", "with ap photo", "adv", "embargo"]

        private mutating func caret(_ parts: [Range<Int>]) {
            let isFirstCaret = !seenCaret
            seenCaret = true
            let terminator: UInt8? = parts.last.flatMap { endsWith($0, 0x3C) ? 0x3C : endsWith($0, 0x3D) ? 0x3D : nil }
            var lines = parts
            lines[lines.count - 1] = withoutTerminator(lines[lines.count - 1])
            lines = lines.filter { !$0.isEmpty }
            guard !lines.isEmpty, lines.contains(where: { WireBytes.hasAlnum(bytes, $0) }) else { return }
            // An advance marker (`^$Adv30<`) is one word; `^$210 lobster is found dead<` is a headline.
            if bytes[lines[0].lowerBound] == UInt8(ascii: "$"), lines.count == 1, !bytes[lines[0]].contains(0x20) { return }
            let text = WireLines.join(bytes, lines)
            let string = text.text
            let lower = string.lowercased()
            if isFirstCaret, looksLikeKeywordLine(string) {
                keywordLine = (blocks.count, text)
                return
            }
            if lower.hasPrefix("by "), terminator == 0x3D || !bylineSet && proseCount == 0 {
                if !bylineSet {
                    blocks.append(TextBlock(kind: .byline, text: text))
                    bylineSet = true
                }
                return
            }
            // `^Associated Press Writer=` under the byline: the byline's title.
            if terminator == 0x3D, bylineSet, proseCount == 0 { return }
            if Self.notePrefixes.contains(where: { lower.hasPrefix($0) }) { return }
            if !string.contains(" "), string.contains(where: { $0.isNumber }) { return }  // a code such as `vartgsc1`
            if !headlineSet, proseCount == 0 {
                blocks.append(TextBlock(kind: .headline, text: text))
                headlineSet = true
            } else {
                blocks.append(TextBlock(kind: .subhead, text: text))
            }
        }

        /// The first `^` line repeats the keyword (`^AP-HI--2nd SportsMinute<` for keyword
        /// `AP-HI--2ndSportsMinute`, `^BC-Gaming Roundup, Adv30-01,1040<`).
        private func looksLikeKeywordLine(_ line: String) -> Bool {
            let squeezed = line.filter { $0 != " " }.lowercased()
            if let keyword, keyword.count >= 3 {
                let key = keyword.filter { $0 != " " }.lowercased()
                if squeezed.hasPrefix(key) || key.hasPrefix(squeezed) { return true }
            }
            // Cycle designators (AM-, PM-, BC-) and AP's own prefix open a keyword, never a headline.
            if ["AM-", "PM-", "BC-", "AP-"].contains(where: { line.hasPrefix($0) }) { return true }
            // "Slug, version,word count": a keyword line ends with its word count.
            guard let comma = line.lastIndex(of: ",") else { return false }
            let count = line[line.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            return !count.isEmpty && count.count <= 5 && count.allSatisfy { $0.isASCII && $0.isNumber }
        }
    }
}
