// Lint rules are written against Core (the rule model: `RuleDescription`, `RuleReport`) and the
// shared text layer (tokenizer, byte scans, phrase scanner, typography): one module-wide import of
// each, which also gives users of `LintDocument` the types it exposes (`Tokenizer.Word`,
// `PhraseMatcher.Match`).
@_exported import CopydeskCore
@_exported import CopydeskText
