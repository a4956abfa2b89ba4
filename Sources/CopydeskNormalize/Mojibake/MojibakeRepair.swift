import CopydeskCore
import CopydeskText

/// Repairs mojibake: UTF-8 text that was decoded as windows-1252 or ISO-8859-1 and re-encoded as
/// UTF-8 ("CafÃ©" for "Café", "â€™" for "’", "ÐœÐ¾Ñ\u{81}ÐºÐ²Ð°" for "Москва").
///
/// The repair works on byte sequences. Each character of the windows-1252/Latin-1 "mojibake
/// alphabet" maps back to one byte (windows-1252 first, Latin-1 for the C1 controls it leaves
/// undefined). A *sequence* is a lead character (Â…ô, bytes C2–F4) followed by exactly the
/// continuation characters (bytes 80–BF) UTF-8 needs; a *chain* is a maximal series of adjacent
/// sequences. A chain is repaired only when
///
/// - its bytes are valid UTF-8 (no overlongs, surrogates or values above U+10FFFF);
/// - every character it decodes to is ordinary for running text: Latin letters actually used by
///   living languages, Greek, Cyrillic, general punctuation, currency and common symbols, emoji.
///   Hebrew, Arabic, Armenian, Indic, Thai, Georgian and CJK results need a chain of at least two
///   characters (or, for 3-byte sequences, a continuation character no real text would put after
///   a letter). Controls, IPA, private use and rare scripts are never produced;
/// - it is not *ambiguous*, or the text holds unambiguous mojibake elsewhere. Ambiguous is a lone
///   sequence whose continuation characters are all punctuation that can follow a word
///   (NBSP » ’ ” “ ‘ – — … · ¹ ² ³ ™ ›), standing after a letter that could end a real word (an
///   uppercase letter for Ã…Þ, any letter for à…ô) and before a non-letter: "«IRMÃ»",
///   "MANIFESTAÇÃ”", "«AVÓ»", "«È COSÌ»" and "l'été\u{A0}»" are real text, while in
///   "Thá»§ tÆ°á»›ng há»— trá»£" the lone "á»—" (ỗ) is repaired because its neighbours are mojibake.
///
/// Double (and deeper) encodings are undone when the whole decoded chain is itself one valid chain
/// ("ÃƒÂ©" → "Ã©" → "é"); a layer that is itself ambiguous ("IRMÃƒÂ»" → "IRMÃ»") is the last one
/// undone unless there is evidence elsewhere.
///
/// A few damaged forms are repaired by rule because they have a single reading:
/// - "Ã" + plain space where the NBSP of "Ã\u{A0}" (à) became a space, when the "Ã" stands alone
///   ("Ã  Paris", "Ã Paris") or ends a lowercase word ("voilÃ ", "cittÃ  è");
/// - "Â" + plain space after a digit or lowercase letter ("10Â km"), restored to NBSP;
/// - "â€" whose third byte (0x9D, undefined in windows-1252) was dropped or became U+FFFD, before
///   a non-letter: "”".
///
/// Edits cover the repaired characters plus any ASCII letters and digits joined to them, so a
/// change reads `mojibake "CafÃ©" repaired to "Café"`.
public enum MojibakeRepair {
    public static let ruleID = "encoding.mojibake"

    /// Changes (rule id "encoding.mojibake") that repair each mojibake run in `text`; offsets are
    /// UTF-8 byte offsets into `text`, edits are sorted and never overlap. Message form:
    /// `mojibake "CafÃ©" repaired to "Café"` (quote just the run, truncated to ~40 chars).
    public static func repairs(in text: String) -> [NormalizationChange] {
        let found: [MojibakeRun]
        if let runs = text.utf8.withContiguousStorageIfAvailable({ MojibakeScanner.runs(in: $0) }) {
            found = runs
        } else {
            found = Array(text.utf8).withUnsafeBufferPointer { MojibakeScanner.runs(in: $0) }
        }
        if found.isEmpty { return [] }
        return found.map { run in
            let replacement = String(decoding: run.replacement, as: UTF8.self)
            let message = "mojibake \"\(quoted(run.original))\" repaired to \"\(quoted(replacement))\""
            return NormalizationChange(ruleID: ruleID, message: message,
                                       edit: TextEdit(range: run.range, replacement: replacement))
        }
    }

