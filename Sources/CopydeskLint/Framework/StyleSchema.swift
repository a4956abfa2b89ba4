/// The settings and word lists a style file may set, shared by the built-in rules. Rules of a
/// desk's own (registered in code) add theirs through `LintRule.settings` and `LintRule.lists`.
public enum StyleSchema {
    public static let settings: [StyleSetting] = [
        StyleSetting("quotes.form", .choice(["curly", "straight", "any"]), help: "quotation marks the style demands"),
        StyleSetting("quotes.primary", .strings, help: "opening and closing double quote, e.g. [“, ”]"),
        StyleSetting("quotes.secondary", .strings, help: "opening and closing quote inside a quote, e.g. [‘, ’]"),
        StyleSetting("quotes.punctuation", .choice(["inside", "outside", "any"]),
                     help: "commas and periods inside closing quotes (US) or outside; any: not checked"),
        StyleSetting("quotes.colon-before-full-quote", .bool, help: "a full-sentence quote is introduced with a colon (Reuters)"),
        StyleSetting("dashes.dash", .choice(["em-spaced", "em-closed", "en-spaced", "hyphen-spaced"]),
                     help: "the dash between clauses: AP ' — ', closed '—', Guardian ' – ', Reuters ' - '"),
        StyleSetting("dashes.range", .choice(["hyphen", "en-dash"]), help: "ranges such as 15-16 or 15–16"),
        StyleSetting("dateline.form", .choice(["ap", "reuters", "afp", "any"]), help: "how a dateline is written"),
        StyleSetting("dateline.agency", .string, help: "the credit in the dateline, e.g. AP or Reuters"),
        StyleSetting("dateline.required", .bool, help: "a hard-news story must open with a dateline"),
        StyleSetting("dates.months", .choice(["ap", "reuters", "full"]),
                     help: "month names with a date: AP Jan./Feb./Aug./Sept./Oct./Nov./Dec., Reuters without periods, or in full"),
        StyleSetting("numbers.spell-out", .choice(["one-to-nine", "none"]), help: "spell out numbers below 10 (AP)"),
        StyleSetting("script.expected", .string, help: "the script body text is written in, e.g. Latin"),
    ]

    /// Word lists, each a file in `StyleRules/lists/` (one entry a line, `#` comments) or inline.
    public static let lists: [String] = [
        "standalone-cities",   // datelines that need no state or country
        "us-states",           // "Massachusetts => Mass." lines: state and its AP abbreviation
        "countries",           // country and territory names accepted after a dateline city
        "attribution-verbs",   // verbs to replace with "said": stated, claimed, …
        "anonymous-sources",   // phrases such as "sources said" that need a description
        "credit-lines",        // agency credit lines and prefixes: "Source:", "(ANA-MPA)", "/TASS/"
        "relative-days",       // today, yesterday, tomorrow
        "editor-notes",        // prefixes of editor's notes: "Eds:", "EDITOR'S NOTE"
        "repeated-words",      // doubled words that are English, not typos: "bye bye"
    ]
}
