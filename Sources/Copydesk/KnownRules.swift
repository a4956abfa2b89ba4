/// Every rule a report may mention (`RuleInfo.known` of the standard stages). Used by the CLI's
/// reporters and by `copydesk serve` to describe rules.
public func knownRules(style: Style? = nil) -> [RuleInfo] { RuleInfo.known(style: style) }
