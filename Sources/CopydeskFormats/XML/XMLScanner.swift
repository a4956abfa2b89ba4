import CopydeskCore

/// Limits and policy for `XMLScanner`. The defaults suit wire copy: a story is kilobytes, a big
/// NewsML-G2 message a few megabytes.
public struct XMLLimits: Sendable, Hashable {
    /// Largest input accepted, in bytes.
    public var maxBytes: Int = 64 << 20
    /// Deepest element nesting accepted.
    public var maxDepth: Int = 256
    /// Most attributes on one element.
    public var maxAttributes: Int = 256
    /// Whether `<!DOCTYPE nitf PUBLIC "…" "nitf-3-4.dtd">` (a DOCTYPE naming an external DTD) is
    /// accepted. The DTD is never loaded either way; an entity it would declare is still rejected
    /// as undeclared where it is used. Real NITF often carries such a DOCTYPE, hence the default.
    public var allowsExternalDTDReference: Bool = true

    public init() {}
}

/// An element or attribute name: `nitf:p` has prefix `nitf`, local name `p` and the namespace
/// URI bound to `nitf` where it is used.
public struct XMLQName: Sendable, Hashable, CustomStringConvertible {
    public var qualified: String
    public var prefix: String?
    public var local: String
    /// Namespace URI; nil when the name is in no namespace.
    public var namespace: String?

    public init(qualified: String, prefix: String?, local: String, namespace: String?) {
        self.qualified = qualified
        self.prefix = prefix
        self.local = local
        self.namespace = namespace
    }

    public var description: String { qualified }
}

public struct XMLScanAttribute: Sendable, Hashable {
    public var name: XMLQName
    /// The value with entity and character references decoded.
    public var value: String
    /// The value mapped to its bytes in the file (between the quotes).
    public var valueText: MappedText
    /// Bytes of `name="value"` in the file.
    public var range: Range<Int>
}

/// `<name attr="…">` or `<name/>`.
public struct XMLStartTag: Sendable, Hashable {
    public var name: XMLQName
    public var attributes: [XMLScanAttribute]
    /// Bytes from `<` to `>` in the file.
    public var range: Range<Int>
    /// `<name/>`: the scanner reports the matching end tag right after this one.
    public var isEmptyElement: Bool

    /// The value of an attribute by local name; `namespace` nil matches an unprefixed attribute.
    public func attribute(_ local: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name.local == local && $0.name.namespace == namespace }?.value
    }
}

/// `</name>`; for an empty element `<name/>` the range is empty, at the end of the start tag.
public struct XMLEndTag: Sendable, Hashable {
    public var name: XMLQName
    public var range: Range<Int>
}

/// Character data between tags: a text run (references decoded) or a CDATA section.
public struct XMLTextRun: Sendable, Hashable {
    /// The text, each piece tied to its bytes in the file: verbatim runs are `.verbatim`, each
    /// decoded `&…;` reference is a `.decoded` piece covering the reference.
    public var text: MappedText
    /// Bytes of the run in the file (for CDATA, the content between `<![CDATA[` and `]]>`).
    public var range: Range<Int>
    public var isCDATA: Bool
}

public enum XMLScanEvent: Sendable, Hashable {
    case start(XMLStartTag)
    case end(XMLEndTag)
    case text(XMLTextRun)
}

/// Namespace URIs that are bound without a declaration.
public enum XMLNamespaces {
    public static let xml = "http://www.w3.org/XML/1998/namespace"
    public static let xmlns = "http://www.w3.org/2000/xmlns/"
}

/// A small, safe XML pull scanner over the UTF-8 bytes of a `SourceFile`.
///
/// It reports start tags (names with namespaces resolved from `xmlns` declarations, attributes),
/// end tags and text with exact byte offsets; comments and processing instructions are skipped.
/// It decodes the five predefined entities and numeric character references, and nothing else:
/// a DOCTYPE that declares entities (the "billion laughs" and XXE attacks), a parameter entity,
/// and any reference to an undeclared entity are rejected. It never opens a file or the network.
/// Errors are `CopydeskError.input` with `line:column` at the start of the message.
public struct XMLScanner {
    public let source: SourceFile
    public let limits: XMLLimits
    /// The name given in `<!DOCTYPE name …>`, once scanned past it.
    public private(set) var doctypeName: String?
    /// The system identifier of the external DTD a DOCTYPE names (`SYSTEM "nitf-3-4.dtd"`), and
    /// the bytes of that literal: never loaded, but worth saying so (`XMLExternalDTD`).
    public private(set) var externalDTD: (identifier: String, range: Range<Int>)?

