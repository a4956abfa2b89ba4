import CopydeskCore

/// IPTC NewsML-G2 news items (namespace `http://iptc.org/std/nar/2006-10-01/`): a `newsMessage`
/// (`itemSet/newsItem`), a bare `newsItem`, or a fragment of one (`contentSet`, `contentMeta`,
/// `inlineXML`) as specifications and feeds quote them.
///
/// Metadata: `newsItem@guid` (id), `@version`; `itemMeta/versionCreated` (updated),
/// `firstCreated` (created; else `contentMeta/contentCreated`); `contentMeta/headline` (the one
/// without a role or with a `…:main` role, else the first), `slugline`, `dateline`,
/// `language@tag` (else `newsItem@xml:lang`), `urgency` (priority), `by` (byline). Agency: the
/// `creator` when it is an organisation (its `@type` names one, or it is given by `@qcode` and not
/// typed as a person; a creator given only by `@uri` is usually a staff member), else the
/// `provider` (`name`, `@literal`, the code of `@qcode`, or the host of `@uri`).
///
/// Body: the first `contentSet` rendition with paragraphs: `inlineXML` holding NITF or XHTML
/// (see `XMLStoryBody`), or plain-text `inlineData` (blank lines separate paragraphs). NITF
/// `head` metadata fills what `contentMeta` leaves open. Without a headline in the body, the
/// `contentMeta` headline is the headline block (mapped to its bytes in `contentMeta`); the
/// same for `by` and the byline.
///
/// A `newsMessage` with several news items: `read` returns the first item with paragraphs (else
/// the first with any block, else the first); `readAll` returns one story per item.
public enum NewsMLG2Reader: StoryReader {
    public static let name = "newsml-g2"
    public static let namespace = "http://iptc.org/std/nar/2006-10-01/"

    static let fragments: Set<String> = ["contentSet", "contentMeta", "inlineXML", "itemMeta"]
    static let textlessItems: Set<String> = ["packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem"]

    public static func confidence(for source: SourceFile) -> Int {
        let sniff = XMLSniff(source)
        if let root = sniff.root {
            let inG2 = root.namespace == namespace
            switch root.local {
            case "newsMessage", "newsItem": return inG2 ? 95 : root.namespace == nil ? 80 : 0
            case "itemSet", "contentSet", "contentMeta", "inlineXML": return inG2 || root.namespace == nil ? 70 : 0
            case _ where textlessItems.contains(root.local): return inG2 ? 60 : 0
            default: return 0
            }
        }
        guard sniff.looksLikeXML else { return 0 }
        // The start does not scan (malformed): claim it so the error names the XML problem.
        if sniff.contains(namespace) || sniff.contains("<newsItem") || sniff.contains("<newsMessage") { return 50 }
        return 0
    }

    public static func read(_ source: SourceFile) throws -> Story {
        try read(source, limits: XMLLimits())
    }

    public static func read(_ source: SourceFile, limits: XMLLimits) throws -> Story {
        let stories = try readAll(source, limits: limits)
        return stories.first { $0.blocks.contains { $0.kind.isBody } }
            ?? stories.first { !$0.blocks.isEmpty } ?? stories[0]
    }

    /// One story per `newsItem` of a `newsMessage` (one for a bare item or fragment), in order.
    public static func readAll(_ source: SourceFile) throws -> [Story] {
        try readAll(source, limits: XMLLimits())
    }

    public static func readAll(_ source: SourceFile, limits: XMLLimits) throws -> [Story] {
        let (root, note) = try XMLScanner.document(source, limits: limits)
        let items: [XMLTreeElement]
        switch root.local {
        case "newsMessage":
            items = root.children("itemSet").flatMap { $0.children("newsItem") }
        case "itemSet":
            items = root.children("newsItem")
        case "newsItem":
            items = [root]
        case _ where fragments.contains(root.local):
            items = [root]
        case _ where textlessItems.contains(root.local):
            throw CopydeskError.input(file: source.path, message: "a NewsML-G2 <\(root.local)> carries no story text (the \(name) reader reads newsItem and newsMessage)")
        default:
            throw CopydeskError.input(file: source.path, message: "root element is <\(root.name.qualified)>, not NewsML-G2 (expected newsMessage or newsItem)")
        }
        guard !items.isEmpty else {
            throw CopydeskError.input(file: source.path, message: "the NewsML-G2 <\(root.local)> holds no newsItem")
        }
        var stories = items.map { story(for: $0, source: source) }
        // The note belongs to the file: once, with its first story.
        if let note { stories[0].diagnostics.append(note) }
        return stories
    }

    // MARK: - One item

