/// Every built-in lint rule, by family. Adding a rule: write the type in `Rules/<Family>/` and
/// list it in that family's `rules`; its examples then run in the test suite.
public enum LintRules {
    public static let all: [any LintRule.Type] =
        QuotesFamily.rules + DashesFamily.rules + DatelineFamily.rules + AttributionFamily.rules + DatesFamily.rules
        + NumbersFamily.rules + ArtifactsFamily.rules + ScriptFamily.rules + RepetitionFamily.rules + TermsFamily.rules
}
