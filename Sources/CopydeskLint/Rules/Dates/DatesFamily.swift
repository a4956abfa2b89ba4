/// The dates rules, in the order `copydesk rules` lists them.
enum DatesFamily {
    static let rules: [any LintRule.Type] = [
        DatesRelativeRule.self, DatesMonthRule.self, DatesOrdinalRule.self,
    ]
}
