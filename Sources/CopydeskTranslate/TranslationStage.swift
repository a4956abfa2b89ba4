import CopydeskCore
import Synchronization

/// The `translation` stage: checks a translated story against its original (numbers, names,
/// glossary terms, omitted or added paragraphs, quotes, length…). Stories without an original
/// pass through untouched, so the stage can sit in every lint pipeline.
public struct TranslationStage: Stage {
    public static let name = "translation"
    public static let summary = "check a translation against its original (numbers, names, glossary, omissions, quotes, length…)"
    public static let options: [StageOption] = [
        StageOption("profile", .string, default: "auto",
                    help: "language-pair profile: auto (StyleRules/translation/<source>-<target>.yml, else default.yml), a name or a file"),
        StageOption("source-language", .string, default: "", help: "language of the original when the file does not say (BCP 47, e.g. el)"),
        StageOption("target-language", .string, default: "", help: "language of the translation when the file does not say (e.g. en)"),
    ]
    public static var rules: [RuleDescription] { TranslationRules.all.map { $0.description.rule } }

    let loader: TranslationProfileLoader
    let profileName: String
    let sourceLanguage: String?
    let targetLanguage: String?
    /// Profiles and their rules, built once per language pair a run meets.
    private let cache: Cache

    final class Cache: Sendable {
        let entries = Mutex<[String: Checker]>([:])
    }

    /// A profile with its rules built.
    struct Checker: Sendable {
        var profile: TranslationProfile
        var rules: [(rule: any TranslationRule, severity: Severity, id: String)]
    }

    public init(options: StageOptions) throws {
        var roots = options.baseDirectory.map { [$0, $0 + "/.."] } ?? []
        roots += DataFiles.searchRoots()
        try self.init(profile: options.string("profile"), sourceLanguage: options.string("source-language"),
                      targetLanguage: options.string("target-language"), searchDirectories: roots)
    }

    public init(profile: String = "auto", sourceLanguage: String? = nil, targetLanguage: String? = nil,
                searchDirectories: [String] = DataFiles.searchRoots()) throws {
        loader = TranslationProfileLoader(rules: TranslationRules.all, searchDirectories: searchDirectories)
        profileName = profile.isEmpty ? "auto" : profile
        self.sourceLanguage = sourceLanguage.flatMap { $0.isEmpty ? nil : $0 }
        self.targetLanguage = targetLanguage.flatMap { $0.isEmpty ? nil : $0 }
        cache = Cache()
        // A named profile is loaded now, so a mistake in it fails the run before any story.
        if profileName != "auto" { _ = try checker(sourceLanguage: nil, targetLanguage: nil) }
    }

    func checker(sourceLanguage: String?, targetLanguage: String?) throws -> Checker {
        let key = profileName == "auto" ? "\(sourceLanguage.map(TranslationProfileLoader.primary) ?? "?")-\(targetLanguage.map(TranslationProfileLoader.primary) ?? "?")" : profileName
        if let checker = cache.entries.withLock({ $0[key] }) { return checker }
        let profile = profileName == "auto"
            ? try loader.profile(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
            : try loader.load(profileName)
        let rules = try TranslationRules.all.compactMap { type -> (any TranslationRule, Severity, String)? in
            guard let severity = profile.severity(of: type.description) else { return nil }
            return (try type.init(profile: profile), severity, type.description.id)
        }
        let checker = Checker(profile: profile, rules: rules)
        cache.entries.withLock { $0[key] = checker }
        return checker
    }

    public func process(_ story: inout Story, context: StageContext) async throws {
        guard let original = story.original else { return }
        let source = sourceLanguage ?? original.language ?? ScriptGuess.language(of: original.blocks.map(\.string))
        let target = targetLanguage ?? story.metadata.language ?? ScriptGuess.language(of: story.blocks.map(\.string))
        let checker = try checker(sourceLanguage: source, targetLanguage: target)
        let document = TranslationDocument(story: story, original: original, profile: checker.profile,
                                           sourceLanguage: source, targetLanguage: target)
        let earlier = story.diagnostics.count
        // A blank translation (an XLIFF unit not yet translated) is one untranslated finding, not
        // also a list of every name, number and term it lacks.
        let blank = Set(document.target.filter { $0.bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D } }.map(\.index))
        for (rule, severity, id) in checker.rules {
            // Texts paired by position (too long to align): rules that compare pairs would compare
            // the wrong paragraphs.
            if !document.alignedReliably, Self.comparesPairs.contains(id) { continue }
            // Another story's original: one finding says so (`translation.omission`), nothing else is compared.
            if document.isUnrelated, id != "translation.omission" { continue }
            var report = RuleReport()
            rule.check(document, &report)
            for finding in report.findings where !blank.contains(finding.block) || Self.reportsBlankTranslations.contains(id) {
                var message = finding.message
                if let suggestion = finding.suggestion { message += " (suggestion: \(suggestion))" }
                if story.blocks.indices.contains(finding.block) {
                    story.report(id, severity, message, block: finding.block, range: finding.range, fix: finding.fix)
                } else {
                    // A translation with no text at all: the finding is about the file.
                    story.diagnostics.append(Diagnostic(ruleID: id, severity: severity, message: message, range: 0..<0))
                }
            }
        }
        Self.dropSuperseded(&story.diagnostics, before: earlier)
        story.stageData[Self.name] = Self.summary(document)
    }

    /// The rules that compare the paragraphs of each aligned pair.
    static let comparesPairs: Set<String> = [
        "translation.addition", "translation.length", "translation.numbers", "translation.names", "translation.glossary",
        "translation.quotes", "translation.brackets", "translation.punctuation",
    ]

    /// The rules whose findings stand on a blank translation.
    static let reportsBlankTranslations: Set<String> = ["translation.untranslated", "translation.omission", "translation.addition"]

    /// Style findings a translation finding says better, with the original beside it: a word
    /// left in Greek letters, « » quotes, a decimal comma. One mistake gives one finding.
    static let superseded: [String: Set<String>] = [
        "script.untranslated": ["translation.names", "translation.untranslated"],
        "quotes.foreign": ["translation.punctuation", "translation.quotes"],
        "numbers.foreign-format": ["translation.numbers"],
    ]

    static func dropSuperseded(_ diagnostics: inout [Diagnostic], before earlier: Int) {
        let added = diagnostics[earlier...]
        guard !added.isEmpty else { return }
        var index = 0
        diagnostics.removeAll { diagnostic in
            defer { index += 1 }
            guard index < earlier, let by = superseded[diagnostic.ruleID] else { return false }
            return added.contains { by.contains($0.ruleID) && $0.range.overlaps(diagnostic.range) }
        }
    }

    /// What JSON reports carry: the languages, the profile, and the alignment.
    static func summary(_ document: TranslationDocument) -> ConfigValue {
        var data: [String: ConfigValue] = [
            "profile": .string(document.profile.name),
            "aligned-by": .string(document.pairsFromFormat ? "file" : document.alignedReliably ? "length-and-anchors" : "position"),
            "pairs": .list(document.pairs.map { pair in
                .map([
                    "source": .list(pair.source.map { .int($0) }),
                    "target": .list(pair.target.map { .int($0) }),
                    "confidence": .double((pair.confidence * 100).rounded() / 100),
                ])
            }),
        ]
        data.merge(AlignmentGaps.stageData(document)) { current, _ in current }
        if let language = document.sourceLanguage { data["source-language"] = .string(language) }
        if let language = document.targetLanguage { data["target-language"] = .string(language) }
        return .map(data)
    }
}
