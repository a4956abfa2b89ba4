import Testing
@testable import CopydeskICU

@Test func latinWithCyrillicLookalikeIsFlagged() throws {
    let checker = try SpoofChecker()
    let spoof = try checker.check("P\u{430}ris")
    #expect(spoof.isSuspicious)
    #expect(spoof.mixedScript)
    #expect(spoof.restrictionLevelFailed)
    #expect(spoof.checks & 16 != 0) // USPOOF_RESTRICTION_LEVEL
}

@Test(arguments: ["Paris", "Москва", "Αθήνα", "東京タワー", "New York 2024"])
func singleScriptTextPasses(text: String) throws {
    let result = try SpoofChecker().check(text)
    #expect(result == SpoofCheckResult(isSuspicious: false, mixedScript: false, restrictionLevelFailed: false, checks: 0))
}

@Test func mixedDigitSystemsAreFlagged() throws {
    let result = try SpoofChecker().check("\u{661}2")
    #expect(result.isSuspicious)
    #expect(!result.restrictionLevelFailed)
    #expect(result.checks & 128 != 0) // USPOOF_MIXED_NUMBERS
}

@Test func skeletonsOfLookalikesMatch() throws {
    let checker = try SpoofChecker()
    #expect(try checker.skeleton("P\u{430}ris") == checker.skeleton("Paris"))
    #expect(try checker.skeleton("Paris") != checker.skeleton("Pans"))
}
