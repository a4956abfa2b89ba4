extension StyleLoader {
    /// The loader a style of the standard stages is read with: every lint rule, and the rules of
    /// every other shipped stage (a style may switch off `unicode.soft-hyphen` or re-level
    /// `dedup.related`).
    public static var standard: StyleLoader { LintStage.loader(knowing: Set(StageRegistry.standard.rules.map(\.id))) }
}

extension RuleInfo {
    /// Every rule a report may mention: the rules of every stage of `registry` (custom stages
    /// included), the suppression comments' own (`suppression.unknown-rule`, reported by the
    /// runner, not a stage), then a style's own custom rules. Reporters take their rule metadata
    /// from it.
    public static func known(in registry: StageRegistry = .standard, style: Style? = nil) -> [RuleInfo] {
        var rules = registry.rules.map { RuleInfo(id: $0.id, summary: $0.summary, help: nil, severity: $0.severity) }
        rules.append(RuleInfo(id: Suppressions.unknownRule, summary: Suppressions.unknownRuleSummary, help: nil, severity: .warning))
        for (id, rule) in (style?.customRules ?? [:]).sorted(by: { $0.key < $1.key }) {
            rules.append(RuleInfo(id: id, summary: rule.message, help: "custom \(rule.kind.rawValue) rule from \(rule.location)", severity: rule.severity))
        }
        return rules
    }
}
