/// The dateline rules, in the order `copydesk rules` lists them.
enum DatelineFamily {
    static let rules: [any LintRule.Type] = [
        DatelineMissingRule.self, DatelineFormatRule.self, DatelineCityRule.self, DatelineAgencyRule.self,
    ]
}
