/// Every built-in translation rule, by family.
public enum TranslationRules {
    public static let all: [any TranslationRule.Type] = [
        // Structure: what has a counterpart, what is left in the source language, how long.
        UntranslatedRule.self,
        OmissionRule.self,
        AdditionRule.self,
        LengthRule.self,
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
