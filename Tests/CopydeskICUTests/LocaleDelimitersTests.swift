import Testing
@testable import CopydeskICU

// Pinned to CLDR data as shipped with ICU 72.
@Test(arguments: [
    ("en", "“", "”", "‘", "’"),
    ("de", "„", "“", "‚", "‘"),
    ("fr", "«", "»", "«", "»"),
    ("el", "«", "»", "“", "”"),
    ("ru", "«", "»", "„", "“"),
    ("ja", "「", "」", "『", "』"),
])
func delimiters(locale: String, qs: String, qe: String, aqs: String, aqe: String) throws {
    let d = try LocaleDelimiters(locale: locale)
    #expect(d == LocaleDelimiters(quotationStart: qs, quotationEnd: qe, alternateQuotationStart: aqs, alternateQuotationEnd: aqe))
}

@Test func unknownLocaleFallsBackToRoot() throws {
    #expect(try LocaleDelimiters(locale: "xx") == LocaleDelimiters(locale: "en"))
    #expect(try LocaleDelimiters(locale: "de_CH").quotationStart == "„")
}
