import CopydeskICU
import Synchronization

/// Tokens that survive translation, so they tie a paragraph to its translation.
///
/// - Strong anchors: numbers (significant digits only, so `1.200,5` and `1,200.5` agree, and so
///   do `1.800` and a mistranslated `18,000`), acronyms and
///   letters-with-digits (`NATO`, `G20`), compared exactly.
/// - Weak anchors: capitalised words that do not open a sentence (names), compared by a
///   consonant skeleton (`Mitsotakis`, `Mītsotákī` → `mts`) that survives inflection, accents and
///   transliteration differences (`Erntogan`/`Erdogan`, `Makron`/`Macron`). Names repeat across a
///   story, so they weigh less than numbers.
///
/// Text in a non-Latin script (Greek, Cyrillic…) is first spelled in Latin letters with the
/// profile's transliteration (see `Transliterators`), so its names meet the translation's.
struct AnchorSet: Sendable, Hashable {
    var strong: [String] = []
    var weak: [String] = []
    /// Long lower-case words by a four-consonant skeleton (`gouvernement`/`government` → `gvrn`):
    /// cognates tie French, German or Spanish to English. Empty for transliterated text.
    var cognates: [String] = []

    var isEmpty: Bool { strong.isEmpty && weak.isEmpty }
}

enum Anchors {
    /// Anchors of a block's text; `transliteration` is used only when the text has letters of a
    /// non-Latin script (nil: the text is read as it is).
    static func of(_ bytes: [UInt8], transliteration: String? = nil) -> AnchorSet {
        if let transliteration, hasNonLatinLetters(bytes), let transliterator = Transliterators.shared(transliteration) {
            let latin = transliterator.transliterate(String(decoding: bytes, as: UTF8.self))
            var set = scan(Array(latin.utf8))
            set.cognates = []
            return set
        }
        return scan(bytes)
    }

