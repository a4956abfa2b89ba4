import ArgumentParser
import Copydesk
import Foundation

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
    @OptionGroup var storySize: StreamOptions

    @Option(help: "House style: ap, reuters, guardian, translated-en, or a style file (overrides the repo config's style and per-path styles and the pipeline's lint stage).")
    var style: String?

    @Flag(help: "Apply every safe fix and rewrite the files (standard input: print the fixed text).")
    var fix = false

    /// The old spelling `normalize` used, accepted here too so one name works everywhere.
    @Flag(name: .customLong("in-place"), help: .hidden)
    var inPlace = false

    @Flag(help: "Print the safe fixes as a unified diff; change nothing.")
    var diff = false

    @OptionGroup(title: "Changed files only") var changes: ChangedFilesOptions

    @Option(help: "Baseline file (from `copydesk baseline write`): report only findings it does not record.")
    var baseline: String?

    @Argument(help: "Files or folders to check, or - for standard input (with --changed: paths to limit it to).")
    var arguments: [String] = []

    /// The paths as given; folders are walked in `run()`, once, so its notes are printed once.
    var named: [String] { arguments + (translation.target.map { [$0] } ?? []) }

    var fixes: Bool { fix || inPlace }

    func validate() throws {
        try changes.validate()
        if !changes.active { try input.validateInputs(named) } else { try input.validateEncoding() }
        try translation.validate(files: named)
        if fixes && diff { throw ValidationError("--fix and --diff cannot be used together") }
        if changes.newOnly && (fixes || diff) {
            throw ValidationError("--new-only filters what is reported; --fix and --diff would still change every line of the files")
        }
    }

    func run() async throws {
        let config = try RepoContext.config()
        let changed = try changes.select(arguments, extensions: input.extensions.map(InputWalk.extensions(fromList:)))
        var files = try changed.map { $0.map(\.path) } ?? input.files(named)
        if let baseline {
            // A baseline kept in the folder being linted is not copy.
            let own = Baseline.absolutePath(baseline)
            files.removeAll { $0 != "-" && Baseline.absolutePath($0) == own }
        }
        if let changed, changed.isEmpty, !output.quiet {
            Terminal.writeError("copydesk: no changed files to check\(changes.base.map { " against " + $0 } ?? "")\n")
        }
        var filter = try ReportFilter(baselinePath: baseline, changed: changed, newOnly: changes.newOnly)
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
        guard fixes || diff else {
            storySize.configure(&runner)
            if output.streams {
                var stream = ReportStream(options: output, rules: knownRules())
                await runner.run(files) { stream.add(filter.apply($0.report)) }
                throw ExitCode(stream.finish())
            }
            let results = await runner.run(files)
            throw ExitCode(output.report(results.map { filter.apply($0.report) }))
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
            var report = filter.apply(outcome.remaining.report)
            if report.error == nil, outcome.changed {
                if diff {
                    // git's a/ b/ prefixes on paths relative to the current folder, so `git
                    // apply` takes the diff from there.
                    let name = Self.diffPath(report.path)
                    let relative = !name.hasPrefix("/") && !name.hasPrefix("<")
                    diffs += UnifiedDiff.render(old: outcome.original, new: outcome.fixed,
                                                oldName: relative ? "a/" + name : name, newName: relative ? "b/" + name : name)
                } else if path == "-" {
                    Terminal.write(outcome.fixed)
                } else {
                    do {
                        try InputFiles.writeAtomically(outcome.fixed, to: path)
                        let converted = outcome.originalEncoding.map { $0 == "UTF-8" ? "" : ", converted from \($0) to UTF-8" } ?? ""
                        if !output.quiet { Terminal.writeError("\(path): \(outcome.appliedFixes) fix\(outcome.appliedFixes == 1 ? "" : "es") applied\(converted)\n") }
                    } catch {
                        report.error = "\(error)".droppingPrefix(path + ": ")
                    }
                }
            }
            reports.append(report)
        }
        if diff {
            Terminal.write(diffs)
            // The diff is the output; findings that have no fix still decide the exit status,
            // and standard error says so, since nothing else would.
            let summary = ReportSummary(reports)
            let status = ReportOptions.status(summary, failOn: output.failOn)
            if status == ExitStatus.findings, !output.quiet {
                let threshold = output.failOn.threshold ?? .error
                let left = summary.errors + (threshold <= .warning ? summary.warnings : 0) + (threshold <= .info ? summary.infos : 0)
                Terminal.writeError("copydesk: exit 1: \(left) finding\(left == 1 ? "" : "s") left after these fixes (at or above --fail-on \(output.failOn.rawValue)); run without --diff to see them\n")
            } else if status == ExitStatus.inputError {
                for report in reports where report.error != nil { Terminal.error("\(report.path): \(report.error!)") }
            }
            throw ExitCode(status)
        }
        if files == ["-"] {
            throw ExitCode(ReportOptions.status(ReportSummary(reports), failOn: output.failOn))
        }
        throw ExitCode(output.report(reports))
    }
}

extension LintCommand {
    /// A path as a diff names it: relative to the current folder (no `./`), so `a/` and `b/`
    /// prefixes make a patch `git apply` takes there; a path outside it stays absolute.
    static func diffPath(_ path: String) -> String {
        guard !path.hasPrefix("<") else { return path }
        let folder = (FileManager.default.currentDirectoryPath as NSString).standardizingPath
        let full = ((path.hasPrefix("/") ? path : folder + "/" + path) as NSString).standardizingPath
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }
}

extension String {
    func droppingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
