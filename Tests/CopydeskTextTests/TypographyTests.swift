import CopydeskCore
import Testing
@testable import CopydeskText

// MARK: - Helpers

/// Applies the changes to the UTF-8 bytes of `text` (checking they are sorted and disjoint).
private func apply(_ changes: [NormalizationChange], to text: String) -> String {
    var bytes = Array(text.utf8)
    var previousEnd = 0
    for change in changes {
        #expect(change.edit.range.lowerBound >= previousEnd, "edits must be sorted and non-overlapping")
        previousEnd = change.edit.range.upperBound
    }
    for change in changes.reversed() {
        bytes.replaceSubrange(change.edit.range, with: Array(change.edit.replacement.utf8))
    }
    return String(decoding: bytes, as: UTF8.self)
}

private func fixed(_ text: String, _ options: TypographyOptions = TypographyOptions()) -> String {
    apply(Typography.changes(in: text, options: options), to: text)
}

private let english = TypographyOptions(smartQuotes: .english)
private let germanStyle = QuoteStyle(primaryOpen: "\u{201E}", primaryClose: "\u{201C}",
                                     secondaryOpen: "\u{201A}", secondaryClose: "\u{2018}")
private let german = TypographyOptions(smartQuotes: germanStyle)
private let legacyOff = TypographyOptions(legacyConventions: false)

// MARK: - Legacy ANPA conventions

@Test func anpaSportsMinuteLine() {
    let text = "(Honolulu) -- Riley Wallace says he is ``content'' as coach of"
    let changes = Typography.changes(in: text, options: TypographyOptions())
    #expect(apply(changes, to: text) == "(Honolulu) — Riley Wallace says he is “content” as coach of")
    #expect(changes.map(\.ruleID) == ["typography.legacy-dash", "typography.legacy-quotes", "typography.legacy-quotes"])
    #expect(changes[1].message == "ANPA quote `` becomes “")
    #expect(changes[2].message == "ANPA quote '' becomes ”")
    // " -- " (bytes 10..<14) is replaced as a whole, spaces included.
    #expect(changes[0].edit == TextEdit(range: 10..<14, replacement: " — "))
}

@Test func anpaHardWrappedParagraphWithCRLF() {
    let text = "The governor said Clinton stated he's ``very much persuaded\r\n"
        + "personally and would intervene'' by telling an administration task\r\n"
        + "force of his views on the panel's recommended $3.1 billion gaming\r\ntax."
    // Legacy only: apostrophes stay straight.
    #expect(fixed(text) == "The governor said Clinton stated he's “very much persuaded\r\n"
        + "personally and would intervene” by telling an administration task\r\n"
        + "force of his views on the panel's recommended $3.1 billion gaming\r\ntax.")
    #expect(fixed(text, english) == "The governor said Clinton stated he’s “very much persuaded\r\n"
        + "personally and would intervene” by telling an administration task\r\n"
        + "force of his views on the panel’s recommended $3.1 billion gaming\r\ntax.")
}

@Test func anpaUnderscoreDash() {
    #expect(fixed("ATLANTA (AP) _ Police said Tuesday") == "ATLANTA (AP) — Police said Tuesday")
    #expect(fixed("in the letter _ quote _ ``As God is my witness, I did not set out\nto harm anyone that day.''")
        == "in the letter — quote — “As God is my witness, I did not set out\nto harm anyone that day.”")
    // At a line start followed by a space, and at a hard wrap.
    #expect(fixed("_ Police said") == "— Police said")
    #expect(fixed("ATLANTA (AP)\n_ Police said") == "ATLANTA (AP)\n— Police said")
    #expect(fixed("EDITOR'S NOTE _\nThis story") == "EDITOR'S NOTE —\nThis story")
}

@Test func identifiersURLsAndEmailsUntouched() {
    let texts = [
        "The file user_accounts_2024.csv was leaked",
        "See https://example.com/some_page--draft?id=a_b for details",
        "Write to first_last@example.com or first--last@example.com",
        "Call __init__ or snake_case_name",
        "Go to www.example.com/a--b now",
        "^___=",
    ]
    for text in texts {
        #expect(Typography.changes(in: text, options: english).isEmpty, "\(text)")
    }
}

