/// The numbers rules, in the order `copydesk rules` lists them.
enum NumbersFamily {
    static let rules: [any LintRule.Type] = [
        NumbersSpellOutRule.self,
        NumbersForeignFormatRule.self,
    ]
}
