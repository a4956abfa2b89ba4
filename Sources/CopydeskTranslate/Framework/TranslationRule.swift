import CopydeskCore

/// A check of a translation against its original. One type per rule, in `Rules/<Family>/`.
///
/// Like a `LintRule`, a rule is built once per language-pair profile (so it can compile its
/// glossary or open its transliterator) and then run on many stories at once: keep no per-story
/// state. It reports findings in the translation's blocks (`RuleReport` block indices are
/// `Story.blocks` indices of the translation); the stage maps them to the input file.
public protocol TranslationRule: Sendable {
    static var description: TranslationRuleDescription { get }
    /// Keys the rule reads from a profile's `settings:` (`numbers.ignore-years`…); the loader
    /// refuses keys no rule declares.
    static var settings: [String] { get }
    init(profile: TranslationProfile) throws
    func check(_ document: TranslationDocument, _ report: inout RuleReport)
}

extension TranslationRule {
    public static var settings: [String] { [] }
}

/// What a rule is, with examples that double as its tests.
///
/// Each example is an original and its translation in plain text (paragraphs separated by blank
/// lines, the first line a headline when a blank line follows it and more paragraphs come). In
/// `triggering` examples, `↓` in the translation marks where each finding must start; in
/// `nonTriggering` ones the rule must report nothing. Examples run with the profile the shipped
/// `StyleRules/translation/` files give the language pair.
public struct TranslationRuleDescription: Sendable {
    /// Stable `translation.rule` id.
    public var id: String
    public var summary: String
    public var severity: Severity
    public var triggering: [TranslationExample]
    public var nonTriggering: [TranslationExample]

    public init(id: String, summary: String, severity: Severity, triggering: [TranslationExample], nonTriggering: [TranslationExample]) {
        self.id = id
        self.summary = summary
        self.severity = severity
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }

    /// The rule as every stage describes its rules (`Stage.rules`): id, summary and severity; the
    /// examples, which need an original beside the translation, stay here.
    public var rule: RuleDescription {
        RuleDescription(id: id, summary: summary, severity: severity, triggering: [], nonTriggering: [])
    }
}

/// An original and its translation, with their languages (BCP 47).
public struct TranslationExample: Sendable, Hashable {
    public var source: String
    public var target: String
    public var sourceLanguage: String
    public var targetLanguage: String

    public init(_ sourceLanguage: String, _ source: String, _ targetLanguage: String = "en", _ target: String) {
        self.source = source
        self.target = target
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }
}
