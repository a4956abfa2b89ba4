import Testing
@testable import CopydeskICU

private func normalize(_ form: NormalizationForm, _ bytes: [UInt8]) throws -> [UInt8] {
    try bytes.withUnsafeBufferPointer { try Normalizer(form: form).normalize(utf8: $0) }
}

private func prefix(_ form: NormalizationForm, _ bytes: [UInt8]) throws -> Int {
    try bytes.withUnsafeBufferPointer { try Normalizer(form: form).normalizedPrefixLength(utf8: $0) }
}

@Test func nfcAndNfdRoundTrip() throws {
    let nfc = try Normalizer(form: .nfc), nfd = try Normalizer(form: .nfd)
    #expect(try nfc.normalize("e\u{301}").unicodeScalars.map(\.value) == [0xE9])
    #expect(try nfd.normalize("é").unicodeScalars.map(\.value) == [0x65, 0x301])
    #expect(try nfc.normalize(nfd.normalize("Café Ελλάδα")) == "Café Ελλάδα")
    #expect(try normalize(.nfc, Array("e\u{301}".utf8)) == [0xC3, 0xA9])
    #expect(try normalize(.nfd, [0xC3, 0xA9]) == [0x65, 0xCC, 0x81])
    #expect(try normalize(.nfc, []) == [])
}

@Test func compatibilityAndCasefold() throws {
    #expect(try Normalizer(form: .nfkc).normalize("ﬁ") == "fi")
    #expect(try Normalizer(form: .nfkd).normalize("²").unicodeScalars.map(\.value) == [0x32])
    #expect(try Normalizer(form: .nfkcCasefold).normalize("Straße") == "strasse")
    #expect(NormalizationForm(rawValue: "nfkc-casefold") == .nfkcCasefold)
    #expect(NormalizationForm.allCases.count == 5)
}

@Test func decompositionGrowsPastTheInitialGuess() throws {
    // Each "ǖ" (2 bytes) becomes u + U+0308 + U+0304 (5 bytes): forces the retry with the exact size.
    let text = String(repeating: "ǖ", count: 1000)
    let out = try Normalizer(form: .nfd).normalize(text)
    #expect(out.utf8.count == 5000)
    #expect(try Normalizer(form: .nfc).normalize(out) == text)
}

@Test func isNormalized() throws {
    let nfc = try Normalizer(form: .nfc)
    #expect(try nfc.isNormalized("é"))
    #expect(try !nfc.isNormalized("e\u{301}"))
    #expect(try Normalizer(form: .nfd).isNormalized("e\u{301}"))
    #expect(try !Normalizer(form: .nfkcCasefold).isNormalized("Paris"))
    let bytes = Array("ﬁ".utf8)
    #expect(try bytes.withUnsafeBufferPointer { try Normalizer(form: .nfkc).isNormalized(utf8: $0) } == false)
}

@Test func normalizedPrefixLengthBasics() throws {
    let ascii = Array("The quick brown fox jumps over the lazy dog 0123456789!".utf8)
    for form in [NormalizationForm.nfc, .nfd, .nfkc, .nfkd] {
        #expect(try prefix(form, ascii) == ascii.count)
    }
    // Casefolding changes uppercase ASCII.
    #expect(try prefix(.nfkcCasefold, Array("abc Def".utf8)) == 4)
    // The "e" may compose with the following accent, so the prefix ends at or before it.
    let cafe = Array("Cafe\u{301} au lait".utf8)
    let n = try prefix(.nfc, cafe)
    #expect(n <= 3)
    #expect(n == 3)
    // Precomposed Latin, Greek and Cyrillic are NFC and go through the fast scan entirely.
    let mixed = Array("Café Ελλάδα Москва 東京".utf8)
    #expect(try prefix(.nfc, mixed) == mixed.count)
    // ...but NFD has to decompose é.
    #expect(try prefix(.nfd, mixed) == 3)
    #expect(try prefix(.nfkc, Array("xﬁ".utf8)) == 1)
    #expect(try prefix(.nfc, []) == 0)
    // Ill-formed UTF-8 ends the prefix.
    #expect(try prefix(.nfc, [0x61, 0x62, 0xFF, 0x63]) == 2)
    #expect(try prefix(.nfc, [0x61, 0xC3]) == 1)
}

/// A prefix must be normalized and a normalization boundary: normalizing it and the rest separately
/// gives the same result as normalizing the whole.
@Test(arguments: NormalizationForm.allCases)
func normalizedPrefixLengthIsSafeOnRandomText(form: NormalizationForm) throws {
    let pieces = [
        "a", "e", "E", "Z", " ", ".", "é", "ß", "\u{301}", "\u{308}", "\u{323}", "\u{340}", "ﬁ", "²", "Ω", "\u{2126}",
        "Ά", "α", "\u{345}", "Д", "й", "и\u{306}", "\u{1100}", "\u{1161}", "\u{11A8}", "가", "東", "\u{0B47}",
        "\u{0B3E}", "\u{05B4}", "ש", "\u{1F600}", "\u{FB2C}", "\u{0958}", "Å", "A\u{30A}", "ǖ", "\u{00A0}",
    ]
    let normalizer = try Normalizer(form: form)
    var rng = SplitMix(seed: 0xC0FFEE &+ UInt64(form.hashValue & 0xFF))
    for round in 0..<400 {
        var text = ""
        // Long runs cross the shim's 4 KiB quick-check chunks: fast-scanned, ICU-checked, and boundary-free.
        if round % 25 == 0 { text += String(repeating: ["й", "東", "가", "\u{323}"][(round / 25) % 4], count: 3000) }
        for _ in 0..<Int(rng.next() % 24) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
        let bytes = Array(text.utf8)
        let n = try bytes.withUnsafeBufferPointer { try normalizer.normalizedPrefixLength(utf8: $0) }
        #expect(n >= 0 && n <= bytes.count)
        #expect(n == bytes.count || (bytes[n] & 0xC0) != 0x80, "prefix splits a scalar")
        let head = Array(bytes[..<n]), tail = Array(bytes[n...])
        let whole = try normalize(form, bytes)
        let parts = try normalize(form, head) + normalize(form, tail)
        let sample = text.unicodeScalars.suffix(40).map { String($0.value, radix: 16) }
        let headIsNormalized = try normalize(form, head) == head
        let isBoundary = whole == parts
        #expect(headIsNormalized, "prefix \(n) not normalized; text ends \(sample)")
        #expect(isBoundary, "prefix \(n) is not a boundary; text ends \(sample)")
    }
}

@Test func longNormalizedTextIsSkippedWhole() throws {
    let text = String(repeating: "Съешь же ещё этих мягких французских булок. Ελληνικά κείμενα. 日本語。", count: 500)
    let bytes = Array(text.utf8)
    #expect(try prefix(.nfc, bytes) == bytes.count)
    // One decomposed character deep inside: the prefix stops right before its base letter.
    let tail = "e\u{301}"
    let withMark = Array((text + tail).utf8)
    #expect(try prefix(.nfc, withMark) == bytes.count)
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
