import ArgumentParser
import Copydesk
import Foundation

struct ArchiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Record stories in the archive of earlier copy, check them against it, prune it, or describe it.",
        discussion: """
            The archive is the dedup stage's store: by default the repository's .copydesk/archive.sqlite \
            (beside .copydesk.yml, else in the current folder), the repo config's archive:, or --archive FILE \
            (the same option as `copydesk tm`'s), or a shared archive on PostgreSQL: \
            --archive postgres://user@host:5432/db (password from COPYDESK_STORE_PASSWORD or PGPASSWORD; \
            COPYDESK_STORE_URL names the store when neither --archive, the repo config nor the pipeline does). \
            `copydesk run --pipeline wire-en` checks and records in one go.
            """,
        subcommands: [ArchiveAddCommand.self, ArchiveCheckCommand.self, ArchivePruneCommand.self, ArchiveStatsCommand.self, ArchiveMigrateCommand.self]
    )
}

/// Where the archive is and which pipeline reads stories for it.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .customLong("archive"), help: "Archive file or postgres://user@host:5432/db URL; without it, the repo config's archive:, else the store of the pipeline's dedup stage.")
    var archiveFile: String?

    /// The name `archive` used before it was `--archive` everywhere (as for `tm`), kept hidden.
    @Option(name: .customLong("store"), help: .hidden)
    var storeAlias: String?

    @Option(help: "Pipeline whose dedup stage holds the archive (and whose stages read the stories).")
    var pipeline: String = "wire-en"

    var store: String? { archiveFile ?? storeAlias }

    /// The pipeline with its dedup stage set to `mode` (and `--store`); a pipeline without a dedup
    /// stage gets one added after its other stages.
    func load(mode: DedupStage.Mode, keepOnly stages: Set<String>? = nil) throws -> Pipeline {
        var options: [String: ConfigValue] = ["mode": .string(mode.rawValue)]
        // --archive, else the repo config's archive, else the pipeline's store.
        if let store {
            options["store"] = .string(StoreLocator.isURL(store) ? store : Self.absolute(store))
        } else {
            options.merge(try RepoContext.archiveOverride()) { $1 }
        }
        guard let path = DataFiles.pipelinePath(pipeline) else {
            if pipeline != "wire-en" {
                throw DataFiles.notFound(pipeline, kind: "pipeline", folder: "Pipelines", searched: DataFiles.searchRoots())
            }
            // No Pipelines/ folder: normalize, then dedup with its defaults (store in the current directory).
            return Pipeline(name: "archive", stages: [
                try StageRegistry.standard.makeStage(named: NormalizeStage.name, options: [:], file: "command line"),
                try StageRegistry.standard.makeStage(named: DedupStage.name, options: options, file: "command line"),
            ])
        }
        let yaml = try YAMLFile(path: path)
        var pipeline = try Pipeline.load(yaml: yaml, registry: .standard)
        if !pipeline.stages.contains(where: { type(of: $0).name == DedupStage.name }) {
            pipeline.stages.append(try StageRegistry.standard.makeStage(
                named: DedupStage.name, options: options, file: path, baseDirectory: pipeline.baseDirectory))
        } else {
            pipeline = try Pipeline.load(yaml: yaml, registry: .standard, overrides: [DedupStage.name: options])
        }
        if let stages {
            pipeline.stages.removeAll { !stages.contains(type(of: $0).name) }
        }
        return pipeline
    }

    /// The dedup stage's store of the pipeline, opened for maintenance.
    func openStore() async throws -> any Store {
        let pipeline = try load(mode: .check, keepOnly: [DedupStage.name])
        guard let stage = pipeline.stages.first as? DedupStage else {
            throw CopydeskError.configuration(file: self.pipeline, message: "the pipeline has no dedup stage")
        }
        let store = try ArchiveStores.open(stage.storePath, mustExist: true)
        try await store.prepare()
        return store
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

}

/// How the stories are read, for the archive commands that read stories (add, check).
struct ArchiveInputOptions: ParsableArguments {
    @Option(help: "Input charset: auto or a name such as windows-1251 (`copydesk encodings` lists them).")
    var encoding: String?

    @Option(name: .customLong("input-format"), help: "Input format, or auto to detect it from the content.")
    var inputFormat: String?

    func validate() throws {
        try EncodingsCommand.validate(encoding)
    }

    func runner(_ pipeline: Pipeline) -> BatchRunner {
        BatchRunner(pipeline: pipeline, encoding: encoding, format: inputFormat, mode: .transform)
    }
}

/// `-q/--quiet` for commands whose only other output is a note on what they did.
struct QuietOption: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Do not print what was done (errors are still printed).")
    var quiet = false
}

