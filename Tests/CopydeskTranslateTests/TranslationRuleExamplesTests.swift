import Copydesk
import Testing

/// Runs every translation rule's own examples: each `↓` in a triggering example's translation is
/// where a finding of that rule must start; non-triggering examples must give none.
@Suite struct TranslationRuleExamplesTests {
    static let ruleIDs = TranslationRules.all.map { $0.description.id }

    @Test func ruleIDsAreTranslationDotRuleAndUnique() {
        #expect(Set(Self.ruleIDs).count == Self.ruleIDs.count)
        for id in Self.ruleIDs {
            #expect(id.hasPrefix("translation."), "\(id)")
            #expect(id.split(separator: ".").count == 2, "\(id)")
            #expect(id == id.lowercased(), "\(id)")
        }
    }

    @Test(arguments: ruleIDs)
    func examples(of id: String) async throws {
        let type = try #require(TranslationRules.all.first { $0.description.id == id })
        let description = type.description
        #expect(!description.triggering.isEmpty, "\(id) needs triggering examples")
        #expect(!description.nonTriggering.isEmpty, "\(id) needs non-triggering examples")
        let stage = try TranslationFixtures.stage()
        for example in description.triggering {
            let markers = TranslationFixtures.markers(in: example.target).1
            let found = try await TranslationFixtures.run(example, stage: stage).filter { $0.ruleID == id }
            #expect(found.map(\.range.lowerBound).sorted() == markers,
                    "\(id) on \(example.sourceLanguage)→\(example.targetLanguage):\n\(example.source)\n---\n\(example.target)\nfound: \(found.map(\.message))")
        }
        for example in description.nonTriggering {
            let found = try await TranslationFixtures.run(example, stage: stage).filter { $0.ruleID == id }
            #expect(found.isEmpty, "\(id) should not fire on:\n\(example.source)\n---\n\(example.target)\nfound: \(found.map(\.message))")
        }
    }
}
