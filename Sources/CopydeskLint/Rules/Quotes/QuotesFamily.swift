/// The quotes rules, in the order `copydesk rules` lists them.
enum QuotesFamily {
    static let rules: [any LintRule.Type] = []
}
