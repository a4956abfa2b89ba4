import CopydeskCore
import Foundation

/// IPTC 7901 wire copy (dpa, APA, SDA, KNA and others): `SOH`, header line (source + sequence,
/// priority digit, category, word count, optionally agency and message number), keyword line ending
/// in `/`, `STX`, headline (dpa ends it with ` =`), optional `By …`/`Von …` byline, body, optional
/// notebook and "not for publication" block, `ETX`, time stamp (`131137 GMT Nov 13`), DEL padding,
/// `EOT`. Several messages in one file are read like an ANPA stream (`readAll`).
///
/// The reader works on the decoded text: legacy 8-bit charsets are converted before it runs.
/// Files whose control codes were stripped in transit (header, keyword line, text) are read too.
///
/// Head: lines before the headline that look like service notes (`REFILE`, `1ST LEAD`,
/// `(Zusammenfassung 1600)`) go to `version`; the line ending ` =` is the headline, or the byline
/// when it opens with `By`/`Von` (the headline is then the line above it). Body paragraphs are
/// separated by blank lines or by an indented first line; wrapped lines are joined with a space.
/// The body ends at the notebook (`# Notebook`, `Notizblock`), at `* * * *` or a "not for
/// publication" line; a closing sign-off such as `dpa al rmo` is not a paragraph.
public enum IPTC7901Reader: StoryReader {
    public static let name = "iptc7901"

    public static func confidence(for source: SourceFile) -> Int {
        let sniff = WireStream.sniff(source)
        if sniff.iptc7901 > 0 { return sniff.iptc7901 >= sniff.anpa ? sniff.iptc7901 : min(sniff.iptc7901, sniff.anpa - 5) }
        return source.path.lowercased().hasSuffix(".7901") || source.path.lowercased().hasSuffix(".iptc") ? 25 : 0
    }

    public static func read(_ source: SourceFile) throws -> Story {
        let stories = try readAll(source)
        return stories.first { !$0.paragraphs.isEmpty } ?? stories[0]
    }

    public static func readAll(_ source: SourceFile) throws -> [Story] {
        let bytes = Array(source.text.utf8)
        let messages = WireStream.messages(bytes)
        if messages.isEmpty {
            // Control codes stripped: the whole file is one message if it starts with a 7901 header.
            let lines = WireBytes.lines(bytes, 0..<bytes.count)
            guard let first = lines.first(where: { !WireBytes.trimmed(bytes, $0).isEmpty }),
                  WireStream.headerStyle([0x01] + Array(bytes[WireBytes.trimmed(bytes, first)]), afterSOH: 0) == .iptc7901 else {
                throw CopydeskError.input(file: source.path, message: "line 1, column 1: no IPTC 7901 message found (no SOH and no 7901 header line)")
            }
            return [story(region: first.lowerBound..<bytes.count, stx: nil, body: nil, etx: nil, trailer: nil, bytes: bytes, source: source)]
        }
        return messages.map { message in
            story(region: (message.start + 1)..<message.end, stx: message.stx, body: message.stx == nil ? nil : message.body,
                  etx: message.etx, trailer: message.etx == nil ? nil : message.trailer, bytes: bytes, source: source)
        }
    }

