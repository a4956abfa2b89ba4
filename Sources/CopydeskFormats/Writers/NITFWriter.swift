import CopydeskCore
import Foundation

/// Writes a story as NITF 3.6 (namespaced), keeping the metadata that came in.
public enum NITFWriter {
    public static func write(_ story: Story) -> String {
        let metadata = story.metadata
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\" version=\"-//IPTC//DTD NITF 3.6//EN\""
        if let language = metadata.language { out += " xml:lang=\"\(escape(language))\"" }
        out += ">\n  <head>\n"
        if let headline = story.headline?.string ?? metadata.headline { out += "    <title>\(escape(headline))</title>\n" }
        out += "    <docdata>\n"
        if let id = metadata.id { out += "      <doc-id id-string=\"\(escape(id))\"/>\n" }
        if let priority = metadata.priority { out += "      <urgency ed-urg=\"\(escape(priority))\"/>\n" }
        if let date = metadata.updated ?? metadata.created { out += "      <date.issue norm=\"\(isoDate(date))\"/>\n" }
        if metadata.slug != nil || metadata.version != nil {
            out += "      <du-key"
            if let slug = metadata.slug { out += " key=\"\(escape(slug))\"" }
            if let version = metadata.version { out += " version=\"\(escape(version))\"" }
            out += "/>\n"
        }
        if let agency = metadata.agency { out += "      <doc.copyright holder=\"\(escape(agency))\"/>\n" }
        out += "    </docdata>\n  </head>\n  <body>\n    <body.head>\n"
        if let headline = story.headline?.string ?? metadata.headline { out += "      <hedline><hl1>\(escape(headline))</hl1></hedline>\n" }
        if let byline = story.byline?.string ?? metadata.byline { out += "      <byline>\(escape(byline))</byline>\n" }
        if let dateline = dateline(of: story) { out += "      <dateline>\(escape(dateline))</dateline>\n" }
        out += "    </body.head>\n    <body.content>\n"
        for block in story.blocks {
            switch block.kind {
            case .paragraph: out += "      <p>\(escape(block.string))</p>\n"
            case .subhead: out += "      <hl2>\(escape(block.string))</hl2>\n"
            case .list: out += "      <p>\(escape(block.string))</p>\n"
            case .table: out += "      <pre>\(escape(block.string))</pre>\n"
            case .headline, .byline, .dateline: continue
            }
        }
        out += "    </body.content>\n  </body>\n</nitf>\n"
        return out
    }

    /// The dateline as the story's text has it now: a writer writes the normalized text in every
    /// element. A dateline block is written as it reads; a dateline that opens the first paragraph
    /// is found again in the (normalized) paragraph; only a dateline the text does not hold (from
    /// metadata alone) is written as it came.
    static func dateline(of story: Story) -> String? {
        if let block = story.blocks.first(where: { $0.kind == .dateline }) { return block.string }
        guard story.metadata.dateline != nil else { return nil }
        var probe = Story(source: story.source, blocks: story.blocks.filter { $0.kind == .paragraph }.prefix(1).map { $0 })
        PlainLayout.recogniseDateline(in: &probe)
        return probe.metadata.dateline ?? story.metadata.dateline
    }

    static func escape(_ text: String) -> String { XMLEscaping.escape(text) }

    static func isoDate(_ date: Date) -> String {
        date.ISO8601Format(.iso8601.year().month().day().dateSeparator(.omitted).time(includingFractionalSeconds: false).timeSeparator(.omitted).timeZone(separator: .omitted))
    }
}
