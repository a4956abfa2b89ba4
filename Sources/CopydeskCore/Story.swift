import Foundation

/// One story as it travels through a pipeline: where it came from, what is known about it, its
/// text as blocks tied to the input, and what stages found.
public struct Story: Sendable {
    public var source: SourceFile
    public var metadata: StoryMetadata
    /// Headline, byline and body paragraphs in reading order.
    public var blocks: [TextBlock]
    public var diagnostics: [Diagnostic]
    /// Structured results stages want in JSON output, keyed by stage name.
    public var stageData: [String: ConfigValue]
    /// What this story was translated from, when it is a translation checked against its source
    /// (a `--source` file, or the source side of an XLIFF file); nil otherwise.
    public var original: TranslationOriginal?

    public init(source: SourceFile, metadata: StoryMetadata = StoryMetadata(), blocks: [TextBlock] = [], diagnostics: [Diagnostic] = []) {
        self.source = source
        self.metadata = metadata
        self.blocks = blocks
        self.diagnostics = diagnostics
        self.stageData = [:]
        self.original = nil
    }

    public var headline: TextBlock? { blocks.first { $0.kind == .headline } }
    public var byline: TextBlock? { blocks.first { $0.kind == .byline } }
    /// Body paragraphs (subheads, tables and lists included), in order.
    public var paragraphs: [TextBlock] { blocks.filter { $0.kind.isBody } }

    /// Adds a finding at a range of a block's current text, mapped back to the input file.
    public mutating func report(
        _ ruleID: String, _ severity: Severity, _ message: String,
        block: Int, range: Range<Int>, fix: [TextEdit]? = nil
    ) {
        let text = blocks[block].text
        // A range that cuts into a character (a rule that took a multi-byte quote for one byte)
        // widens to whole characters, so the finding still points inside the file at real text;
        // a fix that would cut one is dropped rather than allowed to write broken UTF-8.
        let sourceRange = text.sourceRange(for: Self.wholeCharacters(range, in: text.text))
        var sourceFix: Fix?
        if let fix, fix.allSatisfy({ Self.wholeCharacters($0.range, in: text.text) == $0.range }) {
            let mapped = fix.compactMap { text.sourceEdit(for: $0) }
            if mapped.count == fix.count { sourceFix = Fix(edits: mapped) }
        }
        // Rules quote through `QuotedText.bounded`; this is the net for one that forgot.
        let bounded = QuotedText.bounded(message, limit: QuotedText.messageLimit)
        diagnostics.append(Diagnostic(ruleID: ruleID, severity: severity, message: bounded, range: sourceRange, fix: sourceFix))
    }

    /// `range` clamped to the text and widened to scalar boundaries.
    static func wholeCharacters(_ range: Range<Int>, in text: String) -> Range<Int> {
        let utf8 = text.utf8
        let count = utf8.count
        func isBoundary(_ offset: Int) -> Bool {
            offset <= 0 || offset >= count || utf8[utf8.index(utf8.startIndex, offsetBy: offset)] & 0xC0 != 0x80
        }
        var lower = min(max(0, range.lowerBound), count)
        var upper = min(max(lower, range.upperBound), count)
        while !isBoundary(lower) { lower -= 1 }
        while !isBoundary(upper) { upper += 1 }
        return lower..<upper
    }
}

/// A unit of story text: the headline, a byline, a paragraph, a subhead, a table or a list.
public struct TextBlock: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case headline, byline, dateline, paragraph, subhead
        /// Tabular copy (agate: results, weather tables, market listings), one row a line: data,
        /// not sentences, so prose rules (subheads, sentences, attribution) leave it alone.
        case table
        /// A list of items, one a line (a digest of headlines): not sentences either.
        case list

        /// Text of the story's body: what `Story.paragraphs` numbers.
        public var isBody: Bool { self == .paragraph || self == .subhead || self == .table || self == .list }
    }

    public var kind: Kind
    public var text: MappedText

    public init(kind: Kind, text: MappedText) {
        self.kind = kind
        self.text = text
    }

    public var string: String { text.text }
}

/// What is known about a story besides its text. Fields a format does not carry stay nil.
public struct StoryMetadata: Sendable, Hashable, Codable {
    public var id: String?
    /// Slug or keyword, e.g. `Russia-China-Summit`.
    public var slug: String?
    /// Version as the agency writes it, e.g. `1stLd-Writethru` or `2`.
    public var version: String?
    /// Priority as the format gives it (ANPA letter, IPTC urgency digit).
    public var priority: String?
    public var category: String?
    /// BCP 47 language tag, e.g. `en`, `el`, `en-GB`.
    public var language: String?
    public var agency: String?
    public var headline: String?
    public var byline: String?
    /// The dateline as found, e.g. `MOSCOW (AP) —`.
    public var dateline: String?
    public var created: Date?
    public var updated: Date?
    /// Reader that produced the story: `plain`, `anpa`, `nitf`, …
    public var sourceFormat: String?
    /// Character set the input was decoded from, e.g. `UTF-8` or `windows-1251`.
    public var encoding: String?

    public init() {}
}
