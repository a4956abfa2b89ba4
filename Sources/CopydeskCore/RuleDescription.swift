/// What a rule of any stage is (lint, translation, normalize, dedup), with examples that double as
/// its tests (SwiftLint style).
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
