import CopydeskCore

/// XLIFF 1.2 and 2.0 (OASIS XML Localisation Interchange File Format).
///
/// 1.2: `xliff > file@source-language,target-language > body > (group >)* trans-unit >
/// source, target`. Every `trans-unit` under a file's `body` is a unit, whatever the `group`
/// nesting; `alt-trans` (translation-memory proposals) and `seg-source` are ignored, so a
/// segmented unit is one unit with its whole `source`. A file without `target-language` gives nil.
/// Several `file`s: the document languages are the first file's; each unit has its own file's.
///
/// 2.0 (namespace `urn:oasis:names:tc:xliff:document:2.0`, or `version` 2.x): `xliff@srcLang,
/// trgLang > file > (group >)* unit > segment > source, target`. One `TranslationUnit` per
/// `segment` (`ignorable`s are left out).
///
/// Elements are matched by local name. DTDs and entity declarations are refused by `XMLScanner`.
public enum XLIFFReader {
    public static func read(_ source: SourceFile, limits: XMLLimits = XMLLimits()) throws -> BilingualDocument {
        let root = try XMLScanner.tree(source, limits: limits)
        return try read(root, in: source)
    }

    static func read(_ root: XMLTreeElement, in source: SourceFile) throws -> BilingualDocument {
        guard root.local == "xliff" else {
            throw BilingualText.fail(source, root, "root element is <\(root.name.qualified)>, not <xliff>: not an XLIFF document")
        }
        let version = BilingualText.attribute(root, "version")
        let namespace = root.name.namespace ?? ""
        if namespace.hasPrefix("urn:oasis:names:tc:xliff:document:2.") || version?.hasPrefix("2.") == true {
            return try read20(root, in: source)
        }
        if let version, !version.hasPrefix("1.") {
            throw BilingualText.fail(source, root, "XLIFF version '\(version)' is not supported (expected 1.2 or 2.0)")
        }
        return try read12(root, in: source)
    }

    private static func read12(_ root: XMLTreeElement, in source: SourceFile) throws -> BilingualDocument {
        let files = root.children("file")
        guard !files.isEmpty else { throw BilingualText.fail(source, root, "XLIFF 1.2 document without a <file> element") }
        var units: [TranslationUnit] = []
        for file in files {
            let fileSource = BilingualText.attribute(file, "source-language")
            let fileTarget = BilingualText.attribute(file, "target-language")
            guard let body = file.child("body") else { continue }
            for unit in body.descendants("trans-unit") {
                guard let sourceElement = unit.child("source") else {
                    throw BilingualText.fail(source, unit, "<trans-unit> without a <source> element")
                }
                let targetElement = unit.child("target")
                units.append(TranslationUnit(
                    id: BilingualText.attribute(unit, "id"),
                    source: BilingualText.text(of: sourceElement),
                    target: targetElement.map(BilingualText.text(of:)),
                    sourceLanguage: sourceElement.xmlLang ?? fileSource,
                    targetLanguage: targetElement?.xmlLang ?? fileTarget,
                    range: unit.range,
                    state: BilingualText.attribute(targetElement, "state")
                        ?? (BilingualText.attribute(unit, "approved") == "yes" ? "signed-off" : nil)))
            }
        }
        return BilingualDocument(
            sourceLanguage: BilingualText.attribute(files[0], "source-language"),
            targetLanguage: BilingualText.attribute(files[0], "target-language"),
            format: "xliff-1.2", units: units)
    }

    private static func read20(_ root: XMLTreeElement, in source: SourceFile) throws -> BilingualDocument {
        let sourceLanguage = BilingualText.attribute(root, "srcLang")
        let targetLanguage = BilingualText.attribute(root, "trgLang")
        let files = root.children("file")
        guard !files.isEmpty else { throw BilingualText.fail(source, root, "XLIFF 2.0 document without a <file> element") }
        var units: [TranslationUnit] = []
        for file in files {
            for unit in file.descendants("unit") {
                let unitID = BilingualText.attribute(unit, "id")
                let segments = unit.children("segment")
                for (index, segment) in segments.enumerated() {
                    guard let sourceElement = segment.child("source") else {
                        throw BilingualText.fail(source, segment, "<segment> without a <source> element")
                    }
                    let targetElement = segment.child("target")
                    var id = unitID
                    if segments.count > 1 {
                        id = "\(unitID ?? "")/\(BilingualText.attribute(segment, "id") ?? String(index + 1))"
                    }
                    units.append(TranslationUnit(
                        id: id,
                        source: BilingualText.text(of: sourceElement),
                        target: targetElement.map(BilingualText.text(of:)),
                        sourceLanguage: sourceElement.xmlLang ?? sourceLanguage,
                        targetLanguage: targetElement?.xmlLang ?? targetLanguage,
                        range: segment.range,
                        state: BilingualText.attribute(segment, "state")))
                }
            }
        }
        return BilingualDocument(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, format: "xliff-2.0", units: units)
    }
}
