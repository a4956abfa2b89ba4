/// The repetition rules, in the order `copydesk rules` lists them.
enum RepetitionFamily {
    static let rules: [any LintRule.Type] = [
        RepeatedWordRule.self,
        RepeatedParagraphRule.self,
    ]
}
