/// Every rule a report may mention: every standard stage's rules, the suppression comments' own,
/// and a style's custom rules. Used by the CLI's reporters and by `copydesk serve` to describe rules.
public func knownRules(style: Style? = nil) -> [RuleInfo] {
    var rules = RuleInfo.known(style: style)
    rules.insert(RuleInfo(id: Suppressions.unknownRule, summary: Suppressions.unknownRuleSummary, help: nil, severity: .warning),
                 at: rules.count - (style?.customRules.count ?? 0))
    return rules
}
