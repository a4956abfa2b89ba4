import Copydesk

/// application/x-www-form-urlencoded, strictly: `+` is a space, `%XX` a byte, and the decoded
/// bytes of every name and value must be UTF-8. A repeated name keeps its first value.
enum FormDecoder {
    static func decode(_ text: String, what: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for pair in text.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decodeComponent(parts[0], what: what, field: nil)
            let value = parts.count > 1 ? try decodeComponent(parts[1], what: what, field: name) : ""
            if result[name] == nil { result[name] = value }
        }
        return result
    }

    private static func decodeComponent(_ bytes: Substring.UTF8View.SubSequence, what: String, field: String?) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(0x20)
            } else if byte == UInt8(ascii: "%") {
                let first = bytes.index(after: index)
                guard bytes.distance(from: first, to: bytes.endIndex) >= 2,
                      let high = hex(bytes[first]), let low = hex(bytes[bytes.index(after: first)]) else {
                    throw APIError.badRequest("malformed-form", "the \(what) has a '%' not followed by two hex digits" + (field.map { " (in parameter '\(QuotedText.bounded($0))')" } ?? ""))
                }
                out.append(high << 4 | low)
                index = bytes.index(first, offsetBy: 2)
                continue
            } else {
                out.append(byte)
            }
            index = bytes.index(after: index)
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            let place = field.map { "parameter '\(QuotedText.bounded($0))'" } ?? "a parameter name"
            throw APIError.badRequest("invalid-utf8", "\(place) of the \(what) is not valid UTF-8 once decoded (at byte \(firstInvalidUTF8(out) ?? 0))")
        }
        return text
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Offset of the first byte that is not part of well-formed UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
