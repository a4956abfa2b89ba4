import ArgumentParser
import Copydesk
import Foundation

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a whole pipeline over files and report its findings.",
        discussion: """
            With --output DIR (created if missing), each processed story is also written there (atomically), under its \
            own file name and the subfolder it was found in; when --output-format changes the extension the source's \
            stays in the name (story.xml.txt), and a stream's stories are numbered (feed.ap-1.txt, feed.ap-2.txt). \
            Names are unique within a run; a file that exists is never replaced without --force. A format Copydesk \
            reads but does not write (ANPA, IPTC 7901, NewsML-G2, XLIFF, TMX) keeps its file, with only the text changed.
            """
    )

    @OptionGroup var input: PipelineOptions
    @OptionGroup var output: ReportOptions
    @OptionGroup(title: "Translation") var translation: TranslationOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "Folder to write the processed stories to (created if missing; a run writes one file per story).")
    var outputDirectory: String?

    @Flag(help: "With --output, replace files that already exist there (by default they are left alone and reported).")
    var force = false

    @Option(name: .customLong("output-format"), help: "Format of the written stories; same is the input's, where Copydesk writes it.")
    var outputFormat: OutputFormat = .same

    @Option(help: "Archive of the pipeline's dedup stage: a file, or postgres://user@host:5432/db (password from COPYDESK_STORE_PASSWORD or PGPASSWORD).")
    var archive: String?

    /// `--store`, the name `archive` commands used before `--archive`, kept hidden.
    @Option(name: .customLong("store"), help: .hidden)
    var storeAlias: String?

    @Argument(help: "Files or folders to process, or - for standard input.")
    var arguments: [String] = []

    /// The paths as given; folders are walked in `run()`, once, so its notes are printed once.
    var named: [String] { arguments + (translation.target.map { [$0] } ?? []) }

    func validate() throws {
        try input.validateInputs(named)
        try translation.validate(files: named)
    }

    func run() async throws {
        let selection = try input.selection(named)
        let files = selection.files
        let config = try RepoContext.config()
        var overrides = translation.overrides.isEmpty ? [:] : [TranslationStage.name: translation.overrides]
        if let store = archive ?? storeAlias {
            overrides[DedupStage.name] = ["store": .string(StoreLocator.isURL(store) ? store : ArchiveOptions.absolute(store))]
        }
        var pipeline = try input.load(defaultName: "normalize", configured: config?.pipeline, overrides: overrides)
        // The repo config's style, for a pipeline with a lint stage (wire-en).
        if let style = config?.style, pipeline.stages.contains(where: { $0 is LintStage }) {
            var styled = overrides
            styled[LintStage.name] = ["style": .string(style)]
            pipeline = try input.load(defaultName: "normalize", configured: config?.pipeline, overrides: styled)
        }
        var runner = input.runner(pipeline, mode: .transform)
        // The repo's rule levels and per-path styles (for a pipeline with a lint stage).
        try RepoContext.configure(&runner, commandLineStyle: nil) { pathStyle in
            var styled = overrides
            styled[LintStage.name] = ["style": .string(pathStyle)]
            return try input.load(defaultName: "normalize", configured: config?.pipeline, overrides: styled)
        }
        try translation.configure(&runner)
        if let outputDirectory {
            do {
                try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
            } catch {
                throw CopydeskError.input(file: outputDirectory, message: "cannot create the output folder (\((error as NSError).localizedDescription))")
            }
        }
        // Streaming formats print each file as it is done, so a long batch keeps no reports.
        var reports: [FileReport] = []
        var stream = ReportStream(options: output, rules: knownRules())
        var names = OutputNames()
        await runner.run(files) { result in
            var report = result.report
            if let outputDirectory, let first = result.stories.first {
                let relative = selection.relativeNames[result.path == "<stdin>" ? "-" : result.path] ?? (result.path as NSString).lastPathComponent
                // A format Copydesk does not write keeps its file, with only the text changed.
                let outputs: [(name: String, text: String)]
                if outputFormat.editsSourceFile(first) {
                    outputs = [(names.name(for: relative, outputExtension: nil), outputFormat.write(result.stories))]
                } else {
                    outputs = result.stories.enumerated().map { index, story in
                        // A stream's stories get numbered files: feed-1.txt, feed.ap-1.txt, …
                        let converted = outputFormat.resolved(for: story).rawValue != story.metadata.sourceFormat || result.stories.count > 1
                        let name = names.name(for: relative, outputExtension: converted ? outputFormat.fileExtension(for: story) : nil,
                                              story: index, of: result.stories.count)
                        return (name, outputFormat.write(story))
                    }
                }
                var errors: [String] = []
                for (name, text) in outputs {
                    let path = (outputDirectory as NSString).appendingPathComponent(name)
                    do {
                        let folder = (path as NSString).deletingLastPathComponent
                        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                        try InputFiles.writeAtomically(text, to: path, overwrite: force)
                    } catch let error as CopydeskError {
                        errors.append(error.description)
                    } catch {
                        errors.append("\(path): cannot create its folder (\((error as NSError).localizedDescription))")
                    }
                }
                if !errors.isEmpty { report.error = errors.joined(separator: "; ") }
            }
            if output.streams { stream.add(report) } else { reports.append(report) }
        }
        throw ExitCode(output.streams ? stream.finish() : output.report(reports))
    }
}