    /// Sniffing mode: a DOCTYPE is skipped instead of checked (nothing is ever expanded anyway).
    let lenientDoctype: Bool

    private let bytes: [UInt8]
    private var index = 0
    private var open: [OpenElement] = []
    private var bindings: [(prefix: String, uri: String)] = []
    private var pendingEnd: XMLEndTag?
    private var sawRoot = false
    private var sawDoctype = false

    private struct OpenElement {
        var name: XMLQName
        var start: Int
        var bindingCount: Int
    }

    /// The current nesting depth: 1 inside the root element.
    public var depth: Int { open.count }

    public init(_ source: SourceFile, limits: XMLLimits = XMLLimits()) throws {
        try self.init(source, limits: limits, lenientDoctype: false)
    }

    init(_ source: SourceFile, limits: XMLLimits, lenientDoctype: Bool) throws {
        self.source = source
        self.limits = limits
        self.lenientDoctype = lenientDoctype
        if source.byteCount > limits.maxBytes {
            throw CopydeskError.input(file: source.path, message: "XML input is \(Self.size(source.byteCount)), over the \(Self.size(limits.maxBytes)) limit for XML files")
        }
        bytes = Array(source.text.utf8)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    private static func size(_ count: Int) -> String {
        count >= 1 << 20 ? "\(count / (1 << 20)) MB (\(count) bytes)" : "\(count) bytes"
    }

    // MARK: - Events

    /// The next event, or nil at the end of a well-formed document.
    public mutating func next() throws -> XMLScanEvent? {
        if let end = pendingEnd {
            pendingEnd = nil
            closeTop()
            return .end(end)
        }
        let count = bytes.count
        while index < count {
            if bytes[index] == UInt8(ascii: "<") {
                let next = index + 1 < count ? bytes[index + 1] : 0
                if next == UInt8(ascii: "/") { return .end(try endTag()) }
                if next == UInt8(ascii: "?") { try skip(past: "?>", from: index + 2, what: "processing instruction"); continue }
                if next == UInt8(ascii: "!") {
                    if has("<!--", at: index) {
                        try skip(past: "-->", from: index + 4, what: "comment")
                        continue
                    }
                    if has("<![CDATA[", at: index) {
                        if open.isEmpty { throw fail("CDATA section outside the root element", at: index) }
                        let contentStart = index + 9
                        guard let close = find("]]>", from: contentStart) else {
                            throw fail("end of file inside a CDATA section", at: index)
                        }
                        index = close + 3
                        let text = string(contentStart, close)
                        return .text(XMLTextRun(text: MappedText(verbatim: text, sourceOffset: contentStart), range: contentStart..<close, isCDATA: true))
                    }
                    if has("<!DOCTYPE", at: index) { try doctype(); continue }
                    throw fail("unexpected markup '<!' (expected a comment, CDATA section or DOCTYPE)", at: index)
                }
                return .start(try startTag())
            }
            // Character data up to the next '<'.
            let start = index
            var end = index
            while end < count, bytes[end] != UInt8(ascii: "<") { end += 1 }
            if open.isEmpty {
                var k = start
                while k < end, Self.isSpace(bytes[k]) { k += 1 }
                if k < end {
                    throw fail(sawRoot ? "text after the end of the root element" : "text before the root element", at: k)
                }
                index = end
                continue
            }
            let text = try decode(start, end, inAttribute: false)
            index = end
            return .text(XMLTextRun(text: text, range: start..<end, isCDATA: false))
        }
        if let top = open.last {
            let at = location(top.start)
            throw fail("end of file inside <\(top.name.qualified)> (opened at \(at.line):\(at.column))", at: count)
        }
        if !sawRoot { throw fail("no root element", at: count) }
        return nil
    }

    private mutating func closeTop() {
        if let top = open.popLast() {
            bindings.removeLast(bindings.count - top.bindingCount)
        }
    }

    // MARK: - Tags

    private mutating func startTag() throws -> XMLStartTag {
        let tagStart = index
        index += 1
        guard index < bytes.count, Self.isNameStart(bytes[index]) else {
            throw fail(index < bytes.count ? "expected an element name after '<'" : "end of file inside a tag", at: index)
        }
        if open.isEmpty && sawRoot { throw fail("a second root element after the end of the root element", at: tagStart) }
        let nameRange = name()
        var raw: [(name: Range<Int>, value: MappedText, valueRange: Range<Int>, range: Range<Int>)] = []
        var isEmpty = false
        while true {
            let hadSpace = skipSpace()
            guard index < bytes.count else {
                throw fail("end of file inside the start tag <\(string(nameRange.lowerBound, nameRange.upperBound))>", at: index)
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { index += 1; break }
            if byte == UInt8(ascii: "/") {
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") else {
                    throw fail("expected '/>' in the start tag", at: index)
                }
                index += 2
                isEmpty = true
                break
            }
            guard hadSpace, Self.isNameStart(byte) else {
                throw fail("unexpected '\(Self.describe(byte))' in the start tag <\(string(nameRange.lowerBound, nameRange.upperBound))>", at: index)
            }
            let attributeStart = index
            let attributeName = name()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                throw fail("attribute '\(string(attributeName.lowerBound, attributeName.upperBound))' has no value (expected '=')", at: index)
            }
            index += 1
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw fail("attribute value must be quoted", at: index)
            }
            let quote = bytes[index]
            let valueStart = index + 1
            var valueEnd = valueStart
            while valueEnd < bytes.count, bytes[valueEnd] != quote { valueEnd += 1 }
            guard valueEnd < bytes.count else { throw fail("end of file inside an attribute value", at: index) }
            let value = try decode(valueStart, valueEnd, inAttribute: true)
            index = valueEnd + 1
            raw.append((attributeName, value, valueStart..<valueEnd, attributeStart..<index))
            if raw.count > limits.maxAttributes {
                throw fail("more than \(limits.maxAttributes) attributes on one element", at: attributeStart)
            }
        }
        if open.count >= limits.maxDepth {
            throw fail("elements nested deeper than \(limits.maxDepth) levels", at: tagStart)
        }