@Test(arguments: [
    (DashStyle.emSpaced, "a — b", "a — b", "a — b"),
    (DashStyle.emClosed, "a—b", "a—b", "a—b"),
    (DashStyle.enSpaced, "a – b", "a – b", "a – b"),
])
func dashStyles(style: DashStyle, spaced: String, closed: String, underscore: String) {
    let options = TypographyOptions(dashStyle: style)
    #expect(fixed("a -- b", options) == spaced)
    #expect(fixed("a--b", options) == closed)
    #expect(fixed("a _ b", options) == underscore)
    // Line end and line start of hard-wrapped copy: no space on the broken side.
    let dash = style == .enSpaced ? "–" : "—"
    let space = style == .emClosed ? "" : " "
    #expect(fixed("he said --\nwho", options) == "he said\(space)\(dash)\nwho")
    #expect(fixed("he said\n-- who", options) == "he said\n\(dash)\(space)who")
    // Indentation before a line-start stand-in is kept, not read as a table gap.
    #expect(fixed("   -- MORE TO COME --", options) == "   \(dash)\(space)MORE TO COME\(space)\(dash)")
}

@Test func dashMessages() {
    let changes = Typography.changes(in: "ATLANTA (AP) _ Police -- said", options: TypographyOptions(dashStyle: .enSpaced))
    #expect(changes.map(\.message) == ["ANPA dash _ becomes – (en-spaced)", "double hyphen -- becomes – (en-spaced)"])
    #expect(changes.allSatisfy { $0.ruleID == "typography.legacy-dash" })
}

@Test func hyphenRunsThatAreNotDashes() {
    let texts = [
        "---",
        "-----------------------",
        "<!-- comment --> text",
        "VERDI                    60   --                           5 PM",
        "-- ........................ REPORT MISSING",
        "--",
        "Run the tool with --verbose to see more",
        "multibillion-dollar gaming tax, 6-foot-9, 15-16",
        "Reuters style BEIRUT (Reuters) - Lebanon said",
    ]
    for text in texts {
        #expect(Typography.changes(in: text, options: TypographyOptions()).isEmpty, "\(text)")
    }
}

@Test func legacyOffLeavesAnpaAlone() {
    let text = "(Honolulu) -- Riley Wallace says he is ``content'' _ he said"
    #expect(Typography.changes(in: text, options: legacyOff).isEmpty)
    // Smart quotes without legacy conventions also leave ANPA '' pairs alone.
    #expect(fixed("He is ``content'' and \"happy\"", TypographyOptions(legacyConventions: false, smartQuotes: .english))
        == "He is ``content'' and “happy”")
}

@Test func doubledApostropheIsNotAlwaysAQuote() {
    // No `` before it and inside a word: two apostrophes, not a closing quote.
    #expect(Typography.changes(in: "Sean O''Brien said", options: TypographyOptions()).isEmpty)
    // Even inside an open ``…'' quotation, a '' within a word is left alone.
    #expect(fixed("``Sean O''Brien is here,'' he said") == "“Sean O''Brien is here,” he said")
    // At a word end with no opening ``: a closing quote (continued multi-paragraph quote).
    #expect(fixed("not going to happen,'' Miller said.") == "not going to happen,” Miller said.")
    // After a number with nothing open: inches.
    #expect(fixed("a 12'' pizza") == "a 12″ pizza")
}

@Test func anpaSingleQuotes() {
    #expect(fixed("``He said `no' to me,'' Miller said.") == "“He said ‘no’ to me,” Miller said.")
    #expect(fixed("``He said `no.''' Then he left.") == "“He said ‘no.’” Then he left.")
    // A backtick-delimited code span is not a quote.
    #expect(Typography.changes(in: "type `ls` in a shell", options: TypographyOptions()).isEmpty)
    // ``` code fences neither.
    #expect(Typography.changes(in: "```swift", options: TypographyOptions()).isEmpty)
}

@Test func legacyQuotesUseTheLocaleWhenSmartQuotesAreOn() {
    #expect(fixed("Er sagte ``gut'' und ging.", german) == "Er sagte „gut“ und ging.")
}

