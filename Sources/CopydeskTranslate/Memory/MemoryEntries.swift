import CopydeskCore
import CopydeskFormats

/// Turns bilingual files and aligned stories into pairs for the translation memory.
public enum MemoryEntries {
    /// What an import took and what it left out, and why.
    public struct Selection: Sendable {
        public var entries: [MemoryEntry] = []
        /// Units without a target, or with an empty one.
        public var untranslated = 0
        /// XLIFF units whose state says the translation is not done (`new`, `needs-…`, `initial`).
        public var unfinished = 0
        /// Units in another language pair than the one asked for.
        public var otherLanguages = 0
        /// Units whose languages neither the file nor the command line give.
        public var unknownLanguage = 0
        /// Aligned paragraphs that were not a confident one-to-one pair.
        public var unaligned = 0
    }

    /// XLIFF states (1.2 and 2.0) of translations a desk may reuse. A unit that gives no state
    /// is taken when it has a target (plain bilingual files rarely say); any other state
    /// (`new`, `needs-translation`, `needs-review-translation`, 2.0 `initial`…) is left out.
    public static let finishedStates: Set<String> = ["translated", "final", "signed-off", "reviewed"]

    /// The pairs of a TMX or XLIFF document. `sourceLanguage`/`targetLanguage` fill in what the
    /// file does not say and, when given, select the units of that pair (by primary subtag).
    public static func from(_ document: BilingualDocument, file: String, sourceLanguage: String?, targetLanguage: String?) -> Selection {
        var selection = Selection()
        let kind = document.format == "tmx" ? "tmx" : "xliff"
        for (index, unit) in document.units.enumerated() {
            guard let target = unit.target, !target.text.isEmpty, !unit.source.text.isEmpty else {
                selection.untranslated += 1
                continue
            }
            if kind == "xliff", let state = unit.state, !finishedStates.contains(state.lowercased()) {
                selection.unfinished += 1
                continue
            }
            guard let source = unit.sourceLanguage ?? document.sourceLanguage ?? sourceLanguage,
                  let targetTag = unit.targetLanguage ?? document.targetLanguage ?? targetLanguage else {
                selection.unknownLanguage += 1
                continue
            }
            if let sourceLanguage, TranslationProfileLoader.primary(sourceLanguage) != TranslationProfileLoader.primary(source) {
                selection.otherLanguages += 1
                continue
            }
            if let targetLanguage, TranslationProfileLoader.primary(targetLanguage) != TranslationProfileLoader.primary(targetTag) {
                selection.otherLanguages += 1
                continue
            }
            selection.entries.append(MemoryEntry(
                sourceLanguage: source, targetLanguage: targetTag, source: unit.source.text, target: target.text,
                originKind: kind, origin: file, unit: unit.id ?? "unit \(index + 1)"))
        }
        return selection
    }

    /// The one-to-one pairs of an aligned original and translation that the aligner is sure of
    /// (confidence at least `minimumConfidence`); merged, split, dropped or added paragraphs are
    /// left out, since neither side alone is the other's translation.
    public static func from(_ document: TranslationDocument, file: String, minimumConfidence: Double = 0.5) -> Selection {
        var selection = Selection()
        let sourceLanguage = document.sourceLanguage ?? "und", targetLanguage = document.targetLanguage ?? "und"
        // "paragraph N" counts the body's paragraphs (subheads too), not the headline.
        var numbers: [Int] = []
        var count = 0
        for block in document.source {
            if block.kind != .headline { count += 1 }
            numbers.append(count)
        }
        for pair in document.pairs {
            guard pair.source.count == 1, pair.target.count == 1, pair.confidence >= minimumConfidence else {
                selection.unaligned += max(pair.source.count, 1)
                continue
            }
            let source = document.source[pair.source[0]], target = document.target[pair.target[0]]
            guard !source.text.isEmpty, !target.text.isEmpty else {
                selection.untranslated += 1
                continue
            }
            selection.entries.append(MemoryEntry(
                sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, source: source.text, target: target.text,
                originKind: "pair", origin: file, unit: source.kind == .headline ? "headline" : "paragraph \(numbers[pair.source[0]])"))
        }
        return selection
    }

    /// The source and the translation as a `TranslationDocument`, aligned by `ParagraphAligner`
    /// with the language pair's profile (for its usual length ratio).
    public static func align(source: Story, target: Story, sourceLanguage: String?, targetLanguage: String?,
                             searchDirectories: [String] = DataFiles.searchRoots()) throws -> TranslationDocument {
        let sourceLanguage = sourceLanguage ?? source.metadata.language ?? ScriptGuess.language(of: source.blocks.map(\.string))
        let targetLanguage = targetLanguage ?? target.metadata.language ?? ScriptGuess.language(of: target.blocks.map(\.string))
        let loader = TranslationProfileLoader(rules: TranslationRules.all, searchDirectories: searchDirectories)
        let profile = try loader.profile(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        let original = TranslationOriginal(source: source.source, language: sourceLanguage, blocks: source.blocks)
        return TranslationDocument(story: target, original: original, profile: profile,
                                   sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }

    /// The language of a story: as given, as its file says, or guessed from its script and words.
    public static func language(of story: Story, given: String?) -> String? {
        given ?? story.metadata.language ?? ScriptGuess.language(of: story.blocks.map(\.string))
    }
}
