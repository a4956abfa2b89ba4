import Foundation

/// Runs a pipeline over many files: read, decode, parse, stages. Files run concurrently, bounded by
/// the number of cores, and results are handed over in input order as soon as each is ready, so a
/// long batch streams instead of piling up in memory. A file that fails does not stop the others.
public struct BatchRunner: Sendable {
    public var pipeline: Pipeline
    public var readers: ReaderRegistry
    /// Overrides the pipeline's `input:` settings when set (`--encoding`, `--input-format`).
    public var encoding: String?
    public var format: String?
    public var mode: StageContext.Mode
    public var maximumConcurrency: Int
    /// Files larger than this are refused with a clear error rather than read into memory.
    public var maximumFileSize: Int
    /// Wire streams (ANPA, IPTC 7901) at least this large are read story by story
    /// (`StreamedFile`), so memory follows the largest story; nil reads every file whole.
    public var streamAbove: Int?
    /// With `streamAbove` set, a story (a stream's message, or a whole file of another kind)
    /// larger than this is refused with an error naming the file and the limit; the batch goes on.
    public var maximumStorySize: Int = 64 << 20
    /// With `streamAbove` set, a plain-text file that large is also cut, at blank lines, into
    /// pieces processed one at a time: for normalize, whose stage works paragraph by paragraph
    /// (lint looks at the whole story and reads it whole).
    public var cutsPlainText = false
    /// When set, every file is a translation of this original (`--source el.txt`): the original
    /// is read (format and charset detected) and attached to each story as `Story.original`.
    public var translationSource: TranslationSource?
    /// Another pipeline for some files (the repo config's per-path styles): asked with each
    /// file's path; nil keeps `pipeline`.
    public var pipelineForPath: (@Sendable (String) -> Pipeline?)?
    /// Rule levels over every stage's findings (the repo config's `rules:`): `off` drops a
    /// rule's findings (and so its fixes), a severity re-levels them.
    public var ruleLevels: [String: RepoConfig.RuleLevel] = [:]
    /// Rule levels that depend on the file (the repo config's per-path `rules:`); wins over
    /// `ruleLevels` when set.
    public var ruleLevelsForPath: (@Sendable (String) -> [String: RepoConfig.RuleLevel])?

    /// The original a batch of translations is checked against.
    public struct TranslationSource: Sendable {
        public var path: String
        /// Overrides the language the original's file states (`--source-lang`).
        public var language: String?
        /// The original's bytes when it is not a file (a server request); `path` then only names it.
        public var bytes: [UInt8]?

        public init(path: String, language: String? = nil, bytes: [UInt8]? = nil) {
            self.path = path
            self.language = language
            self.bytes = bytes
        }
    }

    public init(pipeline: Pipeline, readers: ReaderRegistry = .standard, encoding: String? = nil, format: String? = nil,
                mode: StageContext.Mode = .transform, maximumConcurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                maximumFileSize: Int = 256 << 20) {
        self.pipeline = pipeline
        self.readers = readers
        self.encoding = encoding
        self.format = format
        self.mode = mode
        self.maximumConcurrency = max(1, maximumConcurrency)
        self.maximumFileSize = maximumFileSize
    }

    /// One file's outcome: the processed stories (their text transformed by the stages; several
    /// for a wire stream, one otherwise), or an error.
    public struct Result: Sendable {
        public var path: String
        public var stories: [Story]
        public var error: CopydeskError?
        /// Which story of a stream read story by story this is; nil for a file read whole.
        public var part: StreamPart?

        public init(path: String, stories: [Story], error: CopydeskError?) {
            self.path = path
            self.stories = stories
            self.error = error
        }

        public init(path: String, story: Story?, error: CopydeskError?) {
            self.init(path: path, stories: story.map { [$0] } ?? [], error: error)
        }

        /// The first story of the file.
        public var story: Story? { stories.first }

        /// Findings of every story in the file, which all point into the same input. A finding
        /// about the file itself (its line endings) is reported by each story and kept once.
        public var diagnostics: [Diagnostic] {
            guard stories.count > 1 else { return story?.diagnostics ?? [] }
            var seen = Set<Diagnostic>()
            return stories.flatMap(\.diagnostics).filter { seen.insert($0).inserted }
        }

