import CopydeskCore

/// A dateline that is not written in the style's form (`dateline.form`): AP `MOSCOW (AP) — `,
/// `CHATHAM, Mass. (AP) — `; Reuters `BEIJING, Sept 6 (Reuters) - `; AFP `Stockholm, Aug 29,
/// 2014 (AFP) - `.
///
/// Checks the shape: the city first and in capitals (AP, Reuters; AFP writes either case), a
/// state or country in normal case, no date in an AP dateline, a Reuters/AFP date as `Sept 6`
/// (no period, no ordinal), the credit in parentheses right after the place (present when the
/// style names an agency), and the dash (AP ` — `, Reuters/AFP ` - `; ANPA ` _ ` and `--` are
/// stand-ins). Which agency the credit names is `dateline.agency`'s business; whether a city needs
/// a state or country is `dateline.city`'s. Fixes: the dash, the city's case, a state or country
/// in capitals that the lists know, the month and ordinal of a Reuters/AFP date, a comma or a
/// missing space before the credit. Adding a credit or dropping a date is left to the editor.
/// A dateline that is only a name in parentheses — AP broadcast `(Honolulu) -- `, or a bare
/// credit `(Sports Network) - ` — is not judged: the two cannot be told apart.
struct DatelineFormatRule: LintRule {
    static let description = RuleDescription(
        id: "dateline.format",
        summary: "dateline not in the style's form (case, punctuation, credit, dash)",
        severity: .warning,
        triggering: [
            "Xi to visit Uzbekistan\n\nBEIJING (AP)↓ _ Chinese President Xi Jinping will travel to Uzbekistan next week.\n\nThe summit opens Sept. 15.",
            "Xi to visit Uzbekistan\n\n↓Beijing (AP)↓ - Chinese President Xi Jinping will travel to Uzbekistan next week.\n\nThe summit opens Sept. 15.",
            "Storm hits Cape Cod\n\nCHATHAM, ↓MASS. (AP)↓ -- A winter storm cut power to thousands of homes on Monday.\n\nCrews worked overnight.",
            "Xi to visit Uzbekistan\n\nBEIJING↓, Sept 6 (AP) — Chinese President Xi Jinping will travel to Uzbekistan next week.\n\nThe summit opens Sept. 15.",
            "Xi to visit Uzbekistan\n\n↓BEIJING — Chinese President Xi Jinping will travel to Uzbekistan next week.\n\nThe summit opens Sept. 15.",
            "Xi to visit Uzbekistan\n\nBEIJING↓, (AP) — Chinese President Xi Jinping will travel to Uzbekistan next week.\n\nThe summit opens Sept. 15.",
        ],
        nonTriggering: [
            "Xi to visit Uzbekistan\n\nBEIJING (AP) — Chinese President Xi Jinping will travel to Uzbekistan next week.\n\nThe summit opens Sept. 15.",
            "Storm hits Cape Cod\n\nCHATHAM, Mass. (AP) — A winter storm cut power to thousands of homes on Monday.\n\nCrews worked overnight.",
            "Flooding in Texas\n\nMcALLEN, Texas (AP) — Floodwaters rose across the Rio Grande Valley on Tuesday.\n\nSchools closed.",
            "Fire in West Virginia\n\nCHARLESTON, W.Va. (AP) — A fire destroyed a warehouse on Monday, officials said.\n\nNo one was hurt.",
            "Xi to visit Uzbekistan\n\nChinese President Xi Jinping will travel to Uzbekistan next week — his first trip abroad since 2020.\n\nThe summit opens Sept. 15.",
            "NATO meets\n\nNATO leaders — meeting in Brussels — agreed on Tuesday to raise spending.\n\nThe summit ends Wednesday.",
            "Hawaii SportsMinute\n\n(Honolulu) -- Riley Wallace says he is content as coach of the University of Hawaii team.\n\nMore later.",
        ],
        corrections: [
            "Xi to visit Uzbekistan\n\nBeijing (AP) - Chinese President Xi Jinping will travel to Uzbekistan next week.\n\nThe summit opens Sept. 15.":
                "Xi to visit Uzbekistan\n\nBEIJING (AP) — Chinese President Xi Jinping will travel to Uzbekistan next week.\n\nThe summit opens Sept. 15.",
            "Storm hits Cape Cod\n\nCHATHAM, MASS., (AP) -- A winter storm cut power to thousands of homes on Monday.\n\nCrews worked overnight.":
                "Storm hits Cape Cod\n\nCHATHAM, Mass. (AP) — A winter storm cut power to thousands of homes on Monday.\n\nCrews worked overnight.",
        ],
        exampleStyle: "ap")

    static let lists = ["editor-notes", "us-states", "countries"]

    let form: String
    let agency: String
    let notes: [String]
    /// State names, their AP spellings and countries by `DatelinePlaces.key`, for case fixes.
    let regionSpellings: [String: String]

    init(style: Style) {
        form = style.string("dateline.form") ?? "any"
        agency = style.string("dateline.agency") ?? ""
        notes = style.list("editor-notes")
        var spellings: [String: String] = [:]
        for (name, abbreviation) in DatelinePlaces.states(style) {
            spellings[DatelinePlaces.key(name)] = abbreviation
            spellings[DatelinePlaces.key(abbreviation)] = abbreviation
        }
        for country in style.list("countries") where spellings[DatelinePlaces.key(country)] == nil {
            spellings[DatelinePlaces.key(country)] = country
        }
        regionSpellings = spellings
    }

