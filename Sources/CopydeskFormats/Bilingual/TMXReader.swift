import CopydeskCore

/// TMX 1.4 (Translation Memory eXchange): `tmx > header@srclang`, `body > tu > tuv@xml:lang > seg`.
///
/// A `tu` may hold any number of `tuv`s (one per language). The source is the first `tuv` whose
/// language is the unit's source language (`tu@srclang`, else `header@srclang`, compared without
/// regard to case); when that is `*all*` or no `tuv` has it, the first `tuv`. The target is the
/// first `tuv` after or before it in document order with a different language; other `tuv`s are
/// not read. A `tu` with a single `tuv` has no target; a `tu` without any is skipped.
/// `tuv@lang` (TMX 1.1) is accepted when `xml:lang` is absent. Languages are kept as written.
/// The document's target language is the target language of the first unit that has one.
public enum TMXReader {
    public static func read(_ source: SourceFile, limits: XMLLimits = XMLLimits()) throws -> BilingualDocument {
        let root = try XMLScanner.tree(source, limits: limits)
        return try read(root, in: source)
    }

    static func read(_ root: XMLTreeElement, in source: SourceFile) throws -> BilingualDocument {
        guard root.local == "tmx" else {
            throw BilingualText.fail(source, root, "root element is <\(root.name.qualified)>, not <tmx>: not a TMX document")
        }
        guard let header = root.child("header") else { throw BilingualText.fail(source, root, "TMX document without a <header> element") }
        var headerSource = BilingualText.attribute(header, "srclang")
        if headerSource == "*all*" { headerSource = nil }
        var units: [TranslationUnit] = []
        for tu in root.child("body")?.children("tu") ?? [] {
            let variants = tu.children("tuv")
            guard !variants.isEmpty else { continue }
            let languages = variants.map { $0.xmlLang ?? BilingualText.attribute($0, "lang") }
            var wanted = BilingualText.attribute(tu, "srclang") ?? headerSource
            if wanted == "*all*" { wanted = headerSource }
            let sourceIndex = wanted.flatMap { wanted in languages.firstIndex { $0?.lowercased() == wanted.lowercased() } } ?? 0
            let sourceLanguage = languages[sourceIndex]
            let targetIndex = variants.indices.first { $0 != sourceIndex && languages[$0]?.lowercased() != sourceLanguage?.lowercased() }
            func segment(_ index: Int) throws -> MappedText {
                guard let seg = variants[index].child("seg") else {
                    throw BilingualText.fail(source, variants[index], "<tuv> without a <seg> element")
                }
                return BilingualText.text(of: seg)
            }
            units.append(TranslationUnit(
                id: BilingualText.attribute(tu, "tuid"),
                source: try segment(sourceIndex),
                target: try targetIndex.map(segment),
                sourceLanguage: sourceLanguage,
                targetLanguage: targetIndex.flatMap { languages[$0] },
                range: tu.range))
        }
        return BilingualDocument(
            sourceLanguage: headerSource,
            targetLanguage: units.lazy.compactMap(\.targetLanguage).first,
            format: "tmx", units: units)
    }
}
