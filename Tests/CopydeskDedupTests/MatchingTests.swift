import Copydesk
import Foundation
import Testing

@Suite struct HashingTests {
    @Test func xxHash64MatchesTheReferenceVectors() {
        #expect(XXH64.hash("") == 0xEF46_DB37_51D8_E999)
        #expect(XXH64.hash("abc") == 0x44BC_2CF5_AD77_0999)
        // Longer than one 32-byte stripe.
        #expect(XXH64.hash(String(repeating: "a", count: 100)) != XXH64.hash(String(repeating: "a", count: 101)))
    }

    @Test func sha256MatchesTheReferenceVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}

@Suite struct MatchTextTests {
    let tokenizer = try! WordTokenizer()

    @Test func wordsAreCasefoldedAndFreeOfPunctuation() throws {
        #expect(try tokenizer.words(in: "“We’re NOT against it,” Stam said — ﬁnally. Ｐｕｔｉｎ's") == ["were", "not", "against", "it", "stam", "said", "finally", "putins"])
        #expect(try tokenizer.words(in: "Ο ΠΡΩΘΥΠΟΥΡΓΟΣ είπε· «Όχι»") == ["ο", "πρωθυπουργοσ", "είπε", "όχι"].map { try! Normalizer(form: .nfkcCasefold).normalize($0) })
    }

    @Test func chineseIsSplitIntoWordsByICU() throws {
        let words = try tokenizer.words(in: "国务院总理今天在人民大会堂作政府工作报告。")
        #expect(words.count >= 6)
        #expect(words.contains("人民大会堂") || words.contains("人民"))
        #expect(!words.contains("。"))
    }

    @Test func datelineBylineHeadlineAndBoilerplateDoNotCount() throws {
        let story = try Fixtures.story(headline: "Headline", byline: "By A WRITER", [
            "AMSTERDAM, March 4 (Reuters) - Dock workers began a strike.",
            "Second paragraph here.",
            "(Reporting by Bart Meijer; Editing by Jan Harvey)",
        ])
        let text = try MatchText(story: story, tokenizer: tokenizer)
        #expect(text.paragraphs.map(\.text) == ["Dock workers began a strike.", "Second paragraph here."])
        #expect(text.paragraphs.map(\.number) == [1, 2])
        #expect(DatelinePrefix.removingPrefix(from: "(ANSA) - ROMA, 1 LUG - Il governo ha detto.", known: nil) == "Il governo ha detto.")
        #expect(DatelinePrefix.removingPrefix(from: "Stockholm, Aug 29, 2014 (AFP) - Sweden said.", known: nil) == "Sweden said.")
        #expect(DatelinePrefix.removingPrefix(from: "The minister - who spoke late - said.", known: nil) == "The minister - who spoke late - said.")
        #expect(Boilerplate.isBoilerplate("bur-ab/cd"))
        #expect(Boilerplate.isBoilerplate("Associated Press writer Mike Corder in The Hague contributed to this report."))
        #expect(!Boilerplate.isBoilerplate("The union said it would strike again."))
        #expect(!Boilerplate.isBoilerplate("For more than a decade, the port has automated its terminals."))
        #expect(Boilerplate.isBoilerplate("Source: RES-EAP"))
    }

    @Test func theSameWordsGiveTheSameTextHash() throws {
        let a = try MatchText(story: Fixtures.story(headline: "A", ["BERLIN (dpa) - Die Regierung  sagte:  \"Nein.\""]), tokenizer: tokenizer)
        let b = try MatchText(story: Fixtures.story(headline: "B", ["Die regierung sagte – nein"]), tokenizer: tokenizer)
        #expect(a.textHash == b.textHash)
        #expect(a.textHash.count == 32)
    }

    @Test func minHashEstimatesJaccard() {
        var generator = SeededGenerator(seed: 7)
        let words = (0..<600).map { _ in UInt64.random(in: 0..<5000, using: &generator) }
        var edited = words
        for index in stride(from: 0, to: 600, by: 25) { edited[index] = UInt64.random(in: 5000..<9000, using: &generator) }
        let shingler = Shingler(size: 5)
        let exact = SetSimilarity.jaccard(shingler.shingleSet(words), shingler.shingleSet(edited))
        let hasher = MinHasher(length: 128)
        let estimate = hasher.signature(shingles: shingler.shingles(words)).similarity(to: hasher.signature(shingles: shingler.shingles(edited)))
        #expect(abs(estimate - exact) < 0.12)
        // A short text leaves bins empty; densification still gives identical texts equal signatures.
        let short = shingler.shingles(Array(words.prefix(12)))
        #expect(hasher.signature(shingles: short).similarity(to: hasher.signature(shingles: short)) == 1)
        #expect(LSHBanding().candidateProbability(0.8) > 0.9999)
        #expect(LSHBanding().candidateProbability(0.3) < 0.3)
    }
}

/// Deterministic random numbers for generated tests.
struct SeededGenerator: RandomNumberGenerator {
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
