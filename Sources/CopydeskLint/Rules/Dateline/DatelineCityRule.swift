import CopydeskCore

/// AP datelines (`dateline.form: ap`): a city not on the stand-alone list (`standalone-cities`)
/// needs its state's AP abbreviation (`CHATHAM, Mass.`; list `us-states`) or its country
/// (`SAMARKAND, Uzbekistan`), and a state is written the AP way (`Massachusetts` → `Mass.`;
/// Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas and Utah stay whole, as the list says).
///
/// Deliberately silent: a stand-alone city followed by a state or country (`PARIS, Texas`,
/// `MOSCOW, Idaho` are other places), a state or country the lists do not know (Canadian
/// provinces, `British Columbia`, are spelled out by AP), a name that is both a state and a
/// country (`TBILISI, Georgia`), and datelines such as `ABOARD AIR FORCE ONE`. The only fix is a
/// state name to its AP abbreviation; which state or country a bare city needs is the editor's.
struct DatelineCityRule: LintRule {
    static let description = RuleDescription(
        id: "dateline.city",
        summary: "AP dateline city without its state or country, or a state not in AP form",
        severity: .warning,
        triggering: [
            "Storm hits Cape Cod\n\n↓CHATHAM (AP) — A winter storm cut power to thousands of homes on Monday.\n\nCrews worked overnight.",
            "Storm hits Cape Cod\n\nCHATHAM, ↓Massachusetts (AP) — A winter storm cut power to thousands of homes on Monday.\n\nCrews worked overnight.",
            "Leaders meet\n\n↓SAMARKAND (AP) — Chinese President Xi Jinping met Russian President Vladimir Putin on Thursday.\n\nThe summit ends Friday.",
        ],
        nonTriggering: [
            "Storm hits Cape Cod\n\nCHATHAM, Mass. (AP) — A winter storm cut power to thousands of homes on Monday.\n\nCrews worked overnight.",
            "Leaders meet\n\nSAMARKAND, Uzbekistan (AP) — Chinese President Xi Jinping met Russian President Vladimir Putin on Thursday.\n\nThe summit ends Friday.",
            "Flooding in Texas\n\nHOUSTON (AP) — Floodwaters rose across the city on Tuesday.\n\nSchools closed.",
            "Flooding in Texas\n\nPARIS, Texas (AP) — Floodwaters rose across Lamar County on Tuesday.\n\nSchools closed.",
            "Protests in Georgia\n\nTBILISI, Georgia (AP) — Thousands protested outside parliament on Sunday.\n\nPolice watched.",
            "Fire in West Virginia\n\nCHARLESTON, W.Va. (AP) — A fire destroyed a warehouse on Monday, officials said.\n\nNo one was hurt.",
            "Fire near Boise\n\nMERIDIAN, Idaho (AP) — A wildfire forced hundreds to leave their homes on Monday.\n\nNo one was hurt.",
            "Trip to Europe\n\nABOARD AIR FORCE ONE (AP) — The president said Tuesday he would meet allies.\n\nHe lands in Brussels.",
            "Floods in Canada\n\nVANCOUVER, British Columbia (AP) — Floods cut the highway on Monday.\n\nRoads were closed.",
        ],
        corrections: [
            "Storm hits Cape Cod\n\nCHATHAM, Massachusetts (AP) — A winter storm cut power to thousands of homes on Monday.\n\nCrews worked overnight.":
                "Storm hits Cape Cod\n\nCHATHAM, Mass. (AP) — A winter storm cut power to thousands of homes on Monday.\n\nCrews worked overnight.",
        ],
        exampleStyle: "ap")

    static let lists = ["standalone-cities", "us-states", "countries", "editor-notes"]

    /// Datelines that are not a city: `ABOARD AIR FORCE ONE`, `ON BOARD THE USS …`, `NEAR …`.
    private static let notCityPrefixes = ["ABOARD ", "ON BOARD ", "NEAR ", "IN THE ", "OFF ", "AT SEA", "OVER "]

    let active: Bool
    let notes: [String]
    let standalone: Set<String>
    let countries: Set<String>
    /// State name (by key) → AP abbreviation; AP abbreviations themselves.
    let stateAbbreviations: [String: String]
    let abbreviations: Set<String>

    init(style: Style) {
        active = style.string("dateline.form") == "ap"
        notes = style.list("editor-notes")
        standalone = Set(style.list("standalone-cities").map(DatelinePlaces.key))
        countries = Set(style.list("countries").map(DatelinePlaces.key))
        var states: [String: String] = [:]
        var abbreviations: Set<String> = []
        for (name, abbreviation) in DatelinePlaces.states(style) {
            states[DatelinePlaces.key(name)] = abbreviation
            abbreviations.insert(DatelinePlaces.key(abbreviation))
        }
        stateAbbreviations = states
        self.abbreviations = abbreviations
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard active, let dateline = DatelineParser.find(in: document, notes: notes), let city = dateline.city else { return }
        let block = document.blocks[dateline.block]
        let cityName = DatelinePlaces.key(document.text(block, city))
        if Self.notCityPrefixes.contains(where: { cityName.hasPrefix($0) }) { return }

        guard let region = dateline.regions.first else {
            if !standalone.contains(cityName) {
                report.add(block: block.index, range: city,
                           "add the state's AP abbreviation or the country after \"\(QuotedText.bounded(document.text(block, city)))\" (AP: only the stand-alone cities go alone)")
            }
            return
        }
        let found = document.text(block, region)
        let key = DatelinePlaces.key(found)
        if countries.contains(key) || abbreviations.contains(key) { return }
        if let abbreviation = stateAbbreviations[key] {
            report.add(block: block.index, range: region, "use the AP abbreviation \"\(abbreviation)\" for \(QuotedText.bounded(found)) in the dateline",
                       fix: [TextEdit(range: region, replacement: abbreviation)])
        } else if !found.hasSuffix("."), abbreviations.contains(key + ".") {
            let abbreviation = stateAbbreviations.values.first { DatelinePlaces.key($0) == key + "." } ?? found + "."
            report.add(block: block.index, range: region, "use the AP abbreviation \"\(abbreviation)\" in the dateline",
                       fix: [TextEdit(range: region, replacement: abbreviation)])
        }
    }
}
