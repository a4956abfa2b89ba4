import CICU

/// A locale's quotation marks from CLDR (ulocdata), used to pick the right quotes when rewriting text.
public struct LocaleDelimiters: Sendable, Equatable {
    public var quotationStart: String
    public var quotationEnd: String
    public var alternateQuotationStart: String
    public var alternateQuotationEnd: String

    /// Unknown locales fall back through ICU's locale chain (ultimately to root, i.e. “ ” ‘ ’).
    public init(locale: String) throws {
        let capacity = 64
        var buffers = [CChar](repeating: 0, count: capacity * 4)
        try buffers.withUnsafeMutableBufferPointer { b in
            let base = b.baseAddress!
            try ICUError.check(locale.withCString {
                cicu_locale_delimiters(
                    $0, base, base + capacity, base + 2 * capacity, base + 3 * capacity, Int32(capacity))
            })
        }
        func field(_ i: Int) -> String {
            let slice = buffers[(i * capacity)..<((i + 1) * capacity)]
            return String(decoding: slice.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        self.init(
            quotationStart: field(0), quotationEnd: field(1),
            alternateQuotationStart: field(2), alternateQuotationEnd: field(3))
    }

    public init(
        quotationStart: String, quotationEnd: String, alternateQuotationStart: String, alternateQuotationEnd: String
    ) {
        self.quotationStart = quotationStart
        self.quotationEnd = quotationEnd
        self.alternateQuotationStart = alternateQuotationStart
        self.alternateQuotationEnd = alternateQuotationEnd
    }
}
