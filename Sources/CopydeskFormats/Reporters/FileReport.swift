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

    public init(path: String, source: SourceFile?, metadata: StoryMetadata? = nil, diagnostics: [Diagnostic], error: String? = nil,
                stageData: [[String: ConfigValue]] = []) {
        self.path = path
        self.source = source
        self.metadata = metadata
        self.diagnostics = diagnostics
        self.error = error
        self.stageData = stageData
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
        files += 1
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