    /// Convenience: the text with all repairs applied.
    public static func repaired(_ text: String) -> String {
        let changes = repairs(in: text)
        if changes.isEmpty { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var bytes = text.utf8[...]
        var cursor = 0
        for change in changes {
            out.append(contentsOf: bytes.prefix(change.edit.range.lowerBound - cursor))
            out.append(contentsOf: change.edit.replacement.utf8)
            bytes = bytes.dropFirst(change.edit.range.upperBound - cursor)
            cursor = change.edit.range.upperBound
        }
        out.append(contentsOf: bytes)
        return String(decoding: out, as: UTF8.self)
    }

    private static func quoted(_ s: String) -> String { QuotedText.bounded(s, limit: 40) }
}

/// One repair before widening: the mojibake bytes and what they decode to.
fileprivate struct MojibakeCore {
    var range: Range<Int>
    var bytes: [UInt8]
    /// Could be real text; repaired only when the text has unambiguous mojibake elsewhere.
    var ambiguous = false
    /// What an ambiguous repair becomes without that evidence (nil: left alone).
    var fallback: [UInt8]? = nil
}

/// One edit: the original text and its repaired bytes.
fileprivate struct MojibakeRun {
    var range: Range<Int>
    var original: String
    var replacement: [UInt8]
}

/// A lead character and its continuation characters, read as UTF-8 bytes.
fileprivate struct MojibakeSequence {
    var start: Int
    var end: Int
    var value: UInt32
    var lead: UInt8
    /// Every continuation character is punctuation that can follow a word in real text.
    var allTrailingPunctuation: Bool
    /// Every continuation character is punctuation or a symbol that real text puts near letters.
    var allPunctuation: Bool
}

fileprivate enum MojibakeScanner {
    // MARK: Fast path

    /// Whether the "Ã…ô" character at `j` (bytes C3 82…C3 B4) could start a repair: it must be
    /// followed by a non-ASCII character, except for the damaged forms "Ã " / "Ã" at the end and "Â ".
    @inline(__always)
    static func isCandidate(_ base: UnsafePointer<UInt8>, _ j: Int, _ n: Int) -> Bool {
        guard j + 1 < n else { return false }
        let second = base[j + 1]
        guard second >= 0x82 && second <= 0xB4 else { return false }
        if j + 2 < n && base[j + 2] >= 0x80 { return true }
        // Ã, Â followed by a space or the end.
        return (second == 0x83 || second == 0x82) && (j + 2 == n || base[j + 2] == 0x20)
    }

    /// The offset of the first "Ã…ô" character (bytes C3 82…C3 B4) that could start a repair:
    /// every mojibake sequence starts with one, so text without it has nothing to repair.
    @inline(__always)
    static func firstCandidate(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = p.count
        guard let base = p.baseAddress else { return nil }
        var i = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let pattern: UInt64 = 0xC3C3_C3C3_C3C3_C3C3
        let raw = UnsafeRawPointer(base)
        while i + 16 <= n {
            let a = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ pattern
            let b = raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self) ^ pattern
            let hit = ((a &- ones) & ~a) | ((b &- ones) & ~b)
            if hit & highs != 0 {
                for j in i..<(i + 16) where base[j] == 0xC3 && isCandidate(base, j, n) {
                    return j
                }
            }
            i += 16
        }
        while i < n {
            if base[i] == 0xC3 && isCandidate(base, i, n) { return i }
            i += 1
        }
        return nil
    }

    // MARK: Scan

    static func runs(in p: UnsafeBufferPointer<UInt8>) -> [MojibakeRun] {
        guard let first = firstCandidate(p, from: 0) else { return [] }
        let scanner = MojibakeChainScanner(p: p)
        var cores: [MojibakeCore] = []
        var next: Int? = first
        while let c = next {
            let end = scanner.scanChain(at: c, into: &cores)
            next = firstCandidate(p, from: end)
        }
        return scanner.runs(from: cores)
    }
}

