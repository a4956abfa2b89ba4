
/// Finds the quotation marks of one block and works out what each one does (opens, closes, is an
/// apostrophe or a prime) and which marks pair up. Shared by the quotes rules.
///
/// Straight `"`/`'` and ANPA ``` `` ```/`''` are classified with the normalize stage's typography
/// scanner (the same logic that would convert them), so apostrophes (`don't`, `'90s`, `rock 'n'
/// roll`) and primes (`5'11"`, `a 12" record`) are never taken for quotation marks. Curly and
/// foreign marks are classified by their glyph and the characters around them.
struct QuoteScanner {
    enum Glyph: Equatable {
        case straightDouble, straightSingle
        case anpaOpenDouble, anpaCloseDouble, anpaOpenSingle
        case curlyOpenDouble, curlyCloseDouble, curlyOpenSingle, curlyCloseSingle
        /// Any other quotation mark: « » ‹ › „ ‚ ‟ ‛ 「 」 『 』 〝 〞 〟 ＂ ＇ ｢ ｣.
        case other
    }

    enum Role: Equatable { case open, close, apostrophe, prime, stray }
    enum Level: Equatable { case double, single }

    struct Mark {
        var range: Range<Int>
        var glyph: Glyph
        var scalar: Unicode.Scalar
        var level: Level
        var role: Role
        /// Index (in `marks`) of the mark this one pairs with.
        var partner: Int?
        /// For an opening mark: the level of the quotation it stands in (nil at top level).
        var enclosing: Level?
        /// For an opening mark: index of the opening mark of the quotation it stands in.
        var enclosingIndex: Int?
    }

    let bytes: [UInt8]
    private(set) var marks: [Mark] = []
    /// Opening double marks never closed in the block, outermost first.
    private(set) var unclosedDoubles: [Int] = []
    /// Opening single marks (curly or straight) not closed before their double quotation closes.
    private(set) var unclosedSingles: [Int] = []
    /// Opening single marks still open at the end of the block.
    private(set) var singlesOpenAtEnd: [Int] = []
    /// Closing double marks with no opening mark before them, and stray marks.
    private(set) var unmatchedDoubles: [Int] = []

    init(_ block: LintDocument.Block) {
        bytes = block.bytes
        guard Self.mayContainQuotes(bytes) else { return }
        collect()
        pair()
    }

