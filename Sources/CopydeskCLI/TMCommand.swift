import ArgumentParser
import Copydesk
import Foundation

struct TMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tm",
        abstract: "Keep approved translations for reuse: import TMX or XLIFF, add a translated story, describe the memory.",
        discussion: """
            The translation memory lives in the archive of the dedup stage (by default the repository's \
            .copydesk/archive.sqlite, beside .copydesk.yml or in the current folder), or --archive FILE, \
            or the shared archive on PostgreSQL (--archive postgres://user@host:5432/db). \
            `copydesk translate prepare` looks new source stories up in it.
            """,
        subcommands: [TMImportCommand.self, TMAddCommand.self, TMStatsCommand.self]
    )
}

/// Where the translation memory is: `--archive`, else the archive of the pipeline's dedup stage.
struct MemoryOptions: ParsableArguments {
    @Option(help: "Archive holding the translation memory: a file, or postgres://user@host:5432/db; without it, the store of the pipeline's dedup stage.")
    var archive: String?

    /// `archive`'s old spelling of the same file, accepted here too.
    @Option(name: .customLong("store"), help: .hidden)
    var storeAlias: String?

    @Option(help: "Pipeline whose dedup stage's archive is used when --archive is not given.")
    var pipeline: String = "wire-en"

    /// The archive's path or URL, and whether the user named it.
    func path() throws -> (path: String, explicit: Bool) {
        if let archive = archive ?? storeAlias { return (StoreLocator.isURL(archive) ? archive : ArchiveOptions.absolute(archive), true) }
        let options = try ArchiveOptions.parse(["--pipeline", pipeline])
        let loaded = try options.load(mode: .check, keepOnly: [DedupStage.name])
        guard let stage = loaded.stages.first as? DedupStage else {
            throw CopydeskError.configuration(file: pipeline, message: "the pipeline has no dedup stage")
        }
        return (stage.storePath, false)
    }

    /// Opens (creating if needed) the memory for writing.
    func openForWriting() throws -> any TranslationMemoryStore {
        try ArchiveStores.openMemory(path().path, create: true)
    }
}

/// Reading a story in any format Copydesk reads (charset and format detected).
enum StoryInput {
    static func read(_ path: String) async throws -> Story {
        let runner = BatchRunner(pipeline: Pipeline(name: "read", stages: []), mode: .report)
        let result = await runner.process(path: path)
        if let error = result.error { throw error }
        guard var story = result.stories.first else {
            throw CopydeskError.input(file: path, message: "no story in the file")
        }
        // A wire stream of several stories: their blocks in order, as one text.
        if result.stories.count > 1 { story.blocks = result.stories.flatMap(\.blocks) }
        guard story.blocks.contains(where: { !$0.string.isEmpty }) else {
            throw CopydeskError.input(file: path, message: "the file has no text")
        }
        return story
    }
}

struct TMImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import translation units from TMX 1.4 or XLIFF 1.2/2.0 files into the memory.",
        discussion: """
            All the files go in one transaction: an error in any of them imports nothing. XLIFF units \
            are taken when their state is translated, final, signed-off (approved="yes") or reviewed, or \
            when they give none; new, needs-… and initial units are left out. With --source-lang and \
            --target-lang only units of that language pair are taken (and the languages fill in what a \
            file does not say). The same pair imported twice is kept once.
            """
    )

    @OptionGroup var memory: MemoryOptions
    @OptionGroup var quietness: QuietOption

    @Option(name: .customLong("source-lang"), help: "Source language (BCP 47, e.g. el): selects units, or fills in when the file does not say.")
    var sourceLanguage: String?

    @Option(name: .customLong("target-lang"), help: "Target language (e.g. en): selects units, or fills in when the file does not say.")
    var targetLanguage: String?

    @Argument(help: "TMX or XLIFF files.")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one TMX or XLIFF file") }
        try Self.validateLanguages(sourceLanguage, targetLanguage)
    }

    /// --source-lang and --target-lang must be language tags, as `translate prepare` requires.
    static func validateLanguages(_ sourceLanguage: String?, _ targetLanguage: String?) throws {
        for (flag, tag) in [("--source-lang", sourceLanguage), ("--target-lang", targetLanguage)] {
            if let tag, !TranslationPreparer.isLanguageTag(tag) { throw ValidationError("\(flag): '\(tag)' is not a language tag such as el, en or en-GB") }
        }
    }

    func run() async throws {
        var entries: [MemoryEntry] = []
        var lines = ""
        // Every file is read before the archive is opened: bad input never reaches it.
        for file in files {
            let bytes = try InputFiles.read(file)
            let decoded = try InputDecoder.decode(bytes, path: file, encoding: "auto")
            let document: BilingualDocument
            do {
                document = try BilingualReader.read(decoded.source)
            } catch let error as CopydeskError {
                throw CopydeskError.input(file: file, message: "not a TMX or XLIFF file: " + error.description.droppingPrefix(file + ": "))
            }
            let selection = MemoryEntries.from(document, file: file, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
            entries += selection.entries
            lines += "\(file): \(document.units.count) unit\(document.units.count == 1 ? "" : "s"), \(selection.entries.count) taken"
                + Self.skipped(selection) + "\n"
        }
        let store = try memory.openForWriting()
        let started = Date()
        let result = try await store.add(entries, now: Date())
        let seconds = Date().timeIntervalSince(started)
        guard !quietness.quiet else { return }
        Terminal.writeError(lines)
        Terminal.writeError("\(result.added) pair\(result.added == 1 ? "" : "s") added, \(result.known) already in the memory"
            + " (\(store.location); \(Int(Double(entries.count) / max(seconds, 0.001))) units/s)\n")
    }

    static func skipped(_ selection: MemoryEntries.Selection) -> String {
        var parts: [String] = []
        if selection.untranslated > 0 { parts.append("\(selection.untranslated) without a translation") }
        if selection.unfinished > 0 { parts.append("\(selection.unfinished) not finished (state)") }
        if selection.otherLanguages > 0 { parts.append("\(selection.otherLanguages) in another language pair") }
        if selection.unknownLanguage > 0 { parts.append("\(selection.unknownLanguage) of unknown language (give --source-lang and --target-lang)") }
        return parts.isEmpty ? "" : "; left out: " + parts.joined(separator: ", ")
    }
}

