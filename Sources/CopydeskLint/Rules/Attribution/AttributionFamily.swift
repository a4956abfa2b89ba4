/// The attribution rules, in the order `copydesk rules` lists them.
enum AttributionFamily {
    static let rules: [any LintRule.Type] = []
}
