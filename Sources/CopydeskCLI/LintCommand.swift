import ArgumentParser
import Copydesk

struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Report what is wrong with wire copy, without changing it.",
        discussion: "Runs the lint pipeline (Pipelines/lint.yml) in report mode and prints its findings."
    )

    @OptionGroup var input: PipelineOptions
    @OptionGroup var output: ReportOptions

    @Option(help: "House style: ap, reuters, guardian, translated-en, or a style file (overrides the pipeline's lint stage).")
    var style: String?

    @Argument(help: "Files to check, or - for standard input.")
    var files: [String] = []

    func validate() throws { try input.validateInputs(files) }

    func run() async throws {
        var overrides: [String: [String: ConfigValue]] = [:]
        if let style { overrides[LintStage.name] = ["style": .string(style)] }
        let pipeline = try input.load(defaultName: "lint", overrides: overrides)
        let results = await input.runner(pipeline, mode: .report).run(files)
        throw ExitCode(output.report(results.map(\.report)))
    }
}
