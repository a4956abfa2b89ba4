import CopydeskCore
import Foundation

/// The `dedup` stage: checks each story against the archive of earlier copy and records it.
///
/// Adds `dedup.duplicate` (warning), `dedup.update` and `dedup.related` (info) at the headline
/// (or first paragraph), naming the earlier story, the similarity and the new and changed
/// paragraphs, and puts the full result in `story.stageData["dedup"]`. The stage is shared by all
/// stories of a batch, which run concurrently: the archive is opened once, on first use (so
/// loading a pipeline creates no file), and every check-and-record is one store transaction,
/// taken in the batch's input order (`StageContext.waitForTurn`).
public struct DedupStage: Stage {
    public static let name = "dedup"
    public static let summary = "find earlier copy of each story (duplicate, update, related) and what is new in it; record it in the archive"

    public enum Mode: String, Sendable, CaseIterable {
        /// Report against the archive, then add the story (the default).
        case checkAndRecord = "check-and-record"
        /// Report only; the archive is not changed.
        case check
        /// Add only; no findings.
        case record
    }

    public static let defaultStore = ".copydesk/archive.sqlite"

    public static let options: [StageOption] = {
        let defaults = MatchSettings()
        return [
            StageOption("store", .string, default: defaultStore, help: "archive file (relative paths are resolved against the pipeline file's directory) or server URL such as postgres://copydesk@db.example:5432/wire; ${VAR} is replaced from the environment, and COPYDESK_STORE_URL names the store when this option is not given"),
            StageOption("mode", .choice(Mode.allCases.map(\.rawValue)), default: Mode.checkAndRecord.rawValue, help: "check then record, check only, or record only"),
            StageOption("duplicate", .string, default: "\(defaults.duplicate)", help: "similarity (Jaccard of word shingles) at or above which a story is a duplicate"),
            StageOption("update", .string, default: "\(defaults.update)", help: "similarity at or above which a story is an update of earlier copy"),
            StageOption("containment", .string, default: "\(defaults.containment)", help: "share of the earlier story found in the new one that makes it an update"),
            StageOption("related", .string, default: "\(defaults.related)", help: "similarity at or above which copy is related"),
            StageOption("changed-paragraph", .string, default: "\(defaults.changedParagraph)", help: "word overlap at which a paragraph is a changed version of an earlier one"),
            StageOption("shingle-size", .int, default: "\(defaults.shingleSize)", help: "words per shingle for stories"),
            StageOption("brief-shingle-size", .int, default: "\(defaults.briefShingleSize)", help: "words per shingle for briefs"),
            StageOption("brief-words", .int, default: "\(defaults.briefWords)", help: "stories shorter than this (or of one or two paragraphs) are briefs"),
            StageOption("signature-length", .int, default: "\(defaults.signatureLength)", help: "MinHash values per story (a multiple of 4)"),
            StageOption("candidates", .int, default: "\(defaults.candidateLimit)", help: "candidates checked exactly per story"),
        ]
    }()

    public let mode: Mode
    public let storePath: String
    public let settings: MatchSettings
    private let connection: ArchiveConnection
    /// Set by `batching(size:)`: record mode hands stories to it instead of one transaction each.
    private var batcher: BatcherBox?

    public init(options: StageOptions) throws {
        mode = try options.choice("mode", as: Mode.self)
        storePath = Self.storeLocation(options)
        var settings = MatchSettings()
        func fraction(_ key: String) throws -> Double {
            guard let value = Double(options.string(key)), value >= 0, value <= 1 else {
                throw options.invalid(key, "must be a number from 0 to 1, not '\(options.string(key))'")
            }
            return value
        }
        func count(_ key: String, _ range: ClosedRange<Int>) throws -> Int {
            let value = options.int(key)
            guard range.contains(value) else { throw options.invalid(key, "must be from \(range.lowerBound) to \(range.upperBound), not \(value)") }
            return value
        }
        settings.duplicate = try fraction("duplicate")
        settings.update = try fraction("update")
        settings.containment = try fraction("containment")
        settings.related = try fraction("related")
        settings.changedParagraph = try fraction("changed-paragraph")
        guard settings.related <= settings.update, settings.update <= settings.duplicate else {
            throw options.invalid("update", "thresholds must satisfy related ≤ update ≤ duplicate")
        }
        settings.shingleSize = try count("shingle-size", 1...16)
        settings.briefShingleSize = try count("brief-shingle-size", 1...16)
        settings.briefWords = try count("brief-words", 0...100_000)
        settings.signatureLength = try count("signature-length", 16...1024)
        guard settings.signatureLength % 4 == 0 else { throw options.invalid("signature-length", "must be a multiple of 4") }
        settings.candidateLimit = try count("candidates", 1...1000)
        self.settings = settings
        let path = storePath
        let parameters = settings.parametersDescription
        connection = ArchiveConnection(settings: settings) { try StoreLocator.open(path, parameters: parameters) }
    }

    /// The store a pipeline's options name: the `store` option (with `${VAR}` expanded), else
    /// `COPYDESK_STORE_URL`, else the default file. Paths are resolved against the pipeline's
    /// directory; URLs are kept as written.
    static func storeLocation(_ options: StageOptions, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        var given = StoreLocator.expandingEnvironment(options.values["store"].map { _ in options.string("store") } ?? "", environment: environment)
        if given.isEmpty { given = environment[StoreLocator.environmentVariable] ?? "" }
        if given.isEmpty { given = Self.defaultStore }
        // The archive belongs to the repository: a relative store of a pipeline that is not the
        // repo's own (installed, COPYDESK_HOME, built in) goes beside the repo config (or in the
        // current folder), never into the install tree.
        let base = options.baseDirectory.map { DataFiles.isSharedData($0) ? DataFiles.repositoryRoot : $0 }
        return StoreLocator.isURL(given) ? given : Self.resolve(given, against: base)
    }