        // Namespace declarations first, then resolve names.
        let bindingCount = bindings.count
        for attribute in raw {
            let qualified = string(attribute.name.lowerBound, attribute.name.upperBound)
            if qualified == "xmlns" {
                bindings.append(("", attribute.value.text))
            } else if qualified.hasPrefix("xmlns:") {
                let prefix = String(qualified.dropFirst(6))
                if attribute.value.text.isEmpty {
                    bindings.removeLast(bindings.count - bindingCount)
                    throw fail("namespace prefix '\(prefix)' bound to an empty URI", at: attribute.range.lowerBound)
                }
                bindings.append((prefix, attribute.value.text))
            }
        }
        do {
            let elementName = try qname(nameRange, isElement: true)
            var attributes: [XMLScanAttribute] = []
            attributes.reserveCapacity(raw.count)
            var seen = Set<XMLQName>()
            for attribute in raw {
                let attributeName = try qname(attribute.name, isElement: false)
                // Same local name and namespace is a duplicate, whatever the prefix.
                let key = XMLQName(qualified: "", prefix: nil, local: attributeName.local, namespace: attributeName.namespace)
                if !seen.insert(key).inserted {
                    throw fail("duplicate attribute '\(attributeName.qualified)'", at: attribute.range.lowerBound)
                }
                attributes.append(XMLScanAttribute(name: attributeName, value: attribute.value.text, valueText: attribute.value, range: attribute.range))
            }
            sawRoot = true
            open.append(OpenElement(name: elementName, start: tagStart, bindingCount: bindingCount))
            let tag = XMLStartTag(name: elementName, attributes: attributes, range: tagStart..<index, isEmptyElement: isEmpty)
            if isEmpty { pendingEnd = XMLEndTag(name: elementName, range: index..<index) }
            return tag
        } catch {
            bindings.removeLast(bindings.count - bindingCount)
            throw error
        }
    }

    private mutating func endTag() throws -> XMLEndTag {
        let tagStart = index
        index += 2
        guard index < bytes.count, Self.isNameStart(bytes[index]) else {
            throw fail(index < bytes.count ? "expected an element name after '</'" : "end of file inside an end tag", at: index)
        }
        let nameRange = name()
        skipSpace()
        guard index < bytes.count else { throw fail("end of file inside an end tag", at: tagStart) }
        guard bytes[index] == UInt8(ascii: ">") else {
            throw fail("unexpected '\(Self.describe(bytes[index]))' in an end tag (expected '>')", at: index)
        }
        index += 1
        let qualified = string(nameRange.lowerBound, nameRange.upperBound)
        guard let top = open.last else {
            throw fail("end tag </\(qualified)> without a matching start tag", at: tagStart)
        }
        guard top.name.qualified == qualified else {
            let at = location(top.start)
            throw fail("mismatched end tag </\(qualified)>: expected </\(top.name.qualified)> (opened at \(at.line):\(at.column))", at: tagStart)
        }
        let name = top.name
        closeTop()
        return XMLEndTag(name: name, range: tagStart..<index)
    }

    /// Resolves a qualified name's prefix against the bindings in scope.
    private func qname(_ range: Range<Int>, isElement: Bool) throws -> XMLQName {
        let qualified = string(range.lowerBound, range.upperBound)
        var colon = -1
        for k in range where bytes[k] == UInt8(ascii: ":") {
            if colon >= 0 { throw fail("invalid name '\(qualified)' (more than one ':')", at: range.lowerBound) }
            colon = k
        }
        if colon < 0 {
            if !isElement { return XMLQName(qualified: qualified, prefix: nil, local: qualified, namespace: qualified == "xmlns" ? XMLNamespaces.xmlns : nil) }
            let uri = bindings.last { $0.prefix.isEmpty }?.uri
            return XMLQName(qualified: qualified, prefix: nil, local: qualified, namespace: uri?.isEmpty == false ? uri : nil)
        }
        if colon == range.lowerBound || colon == range.upperBound - 1 {
            throw fail("invalid name '\(qualified)'", at: range.lowerBound)
        }
        let prefix = string(range.lowerBound, colon)
        let local = string(colon + 1, range.upperBound)
        let uri: String?
        switch prefix {
        case "xml": uri = XMLNamespaces.xml
        case "xmlns": uri = XMLNamespaces.xmlns
        default: uri = bindings.last { $0.prefix == prefix }?.uri
        }
        guard let uri else { throw fail("undeclared namespace prefix '\(prefix)' in '\(qualified)'", at: range.lowerBound) }
        return XMLQName(qualified: qualified, prefix: prefix, local: local, namespace: uri)
    }

    // MARK: - DOCTYPE

    /// Checks a DOCTYPE: an external DTD is never loaded (and refused unless allowed); an internal
    /// subset may hold element, attribute-list and notation declarations, comments and PIs, but
    /// no entity declaration and no parameter-entity reference.
    private mutating func doctype() throws {
        let start = index
        if sawRoot { throw fail("DOCTYPE after the root element", at: start) }
        if sawDoctype { throw fail("a second DOCTYPE", at: start) }
        sawDoctype = true
        index += 9
        guard skipSpace(), index < bytes.count, Self.isNameStart(bytes[index]) else {
            throw fail("expected the root element name after '<!DOCTYPE'", at: index)
        }
        let nameRange = name()
        doctypeName = string(nameRange.lowerBound, nameRange.upperBound)
        skipSpace()
        if has("SYSTEM", at: index) || has("PUBLIC", at: index) {
            let isPublic = bytes[index] == UInt8(ascii: "P")
            let keywordAt = index
            index += 6
            var literals: [String] = []
            for _ in 0..<(isPublic ? 2 : 1) {
                skipSpace()
                let literalStart = index
                literals.append(try quotedLiteral(what: "DOCTYPE identifier"))
                externalDTD = (literals[literals.count - 1], literalStart..<index)
            }
            if !limits.allowsExternalDTDReference && !lenientDoctype {
                throw fail("DOCTYPE referencing an external DTD (\"\(literals.last ?? "")\") is not accepted; Copydesk never loads DTDs", at: keywordAt)
            }
            skipSpace()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "[") {
            index += 1
            try internalSubset()
            skipSpace()
        }
        guard index < bytes.count else { throw fail("end of file inside the DOCTYPE", at: start) }
        guard bytes[index] == UInt8(ascii: ">") else {
            throw fail("unexpected '\(Self.describe(bytes[index]))' in the DOCTYPE (expected '>')", at: index)
        }
        index += 1
    }

    private mutating func internalSubset() throws {
        while true {
            skipSpace()
            guard index < bytes.count else { throw fail("end of file inside the DOCTYPE internal subset", at: index) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "]") { index += 1; return }
            if has("<!--", at: index) { try skip(past: "-->", from: index + 4, what: "comment"); continue }
            if has("<?", at: index) { try skip(past: "?>", from: index + 2, what: "processing instruction"); continue }
            if has("<!ENTITY", at: index) {
                let declStart = index
                if lenientDoctype { try skipDeclaration(); continue }
                index += 8
                skipSpace()
                let isParameter = index < bytes.count && bytes[index] == UInt8(ascii: "%")
                if isParameter { index += 1; skipSpace() }
                var entityName = "?"
                if index < bytes.count, Self.isNameStart(bytes[index]) {
                    let range = name()
                    entityName = string(range.lowerBound, range.upperBound)
                }
                skipSpace()
                if has("SYSTEM", at: index) || has("PUBLIC", at: index) {
                    let isPublic = bytes[index] == UInt8(ascii: "P")
                    index += 6
                    skipSpace()
                    var target = (try? quotedLiteral(what: "entity identifier")) ?? ""
                    if isPublic { skipSpace(); target = (try? quotedLiteral(what: "entity identifier")) ?? target }
                    throw fail("DOCTYPE declaring the external entity '\(entityName)' (\"\(target)\") is not accepted (XML external entity, XXE); Copydesk never reads files or the network an XML file names", at: declStart)
                }
                throw fail("DOCTYPE with entity declarations is not accepted (XML entity expansion): '\(isParameter ? "%" : "")\(entityName)' is declared here", at: declStart)
            }
            if has("<!", at: index) { try skipDeclaration(); continue }
            if byte == UInt8(ascii: "%") {
                throw fail("parameter entity reference in the DOCTYPE is not accepted (XML entity expansion)", at: index)
            }
            throw fail("unexpected '\(Self.describe(byte))' in the DOCTYPE internal subset", at: index)
        }
    }

    /// Skips `<!ELEMENT …>` and the like, honouring quoted strings.
    private mutating func skipDeclaration() throws {
        let start = index
        index += 2
        var quote: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return
            }
        }
        throw fail("end of file inside a DOCTYPE declaration", at: start)
    }

    private mutating func quotedLiteral(what: String) throws -> String {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
            throw fail("expected a quoted \(what)", at: index)
        }
        let quote = bytes[index]
        let start = index + 1
        var end = start
        while end < bytes.count, bytes[end] != quote { end += 1 }
        guard end < bytes.count else { throw fail("end of file inside a quoted \(what)", at: index) }
        index = end + 1
        return string(start, end)
    }

    // MARK: - Character data

    /// Decodes references in `[start, end)` into mapped text.
    private func decode(_ start: Int, _ end: Int, inAttribute: Bool) throws -> MappedText {
        var firstSpecial = start
        while firstSpecial < end, bytes[firstSpecial] != UInt8(ascii: "&"), !(inAttribute && bytes[firstSpecial] == UInt8(ascii: "<")) {
            firstSpecial += 1
        }
        if firstSpecial == end { return MappedText(verbatim: string(start, end), sourceOffset: start) }

        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var pieces: [MappedText.Piece] = []
        var runStart = start
        var k = firstSpecial
        func flush(_ upTo: Int) {
            guard upTo > runStart else { return }
            out.append(contentsOf: bytes[runStart..<upTo])
            pieces.append(MappedText.Piece(length: upTo - runStart, source: runStart..<upTo, kind: .verbatim))
        }
        while k < end {
            let byte = bytes[k]
            if byte == UInt8(ascii: "<") { throw fail("'<' inside an attribute value", at: k) }
            guard byte == UInt8(ascii: "&") else { k += 1; continue }
            flush(k)
            var semicolon = k + 1
            while semicolon < end, semicolon - k <= 40, bytes[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
            guard semicolon < end, bytes[semicolon] == UInt8(ascii: ";") else {
                throw fail("'&' that does not start an entity or character reference (write '&amp;')", at: k)
            }
            let scalar = try reference(k + 1, semicolon, at: k)
            let encoded = Array(String(Character(scalar)).utf8)
            out.append(contentsOf: encoded)
            pieces.append(MappedText.Piece(length: encoded.count, source: k..<(semicolon + 1), kind: .decoded))
            k = semicolon + 1
            runStart = k
        }
        flush(end)
        return MappedText(text: String(decoding: out, as: UTF8.self), pieces: pieces)
    }

    /// The scalar a reference body (between `&` and `;`) stands for.
    private func reference(_ start: Int, _ end: Int, at offset: Int) throws -> Unicode.Scalar {
        let body = string(start, end)
        if body.hasPrefix("#") {
            let isHex = body.hasPrefix("#x")
            let digits = body.dropFirst(isHex ? 2 : 1)
            guard !digits.isEmpty, digits.count <= 8, let value = UInt32(digits, radix: isHex ? 16 : 10) else {
                throw fail("malformed character reference '&\(body);'", at: offset)
            }
            guard Self.isXMLChar(value), let scalar = Unicode.Scalar(value) else {
                throw fail("character reference '&\(body);' is not an allowed XML character", at: offset)
            }
            return scalar
        }
        switch body {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            if body.isEmpty { throw fail("empty entity reference '&;'", at: offset) }
            throw fail("undeclared entity '&\(body);' (only &lt; &gt; &amp; &quot; &apos; and character references such as &#160; are accepted)", at: offset)
        }
    }

    private static func isXMLChar(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
    }

    // MARK: - Bytes

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = index
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        return index > start
    }

    /// Scans a name at `index` (caller checked the first byte) and returns its byte range.
    private mutating func name() -> Range<Int> {
        let start = index
        index += 1
        while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
        return start..<index
    }

    private mutating func skip(past terminator: StaticString, from: Int, what: String) throws {
        let start = index
        guard let found = find(terminator, from: from) else {
            throw fail("end of file inside a \(what)", at: start)
        }
        index = found + terminator.utf8CodeUnitCount
    }

    private func find(_ needle: StaticString, from: Int) -> Int? {
        let length = needle.utf8CodeUnitCount
        return needle.withUTF8Buffer { pattern -> Int? in
            let first = pattern[0]
            var k = from
            let last = bytes.count - length
            while k <= last {
                if bytes[k] == first {
                    var match = true
                    var j = 1
                    while j < length { if bytes[k + j] != pattern[j] { match = false; break }; j += 1 }
                    if match { return k }
                }
                k += 1
            }
            return nil
        }
    }

    private func has(_ prefix: StaticString, at offset: Int) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard offset + length <= bytes.count else { return false }
        return prefix.withUTF8Buffer { pattern in
            var j = 0
            while j < length { if bytes[offset + j] != pattern[j] { return false }; j += 1 }
            return true
        }
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private func location(_ offset: Int) -> SourceLocation { source.location(of: offset) }

    private func fail(_ message: String, at offset: Int) -> CopydeskError {
        let at = location(offset)
        return CopydeskError.input(file: source.path, message: "\(at.line):\(at.column): \(message)")
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    private static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return String(UnicodeScalar(byte)) }
        return byte < 0x80 ? "0x" + String(byte, radix: 16, uppercase: true) : "non-ASCII character"
    }
}
