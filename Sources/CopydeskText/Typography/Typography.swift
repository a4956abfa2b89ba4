import CopydeskCore

/// Typography of one block of text (a paragraph or headline, possibly with hard-wrapped `\n`).
///
/// Two families of change, each reported separately and never by rewriting the text:
/// - legacy ANPA/ASCII conventions (``` `` ```…`''`, `` ` ``, ` _ `, `--`) when
///   `legacyConventions` is on (`typography.legacy-quotes`, `typography.legacy-dash`);
/// - straight `"` and `'` to the locale's quotation marks, apostrophes (always U+2019) and primes
///   (U+2032, U+2033) when `smartQuotes` is set (`typography.smart-quotes`,
///   `typography.apostrophe`, `typography.prime`).
///
/// Works on the UTF-8 bytes in one left-to-right pass; edits are in UTF-8 byte offsets, sorted and
/// non-overlapping.
public enum Typography {
    public static func changes(in text: String, options: TypographyOptions) -> [NormalizationChange] {
        guard options.legacyConventions || options.smartQuotes != nil else { return [] }
        if let result = text.utf8.withContiguousStorageIfAvailable({ scan($0, options) }) {
            return result
        }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { scan($0, options) } ?? []
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ options: TypographyOptions) -> [NormalizationChange] {
        guard containsTrigger(bytes, options) else { return [] }
        var scanner = TypographyScanner(bytes: bytes, options: options)
        scanner.run()
        return scanner.changes
    }

