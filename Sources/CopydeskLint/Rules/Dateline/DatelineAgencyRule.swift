import CopydeskCore

/// The dateline credits another agency than the story's: the agency a wire format states
/// (`metadata.agency`; nil for plain text) or the style's `dateline.agency` (`(Reuters)` in a
/// story linted as AP).
///
/// Against the story's metadata, a mismatch is reported only when the credit and the story's
/// agency are both news agencies of the style's `news-agencies` list and not the same one: the
/// provider of a story is often not an agency (AP's automated earnings stories name the
/// software vendor, a broadcaster's feed names the broadcaster), and then the credit stands.
///
/// Credits match loosely: `AP` ~ `The Associated Press` (initials), `Reuters` ~ `Thomson Reuters`,
/// `dpa` ~ `DPA`; a shared credit (`AP/Reuters`) matches if one of its parts does. Silent without
/// a credit (`dateline.format` asks for one) and for a parenthesised place with nothing before it
/// (broadcast `(Honolulu) -- `), where the parentheses are not a credit. No fix: which agency is
/// right needs an editor.
struct DatelineAgencyRule: LintRule {
    static let description = RuleDescription(
        id: "dateline.agency",
        summary: "dateline credit disagrees with the story's agency",
        severity: .warning,
        triggering: [
            "Xi to visit Uzbekistan\n\nBEIJING (↓Reuters) — Chinese President Xi Jinping will travel to Uzbekistan next week.\n\nThe summit opens Sept. 15.",
            "Leaders meet\n\nSAMARKAND, Uzbekistan (↓AFP) — Chinese President Xi Jinping met Russian President Vladimir Putin.\n\nThe summit ends Friday.",
        ],
        nonTriggering: [
            "Xi to visit Uzbekistan\n\nBEIJING (AP) — Chinese President Xi Jinping will travel to Uzbekistan next week.\n\nThe summit opens Sept. 15.",
            "Xi to visit Uzbekistan\n\nBEIJING — Chinese President Xi Jinping will travel to Uzbekistan next week.\n\nThe summit opens Sept. 15.",
            "Hawaii sports\n\n(Honolulu) -- Riley Wallace says he is content as coach of the University of Hawaii team.\n\nMore later.",
        ],
        exampleStyle: "ap")

    static let lists = ["editor-notes", "news-agencies"]

    let agency: String
    let notes: [String]
    /// Each news agency's names (`AP | Associated Press`).
    let agencies: [[String]]

    init(style: Style) {
        agency = style.string("dateline.agency") ?? ""
        notes = style.list("editor-notes")
        agencies = style.list("news-agencies").map { line in
            line.split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        }.filter { !$0.isEmpty }
    }

    /// The listed news agency a name stands for, as an index into `agencies`.
    func newsAgency(_ name: String) -> Int? {
        agencies.firstIndex { names in names.contains { Self.matches(credit: name, agency: $0) && Self.matches(credit: $0, agency: name) } }
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard let dateline = DatelineParser.find(in: document, notes: notes), let creditRange = dateline.credit,
              !dateline.place.isEmpty || dateline.date != nil else { return }
        let block = document.blocks[dateline.block]
        let credit = document.text(block, creditRange)
        if let story = document.metadata.agency?.trimmingSpaces, !story.isEmpty, !Self.matches(credit: credit, agency: story),
           let storyAgency = newsAgency(story), let credited = newsAgency(credit), storyAgency != credited {
            report.add(block: block.index, range: creditRange, "the dateline credits \"\(credit)\" but the story is from \(story)",
                       suggestion: "(\(story))")
        } else if !agency.isEmpty, !Self.matches(credit: credit, agency: agency) {
            report.add(block: block.index, range: creditRange, "the dateline credit should be \"(\(agency))\", not \"(\(credit))\"",
                       suggestion: "(\(agency))")
        }
    }

    /// Words of a name, uppercased, split at spaces, hyphens and punctuation.
    private static func words(_ text: String) -> [String] {
        text.uppercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// Initials of a name's words, without articles: `The Associated Press` → `AP`,
    /// `Agence France-Presse` → `AFP`.
    private static func initials(_ words: [String]) -> String {
        String(words.filter { $0 != "THE" && $0 != "OF" }.compactMap(\.first))
    }

    static func matches(credit: String, agency: String) -> Bool {
        let agencyWords = words(agency)
        guard !agencyWords.isEmpty else { return true }
        let parts = credit.split { $0 == "/" || $0 == "," || $0 == "&" }.map { words(String($0)) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return true }
        return parts.contains { part in
            if part == agencyWords { return true }
            // One name inside the other: Reuters ~ Thomson Reuters, AP ~ AP Sports.
            if Set(part).isSubset(of: agencyWords) || Set(agencyWords).isSubset(of: part) { return true }
            let joined = part.joined(), agencyJoined = agencyWords.joined()
            return joined == initials(agencyWords) || agencyJoined == initials(part)
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
