import ArgumentParser
import Copydesk
import Foundation

struct NormalizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Print normalized text (or rewrite files with --in-place); report each change on standard error.",
        discussion: """
            Decodes each file (BOM, UTF-8, legacy charsets), then runs the pipeline's normalize stage: mojibake \
            repair, invisible and control characters, whitespace, legacy typography, Unicode form. The text goes \
            to standard output, a `path:line:col: severity: message [rule]` line per change to standard error.
            """
    )

    @OptionGroup var input: PipelineOptions

    @Option(help: "Unicode normalization form (overrides the pipeline).")
    var form: NormalizationFormArgument?

    @Option(name: .customLong("output-format"), help: "Format of the output; same is the input's, where Copydesk writes it.")
    var outputFormat: OutputFormat = .same

    @Flag(help: "Rewrite each file atomically with its normalized text instead of printing it (as `lint --fix`).")
    var fix = false

    /// The old name of --fix, kept hidden for one release.
    @Flag(name: .customLong("in-place"), help: .hidden)
    var inPlaceAlias = false

    var inPlace: Bool { fix || inPlaceAlias }

    @Flag(name: .shortAndLong, help: "Do not report changes on standard error.")
    var quiet = false

    @Option(help: "Colour the changes reported on standard error: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var storySize: StreamOptions

    @Argument(help: "Files or folders to normalize, or - for standard input.")
    var arguments: [String] = []

    func validate() throws {
        try input.validateInputs(arguments)
        if inPlace && arguments.contains("-") { throw ValidationError("--fix cannot rewrite standard input") }
        if inPlace && outputFormat != .same { throw ValidationError("--fix keeps each file's format; use `copydesk run --output DIR --output-format …` to convert") }
    }

    func run() async throws {
        let files = try input.files(arguments)
        var overrides: [String: [String: ConfigValue]] = [:]
        if let form { overrides[NormalizeStage.name] = ["form": .string(form.rawValue)] }
        let pipeline = try input.load(defaultName: "normalize", overrides: overrides)
        var runner = input.runner(pipeline, mode: .transform)
        storySize.configure(&runner)
        // A huge plain-text file is normalized in pieces cut at blank lines; the output is the
        // same (plain text is written block by block), so only for plain output.
        runner.cutsPlainText = outputFormat == .same || outputFormat == .plain
        var status = ExitStatus.clean
        // A wire stream read story by story (`result.part`) is written as it goes: to standard
        // output, or with --fix to a temporary file that replaces the input once every story is in.
        var rewrite: AtomicRewrite?
        var pieceWritten = false
        let reporter = Terminal.textReporter(fileDescriptor: 2, color: color, showSource: false)
        let showHeaders = files.count > 1 && !inPlace
        await runner.run(files) { result in
            let report = result.report
            if let error = result.error {
                Terminal.error(error.description)
                status = ExitStatus.inputError
                if let part = result.part, inPlace {
                    if part.index == 0 || rewrite != nil { Terminal.error("\(result.path): not rewritten: a story could not be read") }
                    rewrite?.abandon()
                    rewrite = nil
                }
                return
            }
            guard !result.stories.isEmpty else { return }
            if !quiet { reporter.write(report, to: Terminal.writeError) }
            // A wire stream's stories one after another, a blank line between them; a format
            // Copydesk does not write keeps its file, with only the text changed.
            var text = outputFormat.write(result.stories)
            if let part = result.part {
                // Between stories as `write` joins them; between the pieces of a plain-text
                // file, the blank line between two blocks (a piece of blank blocks writes nothing).
                if part.index == 0 { pieceWritten = false }
                if let first = result.stories.first, !outputFormat.editsSourceFile(first) {
                    if part.isStory ? part.index > 0 : pieceWritten && !text.isEmpty { text = "\n" + text }
                }
                if !text.isEmpty { pieceWritten = true }
                if inPlace {
                    do {
                        if part.index == 0 { rewrite = try AtomicRewrite(path: result.path) }
                        try rewrite?.append(text)
                        if part.isLast { try rewrite?.commit(); rewrite = nil }
                    } catch {
                        Terminal.error("\(error)")
                        status = ExitStatus.inputError
                        rewrite?.abandon()
                        rewrite = nil
                    }
                } else {
                    if showHeaders, part.index == 0 { Terminal.write("==> \(result.path) <==\n") }
                    Terminal.write(text)
                }
                return
            }
            if inPlace {
                do {
                    try InputFiles.writeAtomically(text, to: result.path)
                } catch {
                    Terminal.error("\(error)")
                    status = ExitStatus.inputError
                }
            } else {
                if showHeaders { Terminal.write("==> \(result.path) <==\n") }
                Terminal.write(text)
            }
        }
        throw ExitCode(status)
    }
}

enum NormalizationFormArgument: String, ExpressibleByArgument, CaseIterable {
    case nfc, nfd, nfkc, nfkd, nfkcCasefold = "nfkc-casefold"
}