// MARK: - Smart quotes

@Test func englishSmartQuotes() {
    let text = "\"It's over,\" she said. \"We're done.\""
    let changes = Typography.changes(in: text, options: english)
    #expect(apply(changes, to: text) == "“It’s over,” she said. “We’re done.”")
    #expect(changes.map(\.ruleID) == [
        "typography.smart-quotes", "typography.apostrophe", "typography.smart-quotes",
        "typography.smart-quotes", "typography.apostrophe", "typography.smart-quotes",
    ])
    #expect(changes[0].message == "straight quote \" becomes “")
    #expect(changes[1].message == "straight apostrophe ' becomes ’")
}

@Test func germanSmartQuotes() {
    #expect(fixed("Er sagte: \"Das ist 'gut' so.\"", german) == "Er sagte: „Das ist ‚gut‘ so.“")
    // Apostrophes stay U+2019 in every locale.
    #expect(fixed("\"Xi's Politik\", sagte er.", german) == "„Xi’s Politik“, sagte er.")
}

@Test func nestedQuotes() {
    #expect(fixed("\"He told me, 'I won't go,' and left.\"", english) == "“He told me, ‘I won’t go,’ and left.”")
    // An elision right after an opening quote is an apostrophe, not a nested quote.
    #expect(fixed("\"'Tis the season,\" he said.", english) == "“’Tis the season,” he said.")
    #expect(fixed("'He said \"no\"' was the headline", english) == "‘He said “no”’ was the headline")
    #expect(fixed("She said:\"No.\" Then: \"Note:\" on it", english) == "She said:“No.” Then: “Note:” on it")
    #expect(fixed("He said (\"maybe\") and left", english) == "He said (“maybe”) and left")
    #expect(fixed("The answer \u{2014}\"no\"\u{2014} came fast", english) == "The answer \u{2014}“no”\u{2014} came fast")
}

@Test func adjacentMarksAreSeparateChanges() {
    let changes = Typography.changes(in: "\"'Em all,' he said\"", options: english)
    #expect(changes.count == 4)
    #expect(changes[0].edit.range == 0..<1)
    #expect(changes[1].edit.range == 1..<2)
    #expect(changes[1].ruleID == "typography.apostrophe")
}

@Test(arguments: [
    ("They don't know it's Xi's call.", "They don’t know it’s Xi’s call."),
    ("Music of the '90s was rock 'n' roll.", "Music of the ’90s was rock ’n’ roll."),
    ("Let 'em go at 10 o'clock.", "Let ’em go at 10 o’clock."),
    ("The students' union met.", "The students’ union met."),
    ("the class of '15 met", "the class of ’15 met"),
    ("He was goin' home", "He was goin’ home"),
    ("the Jones' house and the '49ers", "the Jones’ house and the ’49ers"),
    ("Sales in the 1990's grew", "Sales in the 1990’s grew"),
    ("'Twas brillig, 'cause it was", "’Twas brillig, ’cause it was"),
])
func apostrophes(input: String, expected: String) {
    let changes = Typography.changes(in: input, options: english)
    #expect(apply(changes, to: input) == expected)
    #expect(changes.allSatisfy { $0.ruleID == "typography.apostrophe" })
}

@Test func apostrophesInsideSingleQuotes() {
    #expect(fixed("\"She said 'rock 'n' roll' is dead\"", english) == "“She said ‘rock ’n’ roll’ is dead”")
    #expect(fixed("Headline: Biden says '15 percent' rise", english) == "Headline: Biden says ‘15 percent’ rise")
}

@Test func primes() {
    let text = "He is 5'11\" tall and jumped a 6' fence with a 12\" ruler."
    let changes = Typography.changes(in: text, options: english)
    #expect(apply(changes, to: text) == "He is 5′11″ tall and jumped a 6′ fence with a 12″ ruler.")
    #expect(changes.allSatisfy { $0.ruleID == "typography.prime" })
    // An opening quote before a digit is a quote.
    #expect(fixed("\"15 percent\" of voters", english) == "“15 percent” of voters")
    // Inside a quotation, feet and inches stay primes; a digit before the closing mark closes it.
    #expect(fixed("\"He is 5'11\" tall,\" she said.", english) == "“He is 5′11″ tall,” she said.")
    #expect(fixed("She said \"they scored 21\" and left", english) == "She said “they scored 21” and left")
}