    private var formName: String { form == "ap" ? "AP" : form == "reuters" ? "Reuters" : "AFP" }

    private var example: String {
        switch form {
        case "reuters": "\"BEIJING, Sept 6 (\(agency.isEmpty ? "Reuters" : agency)) - \""
        case "afp": "\"Stockholm, Aug 29, 2014 (\(agency.isEmpty ? "AFP" : agency)) - \""
        default: "\"MOSCOW (\(agency.isEmpty ? "AP" : agency)) — \", \"CHATHAM, Mass. (\(agency.isEmpty ? "AP" : agency)) — \""
        }
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard form == "ap" || form == "reuters" || form == "afp",
              let dateline = DatelineParser.find(in: document, notes: notes) else { return }
        // Only a name in parentheses: AP broadcast copy's `(Honolulu) -- ` or a bare credit
        // (`(Sports Network) - `). Which of the two it is cannot be told, so neither is judged.
        if dateline.place.isEmpty, dateline.date == nil { return }
        let block = document.blocks[dateline.block]
        let b = block.bytes
        func text(_ range: Range<Int>) -> String { document.text(block, range) }

        // Place first; Reuters market reports carry only the date: "Jan 30 (Reuters) - ".
        if dateline.place.isEmpty, !(form == "reuters" && dateline.date != nil && dateline.credit != nil) {
            let end = dateline.creditParens?.upperBound ?? dateline.date?.upperBound ?? dateline.range.upperBound
            report.add(block: block.index, range: dateline.range.lowerBound..<end,
                       "start the dateline with the city (\(formName): \(example))", suggestion: example)
        }

        // The city in capitals (AFP writes either).
        if form != "afp", let city = dateline.city, !DatelineParser.isShouted(b, city) {
            let upper = text(city).uppercased()
            report.add(block: block.index, range: city, "write the dateline city in capitals: \"\(QuotedText.bounded(upper))\"",
                       fix: [TextEdit(range: city, replacement: upper)])
        }

        // State or country in normal case.
        for region in dateline.regions where Self.hasCapitalRun(b, region) {
            let found = text(region)
            if let spelling = regionSpellings[DatelinePlaces.key(found)] {
                report.add(block: block.index, range: region, "write \"\(QuotedText.bounded(spelling))\" in normal case after the city",
                           fix: [TextEdit(range: region, replacement: spelling)])
            } else {
                report.add(block: block.index, range: region, "write the state or country in normal case after the city")
            }
        }

        // The date.
        if let date = dateline.date, !dateline.place.isEmpty || form != "ap" {
            if form == "ap" {
                let range = dateline.dateLead.map { $0.lowerBound..<date.upperBound } ?? date
                report.add(block: block.index, range: range, "AP datelines carry no date: \(example)",
                           suggestion: "remove \"\(QuotedText.bounded(text(range)))\"")
            } else if let month = dateline.month, let monthRange = dateline.monthRange {
                let wanted = MonthNames.reuters[month - 1]
                if text(monthRange) != wanted {
                    report.add(block: block.index, range: monthRange, "write the dateline month as \"\(wanted)\" (\(formName): \(example))",
                               fix: [TextEdit(range: monthRange, replacement: wanted)])
                }
                if let dayRange = dateline.dayRange, let (_, suffix) = DateBytes.day(b, dayRange), let suffix {
                    report.add(block: block.index, range: dayRange, "no ordinal in the dateline date: \"\(QuotedText.bounded(text(dayRange.lowerBound..<suffix.lowerBound)))\"",
                               fix: [TextEdit(range: suffix, replacement: "")])
                }
            }
        }

        // The credit.
        if let parens = dateline.creditParens {
            if let comma = dateline.commaBeforeCredit {
                report.add(block: block.index, range: comma, "no comma before the credit: \(example)",
                           fix: [TextEdit(range: comma, replacement: "")])
            } else if parens.lowerBound > dateline.range.lowerBound, b[parens.lowerBound - 1] != 0x20 {
                report.add(block: block.index, range: parens, "put a space before the credit: \(example)",
                           fix: [TextEdit(range: parens.lowerBound..<parens.lowerBound, replacement: " ")])
            }
        } else if !agency.isEmpty, let city = dateline.city {
            let end = dateline.date?.upperBound ?? dateline.place.last?.upperBound ?? city.upperBound
            report.add(block: block.index, range: city.lowerBound..<end, "add the credit \"(\(agency))\" after the place (\(formName): \(example))",
                       suggestion: "\(text(city.lowerBound..<end)) (\(agency))")
        }

        // The dash.
        if let separator = dateline.separator, let dash = dateline.dash, dateline.range.upperBound < b.count {
            let wanted = form == "ap" ? " — " : " - "
            if text(separator) != wanted {
                var message = "use \"\(wanted)\" after the dateline (\(formName): \(form == "ap" ? "spaced em dash" : "spaced hyphen"))"
                if dash == .underscore { message += "; ANPA \"_\" stands for the dash" }
                report.add(block: block.index, range: separator, message, fix: [TextEdit(range: separator, replacement: wanted)])
            }
        }
    }

    /// A word of two or more capitals with no period between them: `MASS.`, `UZBEKISTAN`
    /// (not `N.Y.` or `W.Va.`).
    static func hasCapitalRun(_ b: [UInt8], _ range: Range<Int>) -> Bool {
        var run = 0
        for i in range {
            if Tokenizer.isUpper(b, i) {
                run += 1
                if run >= 2 { return true }
            } else if b[i] & 0xC0 != 0x80 {
                run = 0
            }
        }
        return false
    }
}
