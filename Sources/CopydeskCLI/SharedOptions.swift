import Foundation
import ArgumentParser
import Copydesk

/// Which pipeline to run and how to read the inputs.
struct PipelineOptions: ParsableArguments {
    @Option(help: "Pipeline file, or the name of one in Pipelines/ (e.g. normalize).")
    var pipeline: String?

    @Option(help: "Input charset: auto (BOM, UTF-8, then detection) or a name such as windows-1251, ISO-8859-7, KOI8-R, UTF-16.")
    var encoding: String?

    @Option(name: .customLong("input-format"), help: "Input format: auto (detected from the content), anpa, iptc7901, nitf, newsml-g2, ninjs, plain or markdown.")
    var inputFormat: String?

    /// Loads the pipeline named by `--pipeline`, or `defaultName` from Pipelines/; with no such
    /// file, the built-in default (the normalize stage with its defaults).
    /// `--pipeline` wins over the repo config's `pipeline:` (`configured`), which wins over the
    /// default name. The repo config's archive is the dedup stage's store unless overridden.
    func load(defaultName: String, configured: String? = nil, overrides: [String: [String: ConfigValue]] = [:], registry: StageRegistry = .standard) throws -> Pipeline {
        try Pipeline.named(pipeline ?? configured, defaultName: defaultName, overrides: overrides,
                           archive: try RepoContext.archiveOverride(), registry: registry)
    }

    func runner(_ pipeline: Pipeline, mode: StageContext.Mode) -> BatchRunner {
        BatchRunner(pipeline: pipeline, encoding: encoding, format: inputFormat, mode: mode)
    }

    @Option(help: "Extensions a folder walk takes, comma-separated (. for files without one); default: the formats Copydesk reads (txt, md, ap, xml, json, …).")
    var extensions: String?

    /// The files to process: folders walked for copy (`InputWalk`), with a note on standard error
    /// for what the walk left out. Files named explicitly are kept as they are.
    func files(_ arguments: [String]) throws -> [String] { try selection(arguments).files }

    @Flag(name: .customLong("config-filter"), help: "Filter files named on the command line as a folder walk does (repo config include/exclude, extensions, binary files skipped), as pre-commit passes them; nothing left is a clean exit.")
    var configFilter = false

    func selection(_ arguments: [String]) throws -> InputWalk.Selection {
        try Inputs.select(arguments, extensions: extensions.map(InputWalk.extensions(fromList:)), filterNamed: configFilter)
    }

    /// The same with the default extension list (commands without `--extensions`).
    static func expand(_ arguments: [String]) throws -> [String] {
        try Inputs.select(arguments, extensions: nil, filterNamed: false).files
    }

    func validateInputs(_ files: [String]) throws {
        try validateEncoding()
        if files.isEmpty { throw ValidationError("give at least one FILE, or - for standard input") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
    }
}

extension PipelineOptions {
    /// `--encoding bogus` is a usage error before any file is read, naming what is accepted.
    func validateEncoding() throws {
        try EncodingsCommand.validate(encoding)
        let formats = ReaderRegistry.standard.names
        if let inputFormat, inputFormat != "auto", !formats.contains(inputFormat) {
            throw ValidationError("--input-format \(inputFormat): unknown format (accepted: auto, \(formats.joined(separator: ", ")))")
        }
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github, junit, rdjsonl, checkstyle
}

enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info, never

    var threshold: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .never: nil
        }
    }
}

/// How findings are printed and when they make the run fail.
struct ReportOptions: ParsableArguments {
    @Option(help: "Report format (text for people, the others for CI tools).")
    var format: ReportFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding at or above this severity is reported (never: findings do not fail the run); default: the repo config's fail-on, else warning.")
    var failOnOption: FailOn?

    /// `--fail-on`, else the repo config's, else warning.
    var failOn: FailOn { failOnOption ?? RepoContext.failOn ?? .warning }

    @Flag(name: .customLong("no-excerpt"), help: "Do not print the source line and caret under each text finding.")
    var noExcerptFlag = false

    /// The old name of --no-excerpt, kept hidden for one release (it read like the opposite of --source).
    @Flag(name: .customLong("no-source"), help: .hidden)
    var noSourceAlias = false

    @Flag(name: .shortAndLong, help: "Print only the findings: no summary line, no notes on standard error.")
    var quiet = false

    var noSource: Bool { noExcerptFlag || noSourceAlias }

