import CopydeskCore

/// A hard-news story whose first body paragraph has no dateline, when the style requires one
/// (`dateline.required`): the reader cannot tell where the story was reported.
///
/// The dateline may also stand in the second or third paragraph (after a standfirst), in a
/// dateline block or in the metadata a wire format carries; any of these counts. Editor's notes
/// (list `editor-notes`) and a stray `By …` line are skipped. Not hard news, so silent: no body, a
/// single paragraph, a story labelled opinion/column/review/editorial/commentary/letters in its
/// headline (`Opinion: …`), a roundup bylined with the agency itself (`By The Associated Press`:
/// AP sends multi-place roundups undatelined), a first paragraph in capitals (tables, advisories, weather
/// bulletins), a first paragraph of fewer than six words, and copy not in English.
struct DatelineMissingRule: LintRule {
    static let description = RuleDescription(
        id: "dateline.missing",
        summary: "hard-news story without a dateline",
        severity: .warning,
        triggering: [
            """
            Moscow: Putin-Xi meeting next week

            ↓Chinese President Xi Jinping and his Russian counterpart Vladimir Putin will meet next week in Uzbekistan

            Chinese President Xi Jinping and Vladimir Putin will meet next week in Uzbekistan, Russian diplomacy said.

            The summit will be held in Samarkand.
            """,
            """
            Storm cuts power to thousands

            EDITOR'S NOTE — This story contains material that may disturb some readers.

            ↓A winter storm cut power to more than 40,000 homes in the region on Monday, the utility said.

            Crews worked through the night.
            """,
        ],
        nonTriggering: [
            """
            Storm cuts power to thousands

            CHATHAM, Mass. (AP) — A winter storm cut power to more than 40,000 homes on Cape Cod on Monday.

            Crews worked through the night.
            """,
            """
            Putin and Xi to meet next week

            Chinese President Xi Jinping and Vladimir Putin will meet next week in Uzbekistan

            BEIJING (AP) — Chinese President Xi Jinping and Vladimir Putin will meet next week in Uzbekistan, Russia said.

            The summit will be held in Samarkand.
            """,
            """
            Opinion: Why the summit matters

            Leaders meeting in Samarkand next week have more to lose than to gain from a show of unity.

            The rest of the world is watching.
            """,
            "A winter storm cut power to more than 40,000 homes in the region on Monday, the utility said.",
            """
            Gaming roundup

            By The Associated Press

            President Clinton has dropped his support for a multibillion-dollar gaming tax as a way to finance welfare reform.

            Mystery interests have revived the New Orleans casino drama.
            """,
            """
            Weather advisory

            THOSE PEOPLE OUT AND ABOUT IN THE LOWER ELEVATIONS SHOULD WATCH OUT FOR STRONG THUNDERSTORMS.

            STAY ABREAST OF THE LATEST WEATHER DEVELOPMENTS.
            """,
        ],
        exampleStyle: "ap")

    static let settings: [StyleSetting] = []
    static let lists = ["editor-notes"]

    /// Headline labels of copy that is not hard news (`Opinion: …`).
    private static let nonNewsLabels: Set<String> = ["opinion", "column", "commentary", "editorial", "review", "letters", "letter", "op-ed"]

    let required: Bool
    let form: String
    let agency: String
    let notes: [String]

    init(style: Style) {
        required = style.bool("dateline.required") ?? false
        form = style.string("dateline.form") ?? "any"
        agency = style.string("dateline.agency") ?? ""
        notes = style.list("editor-notes")
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard required else { return }
        if let language = document.metadata.language?.lowercased(), !language.isEmpty, !language.hasPrefix("en") { return }
        if document.blocks.contains(where: { $0.kind == .dateline }) { return }
        // A dateline the format states apart from the text counts; one a reader recognised in
        // the text (the plain reader's guess) is checked here like any other.
        if let stated = document.metadata.dateline, !stated.isEmpty,
           !document.body.prefix(4).contains(where: { $0.text.drop { $0 == " " || $0 == "\t" }.hasPrefix(stated) }) { return }
        var paragraphs = 0
        for block in document.body where block.kind == .paragraph { paragraphs += 1 }
        guard paragraphs >= 2 else { return }
        if let headline = document.headline, headline.bytes.contains(0x3A), let colon = headline.text.firstIndex(of: ":") {
            let label = headline.text[..<colon].lowercased().filter { $0 != " " && $0 != "\t" }
            if Self.nonNewsLabels.contains(label) { return }
        }
        // "By The Associated Press": a roundup from many places, which AP sends without a dateline.
        if let byline = document.metadata.byline ?? document.blocks.first(where: { $0.kind == .byline })?.text ?? Self.strayByline(document) {
            var name = Substring(byline.drop { $0 == " " || $0 == "\t" })
            if name.hasPrefix("By ") || name.hasPrefix("BY ") { name = name.dropFirst(3) }
            let agencies = [document.metadata.agency ?? "", agency].filter { !$0.isEmpty }
            if agencies.contains(where: { DatelineAgencyRule.matches(credit: String(name), agency: $0) }) { return }
        }
        let leads = DatelineParser.leads(of: document, notes: notes)
        guard let first = leads.first, let firstWord = first.words.first else { return }
        // With no dateline block, the dateline found is the first lead that parses as one.
        if DatelineParser.find(in: document, notes: notes) != nil { return }
        guard first.words.count >= 6, !Self.isCapitals(first.bytes) else { return }
        report.add(block: first.index, range: firstWord.range,
                   "start the story with a dateline", suggestion: example)
    }

    private var example: String {
        let credit = agency.isEmpty ? "AP" : agency
        switch form {
        case "reuters": return "\"CITY, Sept 6 (\(agency.isEmpty ? "Reuters" : agency)) - \""
        case "afp": return "\"City, Aug 29, 2014 (\(agency.isEmpty ? "AFP" : agency)) - \""
        default: return "\"CITY (\(credit)) — \""
        }
    }

    private static func strayByline(_ document: LintDocument) -> String? {
        document.body.first { $0.kind == .paragraph && DatelineParser.isStrayByline($0) }?.text
    }

    /// Mostly capitals: a table, an advisory or a bulletin, not a lede.
    private static func isCapitals(_ bytes: [UInt8]) -> Bool {
        var upper = 0, lower = 0
        for byte in bytes.prefix(400) {
            if byte >= 0x41 && byte <= 0x5A { upper += 1 } else if byte >= 0x61 && byte <= 0x7A { lower += 1 }
        }
        return upper >= 20 && lower * 10 < upper
    }
}
