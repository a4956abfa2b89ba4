import ArgumentParser
import Copydesk
import Foundation

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a whole pipeline over files and report its findings.",
        discussion: """
            With --output DIR, each processed story is also written there (atomically), under its own file name, \
            or with the extension of --output-format when that differs from the input's format. A format Copydesk \
            reads but does not write (ANPA, IPTC 7901, NewsML-G2, XLIFF, TMX) keeps its file, with only the text changed.
            """
    )

    @OptionGroup var input: PipelineOptions
    @OptionGroup var output: ReportOptions
    @OptionGroup(title: "Translation") var translation: TranslationOptions

    @Option(name: .customLong("output"), help: "Directory to write the processed stories to.")
    var outputDirectory: String?

    @Option(name: .customLong("output-format"), help: "Format of the written stories: same (as the input, where Copydesk writes it), plain, markdown, nitf or ninjs.")
    var outputFormat: OutputFormat = .same

    @Option(help: "Archive of the pipeline's dedup stage: a file, or postgres://user@host:5432/db (password from COPYDESK_STORE_PASSWORD or PGPASSWORD).")
    var store: String?

    @Argument(help: "Files or folders to process, or - for standard input.")
    var arguments: [String] = []

    var files: [String] { PipelineOptions.expand(arguments + (translation.target.map { [$0] } ?? [])) }

    func validate() throws {
        try input.validateInputs(files)
        try translation.validate(files: files)
    }

    func run() async throws {
        var overrides = translation.overrides.isEmpty ? [:] : [TranslationStage.name: translation.overrides]
        if let store { overrides[DedupStage.name] = ["store": .string(StoreLocator.isURL(store) ? store : ArchiveOptions.absolute(store))] }
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
        var reports: [FileReport] = []
        var stream = ReportStream(options: output, rules: knownRules())
        await runner.run(files) { result in
            var report = result.report
            if let outputDirectory, let first = result.stories.first {
                let fileName = result.path == "<stdin>" ? "stdin" : (result.path as NSString).lastPathComponent
                // A format Copydesk does not write keeps its file, with only the text changed.
                let outputs: [(name: String, text: String)]
                if outputFormat.editsSourceFile(first) {
                    outputs = [(fileName, outputFormat.write(result.stories))]
                } else {
                    outputs = result.stories.enumerated().map { index, story in
                        var name = fileName
                        // A stream's stories get numbered files: feed-1.txt, feed-2.txt, …
                        let number = result.stories.count > 1 ? "-\(index + 1)" : ""
                        if outputFormat.resolved(for: story).rawValue != story.metadata.sourceFormat || result.stories.count > 1 {
                            name = (fileName as NSString).deletingPathExtension + number + "." + outputFormat.fileExtension(for: story)
                        }
                        return (name, outputFormat.write(story))
                    }
                }
                for (name, text) in outputs {
                    do {
                        try InputFiles.writeAtomically(text, to: outputDirectory + "/" + name)
                    } catch {
                        report.error = "\(error)"
                    }
                }
            }
            if output.streams { stream.add(report) } else { reports.append(report) }
        }
        throw ExitCode(output.streams ? stream.finish() : output.report(reports))
    }
}
