/// The script rules, in the order `copydesk rules` lists them.
enum ScriptFamily {
    static let rules: [any LintRule.Type] = []
}
