import CopydeskCore
import Foundation

/// The outcome of checking one story against the archive.
public struct DedupResult: Sendable {
    public var dedupClass: DedupClass
    /// The story's archive id.
    public var id: String
    public var textHash: String
    public var isBrief: Bool
    /// The earlier story it matches and how; nil for `new`.
    public var match: Comparison?
    /// Whether this call added the story to the archive (false for a story already there).
    public var recorded: Bool

    /// `update of AP-1234 (J 0.71, contains 96%): paragraphs 3, 7 new, 5 changed`.
    public var message: String {
        guard let match else { return "new: nothing similar in the archive" }
        let measures = match.exact ? "exact" : "J \(Self.decimal(match.jaccard)), contains \(Int((match.containment * 100).rounded()))%"
        let head: String
        switch dedupClass {
        case .duplicate: head = "duplicate of \(match.earlier.id)"
        case .update: head = "update of \(match.earlier.id)"
        case .related: head = "related to \(match.earlier.id)"
        case .new: head = "new"
        }
        var summary = "\(head) (\(measures))"
        if match.exact { return summary }
        let details: String
        if dedupClass == .related {
            details = Self.paragraphList([(match.seenParagraphs, "seen"), (match.changedParagraphs, "changed")], none: "no paragraph shared")
        } else {
            let changed = match.paragraphs.filter { $0.status == .changed }
            let substantive = changed.filter(NoveltyClass.needsReading).map(\.paragraph)
            let spelling = changed.filter { !NoveltyClass.needsReading($0) }.map(\.paragraph)
            details = Self.paragraphList([(match.newParagraphs, "new"), (substantive, "changed"), (spelling, "with spelling fixes")],
                                         none: "no new or changed paragraphs")
        }
        summary += ": " + details
        if dedupClass != .related, !match.droppedParagraphs.isEmpty {
            let numbers = match.droppedParagraphs.map(String.init).joined(separator: ", ")
            summary += "; \(match.droppedParagraphs.count == 1 ? "paragraph" : "paragraphs") \(numbers) of \(match.earlier.id) dropped"
        }
        return summary
    }

    /// "paragraphs 3, 7 new, 5 changed"; "paragraph 4 seen".
    static func paragraphList(_ groups: [([Int], String)], none: String) -> String {
        let parts = groups.filter { !$0.0.isEmpty }.map { numbers, word in
            numbers.map { $0 == 0 ? "headline" : String($0) }.joined(separator: ", ") + " " + word
        }
        guard !parts.isEmpty else { return none }
        let total = groups.reduce(0) { $0 + $1.0.count }
        return (total == 1 ? "paragraph " : "paragraphs ") + parts.joined(separator: ", ")
    }

    static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Structured data for `story.stageData["dedup"]` (JSON output).
    public var stageData: ConfigValue {
        var map: [String: ConfigValue] = [
            "class": .string(dedupClass.rawValue),
            "id": .string(id),
            "textHash": .string(textHash),
            "brief": .bool(isBrief),
            "recorded": .bool(recorded),
        ]
        guard let match else { return .map(map) }
        var earlier: [String: ConfigValue] = [
            "id": .string(match.earlier.id),
            "textHash": .string(match.earlier.textHash),
            "recorded": .string(ISO8601DateFormatter().string(from: match.earlier.recorded)),
        ]
        if let slug = match.earlier.slug { earlier["slug"] = .string(slug) }
        if let agency = match.earlier.agency { earlier["agency"] = .string(agency) }
        map["earlier"] = .map(earlier)
        map["message"] = .string(message)
        map["exact"] = .bool(match.exact)
        map["similarity"] = .double(Self.rounded(match.jaccard))
        map["estimate"] = .double(Self.rounded(match.estimate))
        map["containment"] = .double(Self.rounded(match.containment))
        map["shingleSize"] = .int(match.shingleSize)
        map["newParagraphs"] = .list(match.newParagraphs.map { .int($0) })
        map["changedParagraphs"] = .list(match.changedParagraphs.map { .int($0) })
        map["droppedParagraphs"] = .list(match.droppedParagraphs.map { .int($0) })
        map["similarityClass"] = .string(match.similarityClass.rawValue)
        map["paragraphs"] = .list(match.paragraphs.map { paragraph in
            var entry: [String: ConfigValue] = ["paragraph": .int(paragraph.paragraph), "status": .string(paragraph.status.rawValue)]
            if let earlier = paragraph.earlierParagraph { entry["earlierParagraph"] = .int(earlier) }
            if paragraph.status == .changed {
                entry["similarity"] = .double(Self.rounded(paragraph.similarity))
                entry["trivial"] = .bool(!NoveltyClass.needsReading(paragraph))
            }
            if let diff = paragraph.diff {
                entry["diff"] = .string(diff.rendered)
                entry["removed"] = .list(diff.changes.removed.map { .string($0) })
                entry["added"] = .list(diff.changes.added.map { .string($0) })
            }
            return .map(entry)
        })
        return .map(map)
    }

    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}

