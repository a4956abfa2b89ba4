/// The attribution rules, in the order `copydesk rules` lists them.
enum AttributionFamily {
    static let rules: [any LintRule.Type] = [
        AttributionVerbRule.self,
        AttributionMissingRule.self,
        AttributionAnonymousRule.self,
        AttributionCreditLineRule.self,
    ]
}
