import Foundation

/// A deterministic generator of wire-style stories for benchmarks and comparisons.
///
/// Nothing is downloaded: stories are assembled from small built-in vocabularies with a seeded
/// SplitMix64, so the same seed gives byte-identical output on every machine. A story has a
/// headline, an AP dateline, a lede and 6–14 paragraphs of 1–3 sentences (25–70 words), direct
/// quotes with attribution, numbers, money, percentages and dates. A "dirty" story also carries the
/// artefacts of translated and re-keyed copy: mojibake (`CafÃ©`, `â€™`), zero-width spaces and
/// soft hyphens, « » and „ “ quotes, decimal commas, ANPA `--` and ` ``…'' `, runs of spaces,
/// trailing blanks, tabs, decomposed accents (NFD) and no-break spaces. Near-duplicates are
/// re-versions of an earlier story (a word changed, a paragraph added, a paragraph cut).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
}

public enum Corpus {
    public struct Options: Sendable {
        /// Fraction of stories with translated-copy artefacts.
        public var dirtyFraction: Double
        /// Fraction of stories that are a re-version of an earlier one.
        public var duplicateFraction: Double
        public init(dirtyFraction: Double = 0.3, duplicateFraction: Double = 0.1) {
            self.dirtyFraction = dirtyFraction
            self.duplicateFraction = duplicateFraction
        }
    }

