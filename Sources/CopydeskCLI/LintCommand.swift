import ArgumentParser
import Copydesk

struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Report what is wrong with wire copy; with --fix, also fix what is safe to fix.",
        discussion: """
            Runs the lint pipeline (Pipelines/lint.yml: the normalize stage's findings, the house style's rules, and \
            the translation checks for an XLIFF file or a translation given with --source). \
            --fix rewrites each file atomically with every safe fix applied (repeating until nothing more can be fixed) \
            and reports what is left; --diff prints the fixes as a unified diff instead. Fixed files are written in UTF-8.
            """
    )

    @OptionGroup var input: PipelineOptions
    @OptionGroup var output: ReportOptions
    @OptionGroup(title: "Translation") var translation: TranslationOptions

    @Option(help: "House style: ap, reuters, guardian, translated-en, or a style file (overrides the repo config's style and per-path styles and the pipeline's lint stage).")
    var style: String?

    @Flag(help: "Apply every safe fix and rewrite the files (standard input: print the fixed text).")
    var fix = false

    @Flag(help: "Print the safe fixes as a unified diff; change nothing.")
    var diff = false

    @Argument(help: "Files or folders to check, or - for standard input.")
    var arguments: [String] = []

    /// The paths as given; folders are walked in `run()`, once, so its notes are printed once.
    var named: [String] { arguments + (translation.target.map { [$0] } ?? []) }

    func validate() throws {
        try input.validateInputs(named)
        try translation.validate(files: named)
        if fix && diff { throw ValidationError("--fix and --diff cannot be used together") }
    }

    func run() async throws {
        let config = try RepoContext.config()
        let files = try input.files(named)
        // --style, else the repo config's style, else the pipeline's.
        func overrides(style: String?) -> [String: [String: ConfigValue]] {
            var overrides: [String: [String: ConfigValue]] = [:]
            if let style { overrides[LintStage.name] = ["style": .string(style)] }
            if !translation.overrides.isEmpty { overrides[TranslationStage.name] = translation.overrides }
            return overrides
        }
        let pipeline = try input.load(defaultName: "lint", configured: config?.pipeline, overrides: overrides(style: style ?? config?.style))
        var runner = input.runner(pipeline, mode: .report)
        try RepoContext.configure(&runner, commandLineStyle: style) { pathStyle in
            try input.load(defaultName: "lint", configured: config?.pipeline, overrides: overrides(style: pathStyle))
        }
        try translation.configure(&runner)
        guard fix || diff else {
            if output.streams {
                var stream = ReportStream(options: output, rules: knownRules())
                await runner.run(files) { stream.add($0.report) }
                throw ExitCode(stream.finish())
            }
            let results = await runner.run(files)
            throw ExitCode(output.report(results.map(\.report)))
        }
        let fixer = Fixer(runner: runner)
        var reports: [FileReport] = []
        var diffs = ""
        for path in files {
            let outcome: Fixer.Outcome
            if path == "-" {
                outcome = await fixer.fix(bytes: try InputFiles.read("-"), path: "<stdin>")
            } else {
                outcome = await fixer.fix(path: path)
            }
            var report = outcome.remaining.report
            if report.error == nil, outcome.changed {
                if diff {
                    // git's a/ b/ prefixes for relative paths, so `git apply` takes the diff.
                    let name = report.path
                    let relative = !name.hasPrefix("/") && !name.hasPrefix("<")
                    diffs += UnifiedDiff.render(old: outcome.original, new: outcome.fixed,
                                                oldName: relative ? "a/" + name : name, newName: relative ? "b/" + name : name)
                } else if path == "-" {
                    Terminal.write(outcome.fixed)
                } else {
                    do {
                        try InputFiles.writeAtomically(outcome.fixed, to: path)
                        let converted = outcome.originalEncoding.map { $0 == "UTF-8" ? "" : ", converted from \($0) to UTF-8" } ?? ""
                        Terminal.writeError("\(path): \(outcome.appliedFixes) fix\(outcome.appliedFixes == 1 ? "" : "es") applied\(converted)\n")
                    } catch {
                        report.error = "\(error)".droppingPrefix(path + ": ")
                    }
                }
            }
            reports.append(report)
        }
        if diff {
            Terminal.write(diffs)
            // The diff is the output; findings that have no fix still decide the exit status.
            throw ExitCode(ReportOptions.status(ReportSummary(reports), failOn: output.failOn))
        }
        if files == ["-"] {
            throw ExitCode(ReportOptions.status(ReportSummary(reports), failOn: output.failOn))
        }
        throw ExitCode(output.report(reports))
    }
}

extension String {
    func droppingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