struct ArchiveAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Record stories in the archive without reporting on them.")

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var reading: ArchiveInputOptions
    @OptionGroup var quietness: QuietOption

    @Argument(help: "Files or folders to record, or - for standard input.")
    var arguments: [String] = []

    func validate() throws {
        if arguments.isEmpty { throw ValidationError("give at least one FILE, or - for standard input") }
    }

    func run() async throws {
        // Only what reading needs: normalize, then record. Stories are read and fingerprinted
        // concurrently and written in batches of 500, one transaction each.
        var pipeline = try archive.load(mode: .record, keepOnly: [NormalizeStage.name, DedupStage.name])
        guard let index = pipeline.stages.firstIndex(where: { $0 is DedupStage }), let dedup = pipeline.stages[index] as? DedupStage else {
            throw CopydeskError.configuration(file: archive.pipeline, message: "the pipeline has no dedup stage")
        }
        let stage = dedup.batching(size: 500)
        pipeline.stages[index] = stage
        var stories = 0, failed = 0
        await reading.runner(pipeline).run(try PipelineOptions.expand(arguments)) { result in
            if let error = result.error {
                Terminal.error(error.description)
                failed += 1
                return
            }
            stories += result.stories.count
        }
        let (_, recorded) = try await stage.finish()
        let known = stories - recorded
        if !quietness.quiet || failed > 0 { Terminal.writeError("\(recorded) stor\(recorded == 1 ? "y" : "ies") recorded, \(known) already in the archive"
            + (failed > 0 ? ", \(failed) file\(failed == 1 ? "" : "s") failed" : "") + "\n") }
        throw ExitCode(failed > 0 ? ExitStatus.inputError : ExitStatus.clean)
    }
}

struct ArchiveCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Say for each story whether the archive has seen it, and what is new in it, without recording it.")

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var reading: ArchiveInputOptions
    @OptionGroup var output: ReportOptions

    @Argument(help: "Files or folders to check, or - for standard input.")
    var arguments: [String] = []

    func validate() throws {
        if arguments.isEmpty { throw ValidationError("give at least one FILE, or - for standard input") }
    }

    func run() async throws {
        let pipeline = try archive.load(mode: .check, keepOnly: [NormalizeStage.name, DedupStage.name])
        var reports: [FileReport] = []
        var lines = ""
        await reading.runner(pipeline).run(try PipelineOptions.expand(arguments)) { result in
            var report = result.report
            // Only the archive's verdicts: this command is not a linter.
            report.diagnostics = report.diagnostics.filter { $0.family == "dedup" }
            reports.append(report)
            if output.format == .text, result.error == nil {
                lines += DedupSummary.lines(for: result)
            }
        }
        if output.format == .text {
            Terminal.write(lines)
            let summary = ReportSummary(reports)
            for report in reports where report.error != nil { Terminal.error("\(report.path): \(report.error!)") }
            throw ExitCode(ReportOptions.status(summary, failOn: output.failOn))
        }
        throw ExitCode(output.report(reports))
    }
}

/// One line per story — new, duplicate of X, update of X with its new and changed paragraphs —
/// followed by the text of what is new, for an editor or translator to read.
enum DedupSummary {
    static func lines(for result: BatchRunner.Result) -> String {
        var out = ""
        for story in result.stories {
            guard case .map(let data)? = story.stageData[DedupStage.name] else { continue }
            let message: String
            if case .string(let text)? = data["message"] { message = text } else { message = "new: nothing similar in the archive" }
            let title = story.headline.map { " (\($0.string))" } ?? ""
            out += "\(result.path)\(title): \(message)\n"
            guard case .list(let paragraphs)? = data["paragraphs"] else { continue }
            let body = story.paragraphs
            for case .map(let entry) in paragraphs {
                guard case .string(let status)? = entry["status"], status != "seen", case .int(let number)? = entry["paragraph"] else { continue }
                let text = number >= 1 && number <= body.count ? body[number - 1].string : ""
                if status == "changed", case .string(let diff)? = entry["diff"] {
                    out += "  \(number) changed: \(diff)\n"
                } else if status == "new" {
                    out += "  \(number) new: \(text)\n"
                }
            }
        }
        return out
    }
}

struct ArchivePruneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune", abstract: "Remove stories recorded before a cut-off, e.g. --older-than 30d.")

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var quietness: QuietOption

    @Option(name: .customLong("older-than"), help: "Age such as 30d, 12h, 2w or 90m.")
    var olderThan: String

    func run() async throws {
        guard let seconds = Self.seconds(olderThan) else {
            throw ValidationError("--older-than: expected a number and a unit (m, h, d or w), e.g. 30d, not '\(olderThan)'")
        }
        let store = try await archive.openStore()
        let removed = try await store.prune(olderThan: Date().addingTimeInterval(-seconds))
        if !quietness.quiet { Terminal.write("\(removed) stor\(removed == 1 ? "y" : "ies") older than \(olderThan) removed from \(store.location)\n") }
    }

    static func seconds(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let number = Double(text.dropLast()), number >= 0 else { return nil }
        switch unit {
        case "m": return number * 60
        case "h": return number * 3600
        case "d": return number * 86400
        case "w": return number * 7 * 86400
        default: return nil
        }
    }
}

struct ArchiveStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Describe the archive.")

    @OptionGroup var archive: ArchiveOptions

    func run() async throws {
        let store = try await archive.openStore()
        let stats = try await store.stats()
        let formatter = ISO8601DateFormatter()
        var out = "archive: \(store.location)\n"
        out += "  stories: \(stats.stories)\n  band keys: \(stats.keys)\n"
        out += "  size: \(stats.fileSize) bytes" + (stats.stories > 0 ? " (\(stats.fileSize / Int64(stats.stories)) per story)" : "") + "\n"
        if let oldest = stats.oldest { out += "  oldest: \(formatter.string(from: oldest))\n" }
        if let newest = stats.newest { out += "  newest: \(formatter.string(from: newest))\n" }
        out += "  schema version: \(stats.schemaVersion)\n"
        Terminal.write(out)
    }
}
