/// Byte-level helpers shared by the attribution rules: quotation marks, quoted passages and the
/// words that mark an attribution. Grammatical facts only; word lists come from the style.
enum AttributionText {
    /// False when the story says it is in a language other than English (the rules are for English copy).
    static func isEnglish(_ document: LintDocument) -> Bool {
        guard let language = document.metadata.language?.lowercased(), !language.isEmpty else { return true }
        return language.hasPrefix("en")
    }

    enum Mark: Equatable { case open, close }

    /// A quoted passage in one paragraph: from its opening mark to its closing mark (or to the end
    /// of the paragraph when it runs on into the next one, the multi-paragraph convention).
    struct Passage {
        /// Where the opening mark starts (or 0 for a passage that opened in an earlier paragraph).
        var open: Int
        /// The quoted text, without the marks.
        var content: Range<Int>
        /// Where the closing mark starts; nil when the passage runs to the end of the paragraph.
        var close: Int?
        var hasOpeningMark: Bool
    }

    /// The quotation mark at `i`, if any, with its byte width: “ ” « » „ and straight `"`, plus the
    /// ANPA stand-ins ``` `` ``` and `''`. A straight quote opens after a space, an opening bracket or a
    /// dash (or at the start) and closes otherwise.
    @inline(__always)
    static func mark(_ bytes: [UInt8], _ i: Int) -> (Mark, Int)? {
        // Most bytes start no mark: only " ` ' and the lead bytes of “ ” „ « ».
        let byte = bytes[i]
        guard byte == 0x22 || byte == 0x60 || byte == 0x27 || byte == 0xE2 || byte == 0xC2 else { return nil }
        return markAt(bytes, i)
    }

    private static func markAt(_ bytes: [UInt8], _ i: Int) -> (Mark, Int)? {
        let byte = bytes[i]
        let count = bytes.count
        if byte == UInt8(ascii: "\"") {
            return (opensHere(bytes, i) ? .open : .close, 1)
        }
        if byte == UInt8(ascii: "`"), i + 1 < count, bytes[i + 1] == UInt8(ascii: "`") { return (.open, 2) }
        if byte == UInt8(ascii: "'"), i + 1 < count, bytes[i + 1] == UInt8(ascii: "'") { return (.close, 2) }
        if byte == 0xE2, i + 2 < count, bytes[i + 1] == 0x80 {
            switch bytes[i + 2] {
            case 0x9C, 0x9E: return (.open, 3)     // “ „
            case 0x9D: return (.close, 3)          // ”
            default: return nil
            }
        }
        if byte == 0xC2, i + 1 < count {
            if bytes[i + 1] == 0xAB { return (.open, 2) }   // «
            if bytes[i + 1] == 0xBB { return (.close, 2) }  // »
        }
        return nil
    }

    private static func opensHere(_ bytes: [UInt8], _ i: Int) -> Bool {
        guard i > 0 else { return true }
        let before = bytes[i - 1]
        if before == 0x20 || before == 0x0A || before == 0x09 || before == UInt8(ascii: "(") || before == UInt8(ascii: "[")
            || before == UInt8(ascii: "-") || before == UInt8(ascii: "/") { return true }
        // After an em or en dash, or a no-break space.
        if i >= 3, bytes[i - 3] == 0xE2, bytes[i - 2] == 0x80, bytes[i - 1] == 0x94 || bytes[i - 1] == 0x93 { return true }
        if i >= 2, bytes[i - 2] == 0xC2, bytes[i - 1] == 0xA0 { return true }
        return false
    }

    /// The quoted passages of a paragraph, in order. Quotes inside quotes (single marks) are not
    /// passages of their own.
    static func passages(_ bytes: [UInt8]) -> [Passage] {
        var result: [Passage] = []
        var openAt: Int?
        var contentStart = 0
        var i = 0
        while i < bytes.count {
            // Only a few bytes can start a mark: jump to the next of them.
            i = ByteScan.nextQuoteLead(bytes, from: i)
            guard i < bytes.count else { break }
            guard let (mark, width) = mark(bytes, i) else { i += 1; continue }
            switch mark {
            case .open:
                if let start = openAt {
                    // Opened again without closing: treat the first one as closed here.
                    result.append(Passage(open: start, content: contentStart..<i, close: nil, hasOpeningMark: true))
                }
                openAt = i
                contentStart = i + width
            case .close:
                if let start = openAt {
                    result.append(Passage(open: start, content: contentStart..<i, close: i, hasOpeningMark: true))
                    openAt = nil
                } else if result.isEmpty {
                    // Closes a passage that opened in an earlier paragraph.
                    result.append(Passage(open: 0, content: 0..<i, close: i, hasOpeningMark: false))
                }
            }
            i += width
        }
        if let start = openAt {
            result.append(Passage(open: start, content: contentStart..<bytes.count, close: nil, hasOpeningMark: true))
        }
        return result
    }

