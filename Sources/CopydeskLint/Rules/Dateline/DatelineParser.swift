import CopydeskCore
import Foundation

/// A dateline as written at the start of a story: `MOSCOW (AP) — `, `CHATHAM, Mass. (AP) — `,
/// `BEIJING, Sept 6 (Reuters) - `, `Stockholm, Aug 29, 2014 (AFP) -`, `(Honolulu) -- `.
/// Offsets are bytes in the block's text.
struct Dateline: Sendable {
    enum Dash: String, Sendable {
        case em = "—", en = "–", hyphen = "-", doubleHyphen = "--", underscore = "_", dotHyphen = ".-"
    }

    var block: Int
    /// From the dateline's first character to the first character of the story text.
    var range: Range<Int>
    /// Comma-separated place names before the date and credit: the city, then a state or country.
    var place: [Range<Int>]
    /// The date part: `Sept 6`, `Aug 29, 2014`, `Monday`, with the comma and spaces before it in `dateLead`.
    var date: Range<Int>?
    var dateLead: Range<Int>?
    var month: Int?
    /// The month word with its period, if any.
    var monthRange: Range<Int>?
    var day: Int?
    var dayRange: Range<Int>?
    var year: Int?
    /// The credit inside the parentheses (`AP`), and with them (`(AP)`).
    var credit: Range<Int>?
    var creditParens: Range<Int>?
    /// A comma between the place or date and the credit: `MOSCOW, (AP)`.
    var commaBeforeCredit: Range<Int>?
    /// The dash with the spaces around it, up to the story text: ` — `. Nil for a dateline block.
    var separator: Range<Int>?
    var dash: Dash?

    var city: Range<Int>? { place.first }
    var regions: ArraySlice<Range<Int>> { place.dropFirst() }
}

/// Finds and parses the dateline of a story, once, for the four dateline rules and the dates rules.
///
/// The dateline is a `dateline` block when a wire format gives one, else the start of one of the
/// first body paragraphs (after editor's notes): a place (or a date, or only a credit), an
/// optional `(credit)`, and a dash in one of the forms agencies use (`—`, `–`, ` - `, `--`, ANPA
/// ` _ `, EFE `.- `). Without a credit, the city must be in capitals, so a lede that starts
/// "Three people — " is not a dateline.
enum DatelineParser {
    /// How many body paragraphs (after editor's notes) may hold the dateline: a standfirst can come first.
    static let leadParagraphs = 3

    static func find(in document: LintDocument, notes: [String]) -> Dateline? {
        document.shared.dateline(notes: notes) { parse(document, notes: notes) }
    }

    private static func parse(_ document: LintDocument, notes: [String]) -> Dateline? {
        if let block = document.blocks.first(where: { $0.kind == .dateline }) {
            return parse(block.bytes, block: block.index, requireSeparator: false)
        }
        for block in leads(of: document, notes: notes) {
            if let dateline = parse(block.bytes, block: block.index) { return dateline }
        }
        return nil
    }

    /// The first body paragraphs where a dateline may stand, skipping editor's notes and a byline
    /// the reader left in the body.
    static func leads(of document: LintDocument, notes: [String]) -> [LintDocument.Block] {
        document.shared.leads(notes: notes) { findLeads(document, notes: notes) }
    }

    private static func findLeads(_ document: LintDocument, notes: [String]) -> [LintDocument.Block] {
        var result: [LintDocument.Block] = []
        for block in document.body where block.kind == .paragraph {
            if isEditorNote(block, notes: notes) || isStrayByline(block) { continue }
            result.append(block)
            if result.count == leadParagraphs { break }
        }
        return result
    }

    static func isEditorNote(_ block: LintDocument.Block, notes: [String]) -> Bool {
        // Where the text and each note are ASCII (and no CR, which joins a following LF into one
        // character), characters are bytes and `hasPrefix` is a byte comparison.
        let bytes = block.bytes
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        var longest = 0
        for note in notes { longest = max(longest, note.utf8.count) }
        let end = min(bytes.count, start + longest + 1)
        var plain = true
        for i in 0..<end where bytes[i] >= 0x80 || bytes[i] == 0x0D { plain = false; break }
        if plain {
            for note in notes where !note.isEmpty {
                let fast: Bool? = note.utf8.withContiguousStorageIfAvailable { n in
                    guard n.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
                    return n.count <= bytes.count - start && bytes[start..<(start + n.count)].elementsEqual(n)
                } ?? nil
                switch fast {
                case true?: return true
                case false?: continue
                case nil: if slowIsEditorNote(block, note: note) { return true }
                }
            }
            return false
        }
        return notes.contains { slowIsEditorNote(block, note: $0) }
    }

    private static func slowIsEditorNote(_ block: LintDocument.Block, note: String) -> Bool {
        let text = block.text.drop { $0 == " " || $0 == "\t" }
        return !note.isEmpty && text.hasPrefix(note)
    }

