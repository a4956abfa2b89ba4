@testable import CopydeskText
import Testing

/// `PhraseIndex` (all of a style's phrase lists in one scan) must find, for each list, exactly what
/// that list's own `PhraseMatcher` finds.
@Suite struct PhraseIndexTests {
    static let lists: [(phrases: [String], ignoreCase: Bool)] = [
        (["said", "says", "according to", "told", "statement", "said", "Said"], true),
        (["sources said", "officials said", "a source said", "sources say"], true),
        (["source", "sources", "official", "officials"], true),
        (["claimed", "noted", "stated", "declared", "admitted"], true),
        (["today", "yesterday", "tomorrow"], true),
        (["Kiev", "KIEV", "Aukus", "ie", "eg", "chicken Kiev", "Kiev", "U.S. officials", "é"], false),
        ([], true),
        (["-- ", "(AP)", "Zürich", "Москва", "to"], true),
    ]

    static let texts: [String] = [
        "KIEV, Ukraine (AP) — Officials in Kiev said today that sources said nothing, according to a statement.",
        "Two U.S. officials said the deal (ie the pact) was close; chicken Kiev and kiev and KIEV-based Kievan Rus'.",
        "\"We will decide tomorrow,\" the minister noted. Yesterday, SOURCES SAID, a source said it; sources says.",
        "Zürich and Москва, zürich, ZÜRICH -- and (AP) (ap) totally to-day today's todays é É e\u{301}.",
        "said said saidsaid Said SAID s a i d according  to according to",
        "",
        "x",
        "officials said officials",
        "The Aukus alliance, AUKUS, aukus; eg. e.g. Eg",
    ]

    @Test func sameMatchesAsOneMatcherPerList() {
        let index = PhraseIndex(Self.lists)
        for text in Self.texts {
            let bytes = Array(text.utf8)
            let all = index.matches(in: bytes)
            #expect(all.count == Self.lists.count)
            for (n, list) in Self.lists.enumerated() {
                let expected = PhraseMatcher(list.phrases, ignoreCase: list.ignoreCase).matches(in: bytes)
                #expect(all[n] == expected, "list \(n) in \(text)")
            }
        }
    }

    @Test func sameMatchesOnEveryPrefix() {
        // Ends of text in the middle of words and phrases.
        let index = PhraseIndex(Self.lists)
        let bytes = Array(Self.texts.joined(separator: " ").utf8)
        for end in stride(from: 0, through: bytes.count, by: 7) {
            let prefix = Array(bytes[..<end])
            guard String(validating: prefix, as: UTF8.self) != nil else { continue }
            let all = index.matches(in: prefix)
            for (n, list) in Self.lists.enumerated() {
                #expect(all[n] == PhraseMatcher(list.phrases, ignoreCase: list.ignoreCase).matches(in: prefix))
            }
        }
    }
}
