import Testing
@testable import CopydeskICU

@Test func matchesAreUTF8ByteRanges() throws {
    let text = "Ελλάδα: 12 και 345 €"
    let regex = try ICURegex(pattern: "\\d+")
    #expect(regex.pattern == "\\d+")
    let ranges = try regex.matches(in: text)
    let bytes = Array(text.utf8)
    #expect(ranges.map { String(decoding: bytes[$0], as: UTF8.self) } == ["12", "345"])
    #expect(ranges.first == 14..<16) // "Ελλάδα: " is 12 + 2 bytes
    #expect(try regex.firstMatch(in: text) == 14..<16)
    #expect(try regex.firstMatch(in: "none") == nil)
}

@Test func caseInsensitiveUnicode() throws {
    let regex = try ICURegex(pattern: "москва", caseInsensitive: true)
    #expect(try regex.matches(in: "В МОСКВА и Москва") == [3..<15, 19..<31])
    #expect(try ICURegex(pattern: "москва").matches(in: "МОСКВА").isEmpty)
}

@Test func emptyMatchesDoNotLoop() throws {
    #expect(try ICURegex(pattern: "x*").matches(in: "ab").count == 3)
}

@Test func catastrophicBacktrackingTimesOut() throws {
    // ICU's step limit stops the match (the error proves it was stopped, not finished).
    #expect {
        _ = try ICURegex(pattern: "(a+)+$").matches(in: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!")
    } throws: { error in
        (error as? ICUError)?.name == "U_REGEX_TIME_OUT"
    }
}

@Test(arguments: ["(", "[a-", "a{2,1}", "\\p{NoSuchProperty}"])
func invalidPatternThrows(pattern: String) {
    #expect {
        _ = try ICURegex(pattern: pattern)
    } throws: { error in
        guard let error = error as? ICUError else { return false }
        return error.name.hasPrefix("U_REGEX_") || error.name == "U_ILLEGAL_ARGUMENT_ERROR"
    }
}

@Test func icuVersion() {
    #expect(ICUVersion.string.hasPrefix("72."))
    #expect(ICUError(code: 66322).name == "U_REGEX_TIME_OUT")
    #expect(ICUError(code: 66322).description.contains("U_REGEX_TIME_OUT"))
}
