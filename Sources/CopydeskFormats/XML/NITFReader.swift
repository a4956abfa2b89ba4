import CopydeskCore

/// NITF 3.x (News Industry Text Format), with or without the namespace
/// `http://iptc.org/std/NITF/2006-10-18/`.
///
/// Metadata: `head/title` (metadata headline when there is no `hl1`), `docdata/doc-id@id-string`
/// (id), `date.issue@norm` (created), `urgency@ed-urg` (priority), `du-key@key` / `@version`
/// (slug, version), agency from `body.head/distributor`, else `doc.copyright@holder`, else
/// `doc-id@regsrc`; language from `xml:lang` on `nitf`, `head` or `body`, else
/// `head/meta[@name=language|lang|dc.language]@content`.
/// Blocks: see `XMLStoryBody` (hedline, byline, dateline, `body.content` paragraphs and
/// subheads). Without a `dateline` element, a dateline at the start of the first paragraph is
/// recognised as for plain text. Element names are matched by local name, whatever the namespace.
/// A DOCTYPE naming the NITF DTD is accepted but never loaded (see `XMLLimits`).
public enum NITFReader: StoryReader {
    public static let name = "nitf"
    public static let namespace = "http://iptc.org/std/NITF/2006-10-18/"

    public static func confidence(for source: SourceFile) -> Int {
        let sniff = XMLSniff(source)
        if let root = sniff.root {
            return root.local == "nitf" && (root.namespace == nil || root.namespace == namespace) ? 95 : 0
        }
        if sniff.doctypeName == "nitf" { return 90 }
        guard sniff.looksLikeXML else { return 0 }
        // The start does not scan (malformed): claim it so the error names the XML problem.
        if sniff.contains("<nitf") && !sniff.contains(NewsMLG2Reader.namespace) { return 50 }
        return source.path.lowercased().hasSuffix(".nitf") ? 40 : 0
    }

    public static func read(_ source: SourceFile) throws -> Story {
        try read(source, limits: XMLLimits())
    }

    public static func read(_ source: SourceFile, limits: XMLLimits) throws -> Story {
        let (root, note) = try XMLScanner.document(source, limits: limits)
        guard root.local == "nitf" else {
            throw CopydeskError.input(file: source.path, message: "root element is <\(root.name.qualified)>, not <nitf>: not an NITF document")
        }
        var story = Story(source: source)
        story.metadata.sourceFormat = name
        let body = root.child("body").map { XMLStoryBody($0) } ?? XMLStoryBody()
        apply(body, to: &story)
        applyHead(of: root, body: body, to: &story.metadata)
        if story.metadata.dateline == nil { PlainLayout.recogniseDateline(in: &story) }
        if let note { story.diagnostics.append(note) }
        return story
    }

    /// Blocks and what the body states (byline, dateline) into the story.
    static func apply(_ body: XMLStoryBody, to story: inout Story) {
        story.blocks = body.blocks
        BlockShapes.retag(&story.blocks)
        story.metadata.byline = story.metadata.byline ?? body.byline
        story.metadata.dateline = story.metadata.dateline ?? body.dateline
    }

    /// Metadata from `nitf/head` (and the body's distributor); fills only fields still nil.
    static func applyHead(of nitf: XMLTreeElement, body: XMLStoryBody, to metadata: inout StoryMetadata) {
        let head = nitf.child("head")
        let docdata = head?.child("docdata")
        let headline = body.blocks.first { $0.kind == .headline }?.string ?? head?.child("title")?.collapsedText
        metadata.headline = metadata.headline ?? headline
        if metadata.id == nil { metadata.id = nonEmpty(docdata?.child("doc-id")?.attribute("id-string")) }
        if metadata.created == nil, let norm = docdata?.child("date.issue")?.attribute("norm") { metadata.created = XMLDates.parse(norm) }
        if metadata.priority == nil { metadata.priority = nonEmpty(docdata?.child("urgency")?.attribute("ed-urg")) }
        let duKey = docdata?.child("du-key")
        if metadata.slug == nil { metadata.slug = nonEmpty(duKey?.attribute("key")) }
        if metadata.version == nil { metadata.version = nonEmpty(duKey?.attribute("version")) }
        if metadata.agency == nil {
            metadata.agency = body.distributor
                ?? nonEmpty(docdata?.child("doc.copyright")?.attribute("holder"))
                ?? nonEmpty(docdata?.child("doc-id")?.attribute("regsrc"))
        }
        if metadata.language == nil {
            let meta = head?.children("meta").first {
                ["language", "lang", "dc.language"].contains(($0.attribute("name") ?? "").lowercased())
            }
            metadata.language = nonEmpty(nitf.xmlLang) ?? nonEmpty(head?.xmlLang) ?? nonEmpty(nitf.child("body")?.xmlLang)
                ?? nonEmpty(meta?.attribute("content"))
        }
    }

    static func nonEmpty(_ string: String?) -> String? {
        guard let trimmed = string?.trimmingXMLSpace, !trimmed.isEmpty else { return nil }
        return trimmed
    }
}

extension String {
    /// Without leading and trailing XML whitespace.
    var trimmingXMLSpace: String {
        let bytes = Array(utf8)
        var start = 0, end = bytes.count
        while start < end, XMLScanner.isSpace(bytes[start]) { start += 1 }
        while end > start, XMLScanner.isSpace(bytes[end - 1]) { end -= 1 }
        return start == 0 && end == bytes.count ? self : String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