// MARK: - Character tables

fileprivate enum MojibakeResultClass {
    /// Ordinary in running text.
    case common
    /// A letter of a script whose mojibake needs more evidence than one character.
    case needsCompany
    /// A combining mark: needs a letter before it.
    case combining
    case rejected
}

/// Byte tables and character tests used by the scanner.
fileprivate enum MojibakeText {
    /// The windows-1252 (or, where it is undefined, Latin-1) byte of a character, or -1.
    @inline(__always)
    static func mojibakeByte(_ v: UInt32) -> Int {
        if v < 0x100 { return Int(v) }
        switch v {
        case 0x20AC: return 0x80
        case 0x201A: return 0x82
        case 0x0192: return 0x83
        case 0x201E: return 0x84
        case 0x2026: return 0x85
        case 0x2020: return 0x86
        case 0x2021: return 0x87
        case 0x02C6: return 0x88
        case 0x2030: return 0x89
        case 0x0160: return 0x8A
        case 0x2039: return 0x8B
        case 0x0152: return 0x8C
        case 0x017D: return 0x8E
        case 0x2018: return 0x91
        case 0x2019: return 0x92
        case 0x201C: return 0x93
        case 0x201D: return 0x94
        case 0x2022: return 0x95
        case 0x2013: return 0x96
        case 0x2014: return 0x97
        case 0x02DC: return 0x98
        case 0x2122: return 0x99
        case 0x0161: return 0x9A
        case 0x203A: return 0x9B
        case 0x0153: return 0x9C
        case 0x017E: return 0x9E
        case 0x0178: return 0x9F
        default: return -1
        }
    }

    /// Punctuation that real text puts straight after a word: NBSP » ’ ” “ ‘ – — … · ¹ ² ³ ™ ›.
    @inline(__always)
    static func isTrailingPunctuationByte(_ b: Int) -> Bool {
        switch b {
        case 0xA0, 0xBB, 0x92, 0x94, 0x93, 0x91, 0x96, 0x97, 0x85, 0xB7, 0xB9, 0xB2, 0xB3, 0x99, 0x9B: return true
        default: return false
        }
    }

    /// Trailing punctuation plus symbols that real text puts near letters: « ‹ ¡ ¿ • ° ® ©.
    @inline(__always)
    static func isPunctuationByte(_ b: Int) -> Bool {
        switch b {
        case 0xAB, 0x8B, 0xA1, 0xBF, 0x95, 0xB0, 0xAE, 0xA9: return true
        default: return isTrailingPunctuationByte(b)
        }
    }


    /// How plausible a decoded character is in news copy.
    static func resultClass(_ v: UInt32) -> MojibakeResultClass {
        switch v {
        case 0xA0...0x17F: return .common                        // Latin-1, Latin Extended-A
        case 0x18F, 0x192, 0x1A0, 0x1A1, 0x1AF, 0x1B0,                  // Ə, ƒ, Vietnamese Ơ ơ Ư ư
             0x1C4...0x1DC, 0x1E6, 0x1E7, 0x1F4, 0x1F5,          // digraphs, pinyin ǎ…ǜ, Ǧ ǧ, Ǵ ǵ
             0x218...0x21B, 0x259:                               // Romanian Ș ș Ț ț, Azerbaijani ə
            return .common
        case 0x2BB, 0x2BC, 0x2C6, 0x2C7, 0x2D8...0x2DD: return .common // ʻ ʼ ˆ ˇ ˘ ˙ ˚ ˛ ˜ ˝
        case 0x300...0x36F: return .combining
        case 0x384...0x38A, 0x38C, 0x38E...0x3A1, 0x3A3...0x3CE: return .common // Greek
        case 0x400...0x45F, 0x490...0x4FF: return .common        // Cyrillic
        case 0x531...0x556, 0x561...0x587: return .needsCompany  // Armenian
        case 0x5B0...0x5C7, 0x5D0...0x5EA, 0x5F0...0x5F4: return .needsCompany // Hebrew
        case 0x60C...0x6FF: return .needsCompany                 // Arabic
        case 0x900...0xDFF, 0xE01...0xEDF: return .needsCompany  // Indic, Sinhala, Thai, Lao
        case 0x10A0...0x10FF, 0x1100...0x11FF: return .needsCompany // Georgian, Hangul Jamo
        case 0x1E00...0x1EFF: return .common                     // Latin Extended Additional (Vietnamese)
        case 0x2000...0x200D, 0x2010...0x2027, 0x202F...0x205E: return .common // spaces, punctuation
        case 0x2070...0x209C, 0x20A0...0x20C0: return .common    // super/subscripts, currency
        case 0x2100...0x218B, 0x2190...0x23FF, 0x2460...0x27BF, 0x2900...0x2BFF: return .common // symbols
        case 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFFEF:
            return .needsCompany                                 // CJK, kana, Hangul, full-width
        case 0xFE0E, 0xFE0F, 0xFFFD: return .common
        case 0x1F000...0x1FAFF: return .common                   // emoji
        default: return .rejected
        }
    }

    @inline(__always)
    static func scalarProperties(_ v: UInt32) -> Unicode.Scalar.Properties? {
        Unicode.Scalar(v)?.properties
    }

    static func isLetter(_ v: UInt32?) -> Bool {
        guard let v else { return false }
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        return scalarProperties(v)?.isAlphabetic ?? false
    }

    static func isLetterOrDigit(_ v: UInt32?) -> Bool {
        guard let v else { return false }
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || isLetter(v) }
        return isLetter(v) || scalarProperties(v)?.generalCategory == .decimalNumber
    }

    static func isUppercaseLetter(_ v: UInt32?) -> Bool {
        guard let v, isLetter(v) else { return false }
        if v < 0x80 { return v <= 0x5A }
        return scalarProperties(v)?.isUppercase ?? false
    }

    static func isLowercaseLetter(_ v: UInt32?) -> Bool {
        guard let v, isLetter(v) else { return false }
        if v < 0x80 { return v >= 0x61 }
        return scalarProperties(v)?.isLowercase ?? false
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Decodes `bytes` as strict UTF-8 made only of multi-byte sequences; nil if any byte is ASCII
    /// or the bytes are not valid UTF-8.
    static func decodeMultibyteUTF8(_ bytes: [UInt8]) -> [UInt32]? {
        var out: [UInt32] = []
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i]
            guard b0 >= 0xC2 && b0 <= 0xF4 else { return nil }
            let need = b0 < 0xE0 ? 1 : (b0 < 0xF0 ? 2 : 3)
            guard i + need < bytes.count else { return nil }
            var value = UInt32(b0) & (need == 1 ? 0x1F : (need == 2 ? 0x0F : 0x07))
            for k in 1...need {
                let b = bytes[i + k]
                guard b >= 0x80 && b <= 0xBF, secondByteAllowed(lead: b0, b, index: k) else { return nil }
                value = value << 6 | UInt32(b & 0x3F)
            }
            out.append(value)
            i += need + 1
        }
        return out
    }

    @inline(__always)
    static func secondByteAllowed(lead: UInt8, _ b: UInt8, index: Int) -> Bool {
        guard index == 1 else { return true }
        switch lead {
        case 0xE0: return b >= 0xA0
        case 0xED: return b <= 0x9F
        case 0xF0: return b >= 0x90
        case 0xF4: return b <= 0x8F
        default: return true
        }
    }
}

