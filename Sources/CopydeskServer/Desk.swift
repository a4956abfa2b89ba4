import Copydesk
import Foundation
import Logging

/// Everything the server loads once at start-up and shares across requests: one lint pipeline
/// per house style, the named pipelines of `Pipelines/`, the normalize pipeline, the archive and
/// the rule catalogue. A request never reads YAML; it picks what it needs from here.
public final class Desk: Sendable {
    public let options: ServerOptions
    /// Lint runners (report mode) by style name: the shipped styles and `--style` if it is a file.
    let styles: [String: StyleEntry]
    let defaultStyle: String
    /// `/v1/run` pipelines by name (transform mode).
    let pipelines: [String: BatchRunner]
    let normalize: BatchRunner
    let archive: ArchiveState
    /// Every rule a finding may name, with its one-line description.
    let rules: [String: RuleInfo]
    let limiter: CheckLimiter
    /// LanguageTool category ids of every known rule, and the primary language tags of the
    /// styles: what a /v2/check request is validated against, computed once.
    let categoryIDs: Set<String>
    let languageTags: Set<String>

    struct StyleEntry: Sendable {
        var name: String
        var runner: BatchRunner
        var language: String
        var title: String
    }

    init(options: ServerOptions, styles: [String: StyleEntry], pipelines: [String: BatchRunner], normalize: BatchRunner, archive: ArchiveState, rules: [String: RuleInfo]) {
        self.options = options
        self.styles = styles
        self.defaultStyle = options.style
        self.pipelines = pipelines
        self.normalize = normalize
        self.archive = archive
        self.rules = rules
        self.limiter = CheckLimiter(slots: options.maximumConcurrentChecks, queueLimit: options.maximumQueuedChecks)
        self.categoryIDs = Set(rules.keys.map { IssueTypes.category(rule: $0).id })
        self.languageTags = Set(styles.values.map { LanguageToolRoutes.primaryTag($0.language) })
    }

    /// Loads styles, pipelines and the archive. A bad style or pipeline is a configuration error
    /// (the server does not start); an archive that cannot be opened only makes readiness fail.
    public static func load(_ options: ServerOptions, logger: Logger) throws -> Desk {
        var names = shippedStyleNames()
        if !names.contains(options.style) { names.append(options.style) }
        var styles: [String: StyleEntry] = [:]
        var rules: [String: RuleInfo] = [:]
        for info in knownRules() { rules[info.id] = info }
        for name in names {
            let pipeline = try Pipeline.named(options.pipeline, defaultName: "lint", overrides: [LintStage.name: ["style": .string(name)]])
            let runner = BatchRunner(pipeline: pipeline, mode: .report, maximumConcurrency: 1, maximumFileSize: options.maximumBodySize)
            let stage = pipeline.stages.lazy.compactMap { $0 as? LintStage }.first
            if let style = stage?.style {
                for info in knownRules(style: style) where rules[info.id] == nil { rules[info.id] = info }
            }
            styles[name] = StyleEntry(name: name, runner: runner, language: stage?.style.language ?? "en", title: stage?.style.name ?? name)
        }
        let archive = ArchiveState.open(options: options, logger: logger)
        var pipelines: [String: BatchRunner] = [:]
        for (name, path) in namedPipelinePaths() {
            do {
                var pipeline = try Pipeline.load(path: path, registry: .standard)
                // Every served pipeline records in the server's one archive.
                pipeline.stages = pipeline.stages.map { stage in
                    guard let dedup = stage as? DedupStage, let store = archive.store else { return stage }
                    return DedupStage(store: store, settings: dedup.settings, mode: dedup.mode)
                }
                if pipeline.stages.contains(where: { $0 is DedupStage }) && archive.store == nil { continue }
                pipelines[name] = BatchRunner(pipeline: pipeline, mode: .transform, maximumConcurrency: 1, maximumFileSize: options.maximumBodySize)
            } catch {
                logger.warning("pipeline not served", metadata: ["pipeline": "\(name)", "error": "\(error)"])
            }
        }
        let normalizePipeline = try Pipeline.named(nil, defaultName: "normalize")
        let normalize = BatchRunner(pipeline: normalizePipeline, mode: .transform, maximumConcurrency: 1, maximumFileSize: options.maximumBodySize)
        return Desk(options: options, styles: styles, pipelines: pipelines, normalize: normalize, archive: archive, rules: rules)
    }