    /// One pass: does the block hold any byte the enabled rules react to?
    private static func containsTrigger(_ bytes: UnsafeBufferPointer<UInt8>, _ options: TypographyOptions) -> Bool {
        let legacy = options.legacyConventions
        let smart = options.smartQuotes != nil
        // Eight bytes at a time: a word without any of the trigger bytes is skipped.
        let count = bytes.count
        var i = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= count {
                let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                var hit = matches(x, .apostrophe)
                if legacy { hit |= matches(x, .backtick) | matches(x, .underscore) | matches(x, .hyphen) }
                if smart { hit |= matches(x, .doubleQuote) }
                if hit != 0 { break }
                i += 8
            }
        }
        for byte in bytes[i...] {
            switch byte {
            case .apostrophe: return true
            case .backtick, .underscore, .hyphen: if legacy { return true }
            case .doubleQuote: if smart { return true }
            default: continue
            }
        }
        return false
    }

    /// High bit of each byte of `x` set exactly where that byte equals `byte`.
    @inline(__always)
    private static func matches(_ x: UInt64, _ byte: UInt8) -> UInt64 {
        let t = x ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return ~(((t & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | t) & 0x8080_8080_8080_8080
    }
}

/// A change `Typography.changes(in:options:)` reports, without its message: where, what it
/// becomes, and which rule. For callers that only need what each mark is (lint's quote scanner).
public struct TypographyMark: Sendable, Equatable {
    public var range: Range<Int>
    public var replacement: String
    public var ruleID: String
}

extension Typography {
    /// The changes `changes(in:options:)` reports for the UTF-8 `bytes`, in the same order, as
    /// `TypographyMark`s: the same scan, but no message strings or changes are built.
    public static func marks(in bytes: UnsafeBufferPointer<UInt8>, options: TypographyOptions) -> [TypographyMark] {
        guard options.legacyConventions || options.smartQuotes != nil, containsTrigger(bytes, options) else { return [] }
        var scanner = TypographyScanner(bytes: bytes, options: options)
        scanner.marks = []
        scanner.runSkipping()
        return scanner.marks ?? []
    }
}

extension TypographyScanner {
    /// `run()`, jumping over the bytes it only steps past (eight at a time): the same handlers are
    /// called at the same offsets.
    mutating func runSkipping() {
        var i = 0
        while i < count {
            i = nextTrigger(from: i)
            guard i < count else { break }
            i = step(at: i)
        }
    }

    /// The first `` ` `` `'` `"` `_` or `-` at or after `start`, or `count`.
    func nextTrigger(from start: Int) -> Int {
        var i = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= count {
                let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let hit = Self.equalBytes(x, .backtick) | Self.equalBytes(x, .apostrophe) | Self.equalBytes(x, .doubleQuote)
                    | Self.equalBytes(x, .underscore) | Self.equalBytes(x, .hyphen)
                if hit != 0 { return i + hit.trailingZeroBitCount / 8 }
                i += 8
            }
        }
        while i < count {
            switch bytes[i] {
            case .backtick, .apostrophe, .doubleQuote, .underscore, .hyphen: return i
            default: i += 1
            }
        }
        return i
    }

    /// High bit of each byte of `x` set exactly where that byte equals `byte`.
    @inline(__always)
    private static func equalBytes(_ x: UInt64, _ byte: UInt8) -> UInt64 {
        let t = x ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return ~(((t & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | t) & 0x8080_8080_8080_8080
    }
}

// MARK: - Bytes and character classes

extension UInt8 {
    fileprivate static let tab: UInt8 = 0x09
    fileprivate static let lineFeed: UInt8 = 0x0A
    fileprivate static let carriageReturn: UInt8 = 0x0D
    fileprivate static let space: UInt8 = 0x20
    fileprivate static let exclamation: UInt8 = 0x21
    fileprivate static let doubleQuote: UInt8 = 0x22
    fileprivate static let apostrophe: UInt8 = 0x27
    fileprivate static let hyphen: UInt8 = 0x2D
    fileprivate static let period: UInt8 = 0x2E
    fileprivate static let lessThan: UInt8 = 0x3C
    fileprivate static let greaterThan: UInt8 = 0x3E
    fileprivate static let at: UInt8 = 0x40
    fileprivate static let underscore: UInt8 = 0x5F
    fileprivate static let backtick: UInt8 = 0x60

    fileprivate var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
    fileprivate var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
    fileprivate var isASCIILowercase: Bool { self >= 0x61 && self <= 0x7A }
    /// Space, tab, line feed, carriage return, vertical tab, form feed.
    fileprivate var isASCIIWhitespace: Bool { self == .space || (self >= 0x09 && self <= 0x0D) }
    /// Ends a run of spaces a dash may absorb: tab or line break.
    fileprivate var isLayoutBreak: Bool { self >= 0x09 && self <= 0x0D }
}

/// What kind of character stands next to a quote or dash.
private enum CharClass: Equatable {
    /// Start or end of the block.
    case boundary
    case whitespace
    case openBracket
    case dash
    case openQuote
    case closeQuote
    case letter
    case digit
    case punctuation

    /// Before a quote mark, these make it an opening mark.
    var opensQuote: Bool {
        switch self {
        case .boundary, .whitespace, .openBracket, .dash, .openQuote: true
        default: false
        }
    }

    var isWordCharacter: Bool { self == .letter || self == .digit }
    var isSpaceOrBoundary: Bool { self == .boundary || self == .whitespace }

    init(scalar u: UInt32) {
        if u < 0x80 {
            let b = UInt8(u)
            if b.isASCIILetter { self = .letter }
            else if b.isASCIIDigit { self = .digit }
            else if b.isASCIIWhitespace { self = .whitespace }
            else {
                switch b {
                case 0x28, 0x5B, 0x7B, 0x3C: self = .openBracket  // ( [ { <
                case .hyphen: self = .dash
                default: self = .punctuation
                }
            }
            return
        }
        switch u {
        case 0x00A0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            self = .whitespace
        case 0x2010...0x2015, 0x2212:
            self = .dash
        // ‘ “ ‚ „ ‛ ‟ « ‹ ¿ ¡ 「 『
        case 0x2018, 0x201A, 0x201B, 0x201C, 0x201E, 0x201F, 0x00AB, 0x2039, 0x00BF, 0x00A1, 0x300C, 0x300E:
            self = .openQuote
        // ’ ” » › 」 』
        case 0x2019, 0x201D, 0x00BB, 0x203A, 0x300D, 0x300F:
            self = .closeQuote
        case 0x00A2...0x00BF, 0x00D7, 0x00F7, 0x2016...0x206F, 0x2190...0x2BFF, 0x3001...0x3003, 0xFF01...0xFF0F:
            self = .punctuation
        default:
            self = .letter
        }
    }
}

private enum QuoteLevel { case primary, secondary }

// MARK: - Scanner

private struct TypographyScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    let legacy: Bool
    let dashStyle: DashStyle
    let smart: QuoteStyle?
    /// Marks legacy ANPA quotes become: the smart-quote style if set, English otherwise.
    let legacyMarks: QuoteStyle

    var changes: [NormalizationChange] = []
    /// Set by `Typography.marks`: each change is recorded here instead, without its message.
    var marks: [TypographyMark]?
    /// Open quotations, innermost last (straight and ANPA quotes this block converted).
    var stack: [QuoteLevel] = []
    /// End offset of the last edit; dashes never absorb spaces before it.
    var consumed = 0
    /// End offset of the last quote mark converted, and whether it opened a quotation.
    var lastQuoteEnd = -1
    var lastQuoteOpened = false
    /// Offset of a `'` already decided to be an apostrophe (the second one of `'n'`).
    var forcedApostrophe = -1

    init(bytes: UnsafeBufferPointer<UInt8>, options: TypographyOptions) {
        self.bytes = bytes
        self.count = bytes.count
        self.legacy = options.legacyConventions
        self.dashStyle = options.dashStyle
        self.smart = options.smartQuotes
        self.legacyMarks = options.smartQuotes ?? .english
    }

    mutating func run() {
        var i = 0
        while i < count { i = step(at: i) }
    }

    /// Handles the byte at `i` (a possible trigger) and returns where to go on.
    @inline(__always) private mutating func step(at i: Int) -> Int {
        switch bytes[i] {
        case .backtick: legacy ? backtick(at: i) : i + 1
        case .apostrophe: apostrophe(at: i)
        case .doubleQuote: smart != nil ? doubleQuote(at: i) : i + 1
        case .underscore: legacy ? underscore(at: i) : i + 1
        case .hyphen: legacy ? hyphens(at: i) : i + 1
        default: i + 1
        }
    }

    // MARK: Emitting

    mutating func emit(_ range: Range<Int>, _ replacement: String, rule: String, message: @autoclosure () -> String) {
        if marks != nil {
            marks!.append(TypographyMark(range: range, replacement: replacement, ruleID: rule))
        } else {
            changes.append(NormalizationChange(
                ruleID: rule, message: message(), edit: TextEdit(range: range, replacement: replacement)
            ))
        }
        consumed = range.upperBound
    }

    /// A quote mark (or pair of ASCII characters standing for one) at `range`.
    mutating func emitQuote(_ range: Range<Int>, _ replacement: String, opens: Bool, rule: String, message: @autoclosure () -> String) {
        emit(range, replacement, rule: rule, message: message())
        lastQuoteEnd = range.upperBound
        lastQuoteOpened = opens
    }

    mutating func emitApostrophe(_ i: Int) {
        emitQuote(i..<(i + 1), "\u{2019}", opens: false,
                  rule: "typography.apostrophe", message: "straight apostrophe ' becomes \u{2019}")
    }

    mutating func emitPrime(_ i: Int, double: Bool) {
        if double {
            emitQuote(i..<(i + 1), "\u{2033}", opens: false,
                      rule: "typography.prime", message: "straight quote \" after a number becomes double prime \u{2033}")
        } else {
            emitQuote(i..<(i + 1), "\u{2032}", opens: false,
                      rule: "typography.prime", message: "straight quote ' after a number becomes prime \u{2032}")
        }
    }

    mutating func open(_ level: QuoteLevel) { stack.append(level) }

    /// Closes the innermost quotation of `level`, dropping any unclosed inner ones.
    mutating func close(_ level: QuoteLevel) {
        if let index = stack.lastIndex(of: level) { stack.removeSubrange(index...) }
    }

    var innermost: QuoteLevel? { stack.last }
    var primaryIsOpen: Bool { stack.contains(.primary) }

    // MARK: Context

    /// The Unicode scalar value starting at byte `i` (replacement value on broken UTF-8).
    func scalar(at i: Int) -> UInt32 {
        let b0 = bytes[i]
        if b0 < 0x80 { return UInt32(b0) }
        var length = 0
        var value: UInt32 = 0
        if b0 & 0xE0 == 0xC0 { length = 2; value = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { length = 3; value = UInt32(b0 & 0x0F) }
        else if b0 & 0xF8 == 0xF0 { length = 4; value = UInt32(b0 & 0x07) }
        else { return 0xFFFD }
        guard i + length <= count else { return 0xFFFD }
        for k in 1..<length {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return 0xFFFD }
            value = value << 6 | UInt32(b & 0x3F)
        }
        return value
    }

    /// The class of the character just before byte `i`.
    func classBefore(_ i: Int) -> CharClass {
        if i == 0 { return .boundary }
        if i == lastQuoteEnd { return lastQuoteOpened ? .openQuote : .closeQuote }
        var start = i - 1
        while start > 0 && i - start < 4 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return CharClass(scalar: scalar(at: start))
    }

    /// The class of the character starting at byte `i`.
    func classAt(_ i: Int) -> CharClass {
        i >= count ? .boundary : CharClass(scalar: scalar(at: i))
    }

    func run(of byte: UInt8, from i: Int) -> Int {
        var j = i
        while j < count && bytes[j] == byte { j += 1 }
        return j - i
    }

    // MARK: Backticks (ANPA opening quotes)

    mutating func backtick(at i: Int) -> Int {
        let legacyMarks = self.legacyMarks  // a local for the lazily built messages (exclusive access to self)
        let length = run(of: .backtick, from: i)
        if length == 2 {
            emitQuote(i..<(i + 2), legacyMarks.primaryOpen, opens: true, rule: "typography.legacy-quotes",
                      message: "ANPA quote `` becomes \(legacyMarks.primaryOpen)")
            open(.primary)
            return i + 2
        }
        // Three or more: a code fence or a rule, not a quote.
        if length != 1 { return i + length }
        // A lone backtick opens a single quote (`hi') when it stands where a quote opens and
        // the block has no other lone backtick (which would make it a code span).
        guard classBefore(i).opensQuote, !classAt(i + 1).isSpaceOrBoundary, !hasLoneBacktick(after: i) else {
            return i + 1
        }
        emitQuote(i..<(i + 1), legacyMarks.secondaryOpen, opens: true, rule: "typography.legacy-quotes",
                  message: "ANPA quote ` becomes \(legacyMarks.secondaryOpen)")
        open(.secondary)
        return i + 1
    }

    func hasLoneBacktick(after i: Int) -> Bool {
        var j = i + 1
        while j < count {
            if bytes[j] == .backtick {
                let length = run(of: .backtick, from: j)
                if length == 1 { return true }
                j += length
            } else {
                j += 1
            }
        }
        return false
    }

    // MARK: Apostrophes, single quotes, ANPA ''

    mutating func apostrophe(at i: Int) -> Int {
        let legacyMarks = self.legacyMarks  // a local for the lazily built messages (exclusive access to self)
        let length = run(of: .apostrophe, from: i)
        if length >= 2 {
            guard legacy else {
                // ANPA '' with legacy conventions off: leave the pair alone rather than guess.
                return i + length
            }
            // `no.''' → ’ then ” when a single quote is open inside the double one.
            if length == 3, innermost == .secondary, !classBefore(i).opensQuote {
                closeSingle(at: i)
                return i + 1
            }
            if legacyDoubleClose(at: i) { return i + 2 }
            if smart == nil { return i + length }
        }
        if smart != nil {
            smartSingle(at: i)
        } else if legacy, innermost == .secondary, !classBefore(i).opensQuote,
                  !(classBefore(i) == .letter && classAt(i + 1) == .letter) {
            // Closes a single quote opened with an ANPA backtick.
            emitQuote(i..<(i + 1), legacyMarks.secondaryClose, opens: false, rule: "typography.legacy-quotes",
                      message: "ANPA quote ' becomes \(legacyMarks.secondaryClose)")
            close(.secondary)
        }
        return i + 1
    }

    /// ANPA `''` at `i`: a closing double quote when a ``` `` ``` is open (and it is not inside a
    /// word), or when it ends a word; after a number with nothing open it is inches.
    mutating func legacyDoubleClose(at i: Int) -> Bool {
        let legacyMarks = self.legacyMarks  // a local for the lazily built messages (exclusive access to self)
        let before = classBefore(i)
        let after = classAt(i + 2)
        let range = i..<(i + 2)
        if primaryIsOpen {
            if before.isWordCharacter && after.isWordCharacter { return false }
        } else {
            if before.opensQuote || after.isWordCharacter { return false }
            if before == .digit {
                emitQuote(range, "\u{2033}", opens: false, rule: "typography.legacy-quotes",
                          message: "ANPA '' after a number becomes double prime \u{2033}")
                return true
            }
        }
        emitQuote(range, legacyMarks.primaryClose, opens: false, rule: "typography.legacy-quotes",
                  message: "ANPA quote '' becomes \(legacyMarks.primaryClose)")
        close(.primary)
        return true
    }

    mutating func closeSingle(at i: Int) {
        let mark = (smart ?? legacyMarks).secondaryClose
        if smart != nil {
            emitQuote(i..<(i + 1), mark, opens: false, rule: "typography.smart-quotes",
                      message: "straight quote ' becomes \(mark)")
        } else {
            emitQuote(i..<(i + 1), mark, opens: false, rule: "typography.legacy-quotes",
                      message: "ANPA quote ' becomes \(mark)")
        }
        close(.secondary)
    }

    mutating func openSingle(at i: Int, style: QuoteStyle) {
        emitQuote(i..<(i + 1), style.secondaryOpen, opens: true, rule: "typography.smart-quotes",
                  message: "straight quote ' becomes \(style.secondaryOpen)")
        open(.secondary)
    }

    /// A straight `'` with smart quotes on: apostrophe, prime, or single quote.
    mutating func smartSingle(at i: Int) {
        guard let style = smart else { return }
        if i == forcedApostrophe { emitApostrophe(i); return }
        let before = classBefore(i)
        let after = classAt(i + 1)

        // Inside a word: don't, it's, Xi's, o'clock, 1990's.
        if before.isWordCharacter && after == .letter { emitApostrophe(i); return }
        if before == .letter && after == .digit { emitApostrophe(i); return }

        // After a number: 5'11", 6' — unless it closes an open single quote.
        if before == .digit {
            if after == .digit || innermost != .secondary { emitPrime(i, double: false) } else { closeSingle(at: i) }
            return
        }

        if before.opensQuote {
            // Nothing on either side: a stray mark, left alone unless it can close a quote.
            if after.isSpaceOrBoundary { return }
            // rock 'n' roll
            if isLetterN(i + 1), i + 2 < count, bytes[i + 2] == .apostrophe, !classAt(i + 3).isWordCharacter {
                emitApostrophe(i)
                forcedApostrophe = i + 2
                return
            }
            // 'em, 'tis, 'cause …
            if isElision(from: i + 1) { emitApostrophe(i); return }
            // The '90s, the '49ers; class of '15 (unless a closing quote follows: '15 percent').
            if after == .digit, i + 2 < count, bytes[i + 2].isASCIIDigit {
                let next = classAt(i + 3)
                if next == .letter || (next != .digit && !hasLaterClosingSingle(from: i + 3)) {
                    emitApostrophe(i)
                    return
                }
            }
            openSingle(at: i, style: style)
            return
        }

        // After a letter, punctuation or closing mark: closes an open single quote, otherwise it
        // is an apostrophe (students' union, goin').
        if innermost == .secondary { closeSingle(at: i) } else { emitApostrophe(i) }
    }

    func isLetterN(_ j: Int) -> Bool { j < count && bytes[j] | 0x20 == 0x6E }

    /// Words that start with an elided letter: 'em, 'n, 'tis, 'twas, 'cause, 'cos, 'til, 'bout, 'nuff.
    func isElision(from j: Int) -> Bool {
        var end = j
        while end < count && bytes[end].isASCIILetter && end - j <= 5 { end += 1 }
        let length = end - j
        guard length >= 1, length <= 5, !classAt(end).isWordCharacter else { return false }
        var word: UInt64 = 0
        for k in j..<end { word = word << 8 | UInt64(bytes[k] | 0x20) }
        return Self.elisions.contains(word)
    }

    static let elisions: Set<UInt64> = {
        var set = Set<UInt64>()
        for w in ["em", "n", "tis", "twas", "cause", "cos", "til", "bout", "nuff"] {
            var v: UInt64 = 0
            for b in w.utf8 { v = v << 8 | UInt64(b) }
            set.insert(v)
        }
        return set
    }()

    /// Is there a later `'` that can only close a quote (after a non-space, not before a letter)?
    func hasLaterClosingSingle(from j: Int) -> Bool {
        var k = j
        while k < count {
            if bytes[k] == .apostrophe, k > 0, !bytes[k - 1].isASCIIWhitespace, !classAt(k + 1).isWordCharacter {
                return true
            }
            k += 1
        }
        return false
    }

    // MARK: Double quotes

    mutating func doubleQuote(at i: Int) -> Int {
        guard let style = smart else { return i + 1 }
        let before = classBefore(i)
        let after = classAt(i + 1)
        let range = i..<(i + 1)

        func closeDouble(_ scanner: inout TypographyScanner) {
            scanner.emitQuote(range, style.primaryClose, opens: false, rule: "typography.smart-quotes",
                              message: "straight quote \" becomes \(style.primaryClose)")
            scanner.close(.primary)
        }

        if before == .digit {
            // 5'11" is always inches; 12" is inches unless it closes an open quote.
            if isFeetAndInches(endingAt: i) || !primaryIsOpen { emitPrime(i, double: true) } else { closeDouble(&self) }
            return i + 1
        }
        // After a colon a mark before a word opens: `said:"No."`.
        let afterColon = i > 0 && bytes[i - 1] == 0x3A && i != lastQuoteEnd && (after.isWordCharacter || after == .openQuote)
        if before.opensQuote || afterColon {
            if after.isSpaceOrBoundary {
                // Stray mark between spaces: closes an open quote, otherwise left alone.
                if primaryIsOpen { closeDouble(&self) }
                return i + 1
            }
            emitQuote(range, style.primaryOpen, opens: true, rule: "typography.smart-quotes",
                      message: "straight quote \" becomes \(style.primaryOpen)")
            open(.primary)
            return i + 1
        }
        closeDouble(&self)
        return i + 1
    }

    /// Digits, a foot mark (`'` or ′), digits, then the `"` at `i`.
    func isFeetAndInches(endingAt i: Int) -> Bool {
        var j = i
        while j > 0 && bytes[j - 1].isASCIIDigit { j -= 1 }
        guard j < i, j > 0 else { return false }
        if bytes[j - 1] == .apostrophe {
            j -= 1
        } else if j >= 3, bytes[j - 3] == 0xE2, bytes[j - 2] == 0x80, bytes[j - 1] == 0xB2 {
            j -= 3
        } else {
            return false
        }
        return j > 0 && bytes[j - 1].isASCIIDigit
    }

    // MARK: Dashes

    /// ANPA ` _ `: an underscore standing alone between spaces (or at a line start before a space).
    mutating func underscore(at i: Int) -> Int {
        let spaceBefore = i == 0 || bytes[i - 1].isASCIIWhitespace
        let spaceAfter = i + 1 == count || bytes[i + 1].isASCIIWhitespace
        guard spaceBefore, spaceAfter else { return i + 1 }
        return dash(i..<(i + 1), message: "ANPA dash _")
    }

    /// `--` (exactly two hyphens) as a dash stand-in.
    mutating func hyphens(at i: Int) -> Int {
        let length = run(of: .hyphen, from: i)
        guard length == 2 else { return i + length }
        let end = i + 2
        // HTML/XML comments.
        if i >= 2 && bytes[i - 1] == .exclamation && bytes[i - 2] == .lessThan { return end }
        if end < count && bytes[end] == .greaterThan { return end }

        var left = i
        while left > 0 && bytes[left - 1] == .space { left -= 1 }
        var right = end
        while right < count && bytes[right] == .space { right += 1 }
        // Table cells: a `--` placeholder set off by runs of spaces (not indentation or trailing
        // spaces) or tabs, or before leader dots.
        let indented = left == 0 || bytes[left - 1].isLayoutBreak
        let trailing = right == count || bytes[right].isLayoutBreak
        if (i - left >= 2 && !indented) || (right - end >= 2 && !trailing) { return end }
        if (i > 0 && bytes[i - 1] == .tab) || (end < count && bytes[end] == .tab) { return end }
        if right < count && bytes[right] == .period { return end }
        // A command-line option: `use --verbose`.
        if i - left == 1 && end < count && bytes[end].isASCIILowercase { return end }
        // Inside a URL or e-mail address: example.com/a--b, first--last@example.com.
        if left == i && right == end && isInURLOrEmail(i) { return end }
        return dash(i..<end, message: "double hyphen --")
    }

    func isInURLOrEmail(_ i: Int) -> Bool {
        var start = i
        while start > 0 && !bytes[start - 1].isASCIIWhitespace { start -= 1 }
        var end = i
        while end < count && !bytes[end].isASCIIWhitespace { end += 1 }
        var k = start
        while k < end {
            let b = bytes[k]
            if b == .at { return true }
            if b == 0x3A && k + 2 < end && bytes[k + 1] == 0x2F && bytes[k + 2] == 0x2F { return true }  // ://
            if b | 0x20 == 0x77 && k + 3 < end && k == start,
               bytes[k + 1] | 0x20 == 0x77, bytes[k + 2] | 0x20 == 0x77, bytes[k + 3] == .period { return true }  // www.
            k += 1
        }
        return false
    }

    /// Replaces the stand-in at `core` and the spaces around it with the house dash.
    mutating func dash(_ core: Range<Int>, message: String) -> Int {
        let dashStyle = self.dashStyle  // a local for the lazily built message (exclusive access to self)
        var left = core.lowerBound
        while left > consumed && bytes[left - 1] == .space { left -= 1 }
        var right = core.upperBound
        while right < count && bytes[right] == .space { right += 1 }
        let atLineStart = left == 0 || bytes[left - 1].isLayoutBreak
        let atLineEnd = right == count || bytes[right].isLayoutBreak
        // A stand-in alone on its line is a separator or a table cell, not a dash.
        if atLineStart && atLineEnd { return core.upperBound }
        // Keep indentation: at a line start only the stand-in and the spaces after it go.
        let start = atLineStart ? core.lowerBound : left
        var replacement = dashStyle.dash
        if dashStyle.isSpaced {
            if !atLineStart { replacement = " " + replacement }
            if !atLineEnd { replacement += " " }
        }
        emit(start..<right, replacement, rule: "typography.legacy-dash",
             message: "\(message) becomes \(dashStyle.dash) (\(dashStyle.rawValue))")
        return right
    }
}
