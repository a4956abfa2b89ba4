import CopydeskCore
import Foundation

/// IPTC ninjs (news in JSON), versions 1.x, 2.x and 3.x.
///
/// - 1.x is flat: `headline`, `byline`, `body_text`, `body_html`/`body_xhtml`, `versioncreated`.
/// - 2.x/3.x use `headlines[{role,value}]`, `bodies[{role,contentType,value}]`, `by`,
///   `versionCreated`/`firstCreated`. Member names are matched ignoring case, because 2.x files
///   write `versioncreated`/`contenttype` and 3.x `versionCreated`/`contentType`.
///
/// Paragraphs come from an HTML body when there is one (its `<p>` elements), else from the plain
/// text body (split on blank lines, or on single newlines when the text has no blank line), else
/// from a `descriptions` text as the only paragraph. Every block maps to the bytes of its JSON
/// string in the file: verbatim runs stay `.verbatim`, escapes and entities are `.decoded` pieces.
public enum NinjsReader: StoryReader {
    public static let name = "ninjs"

    private static let markerKeys = [
        "\"uri\"", "\"headlines\"", "\"headline\"", "\"bodies\"", "\"body_text\"", "\"body_html\"", "\"body_xhtml\"",
        "\"versioncreated\"", "\"firstcreated\"", "\"byline\"", "\"by\"", "\"slugline\"", "\"urgency\"", "\"pubstatus\"",
    ]

    public static func confidence(for source: SourceFile) -> Int {
        let utf8 = source.text.utf8
        var index = utf8.startIndex
        var seen = 0
        // Skip a BOM and whitespace; ninjs is a JSON object.
        while index != utf8.endIndex, seen < 4096, utf8[index] == 0x20 || utf8[index] == 0x0A || utf8[index] == 0x0D || utf8[index] == 0x09 || utf8[index] == 0xEF || utf8[index] == 0xBB || utf8[index] == 0xBF {
            index = utf8.index(after: index); seen += 1
        }
        guard index != utf8.endIndex, utf8[index] == UInt8(ascii: "{") else { return 0 }
        let head = Array(utf8.prefix(16384))
        var hits = 0
        for key in markerKeys where WireBytes.contains(head, 0..<head.count, key) { hits += 1 }
        let isJSONFile = source.path.lowercased().hasSuffix(".json")
        if hits >= 3 { return 92 }
        if hits == 2 { return 80 }
        if hits == 1 { return isJSONFile ? 50 : 30 }
        return isJSONFile ? 15 : 5
    }

    /// The first story of the file (see `readAll`).
    public static func read(_ source: SourceFile) throws -> Story {
        try readAll(source)[0]
    }

    /// Every story of the file: one ninjs object, or each object of an API envelope's item list
    /// (`{"total": 2, "item": [{…}, {…}]}`, as feeds such as BBC's deliver; also `items` and
    /// `data`), each read as a story of its own.
    public static func readAll(_ source: SourceFile) throws -> [Story] {
        let bytes = Array(source.text.utf8)
        let root: WireJSON
        do {
            root = try WireJSONParser.parse(bytes)
        } catch {
            let location = source.location(of: error.offset)
            throw CopydeskError.input(file: source.path, message: "line \(location.line), column \(location.column): invalid JSON: \(error.message)")
        }
        guard case .object = root else {
            throw CopydeskError.input(file: source.path, message: "line 1, column 1: a ninjs document is a JSON object")
        }
        if let items = envelopeItems(root) {
            guard !items.isEmpty else {
                throw CopydeskError.input(file: source.path, message: "line 1, column 1: the ninjs envelope holds no items")
            }
            return items.map { story(from: $0, source: source) }
        }
        return [story(from: root, source: source)]
    }

    /// The items of an API envelope: an `item`, `items` or `data` array of objects, in a
    /// document that is not itself a story (no headline, body or uri of its own).
    static func envelopeItems(_ root: WireJSON) -> [WireJSON]? {
        let ownKeys = ["uri", "headline", "headlines", "body_text", "body_html", "body_xhtml", "bodies"]
        if ownKeys.contains(where: { root[$0] != nil }) { return nil }
        for key in ["item", "items", "data"] {
            guard let list = root[key]?.arrayValue else { continue }
            let objects = list.filter { if case .object = $0 { true } else { false } }
            if objects.count == list.count { return objects }
        }
        return nil
    }

    private static func story(from root: WireJSON, source: SourceFile) -> Story {
        var story = Story(source: source)
        var meta = StoryMetadata()
        meta.sourceFormat = name
        meta.id = root["uri"]?.stringValue ?? root["guid"]?.stringValue ?? root["id"]?.stringValue
        meta.version = root["version"]?.stringValue
        meta.priority = (root["urgency"] ?? root["priority"])?.stringValue
        meta.language = root["language"]?.stringValue
        meta.slug = root["slugline"]?.stringValue
        meta.agency = agency(of: root)
        meta.created = (root["firstcreated"]?.stringValue).flatMap(WireDates.iso8601)
        meta.updated = (root["versioncreated"]?.stringValue).flatMap(WireDates.iso8601)
        if let subject = root["genre"]?.arrayValue.first?["name"]?.stringValue { meta.category = subject }

        // Headline: ninjs 1.x `headline`, else `headlines` with role main (or the first one).
        let headline = root["headline"]?.text ?? pick(root["headlines"]?.arrayValue ?? [], roles: ["main", "default", ""])?["value"]?.text
        if let headline, let block = trimmedBlock(.headline, headline) {
            story.blocks.append(block)
            meta.headline = block.string
        }
        let byline = root["byline"]?.text ?? root["by"]?.text
        if let byline, let block = trimmedBlock(.byline, byline) {
            story.blocks.append(block)
            meta.byline = block.string
        }

        story.blocks.append(contentsOf: bodyBlocks(root))
        BlockShapes.retag(&story.blocks)
        story.metadata = meta
        recogniseDateline(in: &story)
        return story
    }

