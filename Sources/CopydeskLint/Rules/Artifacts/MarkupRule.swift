import CopydeskCore

/// HTML or XML left in the story text by a CMS export or a copy from a web page: tags (`<p>`,
/// `</b>`, `<br/>`, `<a href="…">`, `<!-- … -->`) and character references (`&amp;`, `&nbsp;`,
/// `&#8217;`, `&quot;`).
///
/// A tag is reported when it is a closing or self-closing tag, carries a quoted attribute, or is a
/// bare HTML/NITF element name (`<p>`, `<b>`, `<hl1>`), so "x < 5", "a<b and c>d", e-mail addresses
/// in angle brackets and Reuters instrument codes such as `<AAPL.O>` or `<LCOc1>` pass. An entity is
/// reported only with its closing semicolon and a known name or a valid number, so "AT&T", "R&D",
/// "Q&A" and "&c" pass. The fix decodes entities (`&amp;` → `&`, `&#8217;` → `’`, `&nbsp;` → a
/// no-break space; a double-encoded `&amp;quot;` in one step); tags are left to the editor, who
/// may need to keep a line break or a link's text.
struct MarkupRule: LintRule {
    static let description = RuleDescription(
        id: "artifacts.markup",
        summary: "HTML/XML tags and character entities (&amp; &#8217;) left in the text",
        severity: .warning,
        triggering: [
            "WASHINGTON (AP) — ↓<p>The Senate passed the bill on Tuesday.↓</p>",
            "The company said it would appeal.↓<br/>Shares fell 3%.",
            "Read the ↓<a href=\"https://example.com/report\">full report↓</a> on the ministry's website.",
            "Johnson ↓&amp; Johnson said it↓&#8217;s reviewing the findings, calling them ↓&quot;preliminary↓&quot;.",
            "The price rose to 100↓&nbsp;euros, and AT↓&amp;amp;T shares fell.",
        ],
        nonTriggering: [
            "AT&T, R&D spending and a Q&A session with Procter & Gamble executives were on the agenda, &c.",
            "The rule applies if x < 5 and y > 3, or when a<b and c>d.",
            "Brent crude <LCOc1> rose 2% and Apple Inc <AAPL.O> shares fell, while the euro <EUR=> was flat.",
            "Write to the desk at <news@example.com> before 5 p.m.",
            "Temperatures of <10 degrees and wind speeds >100 km/h were forecast; the score was 3<>4.",
        ],
        corrections: [
            "Johnson &amp; Johnson said it&#8217;s reviewing the findings, calling them &quot;preliminary&quot;.":
                "Johnson & Johnson said it’s reviewing the findings, calling them \"preliminary\".",
            "The price rose to 100&nbsp;euros, and AT&amp;amp;T shares fell &#x2014; again.":
                "The price rose to 100\u{A0}euros, and AT&T shares fell — again.",
        ])

    init(style: Style) throws {}

    func check(_ document: LintDocument, _ report: inout LintReport) {
        for block in document.blocks {
            let bytes = block.bytes
            var i = 0
            while i < bytes.count {
                i = ByteScan.next(either: UInt8(ascii: "<"), UInt8(ascii: "&"), bytes, from: i, before: bytes.count)
                guard i < bytes.count else { break }
                let byte = bytes[i]
                if byte == UInt8(ascii: "<"), let end = Self.tag(bytes, at: i) {
                    let tag = document.text(block, i..<end)
                    let shown = tag.utf8.count > 60 ? String(tag.prefix(50)) + "…" : tag
                    report.add(block: block.index, range: i..<end, "remove the markup tag \"\(QuotedText.bounded(shown))\" from the text",
                               suggestion: "delete the tag, keeping the words it wraps")
                    i = end
                } else if byte == UInt8(ascii: "&"), let (end, decoded) = Self.entity(bytes, at: i) {
                    let entity = document.text(block, i..<end)
                    let shown = decoded == "\u{A0}" ? "a no-break space" : "\"\(QuotedText.bounded(decoded))\""
                    let message = decoded.isEmpty ? "delete the HTML entity \"\(QuotedText.bounded(entity))\" (a soft hyphen)"
                        : "write \(shown), not the HTML entity \"\(QuotedText.bounded(entity))\""
                    report.add(block: block.index, range: i..<end, message, fix: [TextEdit(range: i..<end, replacement: decoded)])
                    i = end
                } else {
                    i += 1
                }
            }
        }
    }

    // MARK: Tags

