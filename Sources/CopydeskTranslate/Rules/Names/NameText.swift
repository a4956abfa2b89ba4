import CopydeskCore
import CopydeskICU
import Foundation
import Synchronization

/// Byte-level text helpers shared by `translation.names` and `translation.glossary`: words with
/// their case and sentence position, case- and accent-folded keys, the looser spelling key that
/// lets conventional variants of one transliteration meet (Zelenskiy/Zelenskyy/Zelensky,
/// Giannis/Yannis, Ntora/Dora), and edit distance.
enum NameText {
    /// A word of a block: a run of letters, digits and combining marks. Apostrophes and hyphens
    /// split words (`l'Élysée` → `l`, `Élysée`; `Putin's` → `Putin`, `s`; `Jean-Luc` → two words).
    struct Word: Sendable {
        var range: Range<Int>
        /// Letters counted as scalars (marks and digits left out).
        var letters: Int
        var isCapitalized: Bool
        /// Two or more letters, all capitals (`ΣΥΡΙΖΑ`, `НАТО`, `PASOK`).
        var isAllCaps: Bool
        /// First word of a block or of a sentence, or the first word inside a quotation or after
        /// a colon: a capital there says nothing about a name.
        var isInitial: Bool
        /// What stands between this word and the previous one holds only spaces or a hyphen,
        /// so the two can form one name.
        var joinsPrevious: Bool
        /// The previous word ends with a period and is an abbreviation such as `κ.`, `г.`, `M.`.
        var afterAbbreviation: Bool
        var script: Script
        /// Lowercase, accents removed, final sigma as sigma: the key words are compared by.
        var key: [UInt8]
    }

    enum Script: Sendable { case latin, greek, cyrillic, other }

    // MARK: Scalars

