import CopydeskCore

/// The rules the normalize stage (and the decoder before it) reports, with their default
/// severities; styles may switch them off or re-level them like lint rules.
public enum NormalizeRules {
    public static let all: [RuleDescription] = [
        rule("encoding.invalid-bytes", .error, "bytes that are not valid in the input's encoding, replaced by U+FFFD"),
        rule("encoding.mixed", .warning, "bytes that are not UTF-8 in a UTF-8 file, decoded as the fallback encoding (windows-1252)"),
        rule("encoding.converted", .info, "input in a legacy encoding (windows-1252, ISO-8859-7…), converted to UTF-8"),
        rule("encoding.bom", .info, "a byte-order mark at the start of the file, dropped"),
        rule("encoding.mojibake", .warning, "UTF-8 that was read as windows-1252 or Latin-1 (\"CafÃ©\"), repaired"),
        rule("unicode.control", .warning, "a control character (NUL, C0, C1) in the text, removed"),
        rule("unicode.invisible", .warning, "a zero-width or other invisible character, removed"),
        rule("unicode.bidi", .warning, "a bidirectional control character, removed"),
        rule("unicode.soft-hyphen", .info, "a soft hyphen (U+00AD), removed"),
        rule("unicode.normalization", .info, "text not in the pipeline's Unicode normalization form, normalized"),
        rule("unicode.transliterated", .info, "text changed by the pipeline's ICU transliteration"),
        rule("typography.legacy-quotes", .info, "ANPA/ASCII quotes (``…'', `) turned into quotation marks"),
        rule("typography.legacy-dash", .info, "a typewriter dash (--, _) turned into the pipeline's dash"),
        rule("typography.smart-quotes", .info, "a straight quote turned into the locale's quotation mark"),
        rule("typography.apostrophe", .info, "a straight apostrophe turned into ’"),
        rule("typography.prime", .info, "a straight quote after a number turned into a prime (′ ″)"),
        rule("whitespace.line-endings", .info, "CR or CRLF line endings turned into LF"),
        rule("whitespace.multiple-spaces", .info, "a run of spaces inside a line, made one"),
        rule("whitespace.tab", .info, "a tab, turned into a space"),
        rule("whitespace.leading", .info, "spaces at the start of a line, removed"),
        rule("whitespace.trailing", .info, "spaces at the end of a line, removed"),
        rule("whitespace.nbsp", .info, "a no-break space, turned into a space (option nbsp: space)"),
        rule("whitespace.unusual-space", .info, "an unusual space character (en quad, ideographic space…), turned into a space"),
        rule("whitespace.line-break", .info, "a hard line break inside a paragraph, joined (option unwrap)"),
        rule("whitespace.blank-line", .info, "a blank line inside a paragraph, removed"),
    ]

    private static func rule(_ id: String, _ severity: Severity, _ summary: String) -> RuleDescription {
        RuleDescription(id: id, summary: summary, severity: severity, triggering: [], nonTriggering: [])
    }
}
