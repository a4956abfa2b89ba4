/// Every built-in translation rule, by family.
public enum TranslationRules {
    public static let all: [any TranslationRule.Type] = [
        // Names and terms: people, places and the desk's glossary.
        NamesRule.self,
        GlossaryRule.self,
        // Content: what the paragraphs say, compared pair by pair.
        TranslationNumbersRule.self,
        TranslationQuotesRule.self,
        TranslationBracketsRule.self,
        TranslationPunctuationRule.self,
    ]
}
