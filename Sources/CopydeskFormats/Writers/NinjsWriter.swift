import CopydeskCore
import Foundation

/// Writes a story as ninjs 3.x JSON (IPTC), keeping the metadata that came in. The body goes out
/// twice, as plain text (paragraphs separated by blank lines) and as HTML paragraphs.
public enum NinjsWriter {
    struct Document: Encodable {
        var uri: String
        var type = "text"
        var version: String?
        var versionCreated: String?
        var firstCreated: String?
        var language: String?
        var urgency: Int?
        var slugline: String?
        var by: String?
        var located: String?
        var copyrightholder: String?
        var headlines: [Headline]
        var bodies: [Body]

        enum CodingKeys: String, CodingKey {
            case uri, type, version, versionCreated, firstCreated, language, urgency, slugline, by, located
            case copyrightholder = "copyrightHolder", headlines, bodies
        }
    }

    struct Headline: Encodable { var role: String; var value: String }
    struct Body: Encodable { var role: String; var contentType: String; var value: String }

    /// IPTC urgency (1 most urgent … 9) from a digit, or from an ANPA priority letter.
    static func urgency(_ priority: String) -> Int? {
        if let digit = Int(priority), (1...9).contains(digit) { return digit }
        switch priority.lowercased() {
        case "f": return 1  // flash
        case "b": return 2  // bulletin
        case "u": return 3  // urgent
        case "r": return 5  // regular
        case "a", "s": return 6  // advance, special
        case "d", "h": return 7  // deferred
        case "y": return 8  // rerun
        default: return nil
        }
    }

    public static func write(_ story: Story) -> String {
        let metadata = story.metadata
        let iso = ISO8601DateFormatter()
        let paragraphs = story.blocks.filter { $0.kind.isBody }
        let html = paragraphs.map { block in
            switch block.kind {
            case .subhead: "<h2>\(NITFWriter.escape(block.string))</h2>"
            case .table: "<pre>\(NITFWriter.escape(block.string))</pre>"
            default: "<p>\(NITFWriter.escape(block.string))</p>"
            }
        }.joined(separator: "\n")
        let headline = story.headline?.string ?? metadata.headline
        let document = Document(
            uri: metadata.id ?? "urn:copydesk:\(story.source.path)",
            version: metadata.version,
            versionCreated: metadata.updated.map { iso.string(from: $0) },
            firstCreated: metadata.created.map { iso.string(from: $0) },
            language: metadata.language,
            urgency: metadata.priority.flatMap(urgency),
            slugline: metadata.slug,
            by: story.byline?.string ?? metadata.byline,
            located: metadata.dateline,
            copyrightholder: metadata.agency,
            headlines: headline.map { [Headline(role: "main", value: $0)] } ?? [],
            bodies: [
                Body(role: "main", contentType: "text/plain", value: paragraphs.map(\.string).joined(separator: "\n\n")),
                Body(role: "main", contentType: "text/html", value: html),
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