        public var report: FileReport {
            var metadata = story?.metadata
            if metadata?.headline == nil, let headline = story?.headline { metadata?.headline = headline.string }
            var report = FileReport(path: path, source: story?.source, metadata: metadata,
                                    diagnostics: diagnostics, error: error?.description.droppingPathPrefix(path),
                                    stageData: stories.map(\.stageData))
            report.stories = storyLabels
            report.continuesFile = (part?.index ?? 0) > 0
            return report
        }

        /// Where each story of a stream lies in the file, for findings to name their story.
        public var storyLabels: [StoryLabel] {
            let first = part?.isStory == true ? part!.index : 0
            let count = part?.isStory == true ? part!.count : stories.count
            guard count > 1 else { return [] }
            return stories.enumerated().map { offset, story in
                let index = first + offset
                let ranges = story.blocks.map(\.text.sourceRange)
                let lower = ranges.map(\.lowerBound).min() ?? 0
                let upper = max(lower, ranges.map(\.upperBound).max() ?? lower)
                return StoryLabel(index: index + 1, count: count,
                                  headline: story.metadata.headline ?? story.headline?.string, slug: story.metadata.slug,
                                  range: lower..<upper)
            }
        }
    }

    /// Processes `paths` (`-` is standard input) and calls `handle` for each, in input order.
    /// A wire stream read story by story hands over one result per story, in file order.
    ///
    /// Files run concurrently, but a stage that records what it sees (dedup) takes them in input
    /// order (`InputTurns`): each file's turn ends when the file is done, so the same batch gives
    /// the same result however the files' work interleaves.
    public func run(_ paths: [String], handle: (Result) -> Void) async {
        let turns = InputTurns()
        await withTaskGroup(of: (Int, Result).self) { group in
            var units = WorkUnits(paths: paths, runner: self)
            var next = 0, emitted = 0
            var ready: [Int: Result] = [:]
            // At most `maximumConcurrency` files (or stories of a stream) in flight, and at most
            // twice that many finished or running ahead of the one the output waits for, so
            // memory stays flat.
            func refill() {
                while next - emitted - ready.count < maximumConcurrency, next - emitted < maximumConcurrency * 2,
                      let unit = units.next() {
                    let index = next
                    group.addTask {
                        let turn = turns.turn(index)
                        let result = await process(unit, turn: turn)
                        await turn.finish()
                        return (index, result)
                    }
                    next += 1
                }
            }
            refill()
            while let (index, result) = await group.next() {
                ready[index] = result
                while let result = ready.removeValue(forKey: emitted) {
                    handle(result)
                    emitted += 1
                }
                refill()
            }
        }
    }

    /// Every result, in input order.
    public func run(_ paths: [String]) async -> [Result] {
        var results: [Result] = []
        await run(paths) { results.append($0) }
        return results
    }

    public func process(path: String) async -> Result {
        await process(path: path, turn: nil)
    }

    /// `turn`: the file's place in a batch (see `run(_:handle:)`).
    func process(path: String, turn: InputTurn?) async -> Result {
        do {
            try checkStorySize(path)
            let bytes = try InputFiles.read(path, limit: maximumFileSize)
            return await process(bytes: bytes, path: path == "-" ? "<stdin>" : path, origin: .start, format: nil, turn: turn)
        } catch let error as CopydeskError {
            return Result(path: path, story: nil, error: error)
        } catch {
            return Result(path: path, story: nil, error: .input(file: path, message: "\(error)"))
        }
    }

    public func process(bytes: [UInt8], path: String) async -> Result {
        await process(bytes: bytes, path: path, origin: .start, format: nil, turn: nil)
    }

