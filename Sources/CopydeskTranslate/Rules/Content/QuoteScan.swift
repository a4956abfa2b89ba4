/// Quotations and brackets in one block, paired the way any of the desk's languages pairs them:
/// «…» (el, fr, ru, it), “…” (en; el and it inside «»), „…“ (de, ru inside «»), ‚…‘, ‘…’,
/// straight "…", ‹…›. A closing mark closes the innermost open quotation it can close, so the
/// German closing “ and the English opening “ need no language switch. A ’ that closes nothing is
/// an apostrophe (Putin’s).
struct QuoteScan {
    struct Quotation {
        var open: Int
        var openWidth: Int
        var close: Int
        var closeWidth: Int
        var opener: UInt32
        var depth: Int
        /// Words inside, for telling quoted names («Καθημερινή») from quoted speech.
        var content: Range<Int> { (open + openWidth)..<close }
    }

    var quotations: [Quotation] = []
    /// Opening marks never closed, and closing marks that close nothing: (offset, width, mark).
    var unclosed: [(Int, Int, UInt32)] = []
    var stray: [(Int, Int, UInt32)] = []

    var maxDepth: Int { quotations.map(\.depth).max() ?? 0 }

    static let openers: Set<UInt32> = [0xAB, 0x201C, 0x201E, 0x201A, 0x2018, 0x22, 0x2039]
    static let closers: Set<UInt32> = [0xBB, 0x201D, 0x201C, 0x2018, 0x2019, 0x22, 0x203A]

    static func closes(_ opener: UInt32, _ mark: UInt32) -> Bool {
        switch opener {
        case 0xAB: mark == 0xBB
        case 0x201C: mark == 0x201D
        case 0x201E: mark == 0x201C || mark == 0x201D
        case 0x201A: mark == 0x2018 || mark == 0x2019
        case 0x2018: mark == 0x2019
        case 0x22: mark == 0x22
        case 0x2039: mark == 0x203A
        default: false
        }
    }

    init(_ bytes: [UInt8], range: Range<Int>) {
        var stack: [(Int, Int, UInt32)] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let (mark, width) = TextScan.scalar(bytes, i)
            defer { i += width }
            guard Self.openers.contains(mark) || Self.closers.contains(mark) else { continue }
            if let depth = stack.lastIndex(where: { Self.closes($0.2, mark) }) {
                // Close it; anything opened inside and left open is unclosed.
                if mark == 0x2019, depth != stack.count - 1 { continue }  // an apostrophe inside a quotation
                for inner in stack[(depth + 1)...] { unclosed.append(inner) }
                let opener = stack[depth]
                quotations.append(Quotation(open: opener.0, openWidth: opener.1, close: i, closeWidth: width, opener: opener.2, depth: depth + 1))
                stack.removeSubrange(depth...)
                continue
            }
            if mark == 0x2019 { continue }  // apostrophe
            if mark == 0x2018 {
                // ‘ opens only where a word can start: after a space, a dash or another quote.
                if let (before, _) = TextScan.scalar(before: i, bytes), TextScan.isLetter(before) || ByteClass.isDigit(UInt8(truncatingIfNeeded: before)) && before < 0x80 { continue }
            }
            if Self.openers.contains(mark) {
                stack.append((i, width, mark))
            } else {
                stray.append((i, width, mark))
            }
        }
        unclosed += stack
        unclosed.sort { $0.0 < $1.0 }
    }

    /// A quoted name or single word («Καθημερινή», «Газпром», « Nouvelle Démocratie »), which an
    /// English translation often sets without quotes.
    static func isNameLike(_ bytes: [UInt8], _ content: Range<Int>) -> Bool {
        var words = 0
        var i = content.lowerBound
        var allCapitalized = true
        while i < content.upperBound {
            let (scalar, width) = TextScan.scalar(bytes, i)
            if TextScan.isLetter(scalar) {
                let end = TextScan.letterRun(bytes, from: i)
                words += 1
                if !TextScan.isUpper(scalar), end - i > 6 { allCapitalized = false }
                i = end
            } else {
                i += width
            }
            if words > 4 { return false }
        }
        return words <= 1 || allCapitalized
    }

    /// The first words inside, for messages.
    static func snippet(_ bytes: [UInt8], _ range: Range<Int>, limit: Int = 40) -> String {
        let text = String(decoding: bytes[range], as: UTF8.self)
        return text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}

/// Brackets in one block: (…), […], {…}, paired innermost first.
struct BracketScan {
    struct Pair {
        var open: Int
        var close: Int
        var kind: UInt8
        var depth: Int
    }

    var pairs: [Pair] = []
    var unclosed: [(Int, UInt8)] = []
    var stray: [(Int, UInt8)] = []
    var maxDepth: Int { pairs.map(\.depth).max() ?? 0 }

    static func opener(of closer: UInt8) -> UInt8 {
        switch closer {
        case UInt8(ascii: ")"): UInt8(ascii: "(")
        case UInt8(ascii: "]"): UInt8(ascii: "[")
        default: UInt8(ascii: "{")
        }
    }

    init(_ bytes: [UInt8], range: Range<Int>) {
        var stack: [(Int, UInt8)] = []
        for i in range {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                stack.append((i, byte))
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                let wanted = Self.opener(of: byte)
                if let depth = stack.lastIndex(where: { $0.1 == wanted }) {
                    for inner in stack[(depth + 1)...] { unclosed.append(inner) }
                    pairs.append(Pair(open: stack[depth].0, close: i, kind: wanted, depth: depth + 1))
                    stack.removeSubrange(depth...)
                } else if !Self.isListMarker(bytes, i, range) {
                    stray.append((i, byte))
                }
            default: break
            }
        }
        unclosed += stack
        unclosed.sort { $0.0 < $1.0 }
    }

    /// "1)", "a)", "iv)" opening a block or following a space: a list item, not a stray bracket.
    static func isListMarker(_ bytes: [UInt8], _ i: Int, _ range: Range<Int>) -> Bool {
        var k = i
        while k > range.lowerBound, k > i - 4, bytes[k - 1] < 0x80, ByteClass.isDigit(bytes[k - 1]) || (bytes[k - 1] | 0x20) &- 0x61 < 26 { k -= 1 }
        guard k < i else { return false }
        return k == range.lowerBound || bytes[k - 1] == 0x20 || bytes[k - 1] == 0x0A
    }

    static func name(_ kind: UInt8, plural: Bool) -> String {
        switch kind {
        case UInt8(ascii: "("): plural ? "parentheses" : "parenthesis"
        case UInt8(ascii: "["): plural ? "square brackets" : "square bracket"
        default: plural ? "braces" : "brace"
        }
    }
}
