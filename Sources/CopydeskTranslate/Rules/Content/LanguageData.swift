import CopydeskCore
import CopydeskICU
import Foundation

/// What the content rules know about one language: from ICU, its decimal and grouping
/// separators and month names; from `StyleRules/translation/languages/<language>.yml`, its
/// number words ("δύο", "deux", "two"), scale words ("δισ.", "млрд", "billion"), clock markers
/// ("μ.μ.", "p.m.") and the abbreviations that must not survive into a translation ("κ.", "г.").
struct LanguageData: Sendable {
    /// BCP 47 primary tag (`el`).
    var language: String
    /// "," for el, fr, de, ru, it, es; "." for en.
    var decimalComma: Bool
    /// Lowercased number words and their values (`δύο` → 2, `twenty` → 20).
    var numberWords: [String: Int64] = [:]
    /// Lowercased scale words without a final period (`δισ`, `млрд`, `billion`) and multipliers.
    var scaleWords: [String: Int64] = [:]
    /// Scales written straight after a figure with a currency sign (`$5m`, `€2bn`).
    var moneyScales: [String: Int64] = [:]
    /// Lowercased month names in every ICU form (format/stand-alone, wide/abbreviated) → 1…12,
    /// without a final period, plus extra spellings from the data file (`sept`).
    var months: [String: Int] = [:]
    /// Clock markers after a time (`μ.μ.`, `p.m.`), lowercased with their periods.
    var afterNoon: [String] = []
    var beforeNoon: [String] = []
    /// Abbreviations of the language that a translation should not carry over: the source form
    /// and the forms it takes when left in (`κ.` → `κ.`, `k.`), with what it means.
    var abbreviations: [Abbreviation] = []
    /// Marks that end a question in this language (`?`; Greek also `;` and U+037E).
    var questionMarks: [String] = ["?"]
    /// Marks this language writes with a space before them (French `: ; ! ?`): a space kept before
    /// them in a translation from it is called the original's spacing.
    var spacedMarks: Set<UInt8> = []

    struct Abbreviation: Sendable {
        var source: String
        var leftIn: [String]
        var meaning: String
    }

    init(language: String) {
        self.language = language
        let symbols = try? LocaleNumberSymbols(locale: language)
        decimalComma = symbols.map { $0.decimal == "," } ?? (language != "en")
        for width in [LocaleMonthNames.Width.wide, .abbreviated] {
            for context in LocaleMonthNames.Context.allCases {
                guard let names = try? LocaleMonthNames.names(language, context, width), names.count == 12 else { continue }
                for (index, name) in names.enumerated() {
                    var key = name.lowercased()
                    if key.hasSuffix(".") { key.removeLast() }
                    if key.utf8.count >= 3 { months[key] = index + 1 }
                }
            }
        }
    }

    /// Adds what a `languages/<language>.yml` file gives.
    mutating func read(_ file: YAMLFile) throws {
        guard case .map(let top) = file.root else {
            throw CopydeskError.configuration(file: file.path, message: "a language data file must be a mapping")
        }
        let known: Set<String> = ["language", "description", "number-words", "scale-words", "money-scales", "months",
                                  "after-noon", "before-noon", "abbreviations", "question-marks", "spaced-marks"]
        for key in top.keys.sorted() where !known.contains(key) {
            throw file.error(at: key, "unknown key '\(key)' (known: \(known.sorted().joined(separator: ", ")))")
        }
        func values(_ key: String) throws -> [String: Int64] {
            guard let value = top[key] else { return [:] }
            guard case .map(let map) = value else { throw file.error(at: key, "'\(key)' must map words to numbers") }
            var result: [String: Int64] = [:]
            for (word, number) in map {
                guard case .int(let n) = number else { throw file.error(at: "\(key).\(word)", "'\(word)' must map to a whole number") }
                var key = word.lowercased()
                if key.hasSuffix("."), key.count > 1 { key.removeLast() }
                result[key] = Int64(n)
            }
            return result
        }
        func strings(_ key: String) throws -> [String] {
            switch top[key] {
            case nil: return []
            case .string(let text)?: return [text]
            case .list(let list)?:
                return try list.map {
                    guard case .string(let text) = $0 else { throw file.error(at: key, "'\(key)' must be a list of strings") }
                    return text
                }
            default: throw file.error(at: key, "'\(key)' must be a list of strings")
            }
        }
        numberWords.merge(try values("number-words")) { $1 }
        scaleWords.merge(try values("scale-words")) { $1 }
        moneyScales.merge(try values("money-scales")) { $1 }
        for (word, month) in try values("months") where (1...12).contains(month) { months[word] = Int(month) }
        afterNoon += try strings("after-noon").map { $0.lowercased() }
        beforeNoon += try strings("before-noon").map { $0.lowercased() }
        let marks = try strings("question-marks")
        if !marks.isEmpty { questionMarks = marks }
        for mark in try strings("spaced-marks") {
            guard mark.utf8.count == 1, let byte = mark.utf8.first else { throw file.error(at: "spaced-marks", "'spaced-marks' must list single ASCII marks") }
            spacedMarks.insert(byte)
        }
        if case .list(let items)? = top["abbreviations"] {
            for (index, item) in items.enumerated() {
                guard case .map(let fields) = item, case .string(let source)? = fields["source"],
                      case .string(let meaning)? = fields["meaning"] else {
                    throw file.error(at: "abbreviations", "abbreviation \(index + 1) needs 'source', 'meaning' and optionally 'left-in'")
                }
                var leftIn = [source]
                if case .list(let forms)? = fields["left-in"] {
                    leftIn = forms.compactMap { if case .string(let form) = $0 { form } else { nil } }
                }
                abbreviations.append(Abbreviation(source: source, leftIn: leftIn, meaning: meaning))
            }
        } else if top["abbreviations"] != nil {
            throw file.error(at: "abbreviations", "'abbreviations' must be a list of {source, left-in, meaning}")
        }
    }
}

/// Every language the content rules have data for, read once per profile, with languages
/// they meet without a data file built from ICU alone.
struct LanguageTable: Sendable {
    var languages: [String: LanguageData]

    init(profile: TranslationProfile) throws {
        languages = [:]
        var directories: [String] = []
        if let path = profile.path { directories.append((path as NSString).deletingLastPathComponent + "/languages") }
        directories += DataFiles.searchRoots().map { $0 + "/StyleRules/translation/languages" }
        guard let directory = directories.first(where: { FileManager.default.fileExists(atPath: $0) }) else { return }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in files.sorted() where name.hasSuffix(".yml") {
            let language = String(name.dropLast(4))
            var data = LanguageData(language: language)
            try data.read(try YAMLFile(path: directory + "/" + name))
            languages[language] = data
        }
    }

    /// The data for a language tag (`el-GR` → `el`); English when the tag is missing.
    func data(_ tag: String?) -> LanguageData {
        let language = tag.map(TranslationProfileLoader.primary) ?? "en"
        if let data = languages[language] { return data }
        return LanguageData(language: language)
    }
}