    @inline(__always)
    static func scalar(_ bytes: [UInt8], _ index: Int) -> (Unicode.Scalar, Int)? {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        guard lead >= 0xC0 else { return nil }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= bytes.count else { return nil }
        var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[index + k] & 0x3F) }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    static func script(of value: UInt32) -> Script {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: .latin
        case 0x0370...0x03FF, 0x1F00...0x1FFF: .greek
        case 0x0400...0x052F: .cyrillic
        default: .other
        }
    }

    // MARK: Folding

    /// Folded UTF-8 of each scalar in the Latin, Greek and Cyrillic blocks that folding changes,
    /// built once from ICU (lowercase, then NFD with the marks dropped).
    static let foldTable: [UInt32: [UInt8]] = {
        var table: [UInt32: [UInt8]] = [:]
        guard let nfd = try? Normalizer(form: .nfd) else { return table }
        let ranges: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x370...0x3FF, 0x400...0x52F, 0x1E00...0x1FFF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let lower = scalar.properties.lowercaseMapping
                guard let decomposed = try? nfd.normalize(lower) else { continue }
                var folded: [UInt8] = []
                for part in decomposed.unicodeScalars where !(0x300...0x36F).contains(part.value) {
                    folded += Array(String(part).utf8)
                }
                if value == 0x3C2 { folded = Array("σ".utf8) }
                if folded != Array(String(scalar).utf8) { table[value] = folded }
            }
        }
        return table
    }()

    /// Lowercase with accents removed, scalar by scalar (`Μητσοτάκης` → `μητσοτακησ`, `Élysée` →
    /// `elysee`, `Ёлкин` → `елкин`). Combining marks are dropped.
    static func fold(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                out.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
                index += 1
                continue
            }
            guard let (scalar, width) = scalar(bytes, index) else { index += 1; continue }
            if (0x300...0x36F).contains(scalar.value) { index += width; continue }
            if let folded = foldTable[scalar.value] { out += folded } else { out += bytes[index..<(index + width)] }
            index += width
        }
        return out
    }

    static func fold(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        return fold(bytes, 0..<bytes.count)
    }

    /// The folded text of a block with, for each folded byte, where its scalar starts and ends
    /// in the block, so a match in the folded text maps back to the original bytes.
    struct FoldedText {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var ends: [Int] = []

        init(_ source: [UInt8]) {
            bytes.reserveCapacity(source.count)
            var index = 0
            while index < source.count {
                let byte = source[index]
                if byte < 0x80 {
                    bytes.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
                    starts.append(index); ends.append(index + 1)
                    index += 1
                    continue
                }
                guard let (scalar, width) = NameText.scalar(source, index) else {
                    bytes.append(0x20); starts.append(index); ends.append(index + 1)
                    index += 1
                    continue
                }
                let piece: ArraySlice<UInt8>
                if (0x300...0x36F).contains(scalar.value) {
                    piece = []
                } else if let folded = foldTable[scalar.value] {
                    piece = folded[...]
                } else {
                    piece = source[index..<(index + width)]
                }
                for byte in piece { bytes.append(byte); starts.append(index); ends.append(index + width) }
                index += width
            }
        }

        func original(_ range: Range<Int>) -> Range<Int> {
            guard !range.isEmpty else { return starts.indices.contains(range.lowerBound) ? starts[range.lowerBound]..<starts[range.lowerBound] : 0..<0 }
            return starts[range.lowerBound]..<ends[range.upperBound - 1]
        }
    }

    // MARK: Words

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) &- 0x61 < 26 }
        return scalar.properties.isAlphabetic
    }

    /// Words of a block with case, script and sentence position. `abbreviations` are folded
    /// words that a period does not end a sentence after (besides single letters and short
    /// lowercase words such as `κ.`, `г.`, `ул.`).
    static func words(_ bytes: [UInt8], abbreviations: Set<[UInt8]> = []) -> [Word] {
        var words: [Word] = []
        var index = 0
        let count = bytes.count
        // What lies since the previous word: sentence end, colon, opening quote, only spaces/hyphen.
        var initial = true
        var joinable = false
        var sawPunctuation = false
        while index < count {
            guard let (scalar, width) = scalar(bytes, index) else { index += 1; sawPunctuation = true; continue }
            let isWordScalar = isLetter(scalar) || (scalar.value &- 0x30 < 10) || (0x300...0x36F).contains(scalar.value)
            if !isWordScalar {
                switch scalar.value {
                case 0x2E, 0x21, 0x3F, 0x2026, 0x3A, 0x3B, 0x37E:
                    // . ! ? … : — and ';' (the Greek question mark is U+037E, folded to ';' by NFC).
                    let previous = words.last
                    var ends = true
                    if scalar.value == 0x2E, let previous, previous.range.upperBound == index {
                        let key = previous.key
                        if previous.letters == 1 || abbreviations.contains(key) || (previous.letters <= 3 && !previous.isCapitalized) {
                            ends = false
                        }
                    }
                    if scalar.value == 0x3B && previous?.script != .greek { ends = false }
                    if ends { initial = true }
                    sawPunctuation = true
                case 0xAB, 0x201C, 0x201E, 0x22, 0x2018, 0x201A, 0x2039:
                    // Opening (or straight) quotes: a capital right after one starts a quotation.
                    initial = true
                    sawPunctuation = true
                case 0x20, 0xA0, 0x202F, 0x2009:
                    break
                case 0x2D, 0x2010, 0x2011:
                    break
                case 0x2014, 0x2013:
                    // A dash after a closing bracket ends a dateline (`ΗΡΑΚΛΕΙΟ, 14 Μαΐου
                    // (ΑΠΕ-ΜΠΕ) — Σεισμική δόνηση…`): the story's first sentence starts after it.
                    var back = index
                    while back > 0, bytes[back - 1] == 0x20 { back -= 1 }
                    if back > 0, bytes[back - 1] == 0x29 { initial = true }
                    sawPunctuation = true
                default:
                    sawPunctuation = true
                }
                index += width
                continue
            }
            let start = index
            var letters = 0, upper = 0
            var firstUpper = false
            var wordScript: Script = .other
            while index < count, let (scalar, width) = NameText.scalar(bytes, index) {
                let value = scalar.value
                if isLetter(scalar) {
                    if letters == 0 { firstUpper = scalar.properties.isUppercase; wordScript = script(of: value) }
                    letters += 1
                    if scalar.properties.isUppercase { upper += 1 }
                } else if !(value &- 0x30 < 10) && !(0x300...0x36F).contains(value) {
                    break
                }
                index += width
            }
            let range = start..<index
            let key = fold(bytes, range)
            var afterAbbreviation = false
            if let previous = words.last, range.lowerBound >= 2, bytes[previous.range.upperBound] == 0x2E {
                afterAbbreviation = abbreviations.contains(previous.key) || (previous.letters <= 3 && !previous.isCapitalized && previous.script != .latin)
            }
            words.append(Word(range: range, letters: letters, isCapitalized: firstUpper, isAllCaps: letters >= 2 && upper == letters,
                              isInitial: initial, joinsPrevious: joinable && !sawPunctuation && !initial,
                              afterAbbreviation: afterAbbreviation, script: wordScript, key: key))
            initial = false
            joinable = true
            sawPunctuation = false
        }
        return words
    }

    // MARK: Spelling keys

    /// ASCII letters of a transliteration, lowercase, accents and the marks UNGEGN adds
    /// (`Mi̱tsotáki̱s` → `mitsotakis`) removed.
    static func plain(_ text: String) -> [UInt8] {
        fold(text).filter { $0 < 0x80 && ($0 &- 0x61 < 26 || $0 &- 0x30 < 10) }
    }

    /// A looser key over `plain` letters for the spellings English copy uses for one name:
    /// y, j → i; ch, kh → h; ph → f; c → k; ks → x; ou → u; gi before a vowel → i; word-initial
    /// nt → d, mp → b, gk → g; doubled letters once. `Zelenskiy`, `Zelenskyy`, `Zelensky` →
    /// `zelenski`; `Giannis`, `Yannis` → `ianis`; `Ntora`, `Dora` → `dora`.
    static func loose(_ plain: [UInt8]) -> [UInt8] {
        func isVowel(_ byte: UInt8) -> Bool { [0x61, 0x65, 0x69, 0x6F, 0x75, 0x79].contains(byte) }
        var input = plain
        if input.count > 2 {
            let head = (input[0], input[1])
            if head == (0x6E, 0x74) { input.replaceSubrange(0..<2, with: [0x64]) }
            else if head == (0x6D, 0x70) { input.replaceSubrange(0..<2, with: [0x62]) }
            else if head == (0x67, 0x6B) { input.replaceSubrange(0..<2, with: [0x67]) }
        }
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            var byte = input[i]
            let next: UInt8 = i + 1 < input.count ? input[i + 1] : 0
            switch byte {
            case 0x79, 0x6A: byte = 0x69
            case 0x63 where next == 0x68: byte = 0x68; i += 1
            case 0x6B where next == 0x68: byte = 0x68; i += 1
            case 0x70 where next == 0x68: byte = 0x66; i += 1
            case 0x6B where next == 0x73: byte = 0x78; i += 1
            case 0x63: byte = 0x6B
            case 0x6F where next == 0x75: byte = 0x75; i += 1
            case 0x67 where next == 0x69 && i + 2 < input.count && isVowel(input[i + 2]): byte = 0x69; i += 1
            default: break
            }
            if out.last != byte { out.append(byte) }
            i += 1
        }
        return out
    }

    /// Levenshtein distance, stopping early once it must exceed `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var best = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                best = min(best, current[j])
            }
            if best > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// How far apart two loose keys may be and still be one name spelt differently.
    static func tolerance(_ length: Int) -> Int { length <= 5 ? 1 : length <= 9 ? 2 : 3 }

    /// `mitsotakis` → `Mitsotakis`.
    static func capitalized(_ plain: [UInt8]) -> String {
        guard let first = plain.first else { return "" }
        return String(decoding: [first &- 0x61 < 26 ? first & ~0x20 : first] + plain.dropFirst(), as: UTF8.self)
    }
}

