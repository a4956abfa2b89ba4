import CopydeskCore

/// What a run produced for one input: its findings, or the error that stopped it.
public struct FileReport: Sendable {
    public var path: String
    public var source: SourceFile?
    public var metadata: StoryMetadata?
    public var diagnostics: [Diagnostic]
    /// Set when the file could not be read, decoded or parsed; the batch went on without it.
    public var error: String?
    /// Structured results of stages (such as `dedup`), one map per story of the file.
    public var stageData: [[String: ConfigValue]]
    /// The stories of a file that holds several (an ANPA stream, a NewsML-G2 newsMessage), in
    /// file order, so a finding can say which story it is in; empty for a one-story file.
    public var stories: [StoryLabel] = []
    /// A later story of a stream read story by story: it continues the file an earlier report
    /// began, so a summary does not count the file again.
    public var continuesFile = false

    public init(path: String, source: SourceFile?, metadata: StoryMetadata? = nil, diagnostics: [Diagnostic], error: String? = nil,
                stageData: [[String: ConfigValue]] = []) {
        self.path = path
        self.source = source
        self.metadata = metadata
        self.diagnostics = diagnostics
        self.error = error
        self.stageData = stageData
    }

    /// The story of a stream a finding lies in: the last one starting at or before it.
    public func story(for diagnostic: Diagnostic) -> StoryLabel? {
        guard stories.count > 1 || (stories.first?.count ?? 0) > 1 else { return nil }
        // Stories are in file order: a binary search, as a stream may hold thousands.
        var low = 0, high = stories.count
        while low < high {
            let mid = (low + high) / 2
            if stories[mid].range.lowerBound <= diagnostic.range.lowerBound { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? stories[low - 1] : stories.first
    }

    /// ` (story 2 of 4: "Headline")` for a finding in a stream of stories, else empty: what the
    /// text reporter appends to a finding's line.
    public func storySuffix(for diagnostic: Diagnostic) -> String {
        story(for: diagnostic).map { " (\($0.description))" } ?? ""
    }

    /// Diagnostics in file order (then by rule), as every reporter prints them.
    public var sortedDiagnostics: [Diagnostic] {
        diagnostics.sorted { ($0.range.lowerBound, $0.range.upperBound, $0.ruleID) < ($1.range.lowerBound, $1.range.upperBound, $1.ruleID) }
    }
}

/// Counts over a batch, for summaries and exit codes.
public struct ReportSummary: Sendable, Codable, Equatable {
    public var files = 0
    public var failedFiles = 0
    public var errors = 0
    public var warnings = 0
    public var infos = 0

    public init(_ reports: [FileReport] = []) {
        for report in reports { add(report) }
    }

    /// Counts one more file, for a report printed as it goes.
    public mutating func add(_ report: FileReport) {
        if !report.continuesFile { files += 1 }
        if report.error != nil { failedFiles += 1 }
        for diagnostic in report.diagnostics {
            switch diagnostic.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }

    /// The most serious severity reported, if any.
    public var highest: Severity? {
        errors > 0 ? .error : warnings > 0 ? .warning : infos > 0 ? .info : nil
    }
}


/// Which story of a stream a finding is in: its place, and its headline or slug.
public struct StoryLabel: Sendable, Hashable, Codable {
    /// 1-based place in the file, and how many stories the file holds.
    public var index: Int
    public var count: Int
    public var headline: String?
    public var slug: String?
    /// Bytes of the input the story's text comes from (its first block's start to its last's end).
    public var range: Range<Int>

    public init(index: Int, count: Int, headline: String?, slug: String?, range: Range<Int>) {
        self.index = index
        self.count = count
        self.headline = headline
        self.slug = slug
        self.range = range
    }

    /// `story 2 of 4: "Russia-China summit"` (headline, else slug, cut to 60 characters).
    public var description: String {
        var text = "story \(index) of \(count)"
        if let name = headline ?? slug, !name.isEmpty {
            text += ": \"\(QuotedText.bounded(name, limit: 59))\""
        }
        return text
    }
}
