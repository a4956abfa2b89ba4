import CopydeskCore

/// Byte-level helpers shared by the dashes rules: the style's dash, where a block's text starts
/// after its dateline, AFP-style subheads between dashes, and character classes.
enum DashText {
    static let hyphen: UInt8 = 0x2D
    static let space: UInt8 = 0x20
    static let newline: UInt8 = 0x0A
    static let enDash = "–"
    static let emDash = "—"

    /// A clause dash as a style sets it (`dashes.dash`).
    struct Dash: Sendable {
        /// `—`, `–` or `-`.
        var mark: String
        var spaced: Bool
        /// How the style's messages name it.
        var name: String

        var text: String { spaced ? " \(mark) " : mark }
        var quoted: String { "\"\(text)\"" }
    }

    static func dash(_ style: Style) -> Dash? {
        switch style.string("dashes.dash") {
        case "em-spaced": Dash(mark: emDash, spaced: true, name: "an em dash with a space each side")
        case "em-closed": Dash(mark: emDash, spaced: false, name: "a closed em dash")
        case "en-spaced": Dash(mark: enDash, spaced: true, name: "an en dash with a space each side")
        case "hyphen-spaced": Dash(mark: "-", spaced: true, name: "a hyphen with a space each side")
        default: nil
        }
    }

    /// What the clause-dash rules (double hyphen, spaced hyphen, wrong dash) read from a style.
    struct Settings: Sendable {
        /// The style's dash (`dashes.dash`); nil switches the rule off.
        var dash: Dash?
        /// The style's name, for the messages.
        var styleName: String
        /// The style's `editor-notes` list, to find the dateline after any notes.
        var notes: [String]

        init(_ style: Style) {
            notes = style.list("editor-notes")
            dash = DashText.dash(style)
            styleName = style.name
        }
    }

    /// Blocks whose dashes the rules check: not bylines or datelines of their own.
    static func checked(_ block: LintDocument.Block) -> Bool {
        block.kind == .headline || block.kind == .paragraph || block.kind == .subhead
    }

    /// The dateline that opens the story (`MOSCOW (AP) — `, `BEIJING (Reuters) - `, `(Honolulu) -- `),
    /// as the dateline rules find it: its dash is `dateline.format`'s, so the dashes rules start
    /// after it. `notes` is the style's `editor-notes` list (notes may stand before the dateline).
    struct Skip: Sendable {
        var block = -1
        var end = 0
        func start(_ block: LintDocument.Block) -> Int { block.index == self.block ? end : 0 }
    }

    static func datelineSkip(_ document: LintDocument, notes: [String]) -> Skip {
        if let dateline = DatelineParser.find(in: document, notes: notes) {
            return Skip(block: dateline.block, end: dateline.range.upperBound)
        }
        // A dateline the reader recorded in the metadata, at the start of the first paragraph.
        guard let dateline = document.metadata.dateline, !dateline.isEmpty,
              let block = document.body.first(where: { $0.kind == .paragraph }) else { return Skip() }
        let head = Array(dateline.utf8)
        guard block.bytes.count >= head.count, block.bytes[0..<head.count].elementsEqual(head) else { return Skip() }
        var end = head.count
        while end < block.bytes.count, block.bytes[end] == space { end += 1 }
        return Skip(block: block.index, end: end)
    }

    /// Width of a dash mark at `i`: `-` 1, `–` or `—` 3, otherwise 0.
    static func dashWidth(_ bytes: [UInt8], _ i: Int) -> Int {
        if bytes[i] == hyphen { return 1 }
        return isEnDash(bytes, i) || isEmDash(bytes, i) ? 3 : 0
    }

    static func isEnDash(_ bytes: [UInt8], _ i: Int) -> Bool {
        i + 2 < bytes.count && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x93
    }

    static func isEmDash(_ bytes: [UInt8], _ i: Int) -> Bool {
        i + 2 < bytes.count && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x94
    }


