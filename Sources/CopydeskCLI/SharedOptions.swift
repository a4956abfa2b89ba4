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
    func load(defaultName: String, overrides: [String: [String: ConfigValue]] = [:], registry: StageRegistry = .standard) throws -> Pipeline {
        try Pipeline.named(pipeline, defaultName: defaultName, overrides: overrides, registry: registry)
    }

    func runner(_ pipeline: Pipeline, mode: StageContext.Mode) -> BatchRunner {
        BatchRunner(pipeline: pipeline, encoding: encoding, format: inputFormat, mode: mode)
    }

    /// Arguments with directories replaced by the files under them (sorted, hidden ones skipped),
    /// so `copydesk lint stories/` checks a whole folder.
    static func expand(_ arguments: [String]) -> [String] {
        var result: [String] = []
        let fileManager = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard argument != "-", fileManager.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue,
                  let enumerator = fileManager.enumerator(atPath: argument) else {
                result.append(argument)
                continue
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") { enumerator.skipDescendants(); continue }
                let path = (argument as NSString).appendingPathComponent(relative)
                var nested: ObjCBool = false
                if fileManager.fileExists(atPath: path, isDirectory: &nested), !nested.boolValue { found.append(path) }
            }
            result += found.sorted()
        }
        return result
    }

    func validateInputs(_ files: [String]) throws {
        if files.isEmpty { throw ValidationError("give at least one FILE, or - for standard input") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
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
    @Option(help: "Report format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding at or above this severity is reported: error, warning, info or never.")
    var failOn: FailOn = .warning

    @Flag(name: .customLong("no-source"), help: "Do not print the source line and caret under each text finding.")
    var noSource = false

    /// Prints the findings and returns the exit status.
    func report(_ reports: [FileReport], rules: [RuleInfo] = knownRules()) -> Int32 {
        let summary = ReportSummary(reports)
        switch format {
        case .json:
            Terminal.write(JSONReporter.render(reports))
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
            let reporter = TextReporter(colour: Terminal.wantsColour(fileDescriptor: 1), showSource: !noSource)
            var out = ""
            for report in reports { out += reporter.render(report) }
            out += reporter.renderSummary(summary)
            Terminal.write(out)
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
        default: Terminal.write(TextReporter(colour: Terminal.wantsColour(fileDescriptor: 1), showSource: !noSource).render(report))
        }
    }

    /// The closing summary of a streamed report, and the exit status.
    func finishStream(_ summary: ReportSummary) -> Int32 {
        if format == .text { Terminal.write(TextReporter(colour: Terminal.wantsColour(fileDescriptor: 1)).renderSummary(summary)) }
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
        Terminal.write(json.file(report))
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