struct TMAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a story and its approved translation: the paragraphs are aligned and the sure one-to-one pairs stored.",
        discussion: """
            Both files may be in any format Copydesk reads. Paragraphs are paired by length and anchors \
            (numbers, names); merged, split, dropped or added paragraphs, and pairs the aligner is unsure \
            of, are left out and counted.
            """
    )

    @OptionGroup var memory: MemoryOptions
    @OptionGroup var quietness: QuietOption

    @Option(name: .customLong("source"), help: "The original story.")
    var source: String

    @Option(name: .customLong("target"), help: "Its approved translation.")
    var target: String

    @Option(name: .customLong("source-lang"), help: "Language of the original (BCP 47, e.g. el) when the file does not say.")
    var sourceLanguage: String?

    @Option(name: .customLong("target-lang"), help: "Language of the translation (e.g. en) when the file does not say.")
    var targetLanguage: String?

    @Option(name: .customLong("min-confidence"), help: "Least aligner confidence (0–1) for a pair to be stored.")
    var minimumConfidence: Double = 0.5

    func validate() throws {
        guard minimumConfidence >= 0, minimumConfidence <= 1 else {
            throw ValidationError("--min-confidence must be from 0 to 1, not \(minimumConfidence)")
        }
        try TMImportCommand.validateLanguages(sourceLanguage, targetLanguage)
    }

    func run() async throws {
        let original = try await StoryInput.read(source)
        let translation = try await StoryInput.read(target)
        guard let sourceTag = MemoryEntries.language(of: original, given: sourceLanguage) else {
            throw CopydeskError.input(file: source, message: "cannot tell the language of the original; give --source-lang")
        }
        guard let targetTag = MemoryEntries.language(of: translation, given: targetLanguage) else {
            throw CopydeskError.input(file: target, message: "cannot tell the language of the translation; give --target-lang")
        }
        if TranslationProfileLoader.primary(sourceTag) == TranslationProfileLoader.primary(targetTag) {
            throw CopydeskError.input(file: target, message:
                "the original and the translation are both in '\(sourceTag)'; give the original with --source and its translation with --target (or --source-lang/--target-lang)")
        }
        let document = try MemoryEntries.align(source: original, target: translation, sourceLanguage: sourceTag, targetLanguage: targetTag)
        let selection = MemoryEntries.from(document, file: source, minimumConfidence: minimumConfidence)
        let store = try memory.openForWriting()
        let result = try await store.add(selection.entries, now: Date())
        var line = "\(source) → \(target) (\(sourceTag) → \(targetTag)): \(selection.entries.count) pair\(selection.entries.count == 1 ? "" : "s") aligned"
        if selection.unaligned > 0 { line += ", \(selection.unaligned) paragraph\(selection.unaligned == 1 ? "" : "s") left out (not a sure one-to-one pair)" }
        line += "; \(result.added) added, \(result.known) already in the memory (\(store.location))\n"
        if !quietness.quiet { Terminal.writeError(line) }
    }
}

struct TMStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Describe the translation memory.")

    @OptionGroup var memory: MemoryOptions

    func run() async throws {
        let path = try memory.path().path
        let store = try ArchiveStores.openMemory(path, create: false)
        let stats = try await store.stats()
        let formatter = ISO8601DateFormatter()
        var out = "translation memory: \(store.location)\n  segments: \(stats.segments)\n"
        for (pair, count) in stats.pairs { out += "    \(pair): \(count)\n" }
        if !stats.origins.isEmpty {
            out += "  from: " + stats.origins.map { "\($0.segments) \($0.kind)" }.joined(separator: ", ") + " (\(stats.files) file\(stats.files == 1 ? "" : "s"))\n"
        }
        out += "  indexed words: \(stats.indexedWords)\n"
        if let oldest = stats.oldest { out += "  oldest: \(formatter.string(from: oldest))\n" }
        if let newest = stats.newest { out += "  newest: \(formatter.string(from: newest))\n" }
        Terminal.write(out)
    }
}