    @inline(__always) private static func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }
    @inline(__always) private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    /// HTML and NITF element names that count as a tag even without attributes or a slash.
    private static let elementNames: Set<String> = [
        "a", "abbr", "address", "article", "aside", "b", "big", "blockquote", "body", "br", "caption", "center",
        "cite", "code", "dd", "del", "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "ins", "li", "main", "mark",
        "nav", "ol", "p", "pre", "q", "s", "section", "small", "span", "strike", "strong", "sub", "sup", "table",
        "tbody", "td", "tfoot", "th", "thead", "time", "title", "tr", "tt", "u", "ul", "video", "audio", "source",
        // NITF and NewsML body elements.
        "nitf", "hl1", "hl2", "hedline", "byline", "byttl", "dateline", "abstract", "block", "body.head",
        "body.content", "body.end", "tagline", "media", "media-caption", "fixture", "ed-msg", "note", "distributor",
    ]

    /// The end of a tag starting at `<`, or nil.
    static func tag(_ bytes: [UInt8], at start: Int) -> Int? {
        let count = bytes.count
        var i = start + 1
        guard i < count else { return nil }
        // Comments and CDATA: <!-- … --> / <![CDATA[ … ]]>.
        if bytes[i] == UInt8(ascii: "!") {
            let opener = Array("!--".utf8)
            let cdata = Array("![CDATA[".utf8)
            let closer: [UInt8]
            if bytes[i...].starts(with: opener) { closer = Array("-->".utf8) } else if bytes[i...].starts(with: cdata) { closer = Array("]]>".utf8) } else { return nil }
            var j = i
            while j + closer.count <= count, j - start < 2000 {
                if bytes[j..<(j + closer.count)].elementsEqual(closer) { return j + closer.count }
                j += 1
            }
            return nil
        }
        let closing = bytes[i] == UInt8(ascii: "/")
        if closing { i += 1 }
        guard i < count, isLetter(bytes[i]) else { return nil }
        let nameStart = i
        while i < count, isNameByte(bytes[i]) { i += 1 }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased()
        guard i < count else { return nil }
        if bytes[i] == UInt8(ascii: ">") {
            // `<LCOc1>`-style codes are not tags: a bare opening tag needs a known element name.
            return closing || elementNames.contains(name) ? i + 1 : nil
        }
        if bytes[i] == UInt8(ascii: "/"), i + 1 < count, bytes[i + 1] == UInt8(ascii: ">") {
            return closing ? nil : i + 2
        }
        guard !closing, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A else { return nil }
        // Attributes: the tag counts when one of them has a quoted value (`href="…"`), or when the
        // element is known and the attributes look like `name=value`.
        var quotedValue = false
        var assignment = false
        var quote: UInt8 = 0
        while i < count, i - start < 1000 {
            let byte = bytes[i]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                if i > 0, bytes[i - 1] == UInt8(ascii: "=") { quotedValue = true; quote = byte } else { return nil }
            } else if byte == UInt8(ascii: "=") {
                guard isNameByte(bytes[i - 1]) else { return nil }
                assignment = true
            } else if byte == UInt8(ascii: ">") {
                return quotedValue || (assignment && elementNames.contains(name)) ? i + 1 : nil
            } else if byte == UInt8(ascii: "<") {
                return nil
            }
            i += 1
        }
        return nil
    }

    // MARK: Entities

    /// The end of a character reference starting at `&` and its decoded text, or nil. A
    /// double-encoded reference (`&amp;quot;`) is decoded in one step.
    static func entity(_ bytes: [UInt8], at start: Int) -> (Int, String)? {
        guard var (end, decoded) = singleEntity(bytes, at: start) else { return nil }
        while decoded == "&", let (next, inner) = singleEntity(bytes, at: end - 1) {
            // `&amp;quot;`: the `&` decoded from `&amp;` begins another reference `&quot;`.
            end = next
            decoded = inner
        }
        return (end, decoded)
    }

    /// One reference whose `&` (or, after a decoded `&amp;`, that reference's `;`) is at `start`.
    private static func singleEntity(_ bytes: [UInt8], at start: Int) -> (Int, String)? {
        let count = bytes.count
        var i = start + 1
        guard i < count else { return nil }
        if bytes[i] == UInt8(ascii: "#") {
            i += 1
            var value: UInt32 = 0
            var digits = 0
            let hex = i < count && (bytes[i] | 0x20) == UInt8(ascii: "x")
            if hex { i += 1 }
            while i < count, digits < 8 {
                let byte = bytes[i]
                let digit: UInt32
                if byte >= 0x30 && byte <= 0x39 { digit = UInt32(byte - 0x30) } else if hex, byte | 0x20 >= 0x61, byte | 0x20 <= 0x66 { digit = UInt32((byte | 0x20) - 0x61 + 10) } else { break }
                value = value * (hex ? 16 : 10) + digit
                digits += 1
                i += 1
            }
            guard digits > 0, i < count, bytes[i] == UInt8(ascii: ";") else { return nil }
            // Windows-1252 numbers that legacy systems wrote for curly quotes and dashes.
            if value >= 0x80 && value <= 0x9F, let mapped = windows1252[value] { value = mapped }
            guard value >= 0x20 || value == 0x09 || value == 0x0A, let scalar = Unicode.Scalar(value), value < 0x7F || value >= 0xA0 else { return nil }
            return (i + 1, String(scalar))
        }
        let nameStart = i
        while i < count, i - nameStart < 10, isLetter(bytes[i]) || (i > nameStart && bytes[i] >= 0x30 && bytes[i] <= 0x39) { i += 1 }
        guard i > nameStart, i < count, bytes[i] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        guard let decoded = named[name] else { return nil }
        return (i + 1, decoded)
    }

    private static let windows1252: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x89: 0x2030,
        0x8A: 0x160, 0x8B: 0x2039, 0x8C: 0x152, 0x8E: 0x17D, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C,
        0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x99: 0x2122, 0x9A: 0x161, 0x9B: 0x203A,
        0x9C: 0x153, 0x9E: 0x17E, 0x9F: 0x178,
    ]

    /// HTML named character references that occur in copy: markup, typography, Latin-1 and Latin
    /// Extended-A letters, currency and common symbols.
    private static let named: [String: String] = {
        var table: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "ensp": "\u{2002}",
            "emsp": "\u{2003}", "thinsp": "\u{2009}", "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’",
            "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„", "laquo": "«", "raquo": "»", "lsaquo": "‹",
            "rsaquo": "›", "hellip": "…", "bull": "•", "middot": "·", "dagger": "†", "Dagger": "‡", "permil": "‰",
            "prime": "′", "Prime": "″", "minus": "−", "times": "×", "divide": "÷", "plusmn": "±", "deg": "°",
            "copy": "©", "reg": "®", "trade": "™", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢",
            "curren": "¤", "sect": "§", "para": "¶", "iexcl": "¡", "iquest": "¿", "frac12": "½", "frac14": "¼",
            "frac34": "¾", "sup1": "¹", "sup2": "²", "sup3": "³", "micro": "µ", "ordf": "ª", "ordm": "º",
            "acute": "´", "uml": "¨", "cedil": "¸", "macr": "¯", "not": "¬", "brvbar": "¦", "circ": "ˆ",
            "tilde": "˜", "fnof": "ƒ", "OElig": "Œ", "oelig": "œ", "Scaron": "Š", "scaron": "š", "Yuml": "Ÿ",
            "Zcaron": "Ž", "zcaron": "ž", "szlig": "ß", "ETH": "Ð", "eth": "ð", "THORN": "Þ", "thorn": "þ",
            "AElig": "Æ", "aelig": "æ", "Oslash": "Ø", "oslash": "ø", "Aring": "Å", "aring": "å",
            "Ccedil": "Ç", "ccedil": "ç", "Ntilde": "Ñ", "ntilde": "ñ", "yacute": "ý", "Yacute": "Ý", "yuml": "ÿ",
            "shy": "", "zwj": "\u{200D}", "zwnj": "\u{200C}", "lrm": "\u{200E}", "rlm": "\u{200F}",
        ]
        // Accented vowels: &eacute; &Ouml; &acirc; …
        let accents: [(String, [Character: Character])] = [
            ("acute", ["a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú", "A": "Á", "E": "É", "I": "Í", "O": "Ó", "U": "Ú"]),
            ("grave", ["a": "à", "e": "è", "i": "ì", "o": "ò", "u": "ù", "A": "À", "E": "È", "I": "Ì", "O": "Ò", "U": "Ù"]),
            ("circ", ["a": "â", "e": "ê", "i": "î", "o": "ô", "u": "û", "A": "Â", "E": "Ê", "I": "Î", "O": "Ô", "U": "Û"]),
            ("uml", ["a": "ä", "e": "ë", "i": "ï", "o": "ö", "u": "ü", "A": "Ä", "E": "Ë", "I": "Ï", "O": "Ö", "U": "Ü"]),
            ("tilde", ["a": "ã", "o": "õ", "A": "Ã", "O": "Õ"]),
        ]
        for (suffix, letters) in accents {
            for (base, accented) in letters { table[String(base) + suffix] = String(accented) }
        }
        return table
    }()
}
