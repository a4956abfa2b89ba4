/// Every built-in translation rule, by family.
public enum TranslationRules {
    public static let all: [any TranslationRule.Type] = [
        NamesRule.self,
        GlossaryRule.self,
    ]
}