    /// Words of a range (indexes into `words`).
    static func words(in range: Range<Int>, _ words: [LintDocument.Word]) -> ArraySlice<LintDocument.Word> {
        let first = words.firstIndex { $0.range.lowerBound >= range.lowerBound } ?? words.count
        var last = first
        while last < words.count, words[last].range.upperBound <= range.upperBound { last += 1 }
        return words[first..<last]
    }

    /// A direct quote, not a scare quote or a title: a passage of six words or more, or a whole
    /// quoted sentence (a capital first word, three words or more, ending with . ? ! or a comma
    /// before the closing mark). A passage in title case ("Gone With the Wind") is a title.
    static func isDirectQuote(_ passage: Passage, _ bytes: [UInt8], _ words: [LintDocument.Word]) -> Bool {
        let inner = Self.words(in: passage.content, words)
        guard inner.count >= 3 else { return false }
        // Title case: most longer words capitalized.
        let long = inner.filter { $0.range.count >= 4 }
        if !long.isEmpty, long.filter(\.isCapitalized).count * 10 >= long.count * 7 { return false }
        if inner.count >= 6 { return true }
        guard let first = inner.first, first.isCapitalized else { return false }
        var end = passage.content.upperBound
        while end > passage.content.lowerBound, bytes[end - 1] == 0x20 { end -= 1 }
        guard end > passage.content.lowerBound else { return false }
        let last = bytes[end - 1]
        return last == UInt8(ascii: ".") || last == UInt8(ascii: "?") || last == UInt8(ascii: "!") || last == UInt8(ascii: ",")
    }

    /// Lowercased ASCII text of a word (non-ASCII bytes kept as they are).
    static func lower(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        var folded = [UInt8]()
        folded.reserveCapacity(range.count)
        for i in range { folded.append(PhraseMatcher.fold(bytes[i])) }
        return String(decoding: folded, as: UTF8.self)
    }

    static let pronouns: Set<String> = ["he", "she", "they", "we", "i"]

    /// "he", "he's", "they’d" → "he", "he", "they".
    static func pronounBase(_ bytes: [UInt8], _ range: Range<Int>) -> String? {
        var end = range.lowerBound
        while end < range.upperBound, bytes[end] != UInt8(ascii: "'"), bytes[end] != 0xE2 { end += 1 }
        let base = lower(bytes, range.lowerBound..<end)
        return pronouns.contains(base) ? base : nil
    }

    static let beForms: Set<String> = ["be", "is", "was", "were", "are", "been", "being", "am", "'s"]

    /// Auxiliaries of the perfect and of modality, which may stand between a speaker and the verb.
    static let auxiliaries: Set<String> = ["has", "have", "had", "'ve", "'d", "will", "would", "could", "should", "might", "may",
                                           "must", "can", "did", "does", "do"]

    /// Subject pronouns that may open a reported clause; "it" and "you" are objects too.
    static let clausePronouns: Set<String> = ["he", "she", "they", "we", "i", "it", "you"]

    /// Prepositions that start a phrase, not a reported clause ("admitted to hospital").
    static let prepositions: Set<String> = ["to", "in", "on", "at", "by", "for", "from", "into", "with", "of", "over", "under",
                                            "about", "against", "through", "onto", "upon", "off"]

    /// "he", "it's", "they’d" → "he", "it", "they", for any subject pronoun.
    static func subjectPronoun(_ bytes: [UInt8], _ range: Range<Int>) -> String? {
        var end = range.lowerBound
        while end < range.upperBound, bytes[end] != UInt8(ascii: "'"), bytes[end] != 0xE2 { end += 1 }
        let base = lower(bytes, range.lowerBound..<end)
        return clausePronouns.contains(base) ? base : nil
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 }
}
