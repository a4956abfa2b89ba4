import Copydesk
import Foundation

/// How a Copydesk finding is presented to a LanguageTool client: its `rule.issueType` (the
/// Internationalization Tag Set values LanguageTool uses, by which editors choose colours and
/// what to show), its `type.typeName`, and its category (the rule family).
///
/// The mapping, documented in the README ("LanguageTool-compatible API"):
/// quotes, dashes, typography, translation.quotes/brackets/punctuation → typographical;
/// attribution, dateline, custom desk rules → style; dates, numbers → locale-violation;
/// script, terms, translation.untranslated, translation.names → misspelling;
/// translation.glossary → terminology; translation.numbers → mistranslation;
/// translation.omission → omission; translation.addition → addition; translation.length → length;
/// repetition, dedup → duplication; artifacts.markup → markup; other artifacts → non-conformance;
/// encoding, unicode → characters; whitespace → whitespace; anything else → uncategorized.
enum IssueTypes {
    static func issueType(rule: String) -> String {
        switch rule {
        case "translation.untranslated", "translation.names": return "misspelling"
        case "translation.glossary": return "terminology"
        case "translation.numbers": return "mistranslation"
        case "translation.omission": return "omission"
        case "translation.addition": return "addition"
        case "translation.length": return "length"
        case "translation.quotes", "translation.brackets", "translation.punctuation": return "typographical"
        case "artifacts.markup": return "markup"
        default: break
        }
        switch family(rule) {
        case "quotes", "dashes", "typography": return "typographical"
        case "attribution", "dateline": return "style"
        case "dates", "numbers": return "locale-violation"
        case "script", "terms": return "misspelling"
        case "repetition", "dedup": return "duplication"
        case "artifacts": return "non-conformance"
        case "encoding", "unicode": return "characters"
        case "whitespace": return "whitespace"
        case "translation", "lint": return "uncategorized"
        default: return rule.contains(".") ? "style" : "uncategorized"
        }
    }

    /// LanguageTool's `type.typeName`: UnknownWord for what a spell checker would underline,
    /// Hint for info-level findings, Other for the rest.
    static func typeName(rule: String, severity: Severity) -> String {
        if issueType(rule: rule) == "misspelling" { return "UnknownWord" }
        return severity == .info ? "Hint" : "Other"
    }

    static func family(_ rule: String) -> String {
        rule.split(separator: ".", maxSplits: 1).first.map(String.init) ?? rule
    }

    /// Category id (the family in capitals, as LanguageTool spells its ids: QUOTES) and name.
    static func category(rule: String) -> (id: String, name: String) {
        let family = family(rule)
        // Per finding on every check: plain byte mapping, not Foundation's replacingOccurrences.
        let id = String(decoding: family.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "_") : (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }, as: UTF8.self)
        return (id, family.prefix(1).uppercased() + family.dropFirst())
    }
}
