import CopydeskCore

/// A bilingual file (XLIFF, TMX) read into source/target pairs.
///
/// Texts are `MappedText`s over the file: every byte maps back to the file's bytes, so a finding
/// on a target points at the right line and column. Text is collected as the XML readers do it
/// (`XMLText.inline`): XML whitespace runs collapse to one space and are trimmed, references are
/// decoded, and the text inside inline markup that carries content (XLIFF `g`, `mrk`, `pc`, TMX
/// `hi`, `sub`) is included; inline elements that hold the original document's native code
/// (`bpt`, `ept`, `ph`, `it`, `ut`, XLIFF 2.0 `cp`/`ph`/`sc`/`ec`, which are empty) contribute nothing.
public struct BilingualDocument: Sendable, Hashable {
    /// The document's source language as the file states it (not normalised); nil when absent
    /// (or TMX `srclang="*all*"`).
    public var sourceLanguage: String?
    /// The document's target language; for TMX the target language of the first unit that has one.
    public var targetLanguage: String?
    /// `xliff-1.2`, `xliff-2.0` or `tmx`.
    public var format: String
    public var units: [TranslationUnit]

    public init(sourceLanguage: String?, targetLanguage: String?, format: String, units: [TranslationUnit]) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.format = format
        self.units = units
    }
}

/// One source/target pair: an XLIFF 1.2 `trans-unit`, an XLIFF 2.0 `segment`, or a TMX `tu`.
public struct TranslationUnit: Sendable, Hashable {
    /// XLIFF 1.2 `trans-unit@id`; XLIFF 2.0 `unit@id`, or `unit-id/segment-id` (segment id, else
    /// its 1-based position) when the unit has several segments; TMX `tu@tuid`. Nil when absent.
    public var id: String?
    /// The source text; empty (at the end of the element's start tag) when the element is empty.
    public var source: MappedText
    /// The target text; nil when the unit has no target element (an empty element gives empty text).
    public var target: MappedText?
    /// The language of this unit's source: TMX `tuv@xml:lang`, XLIFF `source@xml:lang` or the
    /// file's source language.
    public var sourceLanguage: String?
    /// The language of this unit's target (see `sourceLanguage`).
    public var targetLanguage: String?
    /// Bytes of the whole unit element (`trans-unit`, `segment`, `tu`) in the file.
    public var range: Range<Int>
    /// How far the translation has got, as the file says: XLIFF 1.2 `target@state` (`new`,
    /// `translated`, `final`, `needs-review-translation`…), `signed-off` when the `trans-unit` is
    /// `approved="yes"` and the target states nothing; XLIFF 2.0 `segment@state` (`initial`,
    /// `translated`, `reviewed`, `final`). Nil when the file does not say (and for TMX).
    public var state: String?

    public init(id: String?, source: MappedText, target: MappedText?, sourceLanguage: String?, targetLanguage: String?, range: Range<Int>,
                state: String? = nil) {
        self.id = id
        self.source = source
        self.target = target
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.range = range
        self.state = state
    }
}

/// Reads any bilingual format Copydesk knows, by the root element.
public enum BilingualReader {
    public static func read(_ source: SourceFile, limits: XMLLimits = XMLLimits()) throws -> BilingualDocument {
        let root = try XMLScanner.tree(source, limits: limits)
        switch root.local {
        case "xliff": return try XLIFFReader.read(root, in: source)
        case "tmx": return try TMXReader.read(root, in: source)
        default: throw BilingualText.fail(source, root, "root element is <\(root.name.qualified)>, not <xliff> or <tmx>: not a bilingual file")
        }
    }
}

/// Shared helpers of the bilingual readers.
enum BilingualText {
    /// Inline elements whose content is native code of the original format, not text.
    static let codeElements: Set<String> = ["bpt", "ept", "ph", "it", "ut"]

    /// The element's text (see `BilingualDocument`); empty text at the end of the start tag when
    /// there is none.
    static func text(of element: XMLTreeElement) -> MappedText {
        XMLText.inline(element, skip: { codeElements.contains($0.local) })
            ?? MappedText(verbatim: "", sourceOffset: element.tag.range.upperBound)
    }

    private static func trimmed(_ value: String) -> String {
        let bytes = Array(value.utf8)
        var lower = 0, upper = bytes.count
        while lower < upper, XMLScanner.isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, XMLScanner.isSpace(bytes[upper - 1]) { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    static func fail(_ source: SourceFile, _ element: XMLTreeElement, _ message: String) -> CopydeskError {
        let at = source.location(of: element.range.lowerBound)
        return CopydeskError.input(file: source.path, message: "\(at.line):\(at.column): \(message)")
    }

    /// A non-empty attribute value, trimmed.
    static func attribute(_ element: XMLTreeElement?, _ local: String, namespace: String? = nil) -> String? {
        guard let value = element?.attribute(local, namespace: namespace).map(trimmed), !value.isEmpty else { return nil }
        return value
    }
}
