import Copydesk
import CopydeskTestSupport
import Testing

/// The translation stage on random text — wire fragments, every script, invisible characters,
/// and numbers in every convention (huge digit runs too) — never traps, and every finding lies
/// inside the translation file on whole characters.
@Suite struct ReliabilityTranslationTests {
    static let numbers = [
        "1.200,5", "1,200.5", "3,5%", "3.5 percent", "15 Σεπτεμβρίου", "Sept. 15", "12h30", "12.30 μ.μ.", "244,8 млрд",
        "1,5 δισ.", "€1.5 billion", "2024", "0", "00000000000000000000000000000000000000001", String(repeating: "9", count: 400),
        "1.000.000.000.000.000.000.000.000", "9,999,999,999,999,999,999,999", "3,", ",5", "1..2", "½", "٣٤", "१२", "(", ")", "[", "]",
        "«", "»", "„", "“", "”", "‘", "’", "\"", ";", "·", "κ.", "г.", " : ", " ?", "δύο", "two", "deux", "миллиард", "XX век",
    ]
    static let pairs: [(String?, String?)] = [("el", "en"), ("fr", "en"), ("ru", "en"), ("de", "en"), (nil, nil), ("el", nil)]

    static func text(_ generator: inout WireTextGenerator) -> String {
        var out = ""
        for _ in 0..<Int.random(in: 0...50, using: &generator) {
            out += Int.random(in: 0..<3, using: &generator) == 0 ? generator.pick(numbers) : generator.fragment()
            if Bool.random(using: &generator) { out += " " }
        }
        return out
    }

    @Test func neverTrapsAndReportsInsideTheTranslation() async throws {
        let stage = try TranslationFixtures.stage()
        var failures = 0
        try await WireTextGenerator.forAll(quick: 250) { generator, seed in
            guard failures < 3 else { return }
            let source = Self.text(&generator), target = Self.text(&generator)
            let (sourceLanguage, targetLanguage) = Self.pairs[Int.random(in: 0..<Self.pairs.count, using: &generator)]
            var story = try TranslationFixtures.story(source: source, sourceLanguage: sourceLanguage, target: target, targetLanguage: targetLanguage)
            try await stage.process(&story, context: StageContext(mode: .report))
            let bytes = Array(target.utf8)
            for diagnostic in story.diagnostics {
                let range = diagnostic.range
                let inside = range.lowerBound >= 0 && range.upperBound <= bytes.count && range.lowerBound <= range.upperBound
                let whole = inside && (range.lowerBound == bytes.count || bytes[range.lowerBound] & 0xC0 != 0x80)
                    && (range.upperBound == bytes.count || bytes[range.upperBound] & 0xC0 != 0x80)
                if !whole {
                    failures += 1
                    Issue.record("seed \(seed): \(diagnostic.ruleID) at \(range) outside or inside a character of \(bytes.count) bytes\nsource: \(escaped(source))\ntarget: \(escaped(target))")
                }
            }
        }
    }
}
