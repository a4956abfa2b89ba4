@testable import CopydeskTranslate
import Copydesk
import Foundation
import Testing

/// Planted edits swept over faithful el/fr/ru translations: every paragraph dropped in turn, a
/// foreign paragraph inserted at every place, a sentence appended to every paragraph, adjacent
/// paragraphs merged, paragraphs split. Edits that change nothing must give no omission or
/// addition (precision is what desks notice); the recall bars are what the model reaches today.
@Suite struct AlignmentSweepTests {
    static let foreign = "Greece has been hit by a wave of strikes since the start of the year, as unions press for wage rises to offset the highest inflation in three decades."

    static func stories() throws -> [(String, String, String)] {
        var stories = StructureRulesPrecisionTests.clean
        let (source, target) = try AlignmentStories.portStrike()
        // The port strike with the ministry's paragraph translated.
        stories.append(("el", source, target.replacingOccurrences(of: "Exporters warn", with: """
            The shipping ministry called both sides to a meeting on Thursday, while Minister Christos Stylianidis said that "the safety of workers is not negotiable".

            Exporters warn
            """)))
        return stories
    }

    struct Tally {
        var found = 0
        var total = 0
        var misses: [String] = []
        mutating func count(_ ok: Bool, _ what: @autoclosure () -> String) {
            total += 1
            if ok { found += 1 } else { misses.append(what()) }
        }
    }

    func structure(_ language: String, _ source: String, _ paragraphs: [String]) async throws -> (omissions: Int, additions: Int) {
        let result = try await AlignmentStories.lint(source: source, sourceLanguage: language, target: paragraphs.joined(separator: "\n\n"))
        return (result.diagnostics.filter { $0.ruleID == "translation.omission" }.count,
                result.diagnostics.filter { $0.ruleID == "translation.addition" }.count)
    }

    @Test func plantedEditsAreFoundAndHarmlessOnesAreNot() async throws {
        var silent = Tally(), drops = Tally(), additions = Tally(), sentenceAdditions = Tally()
        for (language, source, target) in try Self.stories() {
            let paragraphs = target.components(separatedBy: "\n\n")
            var found = try await structure(language, source, paragraphs)
            silent.count(found == (0, 0), "\(language) clean")
            for at in 1..<paragraphs.count where !paragraphs[at].hasPrefix("(") {
                var edited = paragraphs
                edited.remove(at: at)
                found = try await structure(language, source, edited)
                drops.count(found == (1, 0), "\(language) drop \(at): \(found)")
            }
            for at in 1...paragraphs.count {
                var edited = paragraphs
                edited.insert(Self.foreign, at: at)
                found = try await structure(language, source, edited)
                additions.count(found == (0, 1), "\(language) insert at \(at): \(found)")
            }
            for at in 1..<paragraphs.count where paragraphs[at].count > 60 {
                var edited = paragraphs
                edited[at] += " " + Self.foreign
                found = try await structure(language, source, edited)
                sentenceAdditions.count(found == (0, 1), "\(language) sentence added to \(at): \(found)")
            }
            for at in 2..<paragraphs.count - 1 where !paragraphs[at + 1].hasPrefix("(") {
                var edited = paragraphs
                edited[at] += " " + edited.remove(at: at + 1)
                found = try await structure(language, source, edited)
                silent.count(found == (0, 0), "\(language) merge \(at): \(found)")
            }
            for at in 1..<paragraphs.count {
                let sentences = paragraphs[at].components(separatedBy: ". ")
                guard sentences.count >= 2 else { continue }
                var edited = paragraphs
                edited[at] = sentences[0] + ".\n\n" + sentences.dropFirst().joined(separator: ". ")
                found = try await structure(language, source, edited)
                silent.count(found == (0, 0), "\(language) split \(at): \(found)")
            }
        }
        #expect(silent.found == silent.total, "false findings: \(silent.misses)")
        #expect(silent.total >= 15)
        #expect(drops.found * 10 >= drops.total * 9, "dropped paragraphs found \(drops.found)/\(drops.total): missed \(drops.misses)")
        #expect(additions.found * 10 >= additions.total * 9, "added paragraphs found \(additions.found)/\(additions.total): missed \(additions.misses)")
        #expect(sentenceAdditions.found * 10 >= sentenceAdditions.total * 8,
                "added sentences found \(sentenceAdditions.found)/\(sentenceAdditions.total): missed \(sentenceAdditions.misses)")
        print("sweep: silent \(silent.found)/\(silent.total), drops \(drops.found)/\(drops.total), additions \(additions.found)/\(additions.total), sentence additions \(sentenceAdditions.found)/\(sentenceAdditions.total)")
    }
}
