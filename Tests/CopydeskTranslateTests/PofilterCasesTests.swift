import Copydesk
import Foundation
import Testing

/// pofilter's checks that overlap the content rules, ported as data
/// (`Data/pofilter-cases.yml`, from translate-toolkit's test_checks.py): Copydesk must give
/// its stated verdict on each, agree with pofilter except where a note says why not, and the
/// known pofilter false positives (locale number formats, Greek ";") must stay silent.
@Suite struct PofilterCasesTests {
    struct Case: CustomStringConvertible {
        var check, rule, source, target, sourceLanguage, targetLanguage: String
        var pofilterFails: Bool
        var copydeskFires: Bool
        var note: String?
        var description: String { "\(check) \(sourceLanguage)→\(targetLanguage): \(source.debugDescription) → \(target.debugDescription)" }
    }

    static let cases: [Case] = {
        let path = TranslationFixtures.projectRoot + "/Tests/CopydeskTranslateTests/Data/pofilter-cases.yml"
        guard let file = try? YAMLFile(path: path), case .map(let top) = file.root, case .list(let items)? = top["cases"] else { return [] }
        return items.compactMap { item -> Case? in
            guard case .map(let fields) = item else { return nil }
            func text(_ key: String) -> String? { if case .string(let value)? = fields[key] { value } else { nil } }
            guard case .list(let languages)? = fields["languages"], languages.count == 2,
                  case .string(let from) = languages[0], case .string(let to) = languages[1],
                  let check = text("check"), let rule = text("rule"), let source = text("source"), let target = text("target"),
                  let pofilter = text("pofilter"), let copydesk = text("copydesk") else { return nil }
            return Case(check: check, rule: rule, source: source, target: target, sourceLanguage: from, targetLanguage: to,
                        pofilterFails: pofilter == "fails", copydeskFires: copydesk == "fires", note: text("note"))
        }
    }()

    @Test func theDataFileReadsWhole() {
        #expect(Self.cases.count >= 35)
        #expect(Set(Self.cases.map(\.check)) == ["numbers", "brackets", "endpunc", "doublequoting"])
    }

    @Test(arguments: cases)
    func copydeskGivesItsVerdict(_ item: Case) async throws {
        let example = TranslationExample(item.sourceLanguage, item.source, item.targetLanguage, item.target)
        let found = try await TranslationFixtures.run(example, stage: TranslationFixtures.stage()).filter { $0.ruleID == item.rule }
        #expect(!found.isEmpty == item.copydeskFires, "\(item): \(found.map(\.message))")
        if item.pofilterFails != item.copydeskFires {
            #expect(item.note != nil, "Copydesk differs from pofilter on \(item) without a note saying why")
        }
    }

    @Test func mostlyAgreesWithPofilter() {
        let agreeing = Self.cases.filter { $0.pofilterFails == $0.copydeskFires }.count
        #expect(Double(agreeing) / Double(Self.cases.count) >= 0.7)
    }
}