    /// Whether the bytes hold Greek (U+0370–03FF, U+1F00–1FFF) or Cyrillic (U+0400–052F) letters.
    static func hasNonLatinLetters(_ bytes: [UInt8]) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0xCD && byte <= 0xD4 { return true }
            if byte == 0xE1, index + 1 < count, bytes[index + 1] >= 0xBC, bytes[index + 1] <= 0xBF { return true }
            index += 1
        }
        return false
    }

    /// Latin-script scan: numbers, acronyms, names.
    static func scan(_ bytes: [UInt8]) -> AnchorSet {
        var set = AnchorSet()
        var index = 0
        let count = bytes.count
        var sentenceStart = true
        while index < count {
            let byte = bytes[index]
            if ByteClass.isDigit(byte) {
                let (anchor, end) = number(bytes, from: index)
                set.strong.append("#" + digitShape(anchor))
                index = end
                sentenceStart = false
                continue
            }
            let (scalar, width) = decode(bytes, index)
            if isLetter(scalar) {
                // A word: letters, digits, apostrophes inside.
                let start = index
                var upper = 0, letters = 0, hasDigit = false
                var firstUpper = false
                var end = index
                while end < count {
                    let (s, w) = decode(bytes, end)
                    if isLetter(s) {
                        if isUpperScalar(s) { upper += 1; if letters == 0 { firstUpper = true } }
                        letters += 1
                    } else if s.value >= 0x30 && s.value <= 0x39 {
                        hasDigit = true
                    } else {
                        break
                    }
                    end += w
                }
                let word = Array(bytes[start..<end])
                if hasDigit, letters > 0, upper > 0 {
                    set.strong.append("=" + String(decoding: word, as: UTF8.self).uppercased())
                } else if letters >= 2, upper == letters {
                    set.strong.append("=" + asciiFold(word).uppercased())
                } else if firstUpper, letters >= 4, !sentenceStart, let key = skeleton(word) {
                    set.weak.append("~" + key)
                } else if !firstUpper, upper == 0, letters >= 6, let key = skeleton(word, consonants: 4), key.utf8.count == 4 {
                    set.cognates.append(key)
                }
                sentenceStart = false
                index = end
                continue
            }
            switch scalar.value {
            case 0x2E, 0x21, 0x3F, 0x3B, 0x3A, 0x22, 0x27, 0x28, 0xAB, 0xBB, 0x2018, 0x201C, 0x201E, 0x2013, 0x2014, 0x037E, 0x2026:
                sentenceStart = true
            default:
                break
            }
            index += width
        }
        return set
    }

    /// A name's consonant skeleton: ASCII-folded, lower case, vowels and h/w/y dropped, `c`/`q`
    /// read as `k`, `ph` as `f`, `nt`/`mp` (Greek spellings of d/b) as `d`/`b` on both sides,
    /// doubled consonants once; the first three. Nil when fewer than two consonants remain.
    static func skeleton(_ word: [UInt8], consonants: Int = 3) -> String? {
        let letters = Array(asciiFold(word).lowercased().utf8.filter { $0 >= 0x61 && $0 <= 0x7A })
        var out: [UInt8] = []
        var previous: UInt8 = 0
        var index = 0
        while index < letters.count, out.count < consonants {
            var letter = letters[index]
            let next = index + 1 < letters.count ? letters[index + 1] : 0
            if letter == UInt8(ascii: "p"), next == UInt8(ascii: "h") {
                letter = UInt8(ascii: "f")
                index += 1
            } else if letter == UInt8(ascii: "n"), next == UInt8(ascii: "t") {
                letter = UInt8(ascii: "d")
                index += 1
            } else if letter == UInt8(ascii: "m"), next == UInt8(ascii: "p") {
                letter = UInt8(ascii: "b")
                index += 1
            }
            index += 1
            switch letter {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
                 UInt8(ascii: "y"), UInt8(ascii: "h"), UInt8(ascii: "w"):
                continue
            case UInt8(ascii: "c"), UInt8(ascii: "q"): letter = UInt8(ascii: "k")
            default: break
            }
            if letter != previous { out.append(letter) }
            previous = letter
        }
        return out.count >= 2 ? String(decoding: out, as: UTF8.self) : nil
    }

    /// Latin letters with their diacritics removed (`é` → `e`, `ī` → `i`); other letters are dropped.
    static func asciiFold(_ word: [UInt8]) -> String {
        var out = ""
        for scalar in String(decoding: word, as: UTF8.self).unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar); continue }
            out += String(scalar).latinBase
        }
        return out
    }

    /// A number's significant digits (`1800`, `18000`, `1.8` → `18`): the anchor a number and its
    /// mistranslation with a slipped separator or zero still share, so a wrong number does not
    /// pull a paragraph apart from its translation (`translation.numbers` reports it).
    static func digitShape(_ value: String) -> String {
        // Bytes, not Characters: `count` on a Substring walks it, and a figure may be 20,000 digits long.
        let digits = value.utf8.filter { $0 != UInt8(ascii: ".") }
        var start = 0, end = digits.count
        while end - start > 1, digits[start] == UInt8(ascii: "0") { start += 1 }
        while end - start > 1, digits[end - 1] == UInt8(ascii: "0") { end -= 1 }
        return String(decoding: digits[start..<end], as: UTF8.self)
    }

    /// A number's value as digits, read the same whatever the locale: a separator followed by
    /// exactly three digits groups thousands (`1.200`, `1,200`, `1 200` → `1200`), any other is
    /// the decimal point (`1,5`, `1.5` → `1.5`).
    static func number(_ bytes: [UInt8], from start: Int) -> (String, Int) {
        var value: [UInt8] = []
        var index = start
        let count = bytes.count
        while index < count {
            let current = bytes[index]
            if ByteClass.isDigit(current) { value.append(current); index += 1; continue }
            guard current == UInt8(ascii: ".") || current == UInt8(ascii: ",") || current == UInt8(ascii: " "),
                  index + 1 < count, ByteClass.isDigit(bytes[index + 1]) else { break }
            var digits = 0
            while index + 1 + digits < count, ByteClass.isDigit(bytes[index + 1 + digits]) { digits += 1 }
            if digits == 3 {
                index += 1
            } else if current == UInt8(ascii: " ") {
                break
            } else {
                value.append(UInt8(ascii: "."))
                index += 1
                while index < count, ByteClass.isDigit(bytes[index]) { value.append(bytes[index]); index += 1 }
                break
            }
        }
        return (String(decoding: value, as: UTF8.self), index)
    }

    /// Letters and digits, counted as Unicode scalars (spaces, punctuation and symbols left out,
    /// so scripts with and without spacing conventions compare fairly). Non-ASCII scalars count
    /// except U+0080–00BF (NBSP, «, », °…) and U+2000–2BFF (dashes, quotes, ellipsis, symbols).
    static func letterCount(_ bytes: [UInt8]) -> Int {
        letterCount(bytes, 0..<bytes.count)
    }

    static func letterCount(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        var count = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                if ByteClass.isDigit(byte) || isUpper(byte) || isLower(byte) { count += 1 }
            } else if byte & 0xC0 != 0x80 {
                if byte == 0xC2 {
                    // U+0080–00BF: NBSP and Latin-1 punctuation.
                } else if byte == 0xE2, index + 1 < range.upperBound, bytes[index + 1] < 0xB0 {
                    // U+2000–2BFF: general punctuation, symbols, arrows.
                } else {
                    count += 1
                }
            }
            index += 1
        }
        return count
    }

    /// The scalar at a UTF-8 offset and its width (a broken sequence reads as U+FFFD, width 1).
    @inline(__always) static func decode(_ bytes: [UInt8], _ index: Int) -> (Unicode.Scalar, Int) {
        let byte = bytes[index]
        if byte < 0x80 { return (Unicode.Scalar(byte), 1) }
        let count = bytes.count
        var width = 0, value: UInt32 = 0
        if byte & 0xE0 == 0xC0 { width = 2; value = UInt32(byte & 0x1F) }
        else if byte & 0xF0 == 0xE0 { width = 3; value = UInt32(byte & 0x0F) }
        else if byte & 0xF8 == 0xF0 { width = 4; value = UInt32(byte & 0x07) }
        else { return ("\u{FFFD}", 1) }
        guard index + width <= count else { return ("\u{FFFD}", 1) }
        for k in 1..<width {
            let next = bytes[index + k]
            guard next & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(next & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value < 0xC0 { return false }
        if value < 0x250 { return value != 0xD7 && value != 0xF7 }
        // Combining marks (a transliteration's decomposed `ī`) belong to their letter's word.
        if value >= 0x300 && value <= 0x36F { return true }
        return scalar.properties.isAlphabetic
    }

    @inline(__always) static func isUpperScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return scalar.properties.isUppercase
    }

    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
    @inline(__always) static func isLower(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
}

extension String {
    /// Latin letters without their marks (`é` → `e`, `ī` → `i`, `ß` → `ss`); empty for other scalars.
    var latinBase: String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0xC0...0xC5, 0x100, 0x102, 0x104: out += "A"
            case 0xE0...0xE5, 0x101, 0x103, 0x105: out += "a"
            case 0xC7, 0x106, 0x108, 0x10A, 0x10C: out += "C"
            case 0xE7, 0x107, 0x109, 0x10B, 0x10D: out += "c"
            case 0xC8...0xCB, 0x112, 0x114, 0x116, 0x118, 0x11A: out += "E"
            case 0xE8...0xEB, 0x113, 0x115, 0x117, 0x119, 0x11B: out += "e"
            case 0xCC...0xCF, 0x128, 0x12A, 0x12C, 0x12E, 0x130: out += "I"
            case 0xEC...0xEF, 0x129, 0x12B, 0x12D, 0x12F, 0x131: out += "i"
            case 0xD1, 0x143, 0x145, 0x147: out += "N"
            case 0xF1, 0x144, 0x146, 0x148: out += "n"
            case 0xD2...0xD6, 0xD8, 0x14C, 0x14E, 0x150: out += "O"
            case 0xF2...0xF6, 0xF8, 0x14D, 0x14F, 0x151: out += "o"
            case 0xD9...0xDC, 0x168, 0x16A, 0x16C, 0x16E, 0x170, 0x172: out += "U"
            case 0xF9...0xFC, 0x169, 0x16B, 0x16D, 0x16F, 0x171, 0x173: out += "u"
            case 0xDD, 0x176, 0x178: out += "Y"
            case 0xFD, 0xFF, 0x177: out += "y"
            case 0x160, 0x15A, 0x15E: out += "S"
            case 0x161, 0x15B, 0x15F: out += "s"
            case 0x17D, 0x179, 0x17B: out += "Z"
            case 0x17E, 0x17A, 0x17C: out += "z"
            case 0xDF: out += "ss"
            case 0x11E, 0x120, 0x122: out += "G"
            case 0x11F, 0x121, 0x123: out += "g"
            case 0x141: out += "L"
            case 0x142: out += "l"
            case 0x158: out += "R"
            case 0x159: out += "r"
            case 0x164, 0x162: out += "T"
            case 0x165, 0x163: out += "t"
            case 0x10E, 0x110: out += "D"
            case 0x10F, 0x111: out += "d"
            default: break
            }
        }
        return out
    }
}

/// ICU transliterators by transform id, opened once per process and only when a text needs one
/// (opening costs about 10 ms). A transform ICU does not know is remembered as unavailable.
enum Transliterators {
    private static let cache = Mutex<[String: Transliterator?]>([:])

    static func shared(_ id: String) -> Transliterator? {
        if let entry = cache.withLock({ $0[id] }) { return entry }
        let opened = try? Transliterator(id: id)
        return cache.withLock { entries in
            if let existing = entries[id] { return existing }
            entries[id] = opened
            return opened
        }
    }
}
