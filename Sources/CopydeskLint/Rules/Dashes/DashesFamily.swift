/// The dashes rules, in the order `copydesk rules` lists them.
enum DashesFamily {
    static let rules: [any LintRule.Type] = [
        DoubleHyphenRule.self,
        SpacedHyphenRule.self,
        WrongDashRule.self,
        RangeRule.self,
        SubheadRule.self,
    ]
}
