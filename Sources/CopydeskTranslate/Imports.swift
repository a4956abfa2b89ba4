// The translation rules and aligners are written against the shared text layer (byte classes,
// the phrase scanner, the word tokenizer, XXH64): one module-wide import.
@_exported import CopydeskText
