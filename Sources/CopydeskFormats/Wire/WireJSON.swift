import CopydeskCore

/// A JSON value whose strings remember where each of their bytes came from in the file.
///
/// Written for ninjs: the text fields must map back to byte offsets of the JSON file, which
/// `JSONDecoder` cannot give. Keys are plain strings; objects keep their member order.
indirect enum WireJSON {
    case object([(key: String, value: WireJSON)])
    case array([WireJSON])
    case string(WireDecodedText)
    case number(String)
    case bool(Bool)
    case null

    /// Member by key, ignoring ASCII case (ninjs 1.x/2.x write `versioncreated`, 3.x `versionCreated`).
    subscript(key: String) -> WireJSON? {
        guard case .object(let members) = self else { return nil }
        let lower = key.lowercased()
        return members.first { $0.key.lowercased() == lower }?.value
    }

    var stringValue: String? {
        switch self {
        case .string(let text): text.string
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }

    var text: WireDecodedText? {
        if case .string(let text) = self { return text }
        return nil
    }

    var arrayValue: [WireJSON] {
        if case .array(let items) = self { return items }
        return []
    }
}

/// Recursive-descent JSON parser over UTF-8 bytes (RFC 8259), with a depth limit.
struct WireJSONParser {
    struct Failure: Error { var offset: Int; var message: String }

    let bytes: [UInt8]
    private var i = 0
    private var depth = 0
    static let maxDepth = 200

    init(bytes: [UInt8]) { self.bytes = bytes }

    static func parse(_ bytes: [UInt8]) throws(Failure) -> WireJSON {
        var parser = WireJSONParser(bytes: bytes)
        // A UTF-8 byte-order mark is not JSON but files carry it.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { parser.i = 3 }
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        if parser.i < bytes.count { throw Failure(offset: parser.i, message: "unexpected content after the JSON value") }
        return value
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    private mutating func value() throws(Failure) -> WireJSON {
        guard i < bytes.count else { throw Failure(offset: i, message: "unexpected end of file") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), 0x30...0x39: return .number(number())
        default: throw Failure(offset: i, message: "unexpected character '\(Self.show(bytes[i]))'")
        }
    }

    private static func show(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\u{\(String(byte, radix: 16))}"
    }

    private mutating func literal(_ word: String) throws(Failure) {
        for c in word.utf8 {
            guard i < bytes.count, bytes[i] == c else { throw Failure(offset: i, message: "invalid literal (expected '\(word)')") }
            i += 1
        }
    }

    private mutating func number() -> String {
        let start = i
        while i < bytes.count, WireBytes.isDigit(bytes[i]) || bytes[i] == 0x2D || bytes[i] == 0x2B || bytes[i] == 0x2E || bytes[i] == 0x65 || bytes[i] == 0x45 { i += 1 }
        return WireBytes.string(bytes, start..<i)
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > Self.maxDepth { throw Failure(offset: i, message: "JSON nested deeper than \(Self.maxDepth) levels") }
    }

    private mutating func object() throws(Failure) -> WireJSON {
        try enter()
        defer { depth -= 1 }
        i += 1
        var members: [(key: String, value: WireJSON)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw Failure(offset: i, message: "expected a member name in quotes") }
            let key = try string().string
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw Failure(offset: i, message: "expected ':' after member name \"\(key)\"") }
            i += 1
            skipSpace()
            members.append((key, try value()))
            skipSpace()
            guard i < bytes.count else { throw Failure(offset: i, message: "unexpected end of file in an object") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw Failure(offset: i, message: "expected ',' or '}' in an object")
        }
    }

    private mutating func array() throws(Failure) -> WireJSON {
        try enter()
        defer { depth -= 1 }
        i += 1
        var items: [WireJSON] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard i < bytes.count else { throw Failure(offset: i, message: "unexpected end of file in an array") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw Failure(offset: i, message: "expected ',' or ']' in an array")
        }
    }

    /// A string: runs of plain bytes are `.verbatim`, each escape a `.decoded` piece over its
    /// source bytes (a surrogate pair is one piece over both `\u` escapes).
    private mutating func string() throws(Failure) -> WireDecodedText {
        let open = i
        i += 1
        var builder = WireTextBuilder()
        var runStart = i
        while true {
            guard i < bytes.count else { throw Failure(offset: open, message: "unterminated string") }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                builder.verbatim(bytes, runStart..<i)
                i += 1
                return WireDecodedText(builder)
            }
            if b == UInt8(ascii: "\\") {
                builder.verbatim(bytes, runStart..<i)
                let escapeStart = i
                guard i + 1 < bytes.count else { throw Failure(offset: i, message: "unterminated escape") }
                let e = bytes[i + 1]
                i += 2
                var decoded: [UInt8]
                switch e {
                case UInt8(ascii: "\""): decoded = [0x22]
                case UInt8(ascii: "\\"): decoded = [0x5C]
                case UInt8(ascii: "/"): decoded = [0x2F]
                case UInt8(ascii: "b"): decoded = [0x08]
                case UInt8(ascii: "f"): decoded = [0x0C]
                case UInt8(ascii: "n"): decoded = [0x0A]
                case UInt8(ascii: "r"): decoded = [0x0D]
                case UInt8(ascii: "t"): decoded = [0x09]
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { throw Failure(offset: escapeStart, message: "invalid \\u escape") }
                    if scalar >= 0xD800, scalar < 0xDC00 {
                        // A high surrogate: pair it with the low surrogate that should follow.
                        let save = i
                        if i + 1 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == UInt8(ascii: "u") {
                            i += 2
                            if let low = hex4(), low >= 0xDC00, low < 0xE000 {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            } else { i = save; scalar = 0xFFFD }
                        } else { scalar = 0xFFFD }
                    } else if scalar >= 0xDC00, scalar < 0xE000 {
                        scalar = 0xFFFD
                    }
                    decoded = Array(String(Character(UnicodeScalar(scalar) ?? "\u{FFFD}")).utf8)
                default:
                    throw Failure(offset: escapeStart, message: "invalid escape '\\\(Self.show(e))'")
                }
                builder.decoded(decoded, source: escapeStart..<i)
                runStart = i
                continue
            }
            i += 1
        }
    }

    private mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for k in 0..<4 {
            let b = bytes[i + k]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        i += 4
        return value
    }
}
