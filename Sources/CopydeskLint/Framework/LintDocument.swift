import CopydeskCore

/// A story as rules see it: each block's current text as bytes, its words and sentences, and
/// the story's metadata. Built once per story and shared by every rule.
public struct LintDocument: Sendable {
    public struct Block: Sendable {
        public var index: Int
        public var kind: TextBlock.Kind
        public var text: String
        public var bytes: [UInt8]
        public var words: [Word]
        public var sentences: [Range<Int>]
        /// Position among body paragraphs (0 = the lede), nil for headline and byline.
        public var paragraphNumber: Int?
    }

    /// A word: letters, digits and inner apostrophes, hyphens or periods (`don’t`, `Xi-Putin`, `U.S.`).
    public struct Word: Sendable, Hashable {
        public var range: Range<Int>
        /// Starts with an uppercase letter.
        public var isCapitalized: Bool
        /// Only digits (and inner separators such as `,` or `.` in `1,200.5`).
        public var isNumber: Bool
    }

    public var story: Story
    public var blocks: [Block] {
        didSet {
            bodyBlocks = Self.bodyBlocks(of: blocks)
            shared = SharedAnalyses(blockCount: blocks.count)
        }
    }
    public var style: Style
    /// `body`, computed once: rules ask for it often, and filtering copies every block.
    private var bodyBlocks: [Block]
    /// What several rules compute from the same blocks (dateline, quotation marks), kept once.
    private(set) var shared: SharedAnalyses

    public init(story: Story, style: Style) {
        self.story = story
        self.style = style
        var paragraph = 0
        blocks = story.blocks.enumerated().map { index, block in
            let bytes = Array(block.string.utf8)
            let words = Tokenizer.words(bytes)
            var number: Int?
            if block.kind == .paragraph || block.kind == .subhead { number = paragraph; paragraph += 1 }
            return Block(index: index, kind: block.kind, text: block.string, bytes: bytes, words: words,
                         sentences: Tokenizer.sentences(bytes, words: words, abbreviations: style.abbreviations),
                         paragraphNumber: number)
        }
        bodyBlocks = Self.bodyBlocks(of: blocks)
        shared = SharedAnalyses(blockCount: blocks.count)
    }

    private static func bodyBlocks(of blocks: [Block]) -> [Block] { blocks.filter { $0.paragraphNumber != nil } }

    public var metadata: StoryMetadata { story.metadata }
    public var headline: Block? { blocks.first { $0.kind == .headline } }
    /// Body paragraphs and subheads in order.
    public var body: [Block] { bodyBlocks }

    /// The quotation marks of a block, scanned once for all the quotes rules.
    func quotes(_ block: Block) -> QuoteScanner { shared.quotes(block) }

    /// The text of a byte range of a block.
    public func text(_ block: Block, _ range: Range<Int>) -> String {
        String(decoding: block.bytes[range], as: UTF8.self)
    }
}