/// An ICU transliterator opened on first use (10–15 ms cold), shared by the stories a rule checks.
final class LazyTransliterator: Sendable {
    let id: String?
    private let opened = Mutex<Transliterator??>(nil)

    init(id: String?) { self.id = id }

    /// The text in Latin letters; the text itself when the profile names no transform (both
    /// languages in one script) or ICU does not know it.
    func callAsFunction(_ text: String) -> String {
        guard let id else { return text }
        let transliterator: Transliterator? = opened.withLock { cached in
            if let cached { return cached }
            let made = try? Transliterator(id: id)
            cached = .some(made)
            return made
        }
        return transliterator?.transliterate(text) ?? text
    }
}

/// Per-language facts the name check needs, from `StyleRules/translation/names/<language>.yml`
/// beside the profile: `endings` (case endings dropped to find a name's stem), `latin-endings`
/// (what may follow the transliterated stem in the translation), `not-names` (capitalised words
/// that are no names: function words at sentence start, months, days, titles; `*` ends a prefix)
/// `abbreviations` (words a period does not end a sentence after), `native-endings`, and
/// `institution-heads` (common nouns that open an institution's or a place's translated name).
struct NameLanguageData: Sendable {
    var endings: [[UInt8]] = []
    var latinEndings: [[UInt8]] = [[]]
    var notNames = WordSet()
    var abbreviations: Set<[UInt8]> = []
    /// Endings of the language's own surnames (`-ης`, `-ов`): names without one are taken for
    /// foreign names, whose English spelling the transliteration cannot predict.
    var nativeEndings: [[UInt8]] = []
    /// Common nouns that open a name translators translate rather than transliterate
    /// (`Ένωση Λιμενεργατών` → "Dockworkers' Union", `Союз журналистов`, `Mer Méditerranée`).
    var institutionHeads = WordSet()