    static func isStrayByline(_ block: LintDocument.Block) -> Bool {
        // Fast reject on the bytes: the text must open (after spaces and tabs) with "By ".
        let b = block.bytes
        var s = 0
        while s < b.count, b[s] == 0x20 || b[s] == 0x09 { s += 1 }
        guard s + 3 <= b.count, b[s] == 0x42, b[s + 1] == 0x79, b[s + 2] == 0x20 else { return false }
        let text = block.text.drop { $0 == " " || $0 == "\t" }
        return text.hasPrefix("By ") && text.utf8.count < 80 && !text.hasSuffix(".")
    }

    static func parse(_ b: [UInt8], block: Int, requireSeparator: Bool = true) -> Dateline? {
        var s = 0
        while s < b.count, b[s] == 0x20 || b[s] == 0x09 { s += 1 }
        guard s < b.count else { return nil }
        let limit = min(b.count, s + 160)
        var i = s, depth = 0
        var dashStart: Int?, dashEnd = 0
        var dash: Dateline.Dash?
        var lineEnd = limit
        scan: while i < limit {
            let c = b[i]
            if c == 0x0A || c == 0x0D { lineEnd = i; break }
            if c == 0x28 { depth += 1 } else if c == 0x29 { depth = max(0, depth - 1) } else if depth == 0 {
                let before: UInt8 = i > s ? b[i - 1] : 0
                let after: UInt8 = i + 1 < b.count ? b[i + 1] : 0x20
                let spaceAfter = after == 0x20 || after == 0x0A || after == 0x0D || after == 0x09
                if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x94 || b[i + 2] == 0x93 {
                    dash = b[i + 2] == 0x94 ? .em : .en
                    dashStart = i; dashEnd = i + 3
                    break scan
                }
                if c == 0x2D {
                    if after == 0x2D, before == 0x20 || before == 0x29 {
                        dash = .doubleHyphen; dashStart = i; dashEnd = i + 2
                        break scan
                    }
                    if before == 0x2E, spaceAfter, i - 1 > s {
                        dash = .dotHyphen; dashStart = i - 1; dashEnd = i + 1
                        break scan
                    }
                    if before == 0x20 || before == 0x29, spaceAfter {
                        dash = .hyphen; dashStart = i; dashEnd = i + 1
                        break scan
                    }
                }
                if c == 0x5F, before == 0x20, spaceAfter {
                    dash = .underscore; dashStart = i; dashEnd = i + 1
                    break scan
                }
            }
            i += 1
        }
        var headEnd: Int
        if let dashStart { headEnd = dashStart } else {
            guard !requireSeparator else { return nil }
            headEnd = lineEnd
        }
        while headEnd > s, b[headEnd - 1] == 0x20 || b[headEnd - 1] == 0x09 { headEnd -= 1 }
        guard headEnd > s, headEnd - s <= 110 else { return nil }
        var textStart = dashStart == nil ? headEnd : dashEnd
        while textStart < b.count, b[textStart] == 0x20 || b[textStart] == 0x09 { textStart += 1 }

        // Sentence punctuation and quotes do not occur in datelines.
        var k = s
        while k < headEnd {
            let c = b[k]
            if c == 0x22 || c == 0x3A || c == 0x3B || c == 0x3F || c == 0x21 { return nil }
            if c == 0xE2, k + 2 < headEnd, b[k + 1] == 0x80, b[k + 2] == 0x9C || b[k + 2] == 0x9D { return nil }
            k += 1
        }

        var dateline = Dateline(block: block, range: s..<textStart, place: [])
        if dashStart != nil {
            dateline.separator = headEnd..<textStart
            dateline.dash = dash
        }

        // (credit)
        var before = s..<headEnd
        if b[headEnd - 1] == 0x29 {
            guard let open = (s..<(headEnd - 1)).last(where: { b[$0] == 0x28 }) else { return nil }
            let credit = trim(b, (open + 1)..<(headEnd - 1))
            guard !credit.isEmpty, credit.count <= 40, isCredit(b, credit) else { return nil }
            dateline.credit = credit
            dateline.creditParens = open..<headEnd
            var end = open
            while end > s, b[end - 1] == 0x20 { end -= 1 }
            if end > s, b[end - 1] == 0x2C {
                dateline.commaBeforeCredit = (end - 1)..<end
                end -= 1
                while end > s, b[end - 1] == 0x20 { end -= 1 }
            }
            before = s..<end
        }

        // Place, then date: comma-separated segments.
        var segments: [(range: Range<Int>, lead: Range<Int>)] = []
        if !before.isEmpty {
            var start = before.lowerBound
            var leadStart = before.lowerBound
            for j in before where b[j] == 0x2C {
                segments.append((trim(b, start..<j), leadStart..<trim(b, start..<j).lowerBound))
                start = j + 1
                leadStart = j
            }
            let last = trim(b, start..<before.upperBound)
            segments.append((last, leadStart..<last.lowerBound))
        }
        guard segments.allSatisfy({ !$0.range.isEmpty }) else { return nil }
        var dateIndex: Int?
        for (index, segment) in segments.enumerated() {
            if let dateIndex {
                guard index == dateIndex + 1, let year = DateBytes.year(b, segment.range), dateline.year == nil else { return nil }
                dateline.year = year
                dateline.date = dateline.date!.lowerBound..<segment.range.upperBound
            } else if parseDate(b, segment.range, into: &dateline) {
                dateIndex = index
                dateline.date = segment.range
                dateline.dateLead = index == 0 ? nil : segment.lead
            } else {
                dateline.place.append(segment.range)
            }
        }

        if dateline.place.isEmpty && dateline.credit == nil { return nil }
        for segment in dateline.place where !isPlaceName(b, segment) { return nil }
        if dateline.credit == nil {
            guard let city = dateline.city, isShouted(b, city, minimumLetters: 3) else { return nil }
        }
        return dateline
    }