@Test func multiParagraphQuote() {
    // Wire style: the paragraph opens a quote and never closes it; the next opens again.
    #expect(fixed("\"We will not stop until the job is done,", english) == "“We will not stop until the job is done,")
    #expect(fixed("\"We will fight on,\" he said.", english) == "“We will fight on,” he said.")
    // ANPA continuation: `` opens without a closing ''.
    let changes = Typography.changes(in: "``If the president intervenes, it's over.", options: TypographyOptions())
    #expect(changes.count == 1)
}

@Test func alreadyCurlyTextIsLeftAlone() {
    let texts = [
        "“It’s fine,” she said — ‘really’ — at 5′11″.",
        "„Das ist ‚gut‘ so“, sagte er – wirklich.",
        "« C’est fini », a-t-il dit.",
    ]
    for text in texts {
        #expect(Typography.changes(in: text, options: english).isEmpty, "\(text)")
        #expect(Typography.changes(in: text, options: german).isEmpty, "\(text)")
    }
}

@Test func strayStraightQuoteBetweenSpacesIsLeftAlone() {
    #expect(Typography.changes(in: "a \" b", options: english).isEmpty)
    #expect(Typography.changes(in: "a ' b", options: english).isEmpty)
}

@Test func noTriggerBytesNoChanges() {
    #expect(Typography.changes(in: "Police said Tuesday that nobody was hurt.", options: english).isEmpty)
    // Straight quotes are no trigger without smart quotes.
    #expect(Typography.changes(in: "He said \"no\".", options: TypographyOptions()).isEmpty)
    #expect(Typography.changes(in: "", options: english).isEmpty)
    #expect(Typography.changes(in: "a -- b", options: TypographyOptions(legacyConventions: false, smartQuotes: .english)).isEmpty)
}

@Test func exactUTF8Offsets() {
    // Multi-byte characters before each edit: é (2 bytes), ï (2 bytes), — (3 bytes).
    let text = "Café owner — ``naïve'' -- ok"
    let changes = Typography.changes(in: text, options: TypographyOptions())
    #expect(changes.map(\.edit) == [
        TextEdit(range: 16..<18, replacement: "“"),
        TextEdit(range: 24..<26, replacement: "”"),
        TextEdit(range: 26..<30, replacement: " — "),
    ])
    #expect(apply(changes, to: text) == "Café owner — “naïve” — ok")
}

private let idempotenceSamples = [
    "(Honolulu) -- Riley Wallace says he is ``content'' as coach of\nthe University of Hawaii basketball team, but he's being courted.",
    "ATLANTA (AP) _ Police said the man, 5'11\", wasn't armed. ``It's over,'' she said.",
    "\"He told me, 'I won't go,' and left the '90s behind,\" she said -- rock 'n' roll.",
    "in the letter _ quote _ ``As God is my witness, `really,' I did not\nset out to harm anyone that day.''",
    "\"We will not stop,",
    "a \" b ' c `` d '' e",
    "Sean O''Brien -- type `ls` -- a--b -- x _ y 12'' 6' \"15 percent\"",
]

@Test(arguments: [
    TypographyOptions(),
    TypographyOptions(dashStyle: .emClosed, smartQuotes: .english),
    TypographyOptions(dashStyle: .enSpaced, smartQuotes: QuoteStyle(primaryOpen: "„", primaryClose: "“", secondaryOpen: "‚", secondaryClose: "‘")),
    TypographyOptions(legacyConventions: false, smartQuotes: .english),
])
func idempotence(options: TypographyOptions) {
    for text in idempotenceSamples {
        let once = fixed(text, options)
        #expect(Typography.changes(in: once, options: options).isEmpty, "\(once)")
    }
}

@Test func idempotenceSamplesAreActuallyChanged() {
    for text in idempotenceSamples {
        #expect(fixed(text, english) != text, "\(text)")
    }
}
