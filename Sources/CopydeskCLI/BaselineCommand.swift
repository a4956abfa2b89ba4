import ArgumentParser
import Copydesk
import Foundation

struct BaselineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record today's findings so `lint --baseline FILE` reports only new ones.",
        discussion: """
            For adopting Copydesk on an existing archive of copy: `copydesk baseline write .copydesk-baseline.json stories/` \
            records every finding the lint pipeline reports now; `copydesk lint --baseline .copydesk-baseline.json stories/` \
            then reports only findings not recorded. Findings are matched by rule, file and the text around them, not by \
            line, so copy inserted above an old finding does not bring it back; a new instance is reported.
            """,
        subcommands: [BaselineWriteCommand.self]
    )
}

struct BaselineWriteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write",
        abstract: "Lint the files and record their findings in a baseline file (JSON, sorted, stable).")

    @OptionGroup var input: PipelineOptions

    @Option(help: "House style: ap, reuters, guardian, translated-en, or a style file (as for lint).")
    var style: String?

    @Flag(name: .shortAndLong, help: "Do not print what was recorded.")
    var quiet = false

    @Argument(help: "The baseline file to write.")
    var baselineFile: String

    @Argument(help: "Files or folders to record the findings of (default: the current folder).")
    var arguments: [String] = []


    func validate() throws {
        try input.validateEncoding()
        if arguments.contains("-") { throw ValidationError("a baseline records files by path; standard input (-) has none") }
        if arguments.contains(baselineFile) { throw ValidationError("the baseline file \(baselineFile) is also given as a file to lint") }
    }

    func run() async throws {
        // Never replace a file that is not a baseline (a story given in the wrong place).
        if FileManager.default.fileExists(atPath: baselineFile) {
            do {
                _ = try Baseline.load(path: baselineFile)
            } catch {
                throw CopydeskError.input(file: baselineFile, message: "exists and is not a copydesk baseline; not overwriting it")
            }
        }
        // The same pipeline, styles and rule levels as `lint`, so lint --baseline matches them.
        let config = try RepoContext.config()
        let files = try input.files(arguments.isEmpty ? ["."] : arguments)
        func overrides(style: String?) -> [String: [String: ConfigValue]] {
            style.map { [LintStage.name: ["style": .string($0)]] } ?? [:]
        }
        let pipeline = try input.load(defaultName: "lint", configured: config?.pipeline, overrides: overrides(style: style ?? config?.style))
        var runner = input.runner(pipeline, mode: .report)
        try RepoContext.configure(&runner, commandLineStyle: style) { pathStyle in
            try input.load(defaultName: "lint", configured: config?.pipeline, overrides: overrides(style: pathStyle))
        }
        // The baseline file itself is never a story to record.
        let own = Baseline.absolutePath(baselineFile)
        var reports: [FileReport] = []
        var failed = 0
        await runner.run(files.filter { Baseline.absolutePath($0) != own }) { result in
            let report = result.report
            if let error = report.error {
                Terminal.error("\(report.path): \(error)")
                failed += 1
            }
            // Keep only what the baseline needs: no stage data, no metadata.
            reports.append(FileReport(path: report.path, source: report.source, diagnostics: report.diagnostics))
        }
        let baseline = Baseline(reports: reports, baselinePath: baselineFile)
        try InputFiles.writeAtomically(baseline.rendered(), to: baselineFile)
        if !quiet {
            let files = Set(baseline.findings.map(\.path)).count
            Terminal.writeError("\(baselineFile): \(baseline.total) finding\(baseline.total == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s") recorded\n")
        }
        throw ExitCode(failed > 0 ? ExitStatus.inputError : ExitStatus.clean)
    }
}