    /// Agency: `provider` (string or `{name}`), then `copyrightholder`, then the first `infosource`.
    private static func agency(of root: WireJSON) -> String? {
        if let provider = root["provider"] {
            if let name = provider.stringValue ?? provider["name"]?.stringValue, !name.isEmpty { return name }
        }
        if let holder = root["copyrightholder"]?.stringValue, !holder.isEmpty { return holder }
        if let info = (root["infosources"] ?? root["infosource"])?.arrayValue.first?["name"]?.stringValue, !info.isEmpty { return info }
        return nil
    }

    /// The item whose `role` is the first of `roles` found ("" matches any item).
    private static func pick(_ items: [WireJSON], roles: [String]) -> WireJSON? {
        for role in roles {
            if role.isEmpty { return items.first }
            if let item = items.first(where: { $0["role"]?.stringValue?.lowercased() == role }) { return item }
        }
        return nil
    }

    private static func bodyBlocks(_ root: WireJSON) -> [TextBlock] {
        var html: WireDecodedText?
        var plain: WireDecodedText?
        // 1.x
        html = root["body_html"]?.text ?? root["body_xhtml"]?.text
        plain = root["body_text"]?.text
        // 2.x / 3.x
        for body in root["bodies"]?.arrayValue ?? [] {
            guard let value = body["value"]?.text else { continue }
            let type = (body["contenttype"]?.stringValue ?? "").lowercased()
            let role = (body["role"]?.stringValue ?? "").lowercased()
            let isHTML = type.contains("html") || role == "html" || role == "xhtml"
            if isHTML { if html == nil { html = value } } else if plain == nil { plain = value }
        }
        if let html {
            let blocks = WireHTML.blocks(from: html).map { TextBlock(kind: $0.kind, text: $0.text) }
            if !blocks.isEmpty { return blocks }
        }
        if let plain {
            let blocks = plainParagraphs(plain)
            if !blocks.isEmpty { return blocks }
        }
        // No body: a text description (an NTB lead) is the only publishable text there is.
        let descriptions = (root["descriptions"]?.arrayValue ?? [])
        if let description = pick(descriptions, roles: ["text", "summary", "main", ""])?["value"]?.text
            ?? root["description_text"]?.text {
            return plainParagraphs(description)
        }
        if let html = root["description_html"]?.text {
            return WireHTML.blocks(from: html).map { TextBlock(kind: $0.kind, text: $0.text) }
        }
        return []
    }

    /// Plain text body: paragraphs split on blank lines (single line breaks inside a paragraph read
    /// as spaces), or on every line break when the text has no blank line.
    static func plainParagraphs(_ text: WireDecodedText) -> [TextBlock] {
        let b = text.bytes
        let lines = WireBytes.lines(b, 0..<b.count)
        var hasBlankLine = false
        var previousBlank = false
        for (index, line) in lines.enumerated() {
            let blank = WireBytes.trimmed(b, line).isEmpty
            if blank, index > 0, !previousBlank { hasBlankLine = true }
            previousBlank = blank
        }
        var groups: [[Range<Int>]] = []
        var current: [Range<Int>] = []
        for line in lines {
            let content = WireBytes.trimmed(b, line)
            if content.isEmpty {
                if !current.isEmpty { groups.append(current); current = [] }
                continue
            }
            current.append(content)
            if !hasBlankLine { groups.append(current); current = [] }
        }
        if !current.isEmpty { groups.append(current) }
        return groups.map { group in
            var builder = WireTextBuilder()
            for (index, line) in group.enumerated() {
                if index > 0 { builder.decoded([0x20], source: text.sourceRange(group[index - 1].upperBound..<line.lowerBound)) }
                text.copy(line, into: &builder)
            }
            return TextBlock(kind: .paragraph, text: builder.build())
        }
    }

    /// A headline or byline string without surrounding whitespace; nil when empty.
    private static func trimmedBlock(_ kind: TextBlock.Kind, _ text: WireDecodedText) -> TextBlock? {
        let b = text.bytes
        var lower = 0, upper = b.count
        while lower < upper, WireBytes.isSpace(b[lower]) { lower += 1 }
        while upper > lower, WireBytes.isSpace(b[upper - 1]) { upper -= 1 }
        guard lower < upper else { return nil }
        var builder = WireTextBuilder()
        // Line breaks inside a headline read as spaces.
        var start = lower
        var i = lower
        while i < upper {
            if b[i] == 0x0A || b[i] == 0x0D {
                text.copy(start..<i, into: &builder)
                var e = i
                while e < upper, WireBytes.isSpace(b[e]) { e += 1 }
                builder.decoded([0x20], source: text.sourceRange(i..<e))
                i = e
                start = e
                continue
            }
            i += 1
        }
        text.copy(start..<upper, into: &builder)
        return TextBlock(kind: kind, text: builder.build())
    }

    static func recogniseDateline(in story: inout Story) {
        PlainLayout.recogniseDateline(in: &story)
    }
}
