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
        StageOption("regex-rule-budget", .int, default: "1000",
                    help: "CPU milliseconds the raw patterns of one custom rule may take on one file; past it the rule stops (lint.regex-timeout)"),
        StageOption("regex-file-budget", .int, default: "3000",
                    help: "CPU milliseconds the raw patterns of all custom rules together may take on one file"),
    ]

    public let style: Style
    let rules: [(rule: any LintRule, severity: Severity, id: String)]
    let customRules: [CustomRule]
    /// Budgets of the custom rules' regular expressions, in CPU milliseconds (see `RegexBudget`).
    let regexRuleBudget: Int
    let regexFileBudget: Int

    public init(options: StageOptions) throws {
        let name = options.string("style")
        var roots = options.baseDirectory.map { [$0, $0 + "/.."] } ?? []
        roots += DataFiles.searchRoots()
        try self.init(style: try Self.loader(knowing: options.registeredRuleIDs).load(name, searchDirectories: roots),
                      regexRuleBudget: options.int("regex-rule-budget"), regexFileBudget: options.int("regex-file-budget"))
    }

    public init(style: Style, regexRuleBudget: Int = 1000, regexFileBudget: Int = 3000) throws {
        self.style = style
        self.regexRuleBudget = regexRuleBudget
        self.regexFileBudget = regexFileBudget
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
        loader.knownRuleIDs.insert(regexTimeOutRule)
        loader.knownRuleIDs.insert("xml.external-dtd")  // the XML readers' note (XMLExternalDTD in CopydeskFormats)
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

    /// Reported once a file for a custom rule whose `raw` patterns ran out of their time budget.
    public static let regexTimeOutRule = "lint.regex-timeout"

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
                             "the story is in '\(QuotedText.bounded(language))' and the style \(style.name) is for '\(style.language)': its rules were not run",
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
        let budget = customRules.contains(where: { !$0.regexes.isEmpty })
            ? story.source.cached("lint.regex-budget.\(regexRuleBudget).\(regexFileBudget)") {
                RegexBudget(perRuleMilliseconds: regexRuleBudget, perFileMilliseconds: regexFileBudget)
            }
            : RegexBudget(perRuleMilliseconds: regexRuleBudget, perFileMilliseconds: regexFileBudget)
        for custom in customRules {
            var report = LintReport()
            do {
                try custom.check(document, &report, budget: budget)
            } catch let timeOut as RegexTimeOut {
                // Findings of a rule stopped half-way depend on timing: leave them all out.
                reportTimeOut(of: custom, at: timeOut, budget: budget, in: &story)
                continue
            }
            let severity: Severity
            if case .severity(let level)? = style.ruleSettings[custom.definition.id] { severity = level } else { severity = custom.definition.severity }
            add(report, id: custom.definition.id, severity: severity, to: &story)
        }
    }

    /// One `lint.regex-timeout` a file for the rule (later stories of a stream skip it quietly).
    private func reportTimeOut(of custom: CustomRule, at timeOut: RegexTimeOut, budget: RegexBudget, in story: inout Story) {
        let id = custom.definition.id
        guard budget.firstTimeOut(of: id), style.ruleSettings[Self.regexTimeOutRule] != .off else { return }
        var severity = Severity.error
        if case .severity(let level)? = style.ruleSettings[Self.regexTimeOutRule] { severity = level }
        let why = budget.spentOwnBudget(id)
            ? "its raw patterns took more than their \(regexRuleBudget) ms of CPU time on this file"
            : "the style's raw patterns together took their \(regexFileBudget) ms of CPU time on this file"
        story.report(Self.regexTimeOutRule, severity,
                     "rule '\(id)' (\(custom.definition.location)) stopped here: \(why) (U_REGEX_TIME_OUT); its findings from this story on are left out and the other rules ran; simplify its raw patterns or raise the lint stage's regex-rule-budget / regex-file-budget",
                     block: timeOut.block, range: timeOut.offset..<timeOut.offset)
    }

    private func add(_ report: LintReport, id: String, severity: Severity, to story: inout Story) {
        for finding in report.findings {
            var message = finding.message
            if let suggestion = finding.suggestion { message += " (suggestion: \(QuotedText.bounded(suggestion, limit: 2 * QuotedText.limit)))" }
            story.report(id, severity, message, block: finding.block, range: finding.range, fix: finding.fix)
        }
    }
}
