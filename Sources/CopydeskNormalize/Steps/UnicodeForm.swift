import CopydeskCore
import CopydeskText
import CopydeskICU

/// Puts text into a Unicode normalization form, one whitespace-delimited word at a time so each
/// change points at the word it touches.
///
/// Splitting at ASCII whitespace is exact: a space is a starter that composes with nothing, so
/// normalizing the pieces separately gives the same text as normalizing the whole.
public struct UnicodeForm: Sendable {
    public let normalizer: Normalizer

    public init(form: NormalizationForm) throws {
        normalizer = try Normalizer(form: form)
    }

    public func changes(in text: String) throws -> [NormalizationChange] {
        try ScalarScanning.withBytes(text) { bytes in
            let clean = try normalizer.normalizedPrefixLength(utf8: bytes)
            guard clean < bytes.count else { return [] }
            var changes: [NormalizationChange] = []
            let foldsCase = normalizer.form == .nfkcCasefold
            // Back up to the start of the word holding the first byte that may need work.
            var start = clean
            while start > 0, !Self.isSpace(bytes[start - 1]) { start -= 1 }
            while start < bytes.count {
                while start < bytes.count, Self.isSpace(bytes[start]) { start += 1 }
                var end = start
                var ascii = true
                while end < bytes.count, !Self.isSpace(bytes[end]) {
                    // ASCII is in every form, except that NFKC-casefold lowercases A-Z.
                    if bytes[end] >= 0x80 || (foldsCase && bytes[end] >= 0x41 && bytes[end] <= 0x5A) { ascii = false }
                    end += 1
                }
                if !ascii {
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if try !normalizer.isNormalized(utf8: word) {
                        let normalized = try normalizer.normalize(utf8: word)
                        let before = String(decoding: word, as: UTF8.self)
                        let after = String(decoding: normalized, as: UTF8.self)
                        changes.append(NormalizationChange(
                            ruleID: "unicode.normalization",
                            message: "'\(QuotedText.bounded(before))' is not in \(normalizer.form.rawValue.uppercased()) (\(Self.codePoints(before))); becomes '\(QuotedText.bounded(after))' (\(Self.codePoints(after)))",
                            edit: TextEdit(range: start..<end, replacement: after)))
                    }
                }
                start = end
            }
            return changes
        }
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    /// Code points of the non-ASCII part, enough to see what differs.
    private static func codePoints(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars.lazy.filter { $0.value >= 0x80 }.prefix(6))
        if scalars.isEmpty { scalars = Array(text.unicodeScalars.prefix(6)) }  // case folding of ASCII
        return scalars.map { ScalarScanning.codePoint($0.value) }.joined(separator: " ")
    }
}

/// Runs an ICU transform (e.g. `Any-Latin; Latin-ASCII` or `Greek-Latin/UNGEGN`) over each block.
public struct Transliteration: Sendable {
    public let transliterator: Transliterator

    public init(id: String) throws {
        transliterator = try Transliterator(id: id)
    }

    public func changes(in text: String) -> [NormalizationChange] {
        let result = transliterator.transliterate(text)
        guard !result.utf8.elementsEqual(text.utf8) else { return [] }  // bytes: == would call NFD and NFC equal
        // One change for the stretch between the common prefix and suffix.
        let old = Array(text.utf8), new = Array(result.utf8)
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        while prefix > 0, prefix < old.count, old[prefix] & 0xC0 == 0x80 { prefix -= 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        while suffix > 0, old.count - suffix < old.count, old[old.count - suffix] & 0xC0 == 0x80 { suffix -= 1 }
        let replacement = String(decoding: new[prefix..<(new.count - suffix)], as: UTF8.self)
        let original = String(decoding: old[prefix..<(old.count - suffix)], as: UTF8.self)
        return [NormalizationChange(
            ruleID: "unicode.transliterated",
            message: "'\(ScalarScanning.excerpt(original[...]))' transliterated (\(transliterator.id)) to '\(ScalarScanning.excerpt(replacement[...]))'",
            edit: TextEdit(range: prefix..<(old.count - suffix), replacement: replacement))]
    }
}