    /// The style a request names (or the server's default), or a 400 naming the known ones.
    func style(_ name: String?) throws -> StyleEntry {
        let name = (name?.isEmpty ?? true) ? defaultStyle : name!
        guard let entry = styles[name] else {
            throw APIError.badRequest("unknown-style", "unknown style '\(name)': this server has \(styles.keys.sorted().joined(separator: ", "))")
        }
        return entry
    }

    /// Names of the styles in the first `StyleRules/` folder found (ap, guardian, reuters, translated-en).
    static func shippedStyleNames() -> [String] {
        for root in DataFiles.searchRoots() {
            let folder = root + "/StyleRules"
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            let names = files.filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.sorted()
            if !names.isEmpty { return names }
        }
        return []
    }

    /// `Pipelines/*.yml` of the first folder found, by name.
    static func namedPipelinePaths() -> [(String, String)] {
        for root in DataFiles.searchRoots() {
            let folder = root + "/Pipelines"
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            let found = files.filter { $0.hasSuffix(".yml") }.sorted().map { (String($0.dropLast(4)), folder + "/" + $0) }
            if !found.isEmpty { return found }
        }
        return []
    }

    /// Runs `operation` in a check slot within the request time limit.
    func check<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let limiter = self.limiter
        return try await Deadline.run(seconds: options.timeout) {
            try await limiter.acquire()
            defer { Task { await limiter.release() } }
            try Task.checkCancellation()
            return try await operation()
        }
    }
}

/// The archive of earlier copy, opened once: the store, and the pipelines that check against it
/// and record in it; or why it could not be opened (readiness then fails).
struct ArchiveState: Sendable {
    var path: String
    var store: (any Store)?
    var error: String?
    var check: BatchRunner?
    var record: BatchRunner?

    static func open(options: ServerOptions, logger: Logger) -> ArchiveState {
        // The dedup stage of wire-en (or the built-in defaults) says where and how.
        var settings = MatchSettings()
        var path = DedupStage.defaultStore
        var normalizeStages: [any Stage] = []
        if let wire = DataFiles.pipelinePath("wire-en"), let pipeline = try? Pipeline.load(path: wire, registry: .standard) {
            if let dedup = pipeline.stages.lazy.compactMap({ $0 as? DedupStage }).first {
                settings = dedup.settings
                path = dedup.storePath
            }
            normalizeStages = pipeline.stages.filter { $0 is NormalizeStage }
        }
        if let store = options.store {
            path = store.hasPrefix("/") || StoreLocator.isURL(store) ? store : FileManager.default.currentDirectoryPath + "/" + store
        }
        if normalizeStages.isEmpty, let stage = try? StageRegistry.standard.makeStage(named: NormalizeStage.name, options: [:], file: "serve") {
            normalizeStages = [stage]
        }
        do {
            if !StoreLocator.isURL(path) {
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            }
            // A file path is SQLite; postgres://… is the shared archive (connected on first use).
            let store = try ArchiveStores.open(path, parameters: settings.parametersDescription)
            func runner(_ mode: DedupStage.Mode) -> BatchRunner {
                let pipeline = Pipeline(name: "archive-\(mode.rawValue)", stages: normalizeStages + [DedupStage(store: store, settings: settings, mode: mode)])
                return BatchRunner(pipeline: pipeline, mode: .transform, maximumConcurrency: 1, maximumFileSize: options.maximumBodySize)
            }
            logger.info("archive opened", metadata: ["path": "\(path)"])
            // Recording checks first, in the same transaction (as an ingest worker does): the answer
            // says what the story was against the archive before it, and two clients sending one
            // story at once get one `new` and one `duplicate`.
            return ArchiveState(path: path, store: store, error: nil, check: runner(.check), record: runner(.checkAndRecord))
        } catch {
            logger.error("archive cannot be opened: readiness fails", metadata: ["path": "\(path)", "error": "\(error)"])
            return ArchiveState(path: path, store: nil, error: "\(error)", check: nil, record: nil)
        }
    }

    /// Writes the write-ahead log into the archive file, so it is complete on its own.
    func close(logger: Logger) {
        guard let store = store as? SQLiteStore else { return }
        do {
            try store.checkpoint()
            logger.info("archive closed", metadata: ["path": "\(path)"])
        } catch {
            logger.error("archive checkpoint failed", metadata: ["path": "\(path)", "error": "\(error)"])
        }
    }
}
