import CopydeskCore

/// A house-style check. One type per rule, grouped by family in `Rules/<Family>/`.
///
/// A rule is built once per style (so it can compile word lists) and then run on many stories at
/// once: keep no per-story state. It reports findings in the current text of a block; the lint
/// stage maps them back to the input file and applies the style's severity.
public protocol LintRule: Sendable {
    static var description: RuleDescription { get }
    /// Style settings the rule reads (`quotes.form`…); the loader refuses keys no rule declares.
    static var settings: [StyleSetting] { get }
    /// Names of the word lists the rule reads from `lists:`.
    static var lists: [String] { get }
    init(style: Style) throws
    func check(_ document: LintDocument, _ report: inout LintReport)
}

extension LintRule {
    public static var settings: [StyleSetting] { [] }
    public static var lists: [String] { [] }
}

/// Findings of one lint rule on one story: the report every stage's rules write to.
public typealias LintReport = RuleReport