    /// A stage over a given store (tests, the CLI's `archive` commands, a server store).
    public init(store: any Store, settings: MatchSettings = MatchSettings(), mode: Mode = .checkAndRecord) {
        self.mode = mode
        storePath = store.location
        self.settings = settings
        connection = ArchiveConnection(settings: settings) { store }
    }

    /// This stage, recording in batches of `size` stories (record mode only; see `ArchiveBatcher`).
    /// Call `finish()` after the last story: it writes the last batch and says how many stories
    /// were handed over and how many were new. Stories are then marked `"batched": true`.
    public func batching(size: Int) -> DedupStage {
        var copy = self
        copy.batcher = BatcherBox(size: size)
        return copy
    }

    /// Writes the last batch; (stories handed over, stories new to the archive).
    public func finish() async throws -> (offered: Int, added: Int) {
        // Nothing handed over: the archive was perhaps never opened (every file failed).
        guard let batcher = batcher?.existing else { return (0, 0) }
        try await batcher.flush()
        return (await batcher.offered, await batcher.added)
    }

    /// The deduplicator this stage uses (opening the archive if needed).
    public func deduplicator() async throws -> Deduplicator { try await connection.deduplicator() }

    public func process(_ story: inout Story, context: StageContext) async throws {
        let deduplicator = try await connection.deduplicator()
        switch mode {
        case .record where context.mode == .transform && batcher != nil:
            let fingerprint = try deduplicator.fingerprinter.fingerprint(story)
            if fingerprint.text.paragraphs.isEmpty {
                story.stageData[Self.name] = .map(["recorded": .bool(false)])
                return
            }
            await context.waitForTurn()
            try await batcher!.batcher(connection).add(fingerprint.archived())
            story.stageData[Self.name] = .map(["batched": .bool(true)])
        case .record where context.mode == .transform:
            let fingerprint = try deduplicator.fingerprinter.fingerprint(story)
            await context.waitForTurn()
            let added = fingerprint.text.paragraphs.isEmpty ? false : try await deduplicator.store.add(fingerprint.archived())
            story.stageData[Self.name] = .map(["recorded": .bool(added)])
        case .record, .check, .checkAndRecord:
            // A run that only reports (`copydesk lint`) never changes the archive.
            let record = mode != .check && context.mode == .transform
            // Fingerprints in parallel; the check and record in input order, so that in a batch
            // the original is checked before its correction and write-through, every run.
            let fingerprint = try deduplicator.fingerprinter.fingerprint(story)
            if record { await context.waitForTurn() }
            let result = try await deduplicator.check(fingerprint, record: record)
            Self.report(result, in: &story)
        }
    }

    /// Adds the finding and the structured data for a result.
    public static func report(_ result: DedupResult, in story: inout Story) {
        story.stageData[name] = result.stageData
        let severity: Severity
        let rule: String
        switch result.dedupClass {
        case .new: rule = "dedup.new"; severity = .info
        case .duplicate: rule = "dedup.duplicate"; severity = .warning
        case .update: rule = "dedup.update"; severity = .info
        case .related: rule = "dedup.related"; severity = .info
        }
        if let index = story.blocks.firstIndex(where: { $0.kind == .headline }) ?? story.blocks.firstIndex(where: { $0.kind.isBody }) {
            story.report(rule, severity, result.message, block: index, range: 0..<story.blocks[index].text.byteCount)
        } else {
            story.diagnostics.append(Diagnostic(ruleID: rule, severity: severity, message: result.message, range: 0..<0))
        }
    }

    static func resolve(_ path: String, against base: String?) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/") { return FileManager.default.homeDirectoryForCurrentUser.path + String(path.dropFirst(1)) }
        guard let base, !base.isEmpty else { return path }
        return URL(fileURLWithPath: base).appendingPathComponent(path).standardizedFileURL.path
    }
}

/// Opens the archive once, on first use, for all the stories of a batch.
actor ArchiveConnection {
    private let settings: MatchSettings
    private let open: @Sendable () throws -> any Store
    private var opened: Deduplicator?

    init(settings: MatchSettings, open: @escaping @Sendable () throws -> any Store) {
        self.settings = settings
        self.open = open
    }

    /// A store that cannot be prepared (a server down, a refused schema) is not remembered: the
    /// next story tries again, so a worker carries on once the server is back.
    func deduplicator() async throws -> Deduplicator {
        if let opened { return opened }
        let store = try open()
        try await store.prepare()
        if let opened { return opened }
        let deduplicator = try Deduplicator(store: store, settings: settings)
        opened = deduplicator
        return deduplicator
    }
}

/// The batcher of a batching stage, made on first use (when the archive is opened).
final class BatcherBox: @unchecked Sendable {
    let size: Int
    private let lock = NSLock()
    private var made: ArchiveBatcher?  // guarded by `lock`

    init(size: Int) { self.size = size }

    var existing: ArchiveBatcher? { lock.withLock { made } }

    func batcher(_ connection: ArchiveConnection) async throws -> ArchiveBatcher {
        if let batcher = lock.withLock({ made }) { return batcher }
        let store = try await connection.deduplicator().store
        return lock.withLock {
            if let made { return made }
            let batcher = ArchiveBatcher(store: store, batchSize: size)
            made = batcher
            return batcher
        }
    }
}