    static func load(for profile: TranslationProfile) throws -> NameLanguageData {
        guard let language = profile.sourceLanguage.map(TranslationProfileLoader.primary), let path = profile.path else { return NameLanguageData() }
        let file = (path as NSString).deletingLastPathComponent + "/names/\(language).yml"
        guard FileManager.default.fileExists(atPath: file) else { return NameLanguageData() }
        let yaml = try YAMLFile(path: file)
        guard case .map(let top) = yaml.root else {
            throw CopydeskError.configuration(file: file, message: "a names file must be a mapping (endings, latin-endings, not-names, abbreviations)")
        }
        let known = ["description", "endings", "latin-endings", "not-names", "abbreviations", "native-endings", "institution-heads"]
        for key in top.keys.sorted() where !known.contains(key) {
            throw yaml.error(at: key, "unknown key '\(key)' (known: \(known.sorted().joined(separator: ", ")))")
        }
        func list(_ key: String) throws -> [String] {
            guard let value = top[key] else { return [] }
            guard case .list(let items) = value else { throw yaml.error(at: key, "'\(key)' must be a list of words") }
            return try items.map {
                guard case .string(let word) = $0 else { throw yaml.error(at: key, "'\(key)' must hold words, not \($0.displayText)") }
                return word
            }
        }
        var data = NameLanguageData()
        // Longest first, so `-ους` is tried before `-ου`.
        data.endings = try list("endings").map { NameText.fold($0) }.sorted { $0.count > $1.count }
        data.latinEndings = [[]] + (try list("latin-endings").map { NameText.plain($0) }).filter { !$0.isEmpty }
        data.notNames = WordSet(try list("not-names"))
        data.abbreviations = Set(try list("abbreviations").map { NameText.fold($0) })
        data.nativeEndings = try list("native-endings").map { NameText.fold($0) }
        data.institutionHeads = WordSet(try list("institution-heads"))
        return data
    }

    /// The word without its case ending, keeping at least three letters.
    func stem(_ key: [UInt8]) -> [UInt8] {
        for ending in endings where key.count > ending.count && key.suffix(ending.count).elementsEqual(ending)
            && scalarCount(key) - scalarCount(ending) >= 3 {
            return Array(key.dropLast(ending.count))
        }
        return key
    }

    private func scalarCount(_ bytes: [UInt8]) -> Int { bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
}

/// Folded words and `prefix*` patterns, looked up by hashing (one probe per prefix length).
struct WordSet: Sendable {
    var exact: Set<[UInt8]> = []
    var prefixes: Set<[UInt8]> = []
    var prefixLengths: [Int] = []

    init(_ words: [String] = []) {
        for word in words {
            if word.hasSuffix("*") {
                prefixes.insert(NameText.fold(String(word.dropLast())))
            } else {
                exact.insert(NameText.fold(word))
            }
        }
        prefixLengths = Set(prefixes.map(\.count)).sorted()
    }

    func contains(_ key: [UInt8]) -> Bool {
        if exact.contains(key) { return true }
        for length in prefixLengths where length <= key.count {
            if prefixes.contains(Array(key.prefix(length))) { return true }
        }
        return false
    }
}