    @Option(help: "Colour the text report: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    /// The text reporter for standard output: its colour and its terminal's width.
    var textReporter: TextReporter { Terminal.textReporter(fileDescriptor: 1, color: color, showSource: !noSource) }

    /// Prints the findings and returns the exit status.
    func report(_ reports: [FileReport], rules: [RuleInfo] = knownRules()) -> Int32 {
        let summary = ReportSummary(reports)
        switch format {
        case .json:
            JSONReporter.write(reports, to: Terminal.write)
        case .sarif:
            Terminal.write(SARIFReporter.render(reports, rules: rules, toolVersion: CopydeskCommand.configuration.version))
        case .github:
            Terminal.write(GitHubReporter.render(reports, rules: rules))
        case .junit:
            Terminal.write(JUnitReporter.render(reports, rules: rules))
        case .rdjsonl:
            Terminal.write(RDJSONLReporter.render(reports, rules: rules))
        case .checkstyle:
            Terminal.write(CheckstyleReporter.render(reports, rules: rules))
        case .text:
            let reporter = textReporter
            for report in reports { reporter.write(report, to: Terminal.write) }
            if !quiet { Terminal.write(reporter.renderSummary(summary)) }
        }
        return Self.status(summary, failOn: failOn)
    }

    /// Formats printed file by file as results arrive, so a long batch keeps no reports in memory.
    var streams: Bool { format == .text || format == .json || format == .github || format == .rdjsonl }

    /// Prints one file's findings in a streaming format (see `streams`).
    func stream(_ report: FileReport, rules: [RuleInfo]) {
        switch format {
        case .github: Terminal.write(GitHubReporter.render([report], rules: rules))
        case .rdjsonl: Terminal.write(RDJSONLReporter.render([report], rules: rules))
        default: textReporter.write(report, to: Terminal.write)
        }
    }

    /// The closing summary of a streamed report, and the exit status.
    func finishStream(_ summary: ReportSummary) -> Int32 {
        if format == .text, !quiet { Terminal.write(textReporter.renderSummary(summary)) }
        return Self.status(summary, failOn: failOn)
    }

    static func status(_ summary: ReportSummary, failOn: FailOn) -> Int32 {
        if summary.failedFiles > 0 { return ExitStatus.inputError }
        if let threshold = failOn.threshold, let highest = summary.highest, highest >= threshold { return ExitStatus.findings }
        return ExitStatus.clean
    }
}

/// A translation and its original (`--source el.txt --target en.txt`), and the languages when the
/// files do not say.
struct TranslationOptions: ParsableArguments {
    @Option(name: .customLong("source"), help: "The original the files are translated from; the translation stage checks each file against it.")
    var source: String?

    @Option(name: .customLong("target"), help: "The translation to check (the same as giving it as an argument).")
    var target: String?

    @Option(name: .customLong("source-lang"), help: "Language of the original (BCP 47, e.g. el) when the file does not say.")
    var sourceLanguage: String?

    @Option(name: .customLong("target-lang"), help: "Language of the translation (e.g. en) when the file does not say.")
    var targetLanguage: String?

    @Option(name: .customLong("translation-profile"), help: "Language-pair profile (StyleRules/translation/NAME.yml or a file); default: chosen by the languages.")
    var profile: String?

    /// Options for the translation stage from the flags given.
    var overrides: [String: ConfigValue] {
        var values: [String: ConfigValue] = [:]
        if let sourceLanguage { values["source-language"] = .string(sourceLanguage) }
        if let targetLanguage { values["target-language"] = .string(targetLanguage) }
        if let profile { values["profile"] = .string(profile) }
        return values
    }

    func validate(files: [String]) throws {
        if target != nil && source == nil { throw ValidationError("--target needs --source: the original to check the translation against") }
        if let source, files.contains(source) { throw ValidationError("the original \(source) is also given as a file to check") }
    }

    /// Applies the options to a pipeline and its runner; fails when `--source` is given to a
    /// pipeline that has no translation stage to use it.
    func configure(_ runner: inout BatchRunner) throws {
        guard let source else { return }
        guard runner.pipeline.stages.contains(where: { type(of: $0).name == TranslationStage.name }) else {
            throw CopydeskError.usage("--source \(source): pipeline '\(runner.pipeline.name)' has no translation stage to check the translation with; add '- translation' to its stages")
        }
        runner.translationSource = BatchRunner.TranslationSource(path: source, language: sourceLanguage)
    }
}

/// Prints reports as they arrive, in a format that allows it (`ReportOptions.streams`): a long
/// batch keeps no reports in memory. JSON comes out as the same document `--format json` prints
/// for a whole batch, written file by file.
struct ReportStream {
    let options: ReportOptions
    let rules: [RuleInfo]
    private(set) var summary = ReportSummary()
    private var json = JSONReporter.Stream()
    private var started = false

    init(options: ReportOptions, rules: [RuleInfo]) {
        self.options = options
        self.rules = rules
    }

    mutating func add(_ report: FileReport) {
        summary.add(report)
        guard options.format == .json else { return options.stream(report, rules: rules) }
        if !started { Terminal.write(json.begin()); started = true }
        json.file(report, to: Terminal.write)
    }

    /// The closing part (summary), and the exit status.
    mutating func finish() -> Int32 {
        if options.format == .json {
            if !started { Terminal.write(json.begin()) }
            Terminal.write(json.end(summary))
        }
        return options.finishStream(summary)
    }
}
