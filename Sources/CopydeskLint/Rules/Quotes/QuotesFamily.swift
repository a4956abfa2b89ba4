/// The quotes rules, in the order `copydesk rules` lists them.
enum QuotesFamily {
    static let rules: [any LintRule.Type] = [
        QuotesMixedRule.self,
        QuotesUnbalancedRule.self,
        QuotesNestedRule.self,
        QuotesForeignRule.self,
        QuotesPunctuationRule.self,
        QuotesStraightRule.self,
        QuotesCurlyRule.self,
    ]
}
