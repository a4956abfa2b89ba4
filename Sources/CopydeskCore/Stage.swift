/// A step of a pipeline: reads a story, may change its text, and adds diagnostics.
///
/// A stage is built once per pipeline from its options and then run on many stories at once, so
/// it must be `Sendable` and keep no per-story state. Register a type with `StageRegistry` to make
/// it available by `name` in pipeline files.
public protocol Stage: Sendable {
    /// The name pipeline files use, e.g. `normalize`.
    static var name: String { get }
    /// One line for `copydesk stages`.
    static var summary: String { get }
    /// Every option the stage accepts; anything else in a pipeline file is an error.
    static var options: [StageOption] { get }
    /// Every rule the stage reports, with its default severity and examples: what reports describe
    /// (SARIF, JUnit, `copydesk rules`), what a style may switch off or re-level, and what the
    /// generic examples test runs.
    static var rules: [RuleDescription] { get }

    init(options: StageOptions) throws

    func process(_ story: inout Story, context: StageContext) async throws
}

extension Stage {
    public static var options: [StageOption] { [] }
    public static var rules: [RuleDescription] { [] }
}

/// What a stage may know about the run besides the story.
public struct StageContext: Sendable {
    /// The pipeline file's directory (stages resolve relative paths against it), if any.
    public var baseDirectory: String?
    /// Whether the caller wants the stage's changes to the text (normalize, fix) or only findings.
    public var mode: Mode

    public enum Mode: Sendable { case transform, report }

    /// The story's place in its batch, when a batch runner runs it (see `InputTurns`).
    public var turn: InputTurn?

    public init(baseDirectory: String? = nil, mode: Mode = .transform, turn: InputTurn? = nil) {
        self.baseDirectory = baseDirectory
        self.mode = mode
        self.turn = turn
    }

    /// For a step that must see a batch's stories in input order (recording in an archive):
    /// returns once every story of the earlier inputs has been processed. Immediate outside a batch.
    public func waitForTurn() async {
        await turn?.wait()
    }
}

/// Describes one option of a stage: name, accepted values, default and help.
public struct StageOption: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case bool
        case int
        case string
        /// One of the listed words.
        case choice([String])
    }

    public var name: String
    public var kind: Kind
    public var defaultValue: String
    public var help: String

    public init(_ name: String, _ kind: Kind, default defaultValue: String, help: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
    }
}
