import CopydeskCore

/// A house-style check. One type per rule, grouped by family in `Rules/<Family>/`.
///
/// A rule is built once per style (so it can compile word lists) and then run on many stories at
/// once: keep no per-story state. It reports findings in the current text of a block; the lint
/// stage maps them back to the input file and applies the style's severity.
public protocol LintRule: Sendable {
    static var description: RuleDescription { get }
    /// Style settings the rule reads (`quotes.form`…); the loader refuses keys no rule declares.
    static var settings: [StyleSetting] { get }
    /// Names of the word lists the rule reads from `lists:`.
    static var lists: [String] { get }
    init(style: Style) throws
    func check(_ document: LintDocument, _ report: inout LintReport)
}

extension LintRule {
    public static var settings: [StyleSetting] { [] }
    public static var lists: [String] { [] }
}

/// What a rule is, with examples that double as its tests (SwiftLint style).
///
/// In `triggering` examples, `↓` marks each place the rule must report (the start of the
/// finding); the examples are whole stories in plain text, the first line a headline when a blank
/// line follows it. `corrections` map a triggering story to the text after the rule's fixes.
public struct RuleDescription: Sendable {
    /// Stable `family.rule` id.
    public var id: String
    public var summary: String
    public var severity: Severity
    public var triggering: [String]
    public var nonTriggering: [String]
    public var corrections: [String: String]
    /// The style (a file name in StyleRules/ without `.yml`) the examples assume.
    public var exampleStyle: String
    /// Settings laid over `exampleStyle` for the examples, for a rule no shipped style switches on.
    public var exampleSettings: [String: ConfigValue]

    public init(id: String, summary: String, severity: Severity, triggering: [String], nonTriggering: [String],
                corrections: [String: String] = [:], exampleStyle: String = "ap", exampleSettings: [String: ConfigValue] = [:]) {
        self.id = id
        self.summary = summary
        self.severity = severity
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.corrections = corrections
        self.exampleStyle = exampleStyle
        self.exampleSettings = exampleSettings
    }

    public var family: String { String(id.split(separator: ".").first ?? "") }
}

/// Findings of one rule on one story, in block coordinates.
public struct LintReport: Sendable {
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
