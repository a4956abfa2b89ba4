/// Every built-in translation rule, by family.
public enum TranslationRules {
    public static let all: [any TranslationRule.Type] = [
        // Structure
        UntranslatedRule.self, OmissionRule.self, AdditionRule.self, LengthRule.self,
    ]
}
