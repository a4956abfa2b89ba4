// Dedup's matching is written against the shared text layer (the word tokenizer, XXH64 and
// SHA-256): one module-wide import.
@_exported import CopydeskText