    /// `Sept 6`, `SEPT. 6`, `Aug 29` or a weekday (`Monday`).
    private static func parseDate(_ b: [UInt8], _ range: Range<Int>, into dateline: inout Dateline) -> Bool {
        guard let space = range.firstIndex(where: { b[$0] == 0x20 }) else {
            let word = String(decoding: b[range], as: UTF8.self)
            return MonthNames.weekday(anyCase: word) != nil
        }
        var wordEnd = space
        if b[wordEnd - 1] == 0x2E { wordEnd -= 1 }
        guard let month = MonthNames.month(anyCase: String(decoding: b[range.lowerBound..<wordEnd], as: UTF8.self)) else { return false }
        let dayRange = trim(b, space..<range.upperBound)
        guard !dayRange.contains(where: { b[$0] == 0x20 }), let (day, _) = DateBytes.day(b, dayRange) else { return false }
        dateline.month = month
        dateline.monthRange = range.lowerBound..<space
        dateline.day = day
        dateline.dayRange = dayRange
        return true
    }

    /// A place name: starts with a capital, no digits, a few words, lowercase only for particles
    /// (`Rio de Janeiro`, `Stratford-upon-Avon`).
    private static func isPlaceName(_ b: [UInt8], _ range: Range<Int>) -> Bool {
        guard Tokenizer.isUpper(b, range.lowerBound) else { return false }
        var words = 1
        var wordStart = true
        for i in range {
            let c = b[i]
            if ByteClass.isDigit(c) { return false }
            if c == 0x20 {
                words += 1
                wordStart = true
                continue
            }
            if wordStart, c >= 0x61, c <= 0x7A {
                // a lowercase word: only short particles
                var end = i
                while end < range.upperBound, b[end] != 0x20 { end += 1 }
                if end - i > 3 { return false }
            }
            wordStart = false
        }
        return words <= 5
    }

    /// Agency credits: letters, spaces and `. - / & '`.
    private static func isCredit(_ b: [UInt8], _ range: Range<Int>) -> Bool {
        guard Tokenizer.isWordByte(b, range.lowerBound) else { return false }
        for i in range {
            let c = b[i]
            if c >= 0x80 || Tokenizer.isWordByte(b, i) { continue }
            if c == 0x20 || c == 0x2E || c == 0x2D || c == 0x2F || c == 0x26 || c == 0x27 { continue }
            return false
        }
        return true
    }

    /// All letters uppercase (allowing `Mc`/`Mac` before a capital: `McALLEN`).
    static func isShouted(_ b: [UInt8], _ range: Range<Int>, minimumLetters: Int = 1) -> Bool {
        let text = String(decoding: b[range], as: UTF8.self)
        var letters = 0
        for word in text.split(whereSeparator: { $0 == " " || $0 == "-" }) {
            var rest = Substring(word)
            for prefix in ["Mac", "Mc"] where rest.hasPrefix(prefix) {
                let after = rest.dropFirst(prefix.count)
                if let next = after.first, next.isUppercase { rest = after; letters += prefix.count; break }
            }
            for character in rest where character.isLetter {
                guard character.isUppercase || !character.isCased else { return false }
                letters += 1
            }
        }
        return letters >= minimumLetters
    }

    static func trim(_ b: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, b[lower] == 0x20 || b[lower] == 0x09 { lower += 1 }
        while upper > lower, b[upper - 1] == 0x20 || b[upper - 1] == 0x09 { upper -= 1 }
        return lower..<upper
    }
}

extension Character {
    /// Has upper and lower case forms (Latin, Greek, Cyrillic…), unlike CJK ideographs.
    fileprivate var isCased: Bool { isUppercase || isLowercase }
}

/// The place lists the dateline rules read from a style.
enum DatelinePlaces {
    /// `us-states` lines `Massachusetts => Mass.`: each state with its AP dateline spelling.
    static func states(_ style: Style) -> [(name: String, abbreviation: String)] {
        style.list("us-states").compactMap { line in
            let parts = line.components(separatedBy: "=>")
            guard parts.count == 2 else { return nil }
            let name = parts[0].trimmingCharacters(in: .whitespaces), abbreviation = parts[1].trimmingCharacters(in: .whitespaces)
            return name.isEmpty || abbreviation.isEmpty ? nil : (name, abbreviation)
        }
    }

    /// Folds case, periods and spaces for comparing place names: `ST. LOUIS` ~ `St. Louis`.
    static func key(_ text: String) -> String { text.uppercased() }
}