    static func story(for item: XMLTreeElement, source: SourceFile) -> Story {
        var story = Story(source: source)
        var metadata = StoryMetadata()
        metadata.sourceFormat = name
        let itemMeta = item.local == "itemMeta" ? item : item.child("itemMeta")
        let contentMeta = item.local == "contentMeta" ? item : item.child("contentMeta")
        let contentSet = item.local == "contentSet" ? item : item.child("contentSet")
        let renditions = item.local == "inlineXML" ? [item]
            : (contentSet?.elements ?? []).filter { $0.local == "inlineXML" || $0.local == "inlineData" }

        // Body: the first rendition with paragraphs (alternatives carry the same story).
        var body = XMLStoryBody()
        var nitf: XMLTreeElement?
        for rendition in renditions {
            let candidate = rendition.local == "inlineData" ? XMLStoryBody(plainText: rendition) : XMLStoryBody(rendition)
            if candidate.hasText || (body.blocks.isEmpty && !candidate.blocks.isEmpty) {
                body = candidate
                nitf = rendition.child("nitf")
            }
            if candidate.hasText { break }
        }

        if item.local == "newsItem" {
            metadata.id = NITFReader.nonEmpty(item.attribute("guid"))
            metadata.version = NITFReader.nonEmpty(item.attribute("version"))
        }
        if let text = itemMeta?.child("versionCreated")?.collapsedText { metadata.updated = XMLDates.parse(text) }
        if let text = itemMeta?.child("firstCreated")?.collapsedText ?? contentMeta?.child("contentCreated")?.collapsedText {
            metadata.created = XMLDates.parse(text)
        }
        let headlines = contentMeta?.children("headline") ?? []
        let headline = headlines.first { ($0.attribute("role") ?? "").isEmpty || $0.attribute("role")!.hasSuffix(":main") } ?? headlines.first
        let headlineText = headline.flatMap { XMLText.inline($0) }
        let byText = contentMeta?.child("by").flatMap { XMLText.inline($0) }
        metadata.headline = headlineText?.text
        metadata.slug = contentMeta?.child("slugline")?.collapsedText
        metadata.dateline = contentMeta?.child("dateline")?.collapsedText
        metadata.language = NITFReader.nonEmpty(contentMeta?.child("language")?.attribute("tag")) ?? NITFReader.nonEmpty(item.xmlLang)
        metadata.priority = contentMeta?.child("urgency")?.collapsedText
        metadata.byline = byText?.text
        metadata.agency = agency(creator: contentMeta?.child("creator"), provider: itemMeta?.child("provider"))

        story.metadata = metadata
        NITFReader.apply(body, to: &story)
        if !body.hasHeadline, let headlineText {
            story.blocks.insert(TextBlock(kind: .headline, text: headlineText), at: 0)
        }
        if !story.blocks.contains(where: { $0.kind == .byline }), let byText {
            let at = story.blocks.first?.kind == .headline ? 1 : 0
            story.blocks.insert(TextBlock(kind: .byline, text: byText), at: at)
        }
        if let nitf {
            NITFReader.applyHead(of: nitf, body: body, to: &story.metadata)
        } else {
            story.metadata.agency = story.metadata.agency ?? body.distributor
        }
        if story.metadata.dateline == nil { PlainLayout.recogniseDateline(in: &story) }
        return story
    }

    /// The agency: an organisation as creator, else the provider.
    static func agency(creator: XMLTreeElement?, provider: XMLTreeElement?) -> String? {
        if let creator {
            let type = (creator.attribute("type") ?? "").lowercased()
            let isOrganisation = type.contains("organi") || type.contains("company")
                || (!type.contains("person") && creator.attribute("qcode") != nil)
            if isOrganisation, let name = partyName(creator) { return name }
        }
        return provider.flatMap(partyName)
    }

    /// `name` child, `@literal`, the code of `@qcode` (`nprov:REUTERS` → `REUTERS`), or the host
    /// of `@uri` without `www.`.
    static func partyName(_ party: XMLTreeElement) -> String? {
        if let name = party.child("name")?.collapsedText { return name }
        if let literal = NITFReader.nonEmpty(party.attribute("literal")) { return literal }
        if let qcode = NITFReader.nonEmpty(party.attribute("qcode")) {
            let code = qcode.split(separator: ":", maxSplits: 1).last.map(String.init) ?? qcode
            return code.hasPrefix("www.") ? String(code.dropFirst(4)) : code
        }
        if let uri = NITFReader.nonEmpty(party.attribute("uri")) {
            var rest = Substring(uri)
            if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
            var host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            if host.hasPrefix("www.") { host = host.dropFirst(4) }
            return host.isEmpty ? nil : String(host)
        }
        return nil
    }
}
