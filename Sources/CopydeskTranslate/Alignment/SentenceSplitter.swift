/// Splits a paragraph into sentences for the sentence aligner, in one pass over the bytes.
///
/// A sentence ends at `.`, `!`, `?`, `…`, the Greek question mark (`;` in Greek text, U+037E),
/// followed by any closing quotes or brackets, then a space, then something that can open a
/// sentence: a capital (Latin, Greek, Cyrillic), a digit, an opening quote or a dash. A full stop
/// does not end a sentence after a single capital (initials, `M.`), after an abbreviation
/// of the profile's `sentences.abbreviations` list (`Mr`, `Mme`, `Dr`, `κ.κ`, `г`…, compared
/// ignoring case), or, in German, after a number (`am 15. September`).
struct SentenceSplitter: Sendable {
    static let abbreviationsKey = "sentences.abbreviations"

    /// Lower-cased abbreviations without their final full stop, as bytes.
    var abbreviations: Set<[UInt8]>
    var maximumAbbreviationLength: Int

    init(profile: TranslationProfile) {
        let words = profile.strings(Self.abbreviationsKey).map { word -> String in
            var word = word.lowercased()
            while word.hasSuffix(".") { word.removeLast() }
            return word
        }.filter { !$0.isEmpty }
        abbreviations = Set(words.map { Array($0.utf8) })
        maximumAbbreviationLength = words.map(\.utf8.count).max() ?? 0
    }

    /// Byte ranges of the sentences, without surrounding spaces.
    func sentences(_ bytes: [UInt8], language: String?) -> [Range<Int>] {
        let greek = language.map(TranslationProfileLoader.primary) == "el"
        let german = language.map(TranslationProfileLoader.primary) == "de"
        var result: [Range<Int>] = []
        var start = 0
        var index = 0
        let count = bytes.count
        func close(_ end: Int) {
            var s = start, e = end
            while s < e, Self.isSpace(bytes, s) { s += Self.spaceWidth(bytes, s) }
            while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x0A || bytes[e - 1] == 0x09 || bytes[e - 1] == 0x0D
                || (e >= 2 && bytes[e - 2] == 0xC2 && bytes[e - 1] == 0xA0) {
                e -= bytes[e - 1] == 0xA0 ? 2 : 1
            }
            if s < e { result.append(s..<e) }
        }
        while index < count {
            let byte = bytes[index]
            var terminator = 0
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                terminator = 1
            } else if byte == UInt8(ascii: ";"), greek {
                terminator = 1
            } else if byte == 0xCD, index + 1 < count, bytes[index + 1] == 0xBE {
                terminator = 2  // U+037E GREEK QUESTION MARK
            } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA6 {
                terminator = 3  // …
            }
            guard terminator > 0 else { index += 1; continue }
            let mark = index
            var end = index + terminator
            // More terminators and closing quotes or brackets.
            while end < count {
                let b = bytes[end]
                if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == UInt8(ascii: "\"")
                    || b == UInt8(ascii: "'") || b == UInt8(ascii: ")") || b == UInt8(ascii: "]") {
                    end += 1
                } else if b == 0xC2, end + 1 < count, bytes[end + 1] == 0xBB {
                    end += 2  // »
                } else if b == 0xE2, end + 2 < count, bytes[end + 1] == 0x80,
                          [0x99, 0x9C, 0x9D, 0xA6].contains(bytes[end + 2]) {
                    end += 3  // ’ “ ” …
                } else {
                    break
                }
            }
            guard end < count, Self.isSpace(bytes, end) else { index = end; continue }
            var next = end
            while next < count, Self.isSpace(bytes, next) { next += Self.spaceWidth(bytes, next) }
            guard next < count, Self.opensSentence(bytes, next) else { index = end; continue }
            if byte == UInt8(ascii: "."), end == mark + 1, isAbbreviation(bytes, before: mark, german: german) {
                index = end
                continue
            }
            close(end)
            start = end
            index = next
        }
        close(count)
        return result
    }

    /// Whether the word before a full stop is an initial, a listed abbreviation or (German) an ordinal.
    func isAbbreviation(_ bytes: [UInt8], before mark: Int, german: Bool) -> Bool {
        var wordStart = mark
        while wordStart > 0 {
            let b = bytes[wordStart - 1]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == UInt8(ascii: "(") || b == UInt8(ascii: "\"") || b == 0xA0 || b == 0xAB { break }
            wordStart -= 1
        }
        guard wordStart < mark else { return false }
        let word = bytes[wordStart..<mark]
        if german, word.allSatisfy({ ByteClass.isDigit($0) }) { return true }
        // A single capital: an initial (`J.`, `M.`, `Κ.`). A single small letter is an
        // abbreviation only when listed (`κ.`, `г.`), so French `10 h.` can end a sentence.
        let scalars = word.filter { $0 & 0xC0 != 0x80 }.count
        if scalars == 1, Anchors.isUpperScalar(Anchors.decode(Array(word), 0).0) { return true }
        guard word.count <= maximumAbbreviationLength else { return false }
        let lower = Array(String(decoding: word, as: UTF8.self).lowercased().utf8)
        return abbreviations.contains(lower)
    }

    static func isSpace(_ bytes: [UInt8], _ index: Int) -> Bool {
        let b = bytes[index]
        if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { return true }
        return b == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xA0
    }

    static func spaceWidth(_ bytes: [UInt8], _ index: Int) -> Int { bytes[index] == 0xC2 ? 2 : 1 }

    /// A capital, a digit, an opening quote, bracket or dash.
    static func opensSentence(_ bytes: [UInt8], _ index: Int) -> Bool {
        let (scalar, _) = Anchors.decode(bytes, index)
        let value = scalar.value
        if value >= 0x30 && value <= 0x39 { return true }
        switch value {
        case 0x22, 0x27, 0x28, 0x5B, 0xAB, 0x2018, 0x201C, 0x201E, 0x2013, 0x2014, 0x2026: return true
        default: break
        }
        return Anchors.isLetter(scalar) && Anchors.isUpperScalar(scalar)
    }
}
