/// Every rule a report may mention: the lint rules, the normalize stage's, the translation
/// stage's and a style's own. Used by the CLI's reporters and by `copydesk serve` to describe rules.
public func knownRules(style: Style? = nil) -> [RuleInfo] {
    var rules = LintRules.all.map { type in
        let description = type.description
        return RuleInfo(id: description.id, summary: description.summary, help: nil, severity: description.severity)
    }
    for (id, severity) in NormalizeStage.severities.sorted(by: { $0.key < $1.key }) {
        rules.append(RuleInfo(id: id, summary: "normalize stage: \(id.replacingOccurrences(of: ".", with: " "))", help: nil, severity: severity))
    }
    for type in TranslationRules.all {
        let description = type.description
        rules.append(RuleInfo(id: description.id, summary: description.summary, help: nil, severity: description.severity))
    }
    for (id, rule) in (style?.customRules ?? [:]).sorted(by: { $0.key < $1.key }) {
        rules.append(RuleInfo(id: id, summary: rule.message, help: "custom \(rule.kind.rawValue) rule from \(rule.location)", severity: rule.severity))
    }
    return rules
}
