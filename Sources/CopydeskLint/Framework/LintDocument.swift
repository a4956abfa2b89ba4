import CopydeskCore

/// A story as rules see it: each block's current text as bytes, its words and sentences, and
/// the story's metadata. Built once per story and shared by every rule.
public struct LintDocument: Sendable {
    /// One block. Its fields live in one immutable storage object, so copying a block (every
    /// `for block in document.blocks` of every rule) costs one retain, not one per field; a setter
    /// replaces the storage, so a block keeps value semantics.
    public struct Block: Sendable {
        private final class Storage: Sendable {
            let index: Int
            let kind: TextBlock.Kind
            let text: String
            let bytes: [UInt8]
            let words: [Word]
            let sentences: [Range<Int>]
            let paragraphNumber: Int?

            init(index: Int, kind: TextBlock.Kind, text: String, bytes: [UInt8], words: [Word], sentences: [Range<Int>], paragraphNumber: Int?) {
                self.index = index
                self.kind = kind
                self.text = text
                self.bytes = bytes
                self.words = words
                self.sentences = sentences
                self.paragraphNumber = paragraphNumber
            }
        }

        private var storage: Storage

        init(index: Int, kind: TextBlock.Kind, text: String, bytes: [UInt8], words: [Word], sentences: [Range<Int>], paragraphNumber: Int?) {
            storage = Storage(index: index, kind: kind, text: text, bytes: bytes, words: words, sentences: sentences, paragraphNumber: paragraphNumber)
        }

        private mutating func update(index: Int? = nil, kind: TextBlock.Kind? = nil, text: String? = nil, bytes: [UInt8]? = nil,
                                     words: [Word]? = nil, sentences: [Range<Int>]? = nil, paragraphNumber: Int?? = nil) {
            let old = storage
            storage = Storage(index: index ?? old.index, kind: kind ?? old.kind, text: text ?? old.text, bytes: bytes ?? old.bytes,
                              words: words ?? old.words, sentences: sentences ?? old.sentences,
                              paragraphNumber: paragraphNumber ?? old.paragraphNumber)
        }

        public var index: Int {
            get { storage.index }
            set { update(index: newValue) }
        }
        public var kind: TextBlock.Kind {
            get { storage.kind }
            set { update(kind: newValue) }
        }
        public var text: String {
            get { storage.text }
            set { update(text: newValue) }
        }
        public var bytes: [UInt8] {
            get { storage.bytes }
            set { update(bytes: newValue) }
        }
        public var words: [Word] {
            get { storage.words }
            set { update(words: newValue) }
        }
        public var sentences: [Range<Int>] {
            get { storage.sentences }
            set { update(sentences: newValue) }
        }
        /// Position among body paragraphs (0 = the lede), nil for headline and byline.
        public var paragraphNumber: Int? {
            get { storage.paragraphNumber }
            set { update(paragraphNumber: .some(newValue)) }
        }
    }

    /// A word: letters, digits and inner apostrophes, hyphens or periods (the tokenizer's).
    public typealias Word = Tokenizer.Word

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
        let abbreviations = Tokenizer.AbbreviationTable.of(style.abbreviations)
        blocks = story.blocks.enumerated().map { index, block in
            let bytes = Array(block.string.utf8)
            let words = Tokenizer.words(bytes)
            var number: Int?
            if block.kind.isBody { number = paragraph; paragraph += 1 }
            return Block(index: index, kind: block.kind, text: block.string, bytes: bytes, words: words,
                         sentences: Tokenizer.sentences(bytes, words: words, abbreviations: abbreviations),
                         paragraphNumber: number)
        }
        bodyBlocks = Self.bodyBlocks(of: blocks)
        shared = SharedAnalyses(blockCount: blocks.count)
    }

    private static func bodyBlocks(of blocks: [Block]) -> [Block] { blocks.filter { $0.paragraphNumber != nil } }

    public var metadata: StoryMetadata { story.metadata }
    /// False when the story says it is in a language other than English (for the rules that only
    /// know English grammar); true when it does not say.
    public var isEnglish: Bool {
        guard let language = metadata.language?.lowercased(), !language.isEmpty else { return true }
        return language.hasPrefix("en")
    }
    public var headline: Block? { blocks.first { $0.kind == .headline } }
    /// Body paragraphs and subheads in order.
    public var body: [Block] { bodyBlocks }

    /// The quotation marks of a block, scanned once for all the quotes rules.
    func quotes(_ block: Block) -> QuoteScanner { shared.quotes(block) }

    /// The matches of one of the style's phrase lists in a block (all lists scanned in one pass, once).
    func phrases(_ owner: StylePhrases, _ list: StylePhrases.List, _ block: Block) -> [PhraseMatcher.Match] {
        shared.phrases(owner, list, block)
    }

    /// The text of a byte range of a block.
    public func text(_ block: Block, _ range: Range<Int>) -> String {
        String(decoding: block.bytes[range], as: UTF8.self)
    }
}