    private static func story(region: Range<Int>, stx: Int?, body knownBody: Range<Int>?, etx: Int?, trailer: Range<Int>?,
                              bytes b: [UInt8], source: SourceFile) -> Story {
        var meta = StoryMetadata()
        meta.sourceFormat = name
        var story = Story(source: source)

        // Pre-text: header line, then keyword line(s), up to STX (or, without STX, up to the line
        // after the keyword line).
        let preEnd = stx ?? region.upperBound
        var preLines = WireBytes.lines(b, region.lowerBound..<preEnd).map { WireBytes.trimmed(b, $0) }
        var bodyStart = knownBody?.lowerBound ?? region.upperBound
        if knownBody == nil {
            // Without STX the pre-text ends after the keyword line, or after the header line.
            let all = WireBytes.lines(b, region)
            var headerSeen = false
            var end = region.lowerBound
            var cut = all.count
            for (index, line) in all.enumerated() {
                let t = WireBytes.trimmed(b, line)
                if t.isEmpty { continue }
                if !headerSeen { headerSeen = true; end = line.upperBound; cut = index + 1; continue }
                if b[t.upperBound - 1] == 0x2F { end = line.upperBound; cut = index + 1 }
                break
            }
            preLines = all[0..<min(cut, all.count)].map { WireBytes.trimmed(b, $0) }
            bodyStart = end
        }
        preLines = preLines.filter { !$0.isEmpty }
        if let header = preLines.first { parseHeader(b, header, into: &meta) }
        var notes: [String] = []
        for line in preLines.dropFirst() {
            if b[line.upperBound - 1] == 0x2F {
                let slug = WireBytes.trimmed(b, line.lowerBound..<(line.upperBound - 1))
                if meta.slug == nil, !slug.isEmpty { meta.slug = WireBytes.string(b, slug) }
            } else {
                notes.append(WireBytes.string(b, line))
            }
        }

        var bodyEnd = knownBody?.upperBound ?? region.upperBound
        if knownBody == nil {
            // Stop at an ETX or EOT that survived.
            var k = bodyStart
            while k < bodyEnd, b[k] != WireBytes.etx, b[k] != WireBytes.eot { k += 1 }
            bodyEnd = k
        }
        var lines = WireBytes.lines(b, bodyStart..<max(bodyStart, bodyEnd))

        // Time stamp: after ETX, or the last line of a stripped message.
        if let trailer {
            parseTimestamp(b, trailer, into: &meta)
        } else if let last = lines.lastIndex(where: { !WireBytes.trimmed(b, $0).isEmpty }),
                  parseTimestamp(b, lines[last], into: &meta) {
            lines.removeSubrange(last...)
        }

        var layout = BodyLayout(bytes: b, agency: meta.agency)
        layout.run(lines)
        story.blocks = layout.blocks
        BlockShapes.retag(&story.blocks)
        notes.append(contentsOf: layout.notes)
        if !notes.isEmpty, meta.version == nil { meta.version = notes.joined(separator: ", ") }
        meta.headline = story.headline?.string
        meta.byline = story.byline?.string
        story.metadata = meta
        PlainLayout.recogniseDateline(in: &story)
        return story
    }

    /// `eca0003 3 i 380  dpa 0045`: id, priority, category, word count, agency.
    private static func parseHeader(_ b: [UInt8], _ line: Range<Int>, into meta: inout StoryMetadata) {
        let tokens = WireBytes.tokens(b, line).filter { r in r.contains { !WireBytes.isNoise(b[$0]) } }
        guard !tokens.isEmpty else { return }
        meta.id = WireBytes.string(b, tokens[0])
        if tokens.count > 1, tokens[1].count == 1, WireBytes.isDigit(b[tokens[1].lowerBound]) { meta.priority = WireBytes.string(b, tokens[1]) }
        if tokens.count > 2, tokens[2].allSatisfy({ WireBytes.isLetter(b[$0]) }) { meta.category = WireBytes.string(b, tokens[2]) }
        if tokens.count > 4, WireBytes.isLetter(b[tokens[4].lowerBound]) {
            // `dpa`, `dpa-tns` (a dpa service): the agency is the part before a dash.
            let agency = WireBytes.string(b, tokens[4])
            meta.agency = agency.split(separator: "-").first.map(String.init) ?? agency
        }
    }

