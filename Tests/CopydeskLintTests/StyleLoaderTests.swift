import Copydesk
import Foundation
import Testing

@Suite struct StyleLoaderTests {
    func write(_ files: [String: String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-style-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8) }
        return directory
    }

    @Test func everyShippedStyleLoads() throws {
        for name in ["ap", "reuters", "guardian", "translated-en"] {
            let style = try LintFixtures.style(name)
            #expect(!style.list("standalone-cities").isEmpty, "\(name)")
            #expect(style.abbreviations.contains("Sept"))
        }
        let reuters = try LintFixtures.style("reuters")
        #expect(reuters.string("dateline.agency") == "Reuters")
        #expect(reuters.string("dashes.range") == "hyphen")  // inherited from AP
        #expect(reuters.terms.contains { $0.wrong == "Kiev" && $0.right == "Kyiv" })
        #expect(try LintFixtures.style("guardian").string("dashes.dash") == "en-spaced")
    }

    @Test func aDeskStyleExtendsAShippedOneAndRelevelsRules() throws {
        let directory = try write(["desk.yml": """
            extends: ap
            name: Desk
            dashes:
              range: en-dash
            rules:
              unicode.soft-hyphen: off
              whitespace.trailing: warning
            """])
        let style = try StyleLoader.standard.load(directory + "/desk.yml", searchDirectories: [LintFixtures.projectRoot])
        #expect(style.name == "Desk")
        #expect(style.string("dashes.range") == "en-dash")
        #expect(style.string("dashes.dash") == "em-spaced")
        #expect(style.ruleSettings["unicode.soft-hyphen"] == .off)
        #expect(style.ruleSettings["whitespace.trailing"] == .severity(.warning))
    }

    @Test func unknownKeysSettingsAndRulesNameFileAndLine() throws {
        let directory = try write([
            "top.yml": "name: X\nquotez:\n  form: curly\n",
            "setting.yml": "quotes:\n  form: curly\n  style: double\n",
            "value.yml": "dashes:\n  dash: long\n",
            "rule.yml": "rules:\n  quotes.mixxed: off\n",
        ])
        func error(_ file: String) -> String {
            do {
                _ = try LintStage.loader.load(directory + "/" + file, searchDirectories: [])
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        #expect(error("top.yml").hasPrefix("\(directory)/top.yml:2: unknown key 'quotez'"))
        #expect(error("setting.yml").hasPrefix("\(directory)/setting.yml:3: unknown setting 'style' in 'quotes'"))
        #expect(error("value.yml").hasPrefix("\(directory)/value.yml:2: 'dashes.dash' must be one of em-spaced"))
        #expect(error("rule.yml").hasPrefix("\(directory)/rule.yml:2: unknown rule 'quotes.mixxed'"))
    }

    @Test func extendsLoopsAreRefused() throws {
        let directory = try write(["a.yml": "extends: b\n", "b.yml": "extends: a\n"])
        #expect(throws: CopydeskError.self) { try LintStage.loader.load(directory + "/a.yml", searchDirectories: []) }
    }

    @Test func customRulesAreCheckedWhenLoaded() throws {
        let directory = try write([
            "ok.yml": "rules:\n  desk.kyiv:\n    type: substitution\n    swap: {Kiev: Kyiv}\n",
            "badtype.yml": "rules:\n  desk.x:\n    type: spelling\n",
            "badfield.yml": "rules:\n  desk.x:\n    type: existence\n    tokens: [a]\n    swap: {a: b}\n",
            "badregex.yml": "rules:\n  desk.x:\n    type: existence\n    raw: ['(unclosed']\n",
        ])
        let style = try LintStage.loader.load(directory + "/ok.yml", searchDirectories: [])
        #expect(style.customRules["desk.kyiv"]?.swap.first?.1 == "Kyiv")
        #expect(throws: CopydeskError.self) { try LintStage.loader.load(directory + "/badtype.yml", searchDirectories: []) }
        #expect(throws: CopydeskError.self) { try LintStage.loader.load(directory + "/badfield.yml", searchDirectories: []) }
        let badRegex = try LintStage.loader.load(directory + "/badregex.yml", searchDirectories: [])
        #expect(throws: CopydeskError.self) { try LintStage(style: badRegex) }
    }
}
