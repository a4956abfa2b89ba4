import CICU

/// A locale's month names from CLDR (ICU `DateFormatSymbols`), in the four forms text uses:
/// format (the form inside a date: Greek genitive "Σεπτεμβρίου", Russian "сентября") and
/// stand-alone ("Σεπτέμβριος", "сентябрь"), each wide and abbreviated.
public struct LocaleMonthNames: Sendable, Equatable {
    public enum Context: Int32, Sendable, CaseIterable { case format = 0, standalone = 1 }
    public enum Width: Int32, Sendable, CaseIterable { case wide = 0, abbreviated = 1, narrow = 2 }

    public var locale: String
    public var formatWide: [String]
    public var formatAbbreviated: [String]
    public var standaloneWide: [String]
    public var standaloneAbbreviated: [String]

    public init(locale: String) throws {
        self.locale = locale
        formatWide = try Self.names(locale, .format, .wide)
        formatAbbreviated = try Self.names(locale, .format, .abbreviated)
        standaloneWide = try Self.names(locale, .standalone, .wide)
        standaloneAbbreviated = try Self.names(locale, .standalone, .abbreviated)
    }

    /// Twelve names, January first.
    public static func names(_ locale: String, _ context: Context, _ width: Width) throws -> [String] {
        var buffer = cicu_buffer(data: nil, size: 0)
        try ICUError.check(locale.withCString { cicu_month_names($0, context.rawValue, width.rawValue, &buffer) })
        return buffer.takeString().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Every distinct spelling of month `index` (0 = January).
    public func spellings(of index: Int) -> [String] {
        var seen: [String] = []
        for name in [formatWide[index], standaloneWide[index], formatAbbreviated[index], standaloneAbbreviated[index]]
        where !name.isEmpty && !seen.contains(name) {
            seen.append(name)
        }
        return seen
    }
}

/// A locale's decimal and grouping separators (ICU `DecimalFormatSymbols`): "," and "." for
/// Greek and German, "," and U+202F for French, "," and U+00A0 for Russian, "." and "," for English.
public struct LocaleNumberSymbols: Sendable, Equatable {
    public var decimal: String
    public var grouping: String

    public init(locale: String) throws {
        let capacity = 16
        var buffer = [CChar](repeating: 0, count: capacity * 2)
        try buffer.withUnsafeMutableBufferPointer { b in
            let base = b.baseAddress!
            try ICUError.check(locale.withCString { cicu_number_symbols($0, base, base + capacity, Int32(capacity)) })
        }
        func field(_ i: Int) -> String {
            String(decoding: buffer[(i * capacity)..<((i + 1) * capacity)].prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        decimal = field(0)
        grouping = field(1)
    }
}
