import CopydeskCore

/// The rules the normalize stage (and the decoder before it) reports, with their default
/// severities; styles may switch them off or re-level them like lint rules.
public enum NormalizeRules {
    public static let all: [RuleDescription] = [
        rule("encoding.invalid-bytes", .error, "bytes that are not valid in the file's charset, with their byte offset; replaced by U+FFFD"),
        rule("encoding.mixed", .warning, "a stray windows-1252 byte in a UTF-8 file, decoded and reported"),
        rule("encoding.converted", .info, "the file was not UTF-8 and was decoded from the named charset"),
        rule("encoding.bom", .info, "byte-order mark removed"),
        rule("encoding.mojibake", .warning, "UTF-8 read as windows-1252/Latin-1, repaired where unambiguous",
             triggering: ["Leaders to meet\n\nThe leaders will meet at a ↓cafÃ© in Samarkand next week."],
             nonTriggering: ["Leaders to meet\n\nThe leaders will meet at a café in Samarkand next week."]),
        rule("unicode.control", .warning, "C0/C1 control characters (tab and line breaks excepted)"),
        rule("unicode.invisible", .warning, "zero-width space/joiners, word joiner, BOM inside text",
             triggering: ["Leaders to meet\n\nThe leaders will↓\u{200B} meet in Samarkand next week."],
             nonTriggering: ["Leaders to meet\n\nThe leaders will meet in Samarkand next week."]),
        rule("unicode.bidi", .warning, "bidi embeddings, overrides, isolates; LRM/RLM outside right-to-left text",
             triggering: ["Leaders to meet\n\nThe leaders will meet in ↓\u{202E}Samarkand next week."],
             nonTriggering: ["Leaders to meet\n\nThe leaders will meet in Samarkand next week."]),
        rule("unicode.soft-hyphen", .info, "soft hyphens",
             triggering: ["Leaders to meet\n\nThe leaders will resume nego↓\u{AD}tiations next week."],
             nonTriggering: ["Leaders to meet\n\nThe leaders will resume negotiations next week."]),
        rule("unicode.normalization", .info, "text not in the pipeline's normalization form",
             triggering: ["Leaders to meet\n\nThe leaders will meet at a ↓Cafe\u{301} in Samarkand."],
             nonTriggering: ["Leaders to meet\n\nThe leaders will meet at a Café in Samarkand."]),
        rule("unicode.transliterated", .info, "text changed by the `transliterate` transform"),
        rule("typography.legacy-quotes", .info, "ANPA/ASCII quotes (``…'', `) turned into quotation marks"),
        rule("typography.legacy-dash", .info, "a typewriter dash (--, _) turned into the pipeline's dash",
             triggering: ["Leaders to meet\n\nThe leaders will meet next week↓ -- in Samarkand."],
             nonTriggering: ["Leaders to meet\n\nThe leaders will meet next week — in Samarkand."]),
        rule("typography.smart-quotes", .info, "a straight quote turned into the locale's quotation mark"),
        rule("typography.apostrophe", .info, "a straight apostrophe turned into ’"),
        rule("typography.prime", .info, "a straight quote after a number turned into a prime (′ ″)"),
        rule("whitespace.line-endings", .info, "CRLF/CR line endings (one finding per file, one fix edit per line)"),
        rule("whitespace.multiple-spaces", .info, "a run of spaces inside a line, made one",
             triggering: ["Leaders to meet\n\nThe leaders will↓   meet in Samarkand next week."],
             nonTriggering: ["Leaders to meet\n\nThe leaders will meet in Samarkand next week."]),
        rule("whitespace.tab", .info, "a tab, turned into a space",
             triggering: ["Leaders to meet\n\nThe leaders will↓\tmeet in Samarkand next week."],
             nonTriggering: ["Leaders to meet\n\nThe leaders will meet in Samarkand next week."]),
        rule("whitespace.leading", .info, "spaces at the start of a line, removed"),
        rule("whitespace.trailing", .info, "spaces at the end of a line, removed",
             triggering: ["Leaders to meet\n\nThe leaders will meet in Samarkand next week.↓  \n\nThe Kremlin said so."],
             nonTriggering: ["Leaders to meet\n\nThe leaders will meet in Samarkand next week.\n\nThe Kremlin said so."]),
        rule("whitespace.nbsp", .info, "a no-break space, turned into a space (option nbsp: space)"),
        rule("whitespace.unusual-space", .info, "an unusual space character (en quad, ideographic space…), turned into a space"),
        rule("whitespace.line-break", .info, "a hard line break inside a paragraph, joined (option unwrap)"),
        rule("whitespace.blank-line", .info, "a blank line inside a paragraph, removed"),
    ]

    /// A rule; its examples are whole stories in plain text with `↓` where each finding starts,
    /// run through the normalize stage by `StageRuleExamplesTests`.
    private static func rule(_ id: String, _ severity: Severity, _ summary: String,
                             triggering: [String] = [], nonTriggering: [String] = []) -> RuleDescription {
        RuleDescription(id: id, summary: summary, severity: severity, triggering: triggering, nonTriggering: nonTriggering)
    }
}