    /// `131137 GMT Nov 13` (day, hour, minute; zone; month; year): sets `created`.
    @discardableResult
    private static func parseTimestamp(_ b: [UInt8], _ range: Range<Int>, into meta: inout StoryMetadata) -> Bool {
        let tokens = WireBytes.tokens(b, range).map { WireBytes.string(b, $0) }.filter { !$0.isEmpty && !$0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }
        guard tokens.count >= 3, tokens.count <= 5, tokens[0].count == 6, let ddhhmm = Int(tokens[0]) else { return false }
        var rest = Array(tokens.dropFirst())
        var zone = 0
        if let offset = Self.zones[rest[0].uppercased()] { zone = offset; rest.removeFirst() }
        guard rest.count >= 2, let month = WireDates.month(rest[0]), let yy = Int(rest[1]) else { return false }
        let day = ddhhmm / 10000, hour = ddhhmm / 100 % 100, minute = ddhhmm % 100
        guard WireDates.valid(month: month, day: day, hour: hour, minute: minute) else { return false }
        let year = yy < 100 ? WireDates.fullYear(yy) : yy
        meta.created = Date(timeIntervalSince1970: WireDates.epoch(year: year, month: month, day: day, hour: hour, minute: minute) - Double(zone))
        return true
    }

    private static let zones: [String: Int] = ["GMT": 0, "UTC": 0, "UT": 0, "MEZ": 3600, "CET": 3600, "MESZ": 7200, "CEST": 7200]

    // MARK: - Body

    struct BodyLayout {
        let bytes: [UInt8]
        let agency: String?
        var blocks: [TextBlock] = []
        /// Service notes found above the headline.
        var notes: [String] = []

        init(bytes: [UInt8], agency: String?) {
            self.bytes = bytes
            self.agency = agency
        }

        private func isIndented(_ line: Range<Int>) -> Bool {
            var p = line.lowerBound
            while p < line.upperBound, WireBytes.isNoise(bytes[p]) { p += 1 }
            guard p < line.upperBound else { return false }
            if bytes[p] == WireBytes.tab { return true }
            return p + 1 < line.upperBound && bytes[p] == 0x20 && bytes[p + 1] == 0x20
        }

        private func endsWithEquals(_ t: Range<Int>) -> Bool { !t.isEmpty && bytes[t.upperBound - 1] == 0x3D }

        private func withoutEquals(_ t: Range<Int>) -> Range<Int> {
            endsWithEquals(t) ? WireBytes.trimmed(bytes, t.lowerBound..<(t.upperBound - 1)) : t
        }

        private func opensByline(_ t: Range<Int>) -> Bool {
            WireBytes.hasPrefix(bytes, t, "By ") || WireBytes.hasPrefix(bytes, t, "Von ") || WireBytes.hasPrefix(bytes, t, "Par ")
        }

        /// `REFILE`, `1ST LEAD`, `(Zusammenfassung 1600)`, `Korrektur`: a service note.
        private func isNote(_ t: Range<Int>) -> Bool {
            if bytes[t.lowerBound] == 0x28 && bytes[t.upperBound - 1] == 0x29 { return true }
            let s = WireBytes.string(bytes, t)
            let lower = s.lowercased()
            if ["korrektur", "berichtigung", "wiederholung", "zusammenfassung", "eil", "eilt", "update", "refile", "correction", "repeat"].contains(where: { lower.hasPrefix($0) }), t.count <= 40 { return true }
            return t.count <= 30 && s == s.uppercased() && s.contains(where: { $0.isLetter })
        }

        private func isEndOfText(_ t: Range<Int>) -> Bool {
            let s = WireBytes.string(bytes, t).lowercased()
            if s.hasPrefix("* * *") || s == "***" { return true }
            if ["# notebook", "# notizblock", "notizblock", "notebook", "# notepad"].contains(s) { return true }
            return s.contains("not intended for publication") || s.contains("not for publication")
                || s.contains("nicht zur veröffentlichung") || s.contains("nicht zur veroeffentlichung")
        }

        /// `dpa al rmo hct rmo`, `dpa tca bag`: the agency and the editors' initials.
        private func isSignOff(_ t: Range<Int>) -> Bool {
            guard t.count <= 48 else { return false }
            let tokens = WireBytes.tokens(bytes, t).map { WireBytes.string(bytes, $0) }
            guard tokens.count >= 2 else { return false }
            let agencies = Set(["dpa", "afp", "ap", "apa", "sda", "kna", "epd", "reuters", "ddp", "ansa", "efe", agency?.lowercased() ?? "dpa"])
            guard agencies.contains(tokens[0].lowercased()) else { return false }
            return tokens.dropFirst().allSatisfy { $0.count <= 5 && $0.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "/" } }
        }

