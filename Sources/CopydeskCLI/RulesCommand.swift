import Foundation
import ArgumentParser
import Copydesk

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the lint rules with their severity in a style and an example of a hit and a non-hit."
    )

    @Option(help: "Style whose severities (and custom rules) to show: ap, reuters, guardian, translated-en, or a file.")
    var style: String = "ap"

    func run() throws {
        let loaded = try StyleLoader.standard.load(style, searchDirectories: DataFiles.searchRoots())
        var out = "Rules in style \(loaded.name) (\(loaded.path)):\n"
        var family = ""
        for type in LintRules.all {
            let description = type.description
            if description.family != family {
                family = description.family
                out += "\n\(family)\n"
            }
            let level = loaded.severity(of: description).map(\.rawValue) ?? "off"
            out += "  \(description.id) [\(level)] \(description.summary)\n"
            if let hit = description.triggering.first { out += "      hit:     \(Self.oneLine(hit))\n" }
            if let miss = description.nonTriggering.first { out += "      not hit: \(Self.oneLine(miss))\n" }
        }
        // The other stages' rules, as their stages declare them (custom stages would come here too).
        for stage in StageRegistry.standard.registered where stage.name != LintStage.name && stage.name != TranslationStage.name {
            out += "\n\(stage.name) stage (\(stage.summary))\n"
            for rule in stage.rules {
                let level: String
                switch loaded.ruleSettings[rule.id] {
                case .off: level = "off"
                case .severity(let relevelled): level = relevelled.rawValue
                case nil: level = rule.severity.rawValue
                }
                out += "  \(rule.id) [\(level)] \(rule.summary)\n"
            }
        }
        out += "\ntranslation stage (a translation against its original; severities from StyleRules/translation/ profiles)\n"
        for type in TranslationRules.all {
            let description = type.description
            out += "  \(description.id) [\(description.severity.rawValue)] \(description.summary)\n"
            if let hit = description.triggering.first {
                out += "      hit:     \(hit.sourceLanguage) \(Self.oneLine(hit.source)) → \(hit.targetLanguage) \(Self.oneLine(hit.target))\n"
            }
        }
        out += "\nsuppression comments (<!-- copydesk-disable rule.id --> in Markdown, HTML, NITF, NewsML-G2)\n"
        out += "  \(Suppressions.unknownRule) [warning] \(Suppressions.unknownRuleSummary)\n"
        if !loaded.customRules.isEmpty {
            out += "\ncustom rules of this style\n"
            for id in loaded.customRules.keys.sorted() {
                let rule = loaded.customRules[id]!
                let level = loaded.ruleSettings[id] == .off ? "off" : rule.severity.rawValue
                out += "  \(id) [\(level)] \(rule.kind.rawValue): \(rule.message)\n"
            }
        }
        Terminal.write(out)
    }


    /// An example on one line, paragraphs separated by ¶, shortened for a terminal.
    static func oneLine(_ example: String) -> String {
        let flat = example.replacingOccurrences(of: "\n\n", with: " ¶ ").replacingOccurrences(of: "\n", with: " ")
        return flat.count > 110 ? String(flat.prefix(110)) + "…" : flat
    }
}
