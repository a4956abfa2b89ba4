import CopydeskCore

/// Paragraphs from an HTML fragment (a ninjs `body_html`/`bodies[].value`), mapped to the file.
///
/// `<p>`, `<li>`, `<blockquote>`, `<pre>` give paragraphs and `<h1>`–`<h6>` subheads; text between
/// other block elements (a body without `<p>`) becomes a paragraph too. Inline tags are dropped,
/// `<br>` and whitespace runs read as one space, entities are decoded. Text between tags keeps the
/// mapping of the string it came from; an entity or collapsed whitespace is a `.decoded` piece.
enum WireHTML {
    struct Block { var kind: TextBlock.Kind; var text: MappedText }

    private static let paragraphTags: Set<String> = ["p", "li", "blockquote", "pre", "dd", "dt", "figcaption", "caption"]
    private static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    private static let blockTags: Set<String> = [
        "html", "body", "head", "div", "section", "article", "aside", "header", "footer", "main", "nav", "ul", "ol", "dl",
        "table", "thead", "tbody", "tfoot", "tr", "td", "th", "figure", "hr", "address", "hgroup", "details", "summary",
    ]
    private static let skippedTags: Set<String> = ["script", "style", "title", "template"]

    static func blocks(from text: WireDecodedText) -> [Block] {
        let b = text.bytes
        var result: [Block] = []
        var builder = WireTextBuilder()
        var kind: TextBlock.Kind = .paragraph
        var pendingSpace: Range<Int>?  // source of whitespace waiting to become one space

        func flush() {
            builder.trimTrailingWhitespace()
            if !builder.isEmpty, WireBytes.hasAlnum(builder.bytes, 0..<builder.count) {
                result.append(Block(kind: kind, text: builder.build()))
            }
            builder = WireTextBuilder()
            pendingSpace = nil
            kind = .paragraph
        }
        func space(_ range: Range<Int>) {
            guard !builder.isEmpty else { return }
            if let pending = pendingSpace { pendingSpace = pending.lowerBound..<range.upperBound } else { pendingSpace = range }
        }
        func emitPendingSpace() {
            guard let pending = pendingSpace else { return }
            pendingSpace = nil
            if pending.count == 1, b[pending.lowerBound] == 0x20 {
                text.copy(pending, into: &builder)
            } else {
                builder.decoded([0x20], source: text.sourceRange(pending))
            }
        }

        var i = 0
        var runStart = 0
        func flushRun(_ end: Int) {
            // Copies text bytes [runStart, end), turning whitespace runs into single spaces.
            var k = runStart
            var segment = runStart
            while k < end {
                if WireBytes.isSpace(b[k]) {
                    if k > segment { emitPendingSpace(); text.copy(segment..<k, into: &builder) }
                    var e = k
                    while e < end, WireBytes.isSpace(b[e]) { e += 1 }
                    space(k..<e)
                    k = e
                    segment = e
                } else {
                    k += 1
                }
            }
            if end > segment { emitPendingSpace(); text.copy(segment..<end, into: &builder) }
        }

        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "<") {
                flushRun(i)
                if WireBytes.hasPrefix(b, i..<b.count, "<!--") {
                    var e = i + 4
                    while e + 2 < b.count, !(b[e] == 0x2D && b[e + 1] == 0x2D && b[e + 2] == 0x3E) { e += 1 }
                    i = min(b.count, e + 3)
                    runStart = i
                    continue
                }
                guard let tag = parseTag(b, at: i) else {
                    // A lone '<' is text.
                    runStart = i
                    i += 1
                    continue
                }
                let name = tag.name
                if skippedTags.contains(name), !tag.closing, !tag.selfClosing {
                    i = skipElement(b, from: tag.end, name: name)
                } else if paragraphTags.contains(name) || headingTags.contains(name) {
                    flush()
                    if !tag.closing { kind = headingTags.contains(name) ? .subhead : .paragraph }
                    i = tag.end
                } else if blockTags.contains(name) {
                    flush()
                    i = tag.end
                } else if name == "br" {
                    space(i..<tag.end)
                    i = tag.end
                } else {
                    i = tag.end
                }
                runStart = i
                continue
            }
            if c == UInt8(ascii: "&"), let (decoded, end) = entity(b, at: i) {
                flushRun(i)
                emitPendingSpace()
                if decoded.count == 1, WireBytes.isSpace(decoded[0]) {
                    space(i..<end)
                } else {
                    builder.decoded(decoded, source: text.sourceRange(i..<end))
                }
                i = end
                runStart = i
                continue
            }
            i += 1
        }
        flushRun(b.count)
        flush()
        return result
    }

    private struct Tag { var name: String; var closing: Bool; var selfClosing: Bool; var end: Int }

    /// The tag starting at `start` (`<name …>`, `</name>`), or nil if this `<` does not open one.
    private static func parseTag(_ b: [UInt8], at start: Int) -> Tag? {
        var i = start + 1
        var closing = false
        if i < b.count, b[i] == UInt8(ascii: "/") { closing = true; i += 1 }
        let nameStart = i
        while i < b.count, WireBytes.isAlnum(b[i]) || b[i] == 0x3A || b[i] == 0x2D { i += 1 }
        guard i > nameStart, WireBytes.isLetter(b[nameStart]) || b[nameStart] == UInt8(ascii: "!") || b[nameStart] == UInt8(ascii: "?") else {
            if i < b.count, b[i] == UInt8(ascii: "!") || b[i] == UInt8(ascii: "?") {
                // <!DOCTYPE …>, <?xml …?>
                while i < b.count, b[i] != UInt8(ascii: ">") { i += 1 }
                return Tag(name: "!", closing: false, selfClosing: true, end: min(b.count, i + 1))
            }
            return nil
        }
        var name = String(decoding: b[nameStart..<i].map { WireBytes.lower($0) }, as: UTF8.self)
        if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
        var quote: UInt8 = 0
        while i < b.count {
            let c = b[i]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == 0x22 || c == 0x27 {
                quote = c
            } else if c == UInt8(ascii: ">") {
                let selfClosing = i > start && b[i - 1] == UInt8(ascii: "/")
                return Tag(name: name, closing: closing, selfClosing: selfClosing, end: i + 1)
            }
            i += 1
        }
        return Tag(name: name, closing: closing, selfClosing: false, end: b.count)
    }

    private static func skipElement(_ b: [UInt8], from start: Int, name: String) -> Int {
        let close = "</" + name
        var i = start
        while i < b.count {
            if b[i] == UInt8(ascii: "<"), WireBytes.hasPrefix(b, i..<b.count, close) {
                var e = i
                while e < b.count, b[e] != UInt8(ascii: ">") { e += 1 }
                return min(b.count, e + 1)
            }
            i += 1
        }
        return b.count
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "mdash": "\u{2014}", "ndash": "\u{2013}", "hellip": "\u{2026}", "shy": "\u{00AD}",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "sbquo": "\u{201A}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "bdquo": "\u{201E}", "laquo": "\u{00AB}", "raquo": "\u{00BB}", "lsaquo": "\u{2039}", "rsaquo": "\u{203A}",
        "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}", "euro": "\u{20AC}", "pound": "\u{00A3}",
        "yen": "\u{00A5}", "cent": "\u{00A2}", "deg": "\u{00B0}", "middot": "\u{00B7}", "bull": "\u{2022}",
        "times": "\u{00D7}", "divide": "\u{00F7}", "plusmn": "\u{00B1}", "frac12": "\u{00BD}", "frac14": "\u{00BC}",
        "frac34": "\u{00BE}", "sect": "\u{00A7}", "para": "\u{00B6}", "thinsp": "\u{2009}", "ensp": "\u{2002}",
        "emsp": "\u{2003}", "zwj": "\u{200D}", "zwnj": "\u{200C}", "prime": "\u{2032}", "Prime": "\u{2033}",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "euml": "ë", "Eacute": "É", "aacute": "á", "agrave": "à",
        "acirc": "â", "atilde": "ã", "aring": "å", "ccedil": "ç", "Ccedil": "Ç", "iacute": "í", "igrave": "ì",
        "icirc": "î", "iuml": "ï", "ntilde": "ñ", "Ntilde": "Ñ", "oacute": "ó", "ograve": "ò", "ocirc": "ô",
        "otilde": "õ", "oslash": "ø", "Oslash": "Ø", "uacute": "ú", "ugrave": "ù", "ucirc": "û", "aelig": "æ",
        "AElig": "Æ", "iexcl": "¡", "iquest": "¿",
    ]

    /// A character reference at `start` (`&amp;`, `&#233;`, `&#xE9;`): its UTF-8 and end offset.
    static func entity(_ b: [UInt8], at start: Int) -> ([UInt8], Int)? {
        var i = start + 1
        let limit = min(b.count, start + 40)
        if i < limit, b[i] == UInt8(ascii: "#") {
            i += 1
            var hex = false
            if i < limit, b[i] | 0x20 == UInt8(ascii: "x") { hex = true; i += 1 }
            var value: UInt32 = 0
            let digitsStart = i
            while i < limit, b[i] != UInt8(ascii: ";") {
                let c = b[i]
                let digit: UInt32
                if WireBytes.isDigit(c) { digit = UInt32(c - 0x30) } else if hex, (c | 0x20) >= 0x61, (c | 0x20) <= 0x66 { digit = UInt32((c | 0x20) - 0x61 + 10) } else { return nil }
                value = value &* (hex ? 16 : 10) &+ digit
                if value > 0x10FFFF { return nil }
                i += 1
            }
            guard i < limit, i > digitsStart else { return nil }
            let scalar = UnicodeScalar(value) ?? "\u{FFFD}"
            return (Array(String(Character(value == 0 ? "\u{FFFD}" : scalar)).utf8), i + 1)
        }
        let nameStart = i
        while i < limit, WireBytes.isAlnum(b[i]), b[i] < 0x80 { i += 1 }
        guard i < limit, i > nameStart, b[i] == UInt8(ascii: ";") else { return nil }
        guard let value = named[WireBytes.string(b, nameStart..<i)] else { return nil }
        return (Array(value.utf8), i + 1)
    }
}