    /// `count` stories from `seed`.
    public static func stories(count: Int, seed: UInt64 = 7, options: Options = Options()) -> [String] {
        var rng = SplitMix64(seed: seed)
        var result: [String] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            if !result.isEmpty, rng.chance(options.duplicateFraction) {
                result.append(reversion(of: result[rng.int(0...(result.count - 1))], rng: &rng))
            } else {
                let story = cleanStory(rng: &rng)
                result.append(rng.chance(options.dirtyFraction) ? dirty(story, rng: &rng) : story)
            }
        }
        return result
    }

    /// Stories for the archive benchmarks, streamed (a million do not fit comfortably in memory):
    /// like `stories(count:)`, but every paragraph carries one random figure, so that unrelated
    /// stories do not share whole paragraphs. With the generator's small vocabulary a one-sentence
    /// paragraph would otherwise recur thousands of times in a million stories, which real copy
    /// does not. Re-versions (`duplicateFraction`) are made from one of the last 4,096 stories.
    public struct ArchiveStream: Sendable {
        var rng: SplitMix64
        var recent: [String] = []
        var produced = 0
        let options: Options

        public init(seed: UInt64 = 7, options: Options = Options()) {
            rng = SplitMix64(seed: seed)
            self.options = options
        }

        public mutating func next() -> String {
            let story: String
            if !recent.isEmpty, rng.chance(options.duplicateFraction) {
                story = Corpus.reversion(of: recent[rng.int(0...(recent.count - 1))], rng: &rng)
            } else {
                var paragraphs = Corpus.cleanStory(rng: &rng).components(separatedBy: "\n\n")
                for index in paragraphs.indices.dropFirst() {
                    let figure = "\(rng.int(100...999_999))"
                    paragraphs[index] = paragraphs[index].replacingOccurrences(of: "\n", with: "") + " The figure cited was \(figure)."
                }
                let clean = paragraphs.joined(separator: "\n\n") + "\n"
                story = rng.chance(options.dirtyFraction) ? Corpus.dirty(clean, rng: &rng) : clean
            }
            if recent.count < 4096 { recent.append(story) } else { recent[produced % 4096] = story }
            produced += 1
            return story
        }

        /// A later version of one of the recent stories (for check queries).
        public mutating func reversionOfRecent() -> String {
            Corpus.reversion(of: recent[rng.int(0...(recent.count - 1))], rng: &rng)
        }
    }

    /// Stories until their UTF-8 size reaches `bytes`.
    public static func stories(totalBytes bytes: Int, seed: UInt64 = 7, dirty: Bool) -> [String] {
        var rng = SplitMix64(seed: seed)
        var result: [String] = []
        var total = 0
        while total < bytes {
            var story = cleanStory(rng: &rng)
            if dirty { story = Corpus.dirty(story, rng: &rng) }
            total += story.utf8.count
            result.append(story)
        }
        return result
    }

    /// A story of exactly `words` body words (for MinHash: 500-word stories).
    public static func storyOfWords(_ words: Int, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        var out: [String] = []
        var paragraph: [String] = []
        while out.count + paragraph.count < words {
            let sentence = self.sentence(rng: &rng)
            for word in sentence.split(separator: " ") where out.count + paragraph.count < words {
                paragraph.append(String(word))
            }
            if paragraph.count > 45 { out.append(contentsOf: paragraph); out[out.count - 1] += "\n\n"; paragraph = [] }
        }
        out.append(contentsOf: paragraph)
        return out.joined(separator: " ").replacingOccurrences(of: "\n\n ", with: "\n\n")
    }

    // MARK: - Vocabulary

    static let cities: [(String, String)] = [
        ("ATHENS", ", Greece"), ("MOSCOW", ""), ("BEIJING", ""), ("KYIV", ", Ukraine"), ("ISTANBUL", ""),
        ("BERLIN", ""), ("PARIS", ""), ("WASHINGTON", ""), ("NEW YORK", ""), ("CHICAGO", ""), ("NAIROBI", ", Kenya"),
        ("SAO PAULO", ""), ("BRUSSELS", ""), ("THESSALONIKI", ", Greece"), ("LYON", ", France"), ("SPRINGFIELD", ", Ill."),
        ("TOKYO", ""), ("MEXICO CITY", ""), ("GENEVA", ""), ("ROME", ""),
    ]
    static let people = [
        "Maria Papadopoulos", "John Smith", "Elena Petrova", "Li Wei", "Ahmed Hassan", "Sofia Rossi", "James O'Brien",
        "Anna Kowalska", "Yusuf Demir", "Claire Dubois", "Carlos Mendes", "Olga Ivanova", "Kenji Sato", "Grace Otieno",
    ]
    static let roles = [
        "the finance minister", "a spokeswoman for the ministry", "the mayor", "a senior economist at the central bank",
        "the union's president", "a government spokesman", "the company's chief executive", "a local shop owner",
        "the opposition leader", "a police spokesman", "the foreign minister", "an analyst at a Berlin think tank",
    ]
    static let subjects = [
        "The government", "The central bank", "Lawmakers", "Officials", "The company", "Protesters", "Investors",
        "The ministry", "Union leaders", "The city council", "Farmers", "Regulators", "The court", "Residents",
    ]
    static let verbs = [
        "announced", "approved", "rejected", "postponed", "criticized", "defended", "proposed", "unveiled",
        "extended", "suspended", "signed", "debated", "reviewed", "welcomed",
    ]
    static let objects = [
        "a new tax on cafes and restaurants", "the budget for next year", "a plan to cut energy subsidies",
        "an agreement on grain exports", "the pension reform", "new rules for short-term rentals",
        "a deal to build a natural gas pipeline", "emergency measures after the floods", "the minimum wage increase",
        "a bill on press freedom", "plans for a new metro line", "sanctions on steel imports",
    ]
    static let tails = [
        "after weeks of talks", "despite strong opposition", "in a vote late on Tuesday", "on Monday",
        "amid rising prices", "as inflation eased", "before the summer season", "under pressure from the European Union",
        "following a court ruling", "for the third time this year", "in the capital", "according to the document",
    ]
    static let quotes = [
        "We cannot keep asking small businesses to carry this burden", "This is a fair deal for everyone involved",
        "Nobody told us anything about the changes", "The numbers simply do not add up",
        "We will continue to fight until the law is withdrawn", "It is a first step, but much more needs to be done",
        "Prices have doubled since last winter and wages have not moved", "We expect the market to stabilize by the spring",
        "The decision was taken without any consultation", "Our members are ready to go on strike if needed",
    ]
    static let months = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
    static let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let headlines = [
        "Cafe owners protest new tax", "Central bank holds rates steady", "Lawmakers approve budget after long debate",
        "Floods force thousands from homes", "Union threatens strike over pensions", "Grain deal extended for 120 days",
        "City unveils plan for new metro line", "Energy prices fall for third month", "Court blocks rental rules",
        "Ministers meet to discuss trade", "Farmers block roads in protest", "Company cuts 2,000 jobs",
    ]

    // MARK: - Stories

    static func number(rng: inout SplitMix64) -> String {
        switch rng.int(0...6) {
        case 0: return "\(rng.int(2...9))"                        // AP spells these out: a lint hit
        case 1: return "\(rng.int(10...999))"
        case 2: return "\(rng.int(1...99)),\(threeDigits(rng.int(0...999)))"
        case 3: return "\(rng.int(1...40)).\(rng.int(1...9)) percent"
        case 4: return "$\(rng.int(1...900)) million"
        case 5: return "\(rng.int(1...500)) million euros"
        default: return "\(rng.int(11...99)) people"
        }
    }

    static func sentence(rng: inout SplitMix64) -> String {
        switch rng.int(0...5) {
        case 0, 1:
            return "\(rng.pick(subjects)) \(rng.pick(verbs)) \(rng.pick(objects)) \(rng.pick(tails))."
        case 2:
            return "\"\(rng.pick(quotes)),\" said \(rng.pick(people)), \(rng.pick(roles))."
        case 3:
            return "The measure would affect about \(number(rng: &rng)) and cost \(number(rng: &rng)), \(rng.pick(roles)) said on \(rng.pick(days))."
        case 4:
            return "Talks are scheduled for \(rng.pick(months)) \(rng.int(1...28)), \(rng.pick(["officials said", "the ministry said", "according to a statement"]))."
        default:
            return "\(rng.pick(people)), \(rng.pick(roles)), said the plan was \(rng.pick(["unfair", "overdue", "a good start", "too little, too late", "not enough"])) and that \(rng.pick(subjects).lowercased()) would \(rng.pick(["respond", "appeal", "wait", "negotiate"])) \(rng.pick(tails))."
        }
    }

    static func cleanStory(rng: inout SplitMix64) -> String {
        let (city, region) = rng.pick(cities)
        var lines: [String] = [rng.pick(headlines), ""]
        lines.append("\(city)\(region) (AP) — " + (0..<rng.int(1...2)).map { _ in sentence(rng: &rng) }.joined(separator: " "))
        for _ in 0..<rng.int(6...14) {
            lines.append("")
            lines.append((0..<rng.int(1...3)).map { _ in sentence(rng: &rng) }.joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Adds translated-copy and re-keying artefacts.
    public static func dirty(_ story: String, rng: inout SplitMix64) -> String {
        var paragraphs = story.components(separatedBy: "\n\n")
        for index in paragraphs.indices where index > 0 {
            var p = paragraphs[index]
            if rng.chance(0.25) { p = p.replacingOccurrences(of: "'s ", with: "â€™s ") }
            if rng.chance(0.2) { p = p.replacingOccurrences(of: "cafe", with: "cafÃ©") }
            if rng.chance(0.2) { p = p.replacingFirst("the ", with: "the\u{200B} ") }
            if rng.chance(0.15) { p = p.replacingOccurrences(of: "government", with: "govern\u{AD}ment") }
            if rng.chance(0.25), p.hasPrefix("\"") {
                let french = rng.chance(0.5)
                p = (french ? "« " : "„") + p.dropFirst()
                p = p.replacingOccurrences(of: ",\" said", with: french ? " », said" : ",“ said")
            }
            if rng.chance(0.25) { if let r = p.range(of: #"\d\.\d"#, options: .regularExpression) { p = p.replacingOccurrences(of: ".", with: ",", options: [], range: r) } }
            if rng.chance(0.2) { p = p.replacingOccurrences(of: " — ", with: " -- ") }
            if index > 1, rng.chance(0.1) { p = "``" + p.replacingFirst(".", with: ".''") }
            if rng.chance(0.2) { p = p.replacingFirst(", ", with: ",  ") }
            if rng.chance(0.2) { p += "  " }
            if rng.chance(0.05) { p = "\t" + p }
            if rng.chance(0.2) { p = p.replacingOccurrences(of: "é", with: "e\u{301}") }
            if rng.chance(0.15) { p = p.replacingOccurrences(of: " percent", with: "\u{A0}percent") }
            if rng.chance(0.1) { p = p.replacingOccurrences(of: "Kyiv", with: "Kiev") }
            paragraphs[index] = p
        }
        if rng.chance(0.3) { paragraphs[1] = paragraphs[1].replacingOccurrences(of: "(AP) — ", with: "(AP) - ") }
        return paragraphs.joined(separator: "\n\n")
    }

    /// A later version of a story: a word changed, maybe a paragraph added or cut.
    static func reversion(of story: String, rng: inout SplitMix64) -> String {
        var paragraphs = story.components(separatedBy: "\n\n")
        if paragraphs.count > 4, rng.chance(0.5) { paragraphs.remove(at: rng.int(3...(paragraphs.count - 1))) }
        if rng.chance(0.6) { paragraphs.insert(sentence(rng: &rng) + " " + sentence(rng: &rng), at: min(paragraphs.count, rng.int(2...4))) }
        let index = rng.int(1...(paragraphs.count - 1))
        paragraphs[index] = paragraphs[index].replacingFirst("said", with: "told reporters")
        return paragraphs.joined(separator: "\n\n")
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

func threeDigits(_ value: Int) -> String {
    let s = String(value)
    return String(repeating: "0", count: max(0, 3 - s.count)) + s
}

extension Corpus {
    /// A story as one ANPA-1312 message of a wire stream, as the AP sent it: `SYN SYN SOH`,
    /// service letter and story number, `US`, selector; priority, category, `DC3 DC1`, keyword,
    /// date and word count; `STX`, the headline as a `^` line ending in `<`, each paragraph opened
    /// by TAB and three spaces, CRLF line ends, `ETX`, the transmission stamp and `EOT`.
    public static func anpaMessage(_ story: String, number: Int) -> String {
        let paragraphs = story.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.isEmpty }
        let headline = paragraphs.first ?? ""
        let words = paragraphs.dropFirst().reduce(0) { $0 + $1.split(separator: " ").count }
        let slug = "AP-" + headline.split(separator: " ").prefix(2).joined(separator: "-")
        var out = "\u{16}\u{16}\u{01}a\(String(format: "%04d", number % 10000))\u{1F}r a\u{13}\u{11} \(slug)     12-07 \(String(format: "%04d", words % 10000))\r\n\u{02}"
        out += "^\(headline)<\r\n"
        for paragraph in paragraphs.dropFirst() {
            out += "\t   " + paragraph.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
        }
        out += "\u{03}AP-NY-12-07-26 1420EST\u{0C}\u{04}\r\n"
        return out
    }
}
