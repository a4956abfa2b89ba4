/// Findings of one rule on one story, in block coordinates: what a rule of any stage (lint,
/// translation…) writes; its stage maps them to the input file and applies the severity.
public struct RuleReport: Sendable {
    public struct Finding: Sendable, Hashable {
        public var block: Int
        public var range: Range<Int>
        public var message: String
        /// Safe edits in the block's text; nil when the fix needs judgement.
        public var fix: [TextEdit]?
        /// For findings without a safe fix: what the editor might write instead.
        public var suggestion: String?
    }

    public private(set) var findings: [Finding] = []

    public init() {}

    public mutating func add(block: Int, range: Range<Int>, _ message: String, fix: [TextEdit]? = nil, suggestion: String? = nil) {
        findings.append(Finding(block: block, range: range, message: message, fix: fix, suggestion: suggestion))
    }
}