    /// `origin` places the bytes in their file (a story of a stream); `format`, when given,
    /// overrides the run's input format (the stream's, sniffed once for the whole file);
    /// `turn` is the file's (or story's) place in a batch (see `run(_:handle:)`).
    func process(bytes: [UInt8], path: String, origin: SourceOrigin, format streamFormat: String?, turn: InputTurn?) async -> Result {
        let pipeline = pipelineForPath?(path) ?? pipeline
        let levels = ruleLevelsForPath?(path) ?? ruleLevels
        do {
            let decoded = try InputDecoder.decode(
                bytes, path: path, encoding: encoding ?? pipeline.input.encoding, fallback: pipeline.input.fallbackEncoding)
            let source = origin == .start ? decoded.source : decoded.source.placed(at: origin)
            var stories = try readers.readAll(source, format: streamFormat ?? format ?? pipeline.input.format)
            if let translationSource { try attach(translationSource, to: &stories) }
            for index in stories.indices {
                stories[index].metadata.encoding = decoded.encoding
                // Decoding findings belong to the file: report them once, with the first story.
                if index == 0 { stories[index].diagnostics.insert(contentsOf: decoded.diagnostics, at: 0) }
                try await pipeline.process(&stories[index], mode: mode, turn: turn)
                if !levels.isEmpty { applyRuleLevels(&stories[index], levels) }
            }
            applySuppressions(&stories)
            return Result(path: path, stories: stories, error: nil)
        } catch let error as CopydeskError {
            return Result(path: path, story: nil, error: error)
        } catch let error as ICUError {
            // A style's own `raw` pattern that backtracks without end is stopped by ICU's time limit.
            let message = error.name == "U_REGEX_TIME_OUT"
                ? "a regular expression of the style took too long on this text and was stopped (ICU time limit, U_REGEX_TIME_OUT); simplify the style's raw patterns"
                : "ICU error \(error.name)"
            return Result(path: path, story: nil, error: .input(file: path, message: message))
        } catch {
            return Result(path: path, story: nil, error: .input(file: path, message: "\(error)"))
        }
    }
}

extension BatchRunner {
    func applyRuleLevels(_ story: inout Story, _ levels: [String: RepoConfig.RuleLevel]) {
        story.diagnostics = story.diagnostics.compactMap { diagnostic in
            switch levels[diagnostic.ruleID] {
            case .off?: return nil
            case .severity(let severity)?:
                var copy = diagnostic
                copy.severity = severity
                return copy
            case nil: return diagnostic
            }
        }
    }

    /// Reads the original and makes it each story's `original`: story by story when both files
    /// hold as many stories (two wire streams), else the whole original for every story.
    func attach(_ translationSource: TranslationSource, to stories: inout [Story]) throws {
        let originals: [Story]
        do {
            let bytes = try translationSource.bytes ?? InputFiles.read(translationSource.path, limit: maximumFileSize)
            let decoded = try InputDecoder.decode(bytes, path: translationSource.path, encoding: "auto", fallback: pipeline.input.fallbackEncoding)
            originals = try readers.readAll(decoded.source, format: "auto")
        } catch let error as CopydeskError {
            throw CopydeskError.input(file: translationSource.path, message: "the original could not be read: " + error.description.droppingPathPrefix(translationSource.path))
        }
        guard let first = originals.first else { return }
        for index in stories.indices {
            let original = originals.count == stories.count ? originals[index] : nil
            let blocks = original?.blocks ?? originals.flatMap(\.blocks)
            let language = translationSource.language ?? (original ?? first).metadata.language
            stories[index].original = TranslationOriginal(source: (original ?? first).source, language: language, blocks: blocks)
        }
    }
}

extension BatchRunner {
    /// Drops findings that `<!-- copydesk-disable … -->` comments switch off, in formats that
    /// have comments (see `Suppressions`); the comments are read once per file.
    func applySuppressions(_ stories: inout [Story]) {
        guard let first = stories.first, Suppressions.formats.contains(first.metadata.sourceFormat ?? ""),
              Suppressions.mightApply(to: first.source.text) else { return }
        var known = Suppressions.knownRules(in: pipeline)
        for story in stories { known.formUnion(story.diagnostics.map(\.ruleID)) }
        let suppressions = Suppressions(text: first.source.text, knownRules: known)
        guard !suppressions.isEmpty else { return }
        for index in stories.indices {
            stories[index].diagnostics = suppressions.apply(to: stories[index].diagnostics)
        }
    }
}

extension String {
    /// "path: message" → "message", for reporters that print the path themselves.
    func droppingPathPrefix(_ path: String) -> String {
        hasPrefix(path + ": ") ? String(dropFirst(path.count + 2)) : self
    }
}