        mutating func run(_ lines: [Range<Int>]) {
            let trimmed = lines.map { WireBytes.trimmed(bytes, $0) }
            var i = 0
            while i < lines.count, trimmed[i].isEmpty { i += 1 }
            // Head block: up to the first blank line, the first indented line after the first
            // line, or just after the ` =` line (and a byline right under it).
            var head: [Int] = []
            var sawEquals = false
            while i < lines.count, !trimmed[i].isEmpty {
                if !head.isEmpty, isIndented(lines[i]), !sawEquals { break }
                if sawEquals {
                    if opensByline(trimmed[i]), endsWithEquals(trimmed[i]) { head.append(i); i += 1 }
                    break
                }
                head.append(i)
                if endsWithEquals(trimmed[i]) { sawEquals = true }
                i += 1
                if head.count >= 8 { break }
            }
            placeHead(head.map { trimmed[$0] })

            // Body paragraphs.
            var paragraph: [Range<Int>] = []
            func close() {
                guard !paragraph.isEmpty else { return }
                defer { paragraph = [] }
                if paragraph.count == 1, isSignOff(paragraph[0]) { return }
                if paragraph.count == 1, bytes[paragraph[0].lowerBound] == UInt8(ascii: "#") {
                    var start = paragraph[0].lowerBound
                    while start < paragraph[0].upperBound, bytes[start] == UInt8(ascii: "#") || bytes[start] == 0x20 { start += 1 }
                    if start < paragraph[0].upperBound { blocks.append(TextBlock(kind: .subhead, text: WireLines.join(bytes, [start..<paragraph[0].upperBound]))) }
                    return
                }
                blocks.append(TextBlock(kind: .paragraph, text: WireLines.join(bytes, paragraph)))
            }
            while i < lines.count {
                let t = trimmed[i]
                if t.isEmpty {
                    close()
                } else if isEndOfText(t) {
                    break
                } else {
                    if isIndented(lines[i]) || bytes[t.lowerBound] == UInt8(ascii: "#") { close() }
                    if WireBytes.hasAlnum(bytes, t) { paragraph.append(t) } else { close() }
                }
                i += 1
            }
            close()
        }

        private mutating func placeHead(_ head: [Range<Int>]) {
            guard !head.isEmpty else { return }
            var headlineIndex: Int?
            var bylineIndex: Int?
            if let equals = head.firstIndex(where: endsWithEquals) {
                if opensByline(head[equals]), equals > 0 {
                    bylineIndex = equals
                    headlineIndex = equals - 1
                } else {
                    headlineIndex = equals
                    if equals + 1 < head.count, opensByline(head[equals + 1]) { bylineIndex = equals + 1 }
                }
            } else {
                headlineIndex = head.firstIndex { !isNote($0) } ?? 0
                if let h = headlineIndex, h + 1 < head.count, opensByline(head[h + 1]) { bylineIndex = h + 1 }
            }
            guard let h = headlineIndex else { return }
            // Lines above the headline: notes, or the first part of a wrapped headline.
            var headlineLines = [withoutEquals(head[h])]
            var k = h - 1
            while k >= 0 {
                if isNote(head[k]) { break }
                headlineLines.insert(head[k], at: 0)
                k -= 1
            }
            if k >= 0 { notes = head[0...k].map { WireBytes.string(bytes, $0) } }
            blocks.append(TextBlock(kind: .headline, text: WireLines.join(bytes, headlineLines.filter { !$0.isEmpty })))
            if let by = bylineIndex {
                blocks.append(TextBlock(kind: .byline, text: WireLines.join(bytes, [withoutEquals(head[by])])))
            }
            // Head lines after the headline/byline that are neither: the start of the text.
            let used = max(h, bylineIndex ?? h)
            if used + 1 < head.count {
                blocks.append(TextBlock(kind: .paragraph, text: WireLines.join(bytes, Array(head[(used + 1)...]))))
            }
        }
    }
}
