import CopydeskICU
import Testing

@Suite struct LocaleCalendarNamesTests {
    @Test func greekMonthsHaveGenitiveFormatAndNominativeStandalone() throws {
        let names = try LocaleMonthNames(locale: "el")
        #expect(names.formatWide[8] == "Σεπτεμβρίου")
        #expect(names.standaloneWide[8] == "Σεπτέμβριος")
        #expect(names.formatWide.count == 12)
        #expect(names.spellings(of: 8).contains("Σεπ"))
    }

    @Test func russianFrenchAndEnglishMonths() throws {
        #expect(try LocaleMonthNames(locale: "ru").formatWide[8] == "сентября")
        #expect(try LocaleMonthNames(locale: "ru").standaloneWide[8] == "сентябрь")
        #expect(try LocaleMonthNames(locale: "fr").formatWide[7] == "août")
        let english = try LocaleMonthNames(locale: "en")
        #expect(english.formatWide[8] == "September")
        #expect(english.formatAbbreviated[8] == "Sep")
    }

    @Test func numberSymbolsFollowTheLocale() throws {
        let greek = try LocaleNumberSymbols(locale: "el")
        #expect(greek.decimal == "," && greek.grouping == ".")
        let english = try LocaleNumberSymbols(locale: "en")
        #expect(english.decimal == "." && english.grouping == ",")
        #expect(try LocaleNumberSymbols(locale: "fr").decimal == ",")
        #expect(try LocaleNumberSymbols(locale: "ru").grouping.unicodeScalars.first?.properties.isWhitespace == true)
    }
}
