/// The terms rules, in the order `copydesk rules` lists them.
enum TermsFamily {
    static let rules: [any LintRule.Type] = [
        TermSubstitutionRule.self,
    ]
}