    @inline(__always) static func isLetterOrDigit(_ bytes: [UInt8], _ i: Int) -> Bool {
        i >= 0 && i < bytes.count && Tokenizer.isWordByte(bytes, i)
    }

    /// Start of the UTF-8 character that ends just before `index`.
    static func previousStart(_ bytes: [UInt8], before index: Int) -> Int {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// A letter or digit ends just before `index` (any script).
    static func wordEnds(_ bytes: [UInt8], before index: Int) -> Bool {
        index > 0 && Tokenizer.isWordByte(bytes, previousStart(bytes, before: index))
    }

    /// `’` `”` `)` `"` `'`: a closing mark that may stand before a dash.
    static func closingEnds(_ bytes: [UInt8], before index: Int) -> Bool {
        guard index > 0 else { return false }
        let byte = bytes[index - 1]
        if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return true }
        return index >= 3 && bytes[index - 3] == 0xE2 && bytes[index - 2] == 0x80 && (byte == 0x9D || byte == 0x99)
    }

    /// `“` `‘` `(` `"`: an opening mark that may follow a dash.
    static func openingStarts(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "\"") { return true }
        return index + 2 < bytes.count && byte == 0xE2 && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x9C || bytes[index + 2] == 0x98)
    }

    /// A paragraph set between dashes, as agencies translating AFP copy leave subheads:
    /// `– Silence from Beijing –`, `- “Impossible” -`, `— Background —`. Returns the ranges of
    /// the opening mark with its space, the title, and the closing mark with its space.
    struct Subhead { var open: Range<Int>; var title: Range<Int>; var close: Range<Int> }

    static func subhead(_ block: LintDocument.Block) -> Subhead? {
        guard block.kind == .paragraph || block.kind == .subhead else { return nil }
        let bytes = block.bytes
        var start = 0, end = bytes.count
        while start < end, bytes[start] == space || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == space || bytes[end - 1] == 0x09 || bytes[end - 1] == newline || bytes[end - 1] == 0x0D { end -= 1 }
        guard end - start >= 5, end - start <= 160 else { return nil }
        let openWidth = dashWidth(bytes, start)
        guard openWidth > 0, start + openWidth < end, bytes[start + openWidth] == space else { return nil }
        // The closing mark: the last character is a dash with a space before it.
        var closeStart = end - 1
        if bytes[closeStart] & 0xC0 == 0x80 { closeStart = previousStart(bytes, before: end) }
        guard dashWidth(bytes, closeStart) == end - closeStart, closeStart > start + openWidth,
              bytes[closeStart - 1] == space else { return nil }
        var titleStart = start + openWidth
        while titleStart < closeStart, bytes[titleStart] == space { titleStart += 1 }
        var titleEnd = closeStart
        while titleEnd > titleStart, bytes[titleEnd - 1] == space { titleEnd -= 1 }
        guard titleStart < titleEnd else { return nil }
        // One line, a few words, at least one letter; not a rule of dashes or a `- 30 -` end mark.
        let title = bytes[titleStart..<titleEnd]
        guard !title.contains(newline), dashWidth(bytes, titleStart) == 0 else { return nil }
        let words = block.words.filter { $0.range.lowerBound >= titleStart && $0.range.upperBound <= titleEnd }
        guard !words.isEmpty, words.count <= 12, words.contains(where: { !$0.isNumber }) else { return nil }
        return Subhead(open: start..<titleStart, title: titleStart..<titleEnd, close: titleEnd..<end)
    }
}

/// A rule about clause dashes, built from the style's `DashText.Settings`.
protocol ClauseDashRule: LintRule {
    var settings: DashText.Settings { get }
    init(settings: DashText.Settings)
}

extension ClauseDashRule {
    init(style: Style) { self.init(settings: DashText.Settings(style)) }
    var dash: DashText.Dash? { settings.dash }
    var styleName: String { settings.styleName }
    var notes: [String] { settings.notes }
}