/// Checks stories against an archive and records them: fingerprint (in parallel, outside any
/// lock), then candidate lookup, the exact check and the insert as one atomic store step.
public struct Deduplicator: Sendable {
    public let store: any Store
    public let fingerprinter: Fingerprinter
    public let matcher: Matcher

    public init(store: any Store, settings: MatchSettings = MatchSettings()) throws {
        self.store = store
        fingerprinter = try Fingerprinter(settings: settings)
        matcher = Matcher(settings: settings, tokenizer: fingerprinter.tokenizer)
    }

    public var settings: MatchSettings { fingerprinter.settings }

    /// Checks the story; with `record`, also adds it, atomically with the check.
    public func check(_ story: Story, record: Bool) async throws -> DedupResult {
        try await check(fingerprinter.fingerprint(story), record: record)
    }

    public func check(_ fingerprint: Fingerprint, record: Bool) async throws -> DedupResult {
        // No words to match (an empty body, a photo caption reduced to nothing): every such story
        // would be an exact duplicate of every other, so it is neither matched nor recorded.
        if fingerprint.text.paragraphs.isEmpty {
            return DedupResult(dedupClass: .new, id: fingerprint.id, textHash: fingerprint.textHash, isBrief: true, match: nil, recorded: false)
        }
        let matcher = self.matcher
        let archived = fingerprint.archived()
        let (match, added) = try await store.check(archived, limit: settings.candidateLimit, record: record) { candidates in
            let best = try matcher.bestMatch(for: fingerprint, among: candidates)
            // Whether the insert will add a row: not when this very version is already there.
            let present = candidates.contains { $0.id == fingerprint.id && $0.textHash == fingerprint.textHash }
            return (best, record && !present)
        }
        return DedupResult(dedupClass: match?.dedupClass ?? .new, id: fingerprint.id, textHash: fingerprint.textHash,
                           isBrief: fingerprint.isBrief, match: match, recorded: added)
    }

    /// Adds stories without checking, in one store step; returns how many were new. Fingerprints
    /// are computed concurrently (up to `concurrency` at once), before the store is touched.
    @discardableResult
    public func record(contentsOf stories: [Story], concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) async throws -> Int {
        let fingerprints = try await fingerprints(of: stories, concurrency: concurrency)
        return try await store.add(contentsOf: fingerprints.filter { !$0.text.paragraphs.isEmpty }.map { $0.archived() })
    }

    /// Fingerprints of `stories`, in order, computed in up to `concurrency` tasks.
    public func fingerprints(of stories: [Story], concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) async throws -> [Fingerprint] {
        let fingerprinter = self.fingerprinter
        let tasks = max(1, min(concurrency, stories.count))
        if tasks <= 1 { return try stories.map { try fingerprinter.fingerprint($0) } }
        return try await withThrowingTaskGroup(of: (Int, [Fingerprint]).self) { group in
            for task in 0..<tasks {
                group.addTask {
                    (task, try stride(from: task, to: stories.count, by: tasks).map { try fingerprinter.fingerprint(stories[$0]) })
                }
            }
            var parts = [[Fingerprint]](repeating: [], count: tasks)
            for try await (task, part) in group { parts[task] = part }
            var result: [Fingerprint] = []
            result.reserveCapacity(stories.count)
            for index in stories.indices { result.append(parts[index % tasks][index / tasks]) }
            return result
        }
    }

    /// Adds the story without checking; false when it is already there.
    @discardableResult
    public func record(_ story: Story) async throws -> Bool {
        let fingerprint = try fingerprinter.fingerprint(story)
        if fingerprint.text.paragraphs.isEmpty { return false }
        return try await store.add(fingerprint.archived())
    }
}

/// Records stories in batches: callers (the concurrent tasks of a batch run) hand over stories
/// already fingerprinted, and every `batchSize` of them go to the store in one transaction. Used
/// by `copydesk archive add`, where one transaction per story would cost most of the time.
///
/// A process killed mid-run loses at most the batch not yet written; every batch is atomic.
public actor ArchiveBatcher {
    public let store: any Store
    public let batchSize: Int
    private var pending: [ArchivedStory] = []
    /// Stories handed over so far, and how many of them the store took as new.
    public private(set) var offered = 0
    public private(set) var added = 0

    public init(store: any Store, batchSize: Int = 1000) {
        self.store = store
        self.batchSize = max(1, batchSize)
    }

    public func add(_ story: ArchivedStory) async throws {
        pending.append(story)
        offered += 1
        if pending.count >= batchSize { try await flush() }
    }

    /// Writes what is pending.
    public func flush() async throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending = []
        added += try await store.add(contentsOf: batch)
    }
}
