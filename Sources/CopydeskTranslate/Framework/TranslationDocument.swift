import CopydeskCore
import Synchronization

/// A translation and its original as rules see them: both sides' blocks as bytes, the aligned
/// pairs, the languages and the profile. Built once per story and shared by every rule.
public struct TranslationDocument: Sendable {
    public struct Block: Sendable {
        /// Index in the story's blocks (the translation) or in the original's blocks.
        public var index: Int
        public var kind: TextBlock.Kind
        public var text: String
        public var bytes: [UInt8]
        /// Where the block starts in its input file (UTF-8 offset into `SourceFile.text`).
        public var fileOffset: Int
    }

    /// Blocks of the original; `source[i].index == i`.
    public var source: [Block]
    /// Blocks of the translation; `target[i].index == i`, the block index findings use.
    public var target: [Block]
    /// Aligned blocks in reading order, covering every block of both sides once.
    public var pairs: [AlignedPair]
    /// Whether the pairs come from the file (XLIFF units) rather than from alignment.
    public var pairsFromFormat: Bool
    public var sourceLanguage: String?
    public var targetLanguage: String?
    public var profile: TranslationProfile
    /// Where the original is, for messages that point at it (`el.txt:7`).
    public var sourceFile: SourceFile
    /// False when the texts had too many paragraphs to align (`ParagraphAligner.maximumParagraphs`)
    /// and were paired by position: rules that compare pairs stay quiet.
    public var alignedReliably = true
    /// The names and figures the two texts share (`SharedContent`); nil for pairs fixed by the
    /// file (XLIFF units are one story by construction).
    var sharedContent: SharedContent? { shared.content }
    /// The translation shares too few names and figures with the original to be its translation.
    public var isUnrelated: Bool { sharedContent?.isUnrelated ?? false }
    /// What is computed once per document and shared by the rules (the alignment gaps).
    let shared = SharedResults()

    final class SharedResults: Sendable {
        let gaps = Mutex<AlignmentGaps?>(nil)
        /// Set once, in `init`, for aligned plain pairs.
        let contentBox = Mutex<SharedContent?>(nil)
        var content: SharedContent? { contentBox.withLock { $0 } }
    }

    /// The alignment's gaps (`AlignmentGaps`), computed on first use and shared by the rules and
    /// the stage's data. Set `pairs` before asking: the gaps are not recomputed.
    var gaps: AlignmentGaps {
        shared.gaps.withLock { cached in
            if let cached { return cached }
            let gaps = AlignmentGaps(self)
            cached = gaps
            return gaps
        }
    }

    public init(story: Story, original: TranslationOriginal, profile: TranslationProfile,
                sourceLanguage: String?, targetLanguage: String?) {
        func blocks(_ blocks: [TextBlock]) -> [Block] {
            blocks.enumerated().map { Block(index: $0.offset, kind: $0.element.kind, text: $0.element.string, bytes: Array($0.element.string.utf8),
                  fileOffset: $0.element.text.sourceRange.lowerBound) }
        }
        source = blocks(original.blocks)
        target = blocks(story.blocks)
        self.profile = profile
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        sourceFile = original.source
        if let fixed = original.pairs {
            pairs = fixed.map { AlignedPair(source: $0.source, target: $0.target, confidence: 1) }
            pairsFromFormat = true
        } else {
            let aligner = ParagraphAligner(profile: profile)
            pairs = aligner.align(source: source, target: target)
            pairsFromFormat = false
            alignedReliably = !aligner.pairsByPosition(source: source, target: target)
            let content = SharedContent(source: source, target: target, transliteration: profile.transliteration)
            shared.contentBox.withLock { $0 = content }
        }
    }

    /// `file:line` of a block of the original, for messages (`el.txt:7`).
    public func sourceLocation(of block: Int) -> String {
        guard source.indices.contains(block) else { return sourceFile.path }
        return "\(sourceFile.path):\(sourceFile.location(of: source[block].fileOffset).line)"
    }
}

/// Blocks of both sides that say the same thing. Either side may be empty (an omission or an
/// addition) or hold several blocks (a paragraph split or merged in translation).
public struct AlignedPair: Sendable, Hashable {
    /// Indices into `TranslationDocument.source`, in order.
    public var source: [Int]
    /// Indices into `TranslationDocument.target`, in order.
    public var target: [Int]
    /// How sure the aligner is, 0…1 (1 for pairs fixed by the file).
    public var confidence: Double

    public init(source: [Int], target: [Int], confidence: Double) {
        self.source = source
        self.target = target
        self.confidence = confidence
    }
}
