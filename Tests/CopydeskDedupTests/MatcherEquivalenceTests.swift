import Copydesk
import Foundation
import Testing

/// `Matcher.bestMatch` takes shortcuts (the story's sets computed once, novelty and the estimate
/// for the winner only, the shared-paragraph test only when the class depends on it). Its result
/// must be exactly the one of `compare(_:with:)` on every candidate worth comparing, the best by
/// `isBetter`, kept as the reference.
@Suite struct MatcherEquivalenceTests {
    static func reference(_ matcher: Matcher, _ story: Fingerprint, _ candidates: [ArchivedStory]) throws -> Comparison? {
        var best: Comparison?
        let exact = candidates.filter { $0.textHash == story.textHash }
        for candidate in exact.isEmpty ? candidates : exact {
            if exact.isEmpty, !matcher.isWorthComparing(story, with: candidate) { continue }
            guard let comparison = try matcher.compare(story, with: candidate) else { continue }
            if let current = best {
                let a = comparison, b = current
                let rank: (DedupClass) -> Int = { [.new, .related, .update, .duplicate].firstIndex(of: $0)! }
                let better: Bool
                if rank(a.similarityClass) != rank(b.similarityClass) { better = rank(a.similarityClass) > rank(b.similarityClass) }
                else if a.exact != b.exact { better = a.exact }
                else if a.jaccard != b.jaccard { better = a.jaccard > b.jaccard }
                else if a.containment != b.containment { better = a.containment > b.containment }
                else { better = a.earlier.recorded > b.earlier.recorded }
                if !better { continue }
            }
            best = comparison
        }
        return best
    }

    @Test func bestMatchIsTheReferenceResult() throws {
        var generator = SeededGenerator(seed: 41)
        // A small vocabulary, so unrelated stories share words, shingles and now and then a paragraph.
        func paragraph(_ words: Int) -> String {
            (0..<words).map { _ in Synthetic.word(Int.random(in: 0..<400, using: &generator)) }.joined(separator: " ") + "."
        }
        let common = (0..<6).map { _ in paragraph(12) }
        var bases: [[String]] = []
        for index in 0..<40 {
            let count = index % 5 == 0 ? 2 : Int.random(in: 3...9, using: &generator)
            var paragraphs = (0..<count).map { _ in paragraph(Int.random(in: 8...40, using: &generator)) }
            if index % 3 == 0 { paragraphs.insert(common[index % common.count], at: 1 % paragraphs.count) }
            bases.append(paragraphs)
        }
        func variant(_ paragraphs: [String]) -> [String] {
            var result = paragraphs
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: result.append(paragraph(30))
            case 1: if result.count > 1 { result.remove(at: Int.random(in: 0..<result.count, using: &generator)) }
            case 2:
                let i = Int.random(in: 0..<result.count, using: &generator)
                var words = result[i].split(separator: " ").map(String.init)
                for _ in 0..<max(1, words.count / 6) { words[Int.random(in: 0..<words.count, using: &generator)] = Synthetic.word(Int.random(in: 500..<900, using: &generator)) }
                result[i] = words.joined(separator: " ")
            case 3: result = result.map { $0.uppercased() }
            case 4: result = Array(result.prefix(2)) + [paragraph(20)]
            default: result.shuffle(using: &generator)
            }
            return result
        }
        let fingerprinter = try Fingerprinter()
        let matcher = Matcher(settings: fingerprinter.settings, tokenizer: fingerprinter.tokenizer)
        var archived: [ArchivedStory] = []
        for (index, base) in bases.enumerated() {
            for version in 0..<3 {
                let paragraphs = version == 0 ? base : variant(base)
                let slug = index % 4 == 0 ? "BC-Story-\(index % 8)" : nil
                var record = try fingerprinter.fingerprint(Fixtures.story(headline: "H", paragraphs, id: "S-\(index)-\(version)", slug: slug))
                    .archived(recorded: Date(timeIntervalSince1970: Double(1_000 + index * 3 + version)))
                // As `SQLiteStore` hands it back: the sketch without the signature.
                record.signature = MinHashSignature(values: [])
                archived.append(record)
            }
        }
        var compared = 0, matched = 0
        for (index, base) in bases.enumerated() {
            for _ in 0..<3 {
                let slug = index % 4 == 0 ? "BC-Story-\(index % 8) 2ndLd" : (index % 7 == 0 ? "BC-Story-\(index % 8)" : nil)
                let story = try fingerprinter.fingerprint(Fixtures.story(headline: "H", variant(variant(base)), id: "Q-\(index)", slug: slug))
                // Candidates in several orders and subsets, like lookups return them.
                var candidates = archived
                candidates.shuffle(using: &generator)
                for subset in [Array(candidates.prefix(40)), Array(candidates.prefix(16)), Array(archived[(index * 3)..<(index * 3 + 3)])] {
                    let expected = try Self.reference(matcher, story, subset)
                    let actual = try matcher.bestMatch(for: story, among: subset)
                    compared += 1
                    #expect(expected?.earlier.id == actual?.earlier.id)
                    #expect(expected?.dedupClass == actual?.dedupClass)
                    #expect(expected?.similarityClass == actual?.similarityClass)
                    #expect(expected?.droppedParagraphs == actual?.droppedParagraphs)
                    #expect(expected?.exact == actual?.exact)
                    #expect(expected?.jaccard == actual?.jaccard)
                    #expect(expected?.containment == actual?.containment)
                    #expect(expected?.estimate == actual?.estimate)
                    #expect(expected?.shingleSize == actual?.shingleSize)
                    #expect(expected?.paragraphs == actual?.paragraphs)
                    if expected != nil { matched += 1 }
                }
            }
        }
        #expect(compared == 360 && matched > 150)
    }
}
