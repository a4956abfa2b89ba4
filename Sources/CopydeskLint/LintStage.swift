import CopydeskCore

/// The `lint` stage: checks a story against a house style from `StyleRules/` and reports each
/// finding with the style's severity and, where it is safe, a fix.
///
/// It also applies the style to findings of earlier stages (`whitespace.*`, `unicode.*`…), so a
/// style can switch those off or re-level them like its own rules.
public struct LintStage: Stage {
    public static let name = "lint"
    public static let summary = "check house style (quotes, dashes, dateline, attribution, dates, numbers, terms…)"
    public static let options: [StageOption] = [
        StageOption("style", .string, default: "ap", help: "style file, or a name in StyleRules/ (ap, reuters, guardian, translated-en)"),
    ]

    public let style: Style
    let rules: [(rule: any LintRule, severity: Severity, id: String)]
    let customRules: [CustomRule]

    public init(options: StageOptions) throws {
        let name = options.string("style")
        var roots = options.baseDirectory.map { [$0, $0 + "/.."] } ?? []
        roots += DataFiles.searchRoots()
        try self.init(style: try Self.loader(knowing: options.registeredRuleIDs).load(name, searchDirectories: roots))
    }

    public init(style: Style) throws {
        self.style = style
        rules = try LintRules.all.compactMap { type in
            guard let severity = style.severity(of: type.description) else { return nil }
            return (try type.init(style: style), severity, type.description.id)
        }
        customRules = try style.customRules.keys.sorted().compactMap { id in
            guard style.ruleSettings[id] != .off, let definition = style.customRules[id] else { return nil }
            return try CustomRule(definition)
        }
    }

    /// The loader for every lint rule. A style may also name the rules of the stages before lint
    /// (`unicode.soft-hyphen: off`): see `loader(knowing:)` and `StyleLoader.standard`.
    public static var loader: StyleLoader { loader(knowing: []) }

    /// The loader for every lint rule and the rules `others` (other stages', `StageRegistry.rules`).
    public static func loader(knowing others: Set<String>) -> StyleLoader {
        var loader = StyleLoader(rules: LintRules.all)
        loader.knownRuleIDs.formUnion(others)
        loader.knownRuleIDs.insert(languageMismatchRule)
        return loader
    }

    public static var rules: [RuleDescription] {
        LintRules.all.map { $0.description } + [
            RuleDescription(id: languageMismatchRule, summary: "the story is in another language than the style's, so its rules were not run",
                            severity: .info, triggering: [], nonTriggering: []),
        ]
    }

    public func process(_ story: inout Story, context: StageContext) async throws {
        try lint(&story)
    }

    /// Reported when a story's language differs from the style's, instead of the style's rules.
    public static let languageMismatchRule = "lint.language-mismatch"

    /// `en-US` and `en` match; `de` and `en-GB` do not.
    static func sameLanguage(_ a: String, _ b: String) -> Bool {
        func primary(_ tag: String) -> Substring { tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "" }
        return primary(a) == primary(b)
    }

    public func lint(_ story: inout Story) throws {
        // Earlier stages' findings follow the style too.
        story.diagnostics = story.diagnostics.compactMap { diagnostic in
            switch style.ruleSettings[diagnostic.ruleID] {
            case .off: return nil
            case .severity(let severity):
                var copy = diagnostic
                copy.severity = severity
                return copy
            case nil: return diagnostic
            }
        }
        // An English house style says nothing useful about German copy: skip it, and say so.
        if let language = story.metadata.language, !Self.sameLanguage(language, style.language) {
            if style.ruleSettings[Self.languageMismatchRule] != .off, let first = story.blocks.indices.first {
                let severity: Severity
                if case .severity(let level)? = style.ruleSettings[Self.languageMismatchRule] { severity = level } else { severity = .info }
                story.report(Self.languageMismatchRule, severity,
                             "the story is in '\(language)' and the style \(style.name) is for '\(style.language)': its rules were not run",
                             block: first, range: 0..<0)
            }
            return
        }
        let document = LintDocument(story: story, style: style)
        for index in rules.indices {
            var report = LintReport()
            rules[index].rule.check(document, &report)
            guard !report.findings.isEmpty else { continue }
            add(report, id: rules[index].id, severity: rules[index].severity, to: &story)
        }
        for custom in customRules {
            var report = LintReport()
            try custom.check(document, &report)
            let severity: Severity
            if case .severity(let level)? = style.ruleSettings[custom.definition.id] { severity = level } else { severity = custom.definition.severity }
            add(report, id: custom.definition.id, severity: severity, to: &story)
        }
    }

    private func add(_ report: LintReport, id: String, severity: Severity, to story: inout Story) {
        for finding in report.findings {
            var message = finding.message
            if let suggestion = finding.suggestion { message += " (suggestion: \(suggestion))" }
            story.report(id, severity, message, block: finding.block, range: finding.range, fix: finding.fix)
        }
    }
}
