import CopydeskCore

/// What the bilingual checks know about one language pair: how names are transliterated, how long
/// a translation usually is, the desk's glossary, and which rules run at what severity. Loaded
/// from `StyleRules/translation/<source>-<target>.yml` (or `default.yml`).
public struct TranslationProfile: Sendable {
    public enum RuleSetting: Sendable, Hashable {
        case off
        case severity(Severity)
    }

    /// File name (`el-en.yml`) or the name the file gives itself.
    public var name: String
    public var path: String?
    /// The languages the profile is for (BCP 47 primary tags such as `el`); nil = any.
    public var sourceLanguage: String?
    public var targetLanguage: String?
    /// ICU transform that spells the source's names in the target's script, e.g.
    /// `Greek-Latin/UNGEGN` or `Russian-Latin/BGN`; nil when both use the same script.
    public var transliteration: String?
    /// Usual length of a translation over its original, in characters (e.g. 0.8…1.4).
    public var lengthRatio: ClosedRange<Double>
    /// Required renderings: a source term (any of its forms) must come out as one of the targets.
    public var glossary: [GlossaryEntry]
    /// Rules switched off or re-levelled, by id.
    public var ruleSettings: [String: RuleSetting]
    /// Rule-specific settings (`settings:` in the file), keys declared by the rules.
    public var settings: [String: ConfigValue]

    public init(name: String, path: String? = nil, sourceLanguage: String? = nil, targetLanguage: String? = nil,
                transliteration: String? = nil, lengthRatio: ClosedRange<Double> = 0.5...2.0,
                glossary: [GlossaryEntry] = [], ruleSettings: [String: RuleSetting] = [:], settings: [String: ConfigValue] = [:]) {
        self.name = name
        self.path = path
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.transliteration = transliteration
        self.lengthRatio = lengthRatio
        self.glossary = glossary
        self.ruleSettings = ruleSettings
        self.settings = settings
    }

    /// The severity a rule reports at, or nil when the profile switches it off.
    public func severity(of description: TranslationRuleDescription) -> Severity? {
        switch ruleSettings[description.id] {
        case .off: nil
        case .severity(let severity): severity
        case nil: description.severity
        }
    }

    public func string(_ key: String) -> String? {
        if case .string(let value)? = settings[key] { return value }
        return nil
    }

    public func int(_ key: String) -> Int? {
        if case .int(let value)? = settings[key] { return value }
        return nil
    }

    public func double(_ key: String) -> Double? {
        switch settings[key] {
        case .double(let value)?: value
        case .int(let value)?: Double(value)
        default: nil
        }
    }

    public func bool(_ key: String) -> Bool? {
        if case .bool(let value)? = settings[key] { return value }
        return nil
    }

    public func strings(_ key: String) -> [String] {
        switch settings[key] {
        case .string(let value)?: [value]
        case .list(let values)?: values.compactMap { if case .string(let value) = $0 { value } else { nil } }
        default: []
        }
    }
}

/// One glossary line: any of `source` forms in the original must be rendered as one of `target`.
///
/// A source form ending in `*` matches any word that starts with the rest (`Μητσοτάκ*` matches
/// the inflected `Μητσοτάκη`, `Μητσοτάκης`); matching ignores case and accents.
public struct GlossaryEntry: Sendable, Hashable {
    public var source: [String]
    public var target: [String]
    public var note: String?
    /// Known wrong renderings (`avoid:`), reported where the translation uses them.
    public var avoid: [String]
    /// `file:line` the entry came from, for messages.
    public var location: String

    public init(source: [String], target: [String], note: String? = nil, avoid: [String] = [], location: String) {
        self.source = source
        self.target = target
        self.note = note
        self.avoid = avoid
        self.location = location
    }
}
