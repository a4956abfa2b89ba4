import Foundation

/// The phrase lists of a style that rules match in every paragraph (speech verbs, anonymous
/// sources and their nouns, attribution verbs, relative days, house terms), in one `PhraseIndex`
/// so a document's blocks are scanned once for all of them (`SharedAnalyses.phrases`).
///
/// Each rule asks for the style's index in its `init`; it is built once per distinct set of
/// lists and shared by every rule (and every stage) of that style.
final class StylePhrases: Sendable {
    enum List: Int, CaseIterable {
        /// `attribution.missing`: verbs and nouns of speech.
        case speech
        /// `attribution.anonymous`: the `anonymous-sources` phrases…
        case anonymous
        /// …and the forms of their nouns.
        case anonymousNouns
        /// `attribution.verb`: the style's `attribution-verbs`.
        case attributionVerbs
        /// `dates.relative`: `relative-days`.
        case relativeDays
        /// `terms.substitution`: the wrong forms (case-sensitive).
        case terms
    }

    let index: PhraseIndex

    private init(_ lists: [[String]]) {
        index = PhraseIndex(List.allCases.map { list in (lists[list.rawValue], list != .terms) })
    }

    func phrases(_ list: List) -> [String] { index.lists[list.rawValue] }

    /// The lists of a style, in `List` order.
    static func lists(of style: Style) -> [[String]] {
        List.allCases.map { list in
            switch list {
            case .speech: AttributionMissingRule.phrases(style)
            case .anonymous: AttributionAnonymousRule.phrases(style)
            case .anonymousNouns: AttributionAnonymousRule.nouns(style).all
            case .attributionVerbs: AttributionVerbRule.phrases(style)
            case .relativeDays: DatesRelativeRule.phrases(style)
            case .terms: TermSubstitutionRule.terms(style).wrong
            }
        }
    }

    /// The index for a style's lists, built on first use.
    static func of(_ style: Style) -> StylePhrases {
        let lists = lists(of: style)
        return cache.value(for: lists) { StylePhrases(lists) }
    }

    private static let cache = Cache()

    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [[[String]]: StylePhrases] = [:]

        func value(for key: [[String]], _ make: () -> StylePhrases) -> StylePhrases {
            lock.lock()
            if let found = entries[key] { lock.unlock(); return found }
            lock.unlock()
            let made = make()
            lock.lock()
            defer { lock.unlock() }
            if let found = entries[key] { return found }
            // A handful of styles per process; drop them all rather than grow without bound.
            if entries.count >= 32 { entries.removeAll() }
            entries[key] = made
            return made
        }
    }
}