    /// Fast reject: no `"`, `'`, `` ` `` and no byte that starts a non-ASCII quotation mark.
    static func mayContainQuotes(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            var i = 0
            let count = bytes.count
            while i + 8 <= count {
                let word = ByteScan.load(bytes, i)
                var found = ByteScan.equalBytes(word, 0x22) | ByteScan.equalBytes(word, 0x27) | ByteScan.equalBytes(word, 0x60)
                if word & ByteScan.highs != 0 {
                    found |= ByteScan.equalBytes(word, 0xC2) | ByteScan.equalBytes(word, 0xE2)
                        | ByteScan.equalBytes(word, 0xE3) | ByteScan.equalBytes(word, 0xEF)
                }
                if found != 0 { return true }
                i += 8
            }
            while i < count {
                switch bytes[i] {
                case 0x22, 0x27, 0x60, 0xC2, 0xE2, 0xE3, 0xEF: return true
                default: i += 1
                }
            }
            return false
        }
    }

    // MARK: Collecting

    private static let typography = TypographyOptions(legacyConventions: true, smartQuotes: .english)

    private mutating func collect() {
        var found: [Mark] = []
        bytes.withUnsafeBufferPointer { b in
            // Straight and ANPA marks: what the typography scanner would turn them into (the
            // role only: no change or message is built). In order of position, the last change at
            // a position winning (the lookups below come in increasing order, so a cursor
            // replaces a dictionary).
            var changes: [TypographyMark] = []
            if ByteScan.containsStraightQuote(b) {
                changes = Typography.marks(in: b, options: Self.typography)
                    .filter { $0.ruleID != "typography.legacy-dash" }
                if !changes.indices.dropFirst().allSatisfy({ changes[$0 - 1].range.lowerBound < changes[$0].range.lowerBound }) {
                    var last: [Int: Int] = [:]
                    for (n, change) in changes.enumerated() { last[change.range.lowerBound] = n }
                    changes = last.values.sorted().map { changes[$0] }.sorted { $0.range.lowerBound < $1.range.lowerBound }
                }
            }
            var cursor = 0
            func change(at i: Int) -> (range: Range<Int>, replacement: UInt32, ruleID: String)? {
                while cursor < changes.count, changes[cursor].range.lowerBound < i { cursor += 1 }
                guard cursor < changes.count && changes[cursor].range.lowerBound == i else { return nil }
                let change = changes[cursor]
                return (change.range, Self.singleScalar(change.replacement), change.ruleID)
            }
            let count = b.count
            // Only the bytes that may start a mark are looked at (eight bytes at a time between them).
            var i = ByteScan.nextQuoteMarkLead(b, from: 0)
            while i < count {
                let byte = b[i]
                switch byte {
                case 0x22:  // "
                    let role: Role
                    switch change(at: i)?.replacement {
                    case 0x201C?: role = .open
                    case 0x201D?: role = .close
                    case 0x2033?: role = .prime
                    default: role = .stray
                    }
                    found.append(Mark(range: i..<(i + 1), glyph: .straightDouble, scalar: "\"", level: .double, role: role))
                    i += 1
                case 0x27:  // '
                    if let change = change(at: i) {
                        let range = change.range
                        switch change.replacement {
                        case 0x201D: found.append(Mark(range: range, glyph: .anpaCloseDouble, scalar: "\"", level: .double, role: .close))
                        case 0x2018: found.append(Mark(range: range, glyph: .straightSingle, scalar: "'", level: .single, role: .open))
                        case 0x2019 where change.ruleID == "typography.apostrophe":
                            found.append(Mark(range: range, glyph: .straightSingle, scalar: "'", level: .single, role: .apostrophe))
                        case 0x2019: found.append(Mark(range: range, glyph: .straightSingle, scalar: "'", level: .single, role: .close))
                        case 0x2032, 0x2033: found.append(Mark(range: range, glyph: .straightSingle, scalar: "'", level: .single, role: .prime))
                        default: break
                        }
                        i = max(i + 1, range.upperBound)
                    } else {
                        i += 1
                    }
                case 0x60:  // `
                    if let change = change(at: i) {
                        let range = change.range
                        if change.replacement == 0x201C {
                            found.append(Mark(range: range, glyph: .anpaOpenDouble, scalar: "`", level: .double, role: .open))
                        } else if change.replacement == 0x2018 {
                            found.append(Mark(range: range, glyph: .anpaOpenSingle, scalar: "`", level: .single, role: .open))
                        }
                        i = max(i + 1, range.upperBound)
                    } else {
                        i += 1
                    }
                case 0xC2, 0xE2, 0xE3, 0xEF:
                    let width = Tokenizer.width(byte)
                    if let scalar = Tokenizer.scalar(b, i), let mark = curlyOrForeign(scalar, i..<min(count, i + width)) {
                        found.append(mark)
                    }
                    i += width
                default:
                    i += 1
                }
                if i < count { i = ByteScan.nextQuoteMarkLead(b, from: i) }
            }
        }
        marks = found
    }

    /// The scalar of a one-scalar string, else 0. For the marks typography puts in (“ ” ‘ ’ ′ ″,
    /// none of which has a canonical decomposition), equal scalars mean equal strings.
    private static func singleScalar(_ string: String) -> UInt32 {
        var scalars = string.unicodeScalars.makeIterator()
        guard let first = scalars.next(), scalars.next() == nil else { return 0 }
        return first.value
    }

    /// Where a mark stands: after a space (or opening bracket, dash, opening quote) and before a
    /// word it opens; after a word or punctuation and before a space or punctuation it closes.
    private func position(_ range: Range<Int>) -> (opening: Bool, closing: Bool) {
        let before = classBefore(range.lowerBound)
        let after = classAt(range.upperBound)
        let opening = (before == .space || before == .opener) && (after == .word || after == .opener)
        let closing = (before == .word || before == .punctuation || before == .closer) && (after == .space || after == .punctuation || after == .closer)
        return (opening, closing)
    }

    private enum Neighbour { case space, word, opener, closer, punctuation }

    private func classOf(_ scalar: Unicode.Scalar) -> Neighbour {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0x28, 0x5B, 0x7B, 0x2010...0x2015, 0x2D, 0x201C, 0x2018, 0x201E, 0x201A, 0xAB, 0x2039, 0x300C, 0x300E: return .opener
        case 0x201D, 0x2019, 0xBB, 0x203A, 0x300D, 0x300F, 0x29, 0x5D, 0x7D: return .closer
        default:
            let properties = scalar.properties
            return properties.isAlphabetic || properties.numericType != nil ? .word : .punctuation
        }
    }

    private func classBefore(_ i: Int) -> Neighbour {
        guard i > 0 else { return .space }
        var start = i - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return Tokenizer.scalar(bytes, start).map(classOf) ?? .punctuation
    }

    private func classAt(_ i: Int) -> Neighbour {
        guard i < bytes.count else { return .space }
        return Tokenizer.scalar(bytes, i).map(classOf) ?? .punctuation
    }

    private func curlyOrForeign(_ scalar: Unicode.Scalar, _ range: Range<Int>) -> Mark? {
        func mark(_ glyph: Glyph, _ level: Level, _ role: Role) -> Mark {
            Mark(range: range, glyph: glyph, scalar: scalar, level: level, role: role)
        }
        let (opening, closing) = position(range)
        switch scalar.value {
        case 0x201C:  // “ — a closing mark when it stands where one closes (German „…“, or a typo)
            return mark(.curlyOpenDouble, .double, closing && !opening ? .close : .open)
        case 0x201D:  // ” — an opening mark when it stands where one opens (Swedish ”…”, or a typo)
            return mark(.curlyCloseDouble, .double, opening ? .open : .close)
        case 0x2018:  // ‘ — also a wrong apostrophe in ‘90s, ‘em
            if isElision(after: range.upperBound) { return mark(.curlyOpenSingle, .single, .apostrophe) }
            return mark(.curlyOpenSingle, .single, closing && !opening ? .close : .open)
        case 0x2019:  // ’ — apostrophe inside or before a word (don’t, ’90s), else maybe a closing mark
            return mark(.curlyCloseSingle, .single, closing ? .close : .apostrophe)
        case 0xAB, 0x2039:  // « ‹ (Danish/German »…« reversed: a closing « after a word)
            return mark(.other, scalar.value == 0xAB ? .double : .single, closing && !opening ? .close : .open)
        case 0xBB, 0x203A:  // » ›
            return mark(.other, scalar.value == 0xBB ? .double : .single, opening ? .open : .close)
        case 0x201E, 0x201F, 0x300C, 0x301D, 0xFF62:  // „ ‟ 「 〝 ｢
            return mark(.other, .double, .open)
        case 0x300D, 0x301E, 0x301F, 0xFF63:  // 」 〞 〟 ｣
            return mark(.other, .double, .close)
        case 0x201A:  // ‚ — only where it opens (otherwise a comma look-alike)
            return opening ? mark(.other, .single, .open) : nil
        case 0x201B, 0x300E:  // ‛ 『
            return mark(.other, .single, .open)
        case 0x300F:  // 』
            return mark(.other, .single, .close)
        case 0xFF02:  // ＂
            return mark(.other, .double, opening ? .open : closing ? .close : .stray)
        default:
            return nil
        }
    }

    /// ‘90s, ‘em, ‘tis: an opening single mark used for an apostrophe.
    private func isElision(after j: Int) -> Bool {
        var end = j
        while end < bytes.count, end - j < 6, ByteClass.isDigit(bytes[end]) || (bytes[end] | 0x20 >= 0x61 && bytes[end] | 0x20 <= 0x7A) { end += 1 }
        guard end > j, end - j <= 5, end >= bytes.count || !Tokenizer.isWordByte(bytes, end) || bytes[end] == 0x73 else { return false }
        let word = String(decoding: bytes[j..<end], as: UTF8.self).lowercased()
        if word.count == 2, word.allSatisfy(\.isNumber) { return true }
        if word.count == 3, word.hasSuffix("s"), word.prefix(2).allSatisfy(\.isNumber) { return true }
        return ["em", "n", "tis", "twas", "cause", "cos", "til", "bout", "nuff"].contains(word)
    }

    // MARK: Pairing

    private mutating func pair() {
        var stack: [Int] = []
        for index in marks.indices {
            let mark = marks[index]
            switch (mark.role, mark.level) {
            case (.open, _):
                if let top = stack.last {
                    marks[index].enclosing = marks[top].level
                    marks[index].enclosingIndex = top
                }
                stack.append(index)
            case (.close, .double), (.stray, .double):
                if let k = stack.lastIndex(where: { marks[$0].level == .double }) {
                    for inner in stack[(k + 1)...] { unclosedSingles.append(inner) }
                    marks[index].partner = stack[k]
                    marks[index].role = .close
                    marks[stack[k]].partner = index
                    stack.removeSubrange(k...)
                } else if mark.glyph == .curlyCloseDouble, mark.range.lowerBound > 0, ByteClass.isDigit(bytes[mark.range.lowerBound - 1]) {
                    // a 12” screen: inches typed with a curly mark, not a quotation.
                    marks[index].role = .prime
                } else {
                    unmatchedDoubles.append(index)
                }
            case (.close, .single):
                if let top = stack.last, marks[top].level == .single {
                    marks[index].partner = top
                    marks[top].partner = index
                    stack.removeLast()
                } else {
                    // ’ after a word with no single quotation open: an apostrophe (students’ union).
                    marks[index].role = .apostrophe
                }
            default:
                break
            }
        }
        for index in stack {
            if marks[index].level == .double { unclosedDoubles.append(index) } else { singlesOpenAtEnd.append(index) }
        }
    }

    /// Does the block start (after spaces) with an opening double quotation mark? Such a
    /// paragraph continues a quotation left open by the one before (the wire convention).
    var opensWithDoubleQuote: Bool {
        guard let first = marks.first, first.level == .double, first.role == .open else { return false }
        return bytes[..<first.range.lowerBound].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
}

extension LintDocument.Block {
    /// Blocks whose quotation marks the quotes rules check (not bylines or datelines).
    var hasQuotableText: Bool { kind == .headline || kind == .paragraph || kind == .subhead }
}

/// The style's quotation marks, with English defaults.
struct QuoteMarks: Sendable {
    var primaryOpen = "\u{201C}", primaryClose = "\u{201D}"
    var secondaryOpen = "\u{2018}", secondaryClose = "\u{2019}"

    init(style: Style) {
        if let primary = style.strings("quotes.primary"), primary.count == 2 {
            primaryOpen = primary[0]; primaryClose = primary[1]
        }
        if let secondary = style.strings("quotes.secondary"), secondary.count == 2 {
            secondaryOpen = secondary[0]; secondaryClose = secondary[1]
        }
    }

    var quoteStyle: QuoteStyle {
        QuoteStyle(primaryOpen: primaryOpen, primaryClose: primaryClose, secondaryOpen: secondaryOpen, secondaryClose: secondaryClose)
    }
}
