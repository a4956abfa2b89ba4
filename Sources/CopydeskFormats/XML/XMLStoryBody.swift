import CopydeskCore

/// Story blocks from an XML story body, NITF (`body/body.head`, `body.content`) or XHTML
/// (`html/body`), walked in document order:
///
/// - `hl1` / `h1`: the headline (a later one is a subhead); `hl2`, `h2`…`h6`: subheads;
/// - `byline`: its text without `byttl` (the title, used only when the byline has nothing else),
///   trailing `,` / `;` dropped; `dateline`: a dateline block;
/// - `p`: a paragraph, inline markup (`em`, `a`, `q`, `person`, …) contributing its text;
/// - `pre`: its lines, kept as lines (see `PreformattedText`), a block per group of lines;
/// - `table`: a `table` block per row (`tr`, its cells `td`/`th` separated by a tab that stands
///   for the cell's start tag) and for its `caption`: results and listings are checked for
///   characters and encoding, and skipped by prose rules;
/// - `li` (of `ul`/`ol`/`dl`): a `list` block each;
/// - `distributor` is noted as the agency;
/// - left out: `abstract`, `media`, `figure`, `note` (editorial notes), `body.end`, `head`,
///   `script`, `style`; any other element is looked into for the above.
///
/// Text is whitespace-collapsed (see `InlineTextCollector`); empty elements give no block.
struct XMLStoryBody {
    var blocks: [TextBlock] = []
    var byline: String?
    var dateline: String?
    var distributor: String?

    static let skipped: Set<String> = [
        "abstract", "media", "figure", "figcaption", "note", "body.end", "head", "script", "style",
        "tagline", "bibliography", "ed-msg", "series", "rights",
    ]

    init() {}

    /// Reads the blocks inside `element` (the element itself is a container, not a block).
    init(_ element: XMLTreeElement) {
        walk(element)
    }

    var hasHeadline: Bool { blocks.contains { $0.kind == .headline } }
    var hasText: Bool { blocks.contains { $0.kind.isBody } }

    private mutating func walk(_ element: XMLTreeElement) {
        for child in element.elements {
            let local = child.local
            if Self.skipped.contains(local) { continue }
            switch local {
            case "distributor":
                if distributor == nil { distributor = child.collapsedText }
            case "hl1", "h1":
                add(hasHeadline ? .subhead : .headline, XMLText.inline(child))
            case "hl2", "h2", "h3", "h4", "h5", "h6":
                add(.subhead, XMLText.inline(child))
            case "byline":
                var collector = InlineTextCollector()
                collector.add(child) { $0.local == "byttl" }
                collector.trimTrailing([UInt8(ascii: ","), UInt8(ascii: ";")])
                let text = collector.finish() ?? child.firstDescendant("byttl").flatMap { XMLText.inline($0) }
                add(.byline, text)
                if byline == nil { byline = text?.text }
            case "dateline":
                let text = XMLText.inline(child)
                add(.dateline, text)
                if dateline == nil { dateline = text?.text }
            case "p":
                add(.paragraph, XMLText.inline(child))
            case "pre":
                // Preformatted text (results, listings): read line by line, one block per group
                // of lines between blank lines; `BlockShapes` then tells tables from prose.
                for text in PreformattedText.blocks(of: child) { add(.paragraph, text) }
            case "table":
                table(child)
            case "li", "dd", "dt":
                if child.firstDescendant("p") != nil { walk(child) } else { add(.list, XMLText.inline(child)) }
            default:
                walk(child)
            }
        }
    }

    /// A table's caption and rows, in document order (inside `thead`/`tbody`/`tfoot` or not);
    /// a table nested in a cell is read as that cell's text.
    private mutating func table(_ element: XMLTreeElement) {
        for child in element.elements {
            switch child.local {
            case "caption":
                add(.table, XMLText.inline(child))
            case "tr":
                var collector = InlineTextCollector()
                for cell in child.elements where cell.local == "td" || cell.local == "th" {
                    if !collector.isEmpty { collector.separator(UInt8(ascii: "\t"), standingFor: cell.tag.range) }
                    collector.add(cell) { _ in false }
                }
                add(.table, collector.finish())
            case "thead", "tbody", "tfoot":
                table(child)
            default:
                break
            }
        }
    }

    private mutating func add(_ kind: TextBlock.Kind, _ text: MappedText?) {
        guard let text else { return }
        blocks.append(TextBlock(kind: kind, text: text))
    }
}

extension XMLStoryBody {
    /// Paragraphs from plain text (NewsML-G2 `inlineData`): blank lines separate paragraphs,
    /// other line breaks read as spaces.
    init(plainText element: XMLTreeElement) {
        for node in element.children {
            guard case .text(let run) = node else { continue }
            let bytes = Array(run.text.text.utf8)
            var start = 0
            var k = 0
            func close(_ end: Int) {
                var collector = InlineTextCollector()
                collector.add(run.text, range: start..<end)
                if let text = collector.finish() { blocks.append(TextBlock(kind: .paragraph, text: text)) }
            }
            while k < bytes.count {
                guard bytes[k] == 0x0A else { k += 1; continue }
                // A line break followed by a blank line ends the paragraph.
                var j = k + 1
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
                if j < bytes.count, bytes[j] == 0x0A {
                    close(k)
                    start = j
                    k = j
                } else {
                    k += 1
                }
            }
            close(bytes.count)
        }
    }
}
