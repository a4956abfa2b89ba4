/// One finding about a story: which rule, how serious, what to do, exactly where, and how to fix it.
public struct Diagnostic: Hashable, Sendable, Codable {
    /// Stable `family.rule` id such as `quotes.mixed` or `unicode.invisible`.
    public var ruleID: String
    public var severity: Severity
    public var message: String
    /// UTF-8 byte offsets into the input file's decoded text (`SourceFile.text`).
    public var range: Range<Int>
    public var fix: Fix?

    public init(ruleID: String, severity: Severity, message: String, range: Range<Int>, fix: Fix? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.range = range
        self.fix = fix
    }

    /// The part of the rule id before the dot, e.g. `quotes` for `quotes.mixed`.
    public var family: String {
        ruleID.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ruleID
    }
}
