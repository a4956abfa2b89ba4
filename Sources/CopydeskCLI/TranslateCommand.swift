import ArgumentParser
import Copydesk
import Foundation

struct TranslateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Prepare a new source story for translation from the translation memory.",
        subcommands: [TranslatePrepareCommand.self]
    )
}

struct TranslatePrepareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: "Write an XLIFF 1.2 file of the story with targets pre-filled from earlier translations.",
        discussion: """
            Each paragraph (the headline too) is looked up in the translation memory (`copydesk tm`): an \
            exact match gets its earlier translation with state="translated" state-qualifier="exact-match"; \
            a fuzzy match at or above --threshold gets it with state="needs-review-translation" \
            state-qualifier="fuzzy-match", the percentage and the earlier source in an alt-trans; anything \
            else an empty target with state="new". The summary goes to standard error.
            """
    )

    @OptionGroup var memory: MemoryOptions

    @Option(name: .customLong("source"), help: "The new source story, in any format Copydesk reads.")
    var source: String

    @Option(name: .customLong("source-lang"), help: "Language of the story (BCP 47, e.g. el) when the file does not say.")
    var sourceLanguage: String?

    @Option(name: .customLong("target-lang"), help: "Language to translate into.")
    var targetLanguage: String = "en"

    @Option(help: "Least fuzzy match percentage proposed (1–100; 100 proposes exact matches only).")
    var threshold: Int = 75

    @Option(name: .shortAndLong, help: "File to write the XLIFF to (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var quietness: QuietOption

    func validate() throws {
        guard (1...100).contains(threshold) else { throw ValidationError("--threshold must be from 1 to 100, not \(threshold)") }
        for (flag, tag) in [("--source-lang", sourceLanguage), ("--target-lang", targetLanguage)] {
            if let tag, !TranslationPreparer.isLanguageTag(tag) { throw ValidationError("\(flag): '\(tag)' is not a language tag such as el, en or en-GB") }
        }
    }

    /// A file is replaced atomically; a device or pipe (`-o /dev/stdout`) is written to as it is
    /// (`InputFiles.writeAtomically` never replaces one with a file).
    static func write(_ text: String, to path: String) throws {
        try InputFiles.writeAtomically(text, to: path)
    }

    func run() async throws {
        let story = try await StoryInput.read(source)
        guard let sourceTag = MemoryEntries.language(of: story, given: sourceLanguage), TranslationPreparer.isLanguageTag(sourceTag) else {
            throw CopydeskError.input(file: source, message: "cannot tell the language of the story; give --source-lang")
        }
        if TranslationProfileLoader.primary(sourceTag) == TranslationProfileLoader.primary(targetLanguage) {
            throw CopydeskError.input(file: source, message: "the story is already in '\(sourceTag)', the language to translate into (give --target-lang, or --source-lang if the guess is wrong)")
        }
        let (path, explicit) = try memory.path()
        var store: (any TranslationMemoryStore)?
        if explicit || StoreLocator.isURL(path) || FileManager.default.fileExists(atPath: path) {
            store = try ArchiveStores.openMemory(path, create: false)
        } else {
            if !quietness.quiet { Terminal.writeError("copydesk: no translation memory at \(path) yet; every paragraph is new\n") }
        }
        let prepared = try await TranslationPreparer(story: story, original: source == "-" ? "stdin" : source, memory: store,
                                               sourceLanguage: sourceTag, targetLanguage: targetLanguage, threshold: threshold)
        let xliff = prepared.xliff(toolVersion: CopydeskCommand.configuration.version)
        if let output {
            try Self.write(xliff, to: output)
        } else {
            Terminal.write(xliff)
        }
        if !quietness.quiet { Terminal.writeError("\(source): \(prepared.summary)\n") }
    }
}
