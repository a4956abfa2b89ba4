import ArgumentParser
import Copydesk
import Foundation

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a whole pipeline over files and report its findings.",
        discussion: """
            With --output DIR, each processed story is also written there (atomically), under its own file name, \
            or with the extension of --output-format when that differs from the input's format.
            """
    )

    @OptionGroup var input: PipelineOptions
    @OptionGroup var output: ReportOptions
    @OptionGroup(title: "Translation") var translation: TranslationOptions

    @Option(name: .customLong("output"), help: "Directory to write the processed stories to.")
    var outputDirectory: String?

    @Option(name: .customLong("output-format"), help: "Format of the written stories: same (as the input, where Copydesk writes it), plain, markdown, nitf or ninjs.")
    var outputFormat: OutputFormat = .same

    @Argument(help: "Files or folders to process, or - for standard input.")
    var arguments: [String] = []

    var files: [String] { PipelineOptions.expand(arguments + (translation.target.map { [$0] } ?? [])) }

    func validate() throws {
        try input.validateInputs(files)
        try translation.validate(files: files)
    }

    func run() async throws {
        let overrides = translation.overrides.isEmpty ? [:] : [TranslationStage.name: translation.overrides]
        let pipeline = try input.load(defaultName: "normalize", overrides: overrides)
        var runner = input.runner(pipeline, mode: .transform)
        try translation.configure(&runner)
        if let outputDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: outputDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CopydeskError.usage("--output \(outputDirectory): no such directory")
            }
        }
        // Streaming formats print each file as it is done, so a long batch keeps no reports.
        let rules = knownRules()
        var reports: [FileReport] = []
        var summary = ReportSummary()
        await runner.run(files) { result in
            var report = result.report
            if let outputDirectory {
                for (index, story) in result.stories.enumerated() {
                    var name = result.path == "<stdin>" ? "stdin" : (result.path as NSString).lastPathComponent
                    let base = (name as NSString).deletingPathExtension
                    // A stream's stories get numbered files: feed-1.txt, feed-2.txt, …
                    let number = result.stories.count > 1 ? "-\(index + 1)" : ""
                    if outputFormat.resolved(for: story).rawValue != story.metadata.sourceFormat || result.stories.count > 1 {
                        name = base + number + "." + outputFormat.fileExtension(for: story)
                    }
                    do {
                        try InputFiles.writeAtomically(outputFormat.write(story), to: outputDirectory + "/" + name)
                    } catch {
                        report.error = "\(error)"
                    }
                }
            }
            if output.streams {
                summary.add(report)
                output.stream(report, rules: rules)
            } else {
                reports.append(report)
            }
        }
        throw ExitCode(output.streams ? output.finishStream(summary) : output.report(reports))
    }
}
