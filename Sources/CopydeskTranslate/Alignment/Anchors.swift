/// Tokens that survive translation unchanged, so they tie a paragraph to its translation: numbers
/// (digits only, so `1.200,5` and `1,200.5` agree) and words in Latin capitals or mixed
/// letters-and-digits (`NATO`, `AUKUS`, `G20`).
enum Anchors {
    static func of(_ bytes: [UInt8]) -> [String] {
        var anchors: [String] = []
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if isDigit(byte) {
                let (anchor, end) = number(bytes, from: index)
                anchors.append(anchor)
                index = end
                continue
            }
            if isUpper(byte) {
                let start = index
                var upper = 0, length = 0, hasDigit = false
                while index < count, isUpper(bytes[index]) || isDigit(bytes[index]) || isLower(bytes[index]) {
                    if isUpper(bytes[index]) { upper += 1 }
                    if isDigit(bytes[index]) { hasDigit = true }
                    length += 1
                    index += 1
                }
                if length >= 2, upper == length || hasDigit {
                    anchors.append(String(decoding: bytes[start..<index], as: UTF8.self))
                }
                continue
            }
            if isLower(byte) {
                while index < count, isLower(bytes[index]) || isUpper(bytes[index]) || isDigit(bytes[index]) { index += 1 }
                continue
            }
            index += 1
        }
        return anchors
    }

    /// A number's value as digits, read the same whatever the locale: a separator followed by
    /// exactly three digits groups thousands (`1.200`, `1,200`, `1 200` → `1200`), any other is
    /// the decimal point (`1,5`, `1.5` → `1.5`).
    static func number(_ bytes: [UInt8], from start: Int) -> (String, Int) {
        var value: [UInt8] = []
        var index = start
        let count = bytes.count
        while index < count {
            let current = bytes[index]
            if isDigit(current) { value.append(current); index += 1; continue }
            guard current == UInt8(ascii: ".") || current == UInt8(ascii: ",") || current == UInt8(ascii: " "),
                  index + 1 < count, isDigit(bytes[index + 1]) else { break }
            var digits = 0
            while index + 1 + digits < count, isDigit(bytes[index + 1 + digits]) { digits += 1 }
            if digits == 3 {
                index += 1
            } else if current == UInt8(ascii: " ") {
                break
            } else {
                value.append(UInt8(ascii: "."))
                index += 1
                while index < count, isDigit(bytes[index]) { value.append(bytes[index]); index += 1 }
                break
            }
        }
        return (String(decoding: value, as: UTF8.self), index)
    }

    /// Share of anchors the two sides have in common (0 when neither has any).
    static func agreement(_ source: [String], _ target: [String]) -> Double {
        guard !source.isEmpty || !target.isEmpty else { return 0 }
        var counts: [String: Int] = [:]
        for anchor in source { counts[anchor, default: 0] += 1 }
        var shared = 0
        for anchor in target where (counts[anchor] ?? 0) > 0 {
            counts[anchor]! -= 1
            shared += 1
        }
        return Double(shared) / Double(max(source.count, target.count))
    }

    /// Letters and digits, counted as Unicode scalars (spaces and punctuation left out, so
    /// scripts with and without spacing conventions compare fairly).
    static func letterCount(_ bytes: [UInt8]) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 {
            if byte >= 0x80 || isDigit(byte) || isUpper(byte) || isLower(byte) { count += 1 }
        }
        return count
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
    @inline(__always) static func isLower(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
}
