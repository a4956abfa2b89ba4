/// The source-language text a translated story came from, for the bilingual checks.
///
/// Its blocks map into `source` (the source file, or the XLIFF file itself), so a finding can
/// quote where in the original a paragraph sits. Nothing changes the original: stages transform
/// only the translation.
public struct TranslationOriginal: Sendable {
    public var source: SourceFile
    /// BCP 47 tag, e.g. `el`; nil when neither the file nor the command line says.
    public var language: String?
    /// Headline and paragraphs of the original, in reading order.
    public var blocks: [TextBlock]
    /// Pairs fixed by the file format (an XLIFF unit's source and target), as indices into
    /// `blocks` and the translation's `Story.blocks`; nil when the pairs must be found by aligning
    /// the paragraphs.
    public var pairs: [BlockPair]?

    public init(source: SourceFile, language: String?, blocks: [TextBlock], pairs: [BlockPair]? = nil) {
        self.source = source
        self.language = language
        self.blocks = blocks
        self.pairs = pairs
    }
}

/// Blocks of an original and of its translation that say the same thing. Either side may be
/// empty (a paragraph left out, or one added), or hold several blocks (a paragraph split or merged).
public struct BlockPair: Sendable, Hashable, Codable {
    public var source: [Int]
    public var target: [Int]

    public init(source: [Int], target: [Int]) {
        self.source = source
        self.target = target
    }
}