// MARK: - Chain scanner

fileprivate struct MojibakeChainScanner {
    let p: UnsafeBufferPointer<UInt8>
    var n: Int { p.count }

    /// The scalar starting at byte `i` (the text is valid UTF-8) and its length.
    @inline(__always)
    func scalar(at i: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
                    | UInt32(p[i + 3] & 0x3F), 4)
    }

    func scalarValue(at i: Int) -> UInt32? { i < n ? scalar(at: i).value : nil }

    /// The scalar ending just before byte `i`.
    func scalar(before i: Int) -> UInt32? {
        guard i > 0 else { return nil }
        var j = i - 1
        while j > 0 && p[j] & 0xC0 == 0x80 { j -= 1 }
        return scalar(at: j).value
    }

    /// A sequence starting at byte `i`, if the characters there spell one complete UTF-8 character.
    func sequence(at i: Int) -> MojibakeSequence? {
        guard i < n else { return nil }
        let (v0, l0) = scalar(at: i)
        let b0 = MojibakeText.mojibakeByte(v0)
        guard b0 >= 0xC2 && b0 <= 0xF4 else { return nil }
        let lead = UInt8(b0)
        let need = b0 < 0xE0 ? 1 : (b0 < 0xF0 ? 2 : 3)
        var value = UInt32(b0) & (need == 1 ? 0x1F : (need == 2 ? 0x0F : 0x07))
        var j = i + l0
        var trailing = true
        var punctuation = true
        for k in 1...need {
            guard j < n else { return nil }
            let (v, l) = scalar(at: j)
            let b = MojibakeText.mojibakeByte(v)
            guard b >= 0x80 && b <= 0xBF, MojibakeText.secondByteAllowed(lead: lead, UInt8(b), index: k) else { return nil }
            if !MojibakeText.isTrailingPunctuationByte(b) { trailing = false }
            if !MojibakeText.isPunctuationByte(b) { punctuation = false }
            value = value << 6 | UInt32(b & 0x3F)
            j += l
        }
        return MojibakeSequence(start: i, end: j, value: value, lead: lead,
                                allTrailingPunctuation: trailing, allPunctuation: punctuation)
    }

    /// Reads the chain starting at the candidate `c`, appends the accepted repairs, returns where
    /// to resume scanning.
    func scanChain(at c: Int, into cores: inout [MojibakeCore]) -> Int {
        var seqs: [MojibakeSequence] = []
        var q = c
        while let s = sequence(at: q) {
            seqs.append(s)
            q = s.end
        }
        if seqs.isEmpty {
            if let core = damagedForm(at: c) {
                cores.append(core)
                return core.range.upperBound
            }
            return c + 2
        }

        // Deeper encodings: the whole decoded chain is itself a chain.
        var layers: [[UInt32]] = [seqs.map(\.value)]
        var firstAmbiguousLayer = Int.max
        while layers.count < 4 {
            var bytes: [UInt8] = []
            var ok = true
            for v in layers[layers.count - 1] {
                let b = MojibakeText.mojibakeByte(v)
                if b < 0x80 { ok = false; break }
                bytes.append(UInt8(b))
            }
            guard ok, let next = MojibakeText.decodeMultibyteUTF8(bytes) else { break }
            // "IRMÃƒÂ»" is "IRMÃ»" encoded once more: stop where a layer is itself ambiguous.
            if next.count == 1 && firstAmbiguousLayer == Int.max && ambiguous(lead: bytes[0],
                allTrailingPunctuation: bytes.dropFirst().allSatisfy { MojibakeText.isTrailingPunctuationByte(Int($0)) },
                start: c, end: q) {
                firstAmbiguousLayer = layers.count
            }
            layers.append(next)
        }
        if layers.count > 1 {
            func encoded(_ k: Int) -> [UInt8] {
                var bytes: [UInt8] = []
                for v in layers[k] { MojibakeText.appendUTF8(v, to: &bytes) }
                return bytes
            }
            for k in stride(from: layers.count - 1, through: 1, by: -1)
            where plausible(layers[k], before: scalar(before: c)) {
                if k < firstAmbiguousLayer {
                    cores.append(MojibakeCore(range: c..<q, bytes: encoded(k)))
                } else {
                    let safe = firstAmbiguousLayer - 1
                    let fallback = safe >= 0 && plausible(layers[safe], before: scalar(before: c)) ? encoded(safe) : nil
                    cores.append(MojibakeCore(range: c..<q, bytes: encoded(k), ambiguous: true, fallback: fallback))
                }
                return q
            }
        }

        // One layer: accept the plausible stretches of the chain.
        let classes = seqs.map { MojibakeText.resultClass($0.value) }
        var i = 0
        while i < seqs.count {
            if classes[i] == .rejected { i += 1; continue }
            var j = i
            while j < seqs.count && classes[j] != .rejected { j += 1 }
            let verdict = stretchVerdict(seqs[i..<j], classes: classes[i..<j])
            if verdict != .rejected {
                var bytes: [UInt8] = []
                for s in seqs[i..<j] { MojibakeText.appendUTF8(s.value, to: &bytes) }
                cores.append(MojibakeCore(range: seqs[i].start..<seqs[j - 1].end, bytes: bytes,
                                  ambiguous: verdict == .ambiguous))
            }
            i = j
        }
        return q
    }

    /// Every decoded character is ordinary (multi-layer results).
    func plausible(_ values: [UInt32], before: UInt32?) -> Bool {
        var previous = before
        for v in values {
            switch MojibakeText.resultClass(v) {
            case .common: break
            case .needsCompany: if values.count < 2 { return false }
            case .combining: if !MojibakeText.isLetter(previous) { return false }
            case .rejected: return false
            }
            previous = v
        }
        return true
    }

    enum Verdict { case accepted, ambiguous, rejected }

    func stretchVerdict(_ seqs: ArraySlice<MojibakeSequence>, classes: ArraySlice<MojibakeResultClass>) -> Verdict {
        let first = seqs[seqs.startIndex]
        var previous = scalar(before: first.start)
        for (s, cls) in zip(seqs, classes) {
            switch cls {
            case .common: break
            case .needsCompany:
                if seqs.count < 2 && (s.lead < 0xE0 || s.allPunctuation) { return .rejected }
            case .combining:
                if !MojibakeText.isLetter(previous) { return .rejected }
            case .rejected:
                return .rejected
            }
            previous = s.value
        }
        guard seqs.count == 1 else { return .accepted }
        return ambiguous(lead: first.lead, allTrailingPunctuation: first.allTrailingPunctuation,
                         start: first.start, end: first.end) ? .ambiguous : .accepted
    }

    /// A lone sequence of a letter that can end a word plus punctuation that can follow one, at
    /// the end of a word, may be real text: "«IRMÃ»", "MANIFESTAÇÃ”", "l'été\u{A0}»".
    func ambiguous(lead: UInt8, allTrailingPunctuation: Bool, start: Int, end: Int) -> Bool {
        guard allTrailingPunctuation, !MojibakeText.isLetterOrDigit(scalarValue(at: end)) else { return false }
        let before = scalar(before: start)
        if lead < 0xE0 {
            // No word ends in "Â".
            return lead != 0xC2 && MojibakeText.isUppercaseLetter(before)
        }
        return MojibakeText.isLetter(before)
    }

    /// "Ã" + space (à), "Â" + space (NBSP), "â€" with a lost third byte (”).
    func damagedForm(at c: Int) -> MojibakeCore? {
        guard let (range, bytes) = damagedFormRepair(at: c) else { return nil }
        return MojibakeCore(range: range, bytes: bytes)
    }

    func damagedFormRepair(at c: Int) -> (Range<Int>, [UInt8])? {
        let (v0, l0) = scalar(at: c)
        let after = c + l0
        switch v0 {
        case 0xC3: // Ã
            guard after == n || p[after] == 0x20 else { return nil }
            let before = scalar(before: c)
            let agrave: [UInt8] = [0xC3, 0xA0]
            if MojibakeText.isLowercaseLetter(before) {
                // Ends a word: "voilÃ ", "cittÃ  è", "voilÃ , dit-il"; "voilÃ Paris" lost a space.
                if after == n { return (c..<after, agrave) }
                return MojibakeText.isLetterOrDigit(scalarValue(at: after + 1)) ? (c..<after, agrave) : (c..<after + 1, agrave)
            }
            guard after < n, !MojibakeText.isLetterOrDigit(before) else { return nil }
            // Stands alone: "Ã  Paris" (NBSP became a space), "Ã Paris" (and the spaces merged).
            guard let next = scalarValue(at: after + 1) else { return nil }
            if next == 0x20 { return MojibakeText.isLetterOrDigit(scalarValue(at: after + 2)) ? (c..<after + 1, agrave) : nil }
            guard MojibakeText.isLetterOrDigit(next) else { return nil }
            // Portuguese "às", "àquele", "àquela", "àquilo" lost their NBSP inside the word.
            if startsPortugueseContraction(at: after + 1) { return (c..<after + 1, agrave) }
            return (c..<after, agrave)
        case 0xC2: // Â
            guard after + 1 < n, p[after] == 0x20 else { return nil }
            let before = scalar(before: c)
            guard MojibakeText.isLowercaseLetter(before) || (before.map { $0 >= 0x30 && $0 <= 0x39 } ?? false) else { return nil }
            guard p[after + 1] != 0x20 else { return nil }
            return (c..<after + 1, [0xC2, 0xA0])
        case 0xE2: // â
            guard scalarValue(at: after) == 0x20AC else { return nil } // €
            var end = after + 3
            if scalarValue(at: end) == 0xFFFD { end += 3 }
            if let v = scalarValue(at: end), MojibakeText.mojibakeByte(v) >= 0x80 && MojibakeText.mojibakeByte(v) <= 0xBF { return nil }
            guard !MojibakeText.isLetterOrDigit(scalarValue(at: end)) else { return nil }
            return (c..<end, [0xE2, 0x80, 0x9D])
        default:
            return nil
        }
    }

    func startsPortugueseContraction(at i: Int) -> Bool {
        func matches(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count <= n else { return false }
            for k in 0..<w.count where p[i + k] != w[k] { return false }
            return !MojibakeText.isLetter(scalarValue(at: i + w.count))
        }
        return ["s", "quele", "queles", "quela", "quelas", "quilo"].contains(where: matches)
    }

    // MARK: Runs

    /// Widens each repair over joined ASCII letters and digits and merges repairs that touch.
    func runs(from found: [MojibakeCore]) -> [MojibakeRun] {
        // Ambiguous repairs need unambiguous mojibake elsewhere in the text.
        let evidence = found.contains { !$0.ambiguous }
        let cores: [MojibakeCore] = evidence ? found : found.compactMap { core in
            guard core.ambiguous else { return core }
            guard let fallback = core.fallback else { return nil }
            return MojibakeCore(range: core.range, bytes: fallback)
        }
        var runs: [MojibakeRun] = []
        var pending: (range: Range<Int>, bytes: [UInt8])?
        func flush() {
            guard let r = pending else { return }
            let original = String(decoding: UnsafeBufferPointer(rebasing: p[r.range]), as: UTF8.self)
            runs.append(MojibakeRun(range: r.range, original: original, replacement: r.bytes))
            pending = nil
        }
        for core in cores {
            var lo = core.range.lowerBound
            while lo > 0 && MojibakeText.isASCIIAlphanumeric(p[lo - 1]) { lo -= 1 }
            var hi = core.range.upperBound
            while hi < n && MojibakeText.isASCIIAlphanumeric(p[hi]) { hi += 1 }
            if var r = pending, lo <= r.range.upperBound {
                // Joined by ASCII to the previous repair.
                r.bytes.append(contentsOf: p[r.range.upperBound..<core.range.lowerBound])
                r.bytes.append(contentsOf: core.bytes)
                r.bytes.append(contentsOf: p[core.range.upperBound..<hi])
                r.range = r.range.lowerBound..<hi
                pending = r
                continue
            }
            flush()
            var bytes = Array(p[lo..<core.range.lowerBound])
            bytes.append(contentsOf: core.bytes)
            bytes.append(contentsOf: p[core.range.upperBound..<hi])
            pending = (lo..<hi, bytes)
        }
        flush()
        return runs
    }
}
