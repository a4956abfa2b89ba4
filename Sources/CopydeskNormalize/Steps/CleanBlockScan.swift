/// One fused pass that proves no step of the normalize stage can change a block, so the stage
/// can skip every step (and every pass) for it.
///
/// The test is conservative: `true` means mojibake repair, invisible characters, whitespace
/// cleanup, typography and NFC would each return no change; `false` only means "run the steps".
/// Eight bytes at a time for printable ASCII, byte by byte around anything else. A block is clean
/// when all of this holds:
///
/// - every byte is printable ASCII (0x20–0x7E) or a line feed, except these multi-byte
///   characters: the curly quotes ‘ ’ “ ”, the en and em dashes, the ellipsis (E2 80 xx), and
///   Latin-1 letters U+00C0…U+00FF (C3 80–BF) other than Â and Ã, followed by ASCII (a Latin-1 letter before anything
///   else could lead a mojibake sequence; Â and Ã, left out, lead the "Â " and "Ã " damaged forms). All of them are
///   NFC and are not spaces, invisible characters or mojibake on their own.
/// - no space or line feed at the start or end, no two spaces in a row, no space next to a line
///   feed, no two line feeds in a row (trailing, leading, multiple spaces, blank lines); no line
///   feed at all when hard wraps are being unwrapped. Tabs and carriage returns send the block to
///   the steps.
/// - typography: no backtick or underscore, no `--` and no `''`; with smart quotes on, no
///   straight quote of either kind. Without smart quotes (and without backticks) a lone `'` or a
///   `"` changes nothing.
enum CleanBlockScan {
    /// Every byte of `x` printable ASCII (0x20…0x7E): no high bit, nothing below 0x20 (exact once
    /// no high bit is set: a borrow only starts at such a byte), no 0x7F (+1 carries into the high bit).
    @inline(__always)
    private static func isPrintable(_ x: UInt64) -> Bool {
        (x | (x &- 0x2020_2020_2020_2020) | (x &+ 0x0101_0101_0101_0101)) & 0x8080_8080_8080_8080 == 0
    }

    /// For a word of printable ASCII: the bytes that make it dirty (high bits), and the spaces and
    /// the hyphens-or-apostrophes in it. A hyphen next to an apostrophe counts as a pair too: that
    /// only sends a few clean blocks to the steps.
    @inline(__always)
    private static func classify(_ x: UInt64, smartQuotes: Bool, spaceBefore: UInt64, punctBefore: UInt64) -> (bad: UInt64, space: UInt64, punct: UInt64) {
        let high: UInt64 = 0x8080_8080_8080_8080
        // With every byte below 0x80, `(t + 0x7F) & 0x80` is set exactly where t != 0.
        @inline(__always) func equal(_ c: UInt64) -> UInt64 {
            ~((x ^ (0x0101_0101_0101_0101 &* c)) &+ 0x7F7F_7F7F_7F7F_7F7F) & high
        }
        let space = equal(0x20)
        let apostrophe = equal(0x27)
        let punct = equal(0x2D) | apostrophe
        var bad = equal(0x60) | equal(0x5F)
        if smartQuotes { bad |= equal(0x22) | apostrophe }
        // Pairs: each byte and the one before it (the byte before the word for byte 0).
        bad |= space & (space << 8 | spaceBefore)
        bad |= punct & (punct << 8 | punctBefore)
        return (bad, space, punct)
    }

    @inline(__always)
    private static func classify(_ x: UInt64, smartQuotes: Bool, previous: UInt8) -> (bad: UInt64, space: UInt64, punct: UInt64) {
        classify(x, smartQuotes: smartQuotes,
                 spaceBefore: previous == 0x20 || previous == 0x0A ? 0x80 : 0,
                 punctBefore: previous == 0x2D || previous == 0x27 ? 0x80 : 0)
    }

    /// Whether no step can change `bytes` (see the type's documentation).
    static func isClean(_ bytes: UnsafeBufferPointer<UInt8>, smartQuotes: Bool, unwrapLines: Bool) -> Bool {
        let count = bytes.count
        guard count > 0, let base = bytes.baseAddress else { return true }
        let last = bytes[count - 1]
        if last == 0x20 || last == 0x0A { return false }
        let raw = UnsafeRawPointer(base)
        // The byte before `i`; a line feed before the start, so a leading space or line feed fails.
        var previous: UInt8 = 0x0A
        var i = 0
        while i < count {
            // Sixteen bytes (two words) at a time, then eight, while they are printable ASCII.
            while i + 16 <= count {
                let x0 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let x1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
                guard isPrintable(x0), isPrintable(x1) else { break }
                let (bad0, space0, punct0) = Self.classify(x0, smartQuotes: smartQuotes, previous: previous)
                let (bad1, _, _) = Self.classify(x1, smartQuotes: smartQuotes, spaceBefore: space0 >> 56, punctBefore: punct0 >> 56)
                if bad0 | bad1 != 0 { return false }
                previous = UInt8(truncatingIfNeeded: x1 >> 56)
                i += 16
            }
            if i + 8 <= count {
                let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if isPrintable(x) {
                    if Self.classify(x, smartQuotes: smartQuotes, previous: previous).bad != 0 { return false }
                    previous = UInt8(truncatingIfNeeded: x >> 56)
                    i += 8
                    continue
                }
            }
            guard i < count else { break }
            let byte = bytes[i]
            switch byte {
            case 0x20:
                if previous == 0x20 || previous == 0x0A { return false }
            case 0x0A:
                if unwrapLines || previous == 0x20 || previous == 0x0A { return false }
            case 0x2D:
                if previous == 0x2D { return false }
            case 0x27:
                if smartQuotes || previous == 0x27 { return false }
            case 0x22:
                if smartQuotes { return false }
            case 0x60, 0x5F:
                return false
            case 0x21...0x7E:
                break
            case 0xE2:
                guard i + 2 < count, bytes[i + 1] == 0x80 else { return false }
                switch bytes[i + 2] {
                case 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0xA6: break
                default: return false
                }
                previous = 0x41  // stands for "a letter or punctuation": pairs with nothing
                i += 3
                continue
            case 0xC3:
                guard i + 1 < count else { return false }
                let second = bytes[i + 1]
                guard second >= 0x80, second <= 0xBF, second != 0x82, second != 0x83 else { return false }  // not Â or Ã
                // ASCII next: a Latin-1 letter before a non-ASCII character could lead a mojibake sequence.
                if i + 2 < count, bytes[i + 2] >= 0x80 { return false }
                previous = 0x41
                i += 2
                continue
            default:
                return false  // controls, tabs, CR, DEL, other non-ASCII
            }
            previous = byte
            i += 1
        }
        return true
    }
}
