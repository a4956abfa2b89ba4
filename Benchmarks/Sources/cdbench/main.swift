import BenchSupport
import Copydesk
import CorpusKit
import Foundation

// cdbench MODE FILE [--runs N]
//   normalize FILE   decode + normalize stage (NFC) over each story of FILE (stories split at form feeds)
//   decode FILE      decode + read only (charset, format sniffing, plain reader)
//   stage FILE       the normalize stage alone, on stories decoded beforehand
//   nfc FILE         decode + Unicode NFC only (the uconv -x Any-NFC equivalent)
//   lint FILE        decode + Pipelines/lint.yml (normalize report + AP style) over each story
//   lint-stage FILE  the lint stage alone (AP style) over each story, decoded and normalized beforehand
//                    (what the `lint AP style, all rules` benchmark times); `--family F` keeps one family
//   minhash DIR      CopydeskDedup: words (NFKC casefold) → 5-word shingles → 128-value MinHash, per file
//   lsh DIR          the signatures into 32×4 LSH bands (in memory), then each queried
//   archive DIR --stories N [--checks C] [--batch B]
//                    the dedup archive (SQLiteStore) in DIR: N stories (Corpus.ArchiveStream) fingerprinted
//                    on all cores, added B per transaction (default 1,000); then C checks (default 2,000:
//                    half later versions of archived stories, half new stories) timed one by one.
//                    Prints fingerprint and ingest stories/s (wall), check p50/p90/p99/max, bytes per story.
// (minhash and lsh print stories/s instead of MB/s)
// Prints: MODE <bytes> <median seconds> <MB/s>  (median of --runs timed passes, after one warm-up).
// Time is the process's CPU time (CLOCK_PROCESS_CPUTIME_ID), not wall time: the work is single
// threaded, and CPU time stays honest on a shared, loaded machine where wall time does not.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else { print("usage: cdbench normalize|nfc|lint FILE [--runs N]"); exit(2) }
let mode = arguments[0], file = arguments[1]
var runs = 5
if let i = arguments.firstIndex(of: "--runs"), i + 1 < arguments.count { runs = Int(arguments[i + 1]) ?? 5 }

if mode == "startup" {
    // What `copydesk lint FILE` does in-process besides argument parsing, timed cold, first call.
    func wall(_ body: () async throws -> Void) async rethrows -> Double {
        let start = ContinuousClock.now
        try await body()
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15
    }
    var pipeline: Pipeline!
    if arguments.contains("--breakdown") {
        // The one-time ICU costs inside the lint pipeline's construction, each cold.
        let translit = try await wall { _ = try Transliterator(id: "Any-Latin; Latin-ASCII") }
        let spoof = try await wall { _ = try SpoofChecker() }
        let yaml = try await wall { _ = try YAMLFile(path: Bench.root + "/Pipelines/lint.yml") }
        print(String(format: "cold: ICU transliterator 'Any-Latin; Latin-ASCII' %.2f ms, ICU spoof checker %.2f ms, first YAML file %.2f ms", translit, spoof, yaml))
    }
    let load = try await wall { pipeline = try Bench.lintPipeline() }
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
    let first = try await wall { var story = try Bench.read(bytes); try await pipeline.process(&story, mode: .report) }
    let second = try await wall { var story = try Bench.read(bytes); try await pipeline.process(&story, mode: .report) }
    let reload = try await wall { _ = try Bench.lintPipeline() }
    print(String(format: "startup load-pipeline+style %.2f ms, first story %.2f ms, second story %.2f ms, load again %.2f ms", load, first, second, reload))
    exit(0)
}

if mode == "minhash" || mode == "lsh" {
    let names = try FileManager.default.contentsOfDirectory(atPath: file).filter { $0.hasSuffix(".txt") }.sorted()
    let texts = try names.map { try String(contentsOfFile: file + "/" + $0, encoding: .utf8) }
    let tokenizer = try WordTokenizer()
    let shingler = Shingler(size: 5), hasher = MinHasher(length: 128), banding = LSHBanding(bands: 32, rows: 4)
    func signatures() throws -> [MinHashSignature] {
        try texts.map { hasher.signature(shingles: shingler.shingles(try tokenizer.wordHashes(in: $0))) }
    }
    let signed = try signatures()
    let pass: () throws -> Void
    if mode == "minhash" {
        pass = { _ = try signatures() }
    } else {
        pass = {
            var buckets: [Int64: [Int]] = [:]
            for (index, signature) in signed.enumerated() {
                for key in banding.keys(for: signature, namespace: 5) { buckets[key, default: []].append(index) }
            }
            var candidates = 0
            for signature in signed {
                var seen = Set<Int>()
                for key in banding.keys(for: signature, namespace: 5) { for i in buckets[key] ?? [] { seen.insert(i) } }
                candidates += seen.count
            }
            precondition(candidates >= signed.count)
        }
    }
    try pass()
    var times: [Double] = []
    for _ in 0..<runs {
        let start = cpuSeconds()
        try pass()
        times.append(cpuSeconds() - start)
    }
    times.sort()
    let median = times[times.count / 2]
    print(String(format: "%@ %d %.4f %.1f", mode, texts.count, median, Double(texts.count) / median))
    exit(0)
}

if mode == "archive" {
    func option(_ name: String, _ fallback: Int) -> Int {
        guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return fallback }
        return Int(arguments[i + 1].replacingOccurrences(of: "_", with: "")) ?? fallback
    }
    let total = option("--stories", 10_000), checks = option("--checks", 2_000), batchSize = option("--batch", 1_000)
    let path = file + "/archive-\(total).sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let settings = MatchSettings()
    let store = try SQLiteStore(path: path, parameters: settings.parametersDescription)
    let deduplicator = try Deduplicator(store: store, settings: settings)
    let fingerprinter = deduplicator.fingerprinter
    func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
    // The matchable text as the dedup stage sees it after the plain reader: body paragraphs, the
    // dateline taken off the first (the reader is left out: it is the normalize benchmarks' job).
    @Sendable func fingerprint(_ text: String, id: String) throws -> Fingerprint {
        var paragraphs = text.components(separatedBy: "\n\n").dropFirst().map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        if !paragraphs.isEmpty { paragraphs[0] = DatelinePrefix.removingPrefix(from: paragraphs[0], known: nil) }
        paragraphs.removeAll { $0.isEmpty || Boilerplate.isBoilerplate($0) }
        let matchText = try MatchText(archived: paragraphs, tokenizer: fingerprinter.tokenizer)
        return fingerprinter.fingerprint(matchText, textHash: matchText.textHash, id: id)
    }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    func fingerprintAll(_ texts: [String], first: Int) async throws -> [Fingerprint] {
        try await withThrowingTaskGroup(of: (Int, [Fingerprint]).self) { group in
            for task in 0..<cores {
                group.addTask { (task, try stride(from: task, to: texts.count, by: cores).map { try fingerprint(texts[$0], id: "bench-\(first + $0)") }) }
            }
            var parts = [[Fingerprint]](repeating: [], count: cores)
            for try await (task, part) in group { parts[task] = part }
            return texts.indices.map { parts[$0 % cores][$0 / cores] }
        }
    }
    var stream = Corpus.ArchiveStream(seed: 7)
    var fingerprintTime = 0.0, storeTime = 0.0, storeCPU = 0.0, paragraphBytes = 0, added = 0
    let clock = ContinuousClock()
    let chunk = 20_000
    var done = 0
    var progress = clock.now
    while done < total {
        let count = min(chunk, total - done)
        let texts = (0..<count).map { _ in stream.next() }
        let start = clock.now
        let prints = try await fingerprintAll(texts, first: done)
        fingerprintTime += seconds(clock.now - start)
        let records = prints.filter { !$0.text.paragraphs.isEmpty }.map { $0.archived() }
        for record in records { paragraphBytes += record.paragraphs.reduce(1) { $0 + $1.text.utf8.count + 8 + 3 } }
        var index = 0
        while index < records.count {
            let batch = Array(records[index..<min(index + batchSize, records.count)])
            let start = clock.now
            let cpuStart = cpuSeconds()
            added += try await store.add(contentsOf: batch)
            storeCPU += cpuSeconds() - cpuStart
            storeTime += seconds(clock.now - start)
            index += batchSize
        }
        done += count
        if seconds(clock.now - progress) > 30 || done == total {
            progress = clock.now
            FileHandle.standardError.write("  \(done) stories: store ingest so far \(Int(Double(done) / storeTime))/s\n".data(using: .utf8)!)
        }
    }
    try store.checkpoint()
    let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    // Queries: later versions of archived stories, and stories the archive has not seen.
    var queryStream = Corpus.ArchiveStream(seed: 99)
    var queryTexts: [String] = []
    for index in 0..<checks { queryTexts.append(index % 2 == 0 ? stream.reversionOfRecent() : queryStream.next()) }
    let queries = try await fingerprintAll(queryTexts, first: 10_000_000)
    for query in queries.prefix(50) { _ = try await deduplicator.check(query, record: false) }  // warm-up
    var latencies: [Double] = [], cpu: [Double] = []
    var classes: [DedupClass: Int] = [:]
    for query in queries {
        let start = clock.now
        let cpuStart = cpuSeconds()
        let result = try await deduplicator.check(query, record: false)
        cpu.append((cpuSeconds() - cpuStart) * 1000)
        latencies.append(seconds(clock.now - start) * 1000)
        classes[result.dedupClass, default: 0] += 1
    }
    // The same with the fingerprint (tokenize + sign) of each query, as `archive check` does.
    var whole: [Double] = []
    for (index, text) in queryTexts.enumerated() {
        let start = clock.now
        _ = try await deduplicator.check(try fingerprint(text, id: "q-\(index)"), record: false)
        whole.append(seconds(clock.now - start) * 1000)
    }
    func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }
    print(String(format: "archive %d stories: fingerprint %.0f stories/s (%d cores), store ingest %.0f stories/s (batches of %d), end to end %.0f stories/s", total, Double(total) / fingerprintTime, cores, Double(added) / storeTime, batchSize, Double(total) / (fingerprintTime + storeTime)))
    print(String(format: "  store ingest in process CPU time: %.0f stories/s", Double(added) / storeCPU))
    print(String(format: "  size %ld bytes: %.0f bytes/story, of which paragraph data %.0f, the rest %.0f", size, Double(size) / Double(added), Double(paragraphBytes) / Double(added), Double(size - paragraphBytes) / Double(added)))
    print(String(format: "  check (lookup + exact check, fingerprint given): p50 %.3f ms, p90 %.3f, p99 %.3f, max %.3f over %d", percentile(latencies, 0.5), percentile(latencies, 0.9), percentile(latencies, 0.99), latencies.max() ?? 0, latencies.count))
    print(String(format: "  the same in process CPU time (the machine is shared): p50 %.3f ms, p90 %.3f, p99 %.3f", percentile(cpu, 0.5), percentile(cpu, 0.9), percentile(cpu, 0.99)))
    print(String(format: "  check with fingerprint: p50 %.3f ms, p99 %.3f", percentile(whole, 0.5), percentile(whole, 0.99)))
    print("  classes: " + DedupClass.allCases.map { "\($0.rawValue) \(classes[$0] ?? 0)" }.joined(separator: ", "))
    exit(0)
}

let data = try Data(contentsOf: URL(fileURLWithPath: file))
let inputs: [[UInt8]] = {
    // Stories are separated by "\n\u{0C}\n" (generate-corpus writes them so).
    let all = [UInt8](data)
    var stories: [[UInt8]] = []
    var start = 0, i = 0
    while i + 2 < all.count {
        if all[i] == 0x0A, all[i + 1] == 0x0C, all[i + 2] == 0x0A { stories.append(Array(all[start..<i])); i += 3; start = i } else { i += 1 }
    }
    stories.append(Array(all[start...]))
    return stories
}()
let totalBytes = inputs.reduce(0) { $0 + $1.count }

/// Every block (kind, text, map, source edits), metadata and diagnostic of a story, one a line, to
/// compare the behaviour of two builds (`--dump` with normalize, decode and stage).
func dump(_ story: Story) {
    let m = story.metadata
    print("meta", m.sourceFormat ?? "-", m.encoding ?? "-", m.headline ?? "-", m.dateline ?? "-", m.byline ?? "-")
    for block in story.blocks {
        print("block", block.kind, String(reflecting: block.string))
        print("  pieces", block.text.pieces.map { "\($0.length)@\($0.source)\($0.kind)" }.joined(separator: " "))
        print("  edits", block.text.sourceEdits.map { "\($0.range)=\(String(reflecting: $0.replacement))" }.joined(separator: " "))
    }
    for d in story.diagnostics { print(d.ruleID, d.severity, d.range, d.message, d.fix.map { "\($0)" } ?? "-") }
    print("--")
}
if arguments.contains("--dump"), ["normalize", "decode", "stage"].contains(mode) {
    let stage = try NormalizeStage()
    for input in inputs {
        var story = try Bench.read(input)
        if mode != "decode" { try stage.normalize(&story) }
        dump(story)
    }
    exit(0)
}

let pass: () async throws -> Void
switch mode {
case "normalize":
    let stage = try NormalizeStage()
    pass = { for input in inputs { var story = try Bench.read(input); try stage.normalize(&story) } }
case "decode":
    pass = { for input in inputs { _ = try Bench.read(input) } }
case "stage":
    // The normalize stage alone, on stories decoded once beforehand.
    let stage = try NormalizeStage()
    let stories = try inputs.map { try Bench.read($0) }
    pass = { for var story in stories { try stage.normalize(&story) } }
case "nfc":
    let form = try UnicodeForm(form: .nfc)
    pass = {
        for input in inputs {
            let story = try Bench.read(input)
            for block in story.blocks { _ = try form.changes(in: block.string) }
        }
    }
case "lint":
    let pipeline = try Bench.lintPipeline()
    pass = { for input in inputs { var story = try Bench.read(input); try await pipeline.process(&story, mode: .report) } }
case "lint-stage":
    var family: String?
    if let i = arguments.firstIndex(of: "--family"), i + 1 < arguments.count { family = arguments[i + 1] }
    let stage = try LintStage(style: try Bench.apStyle(family: family))
    let normalize = try NormalizeStage()
    let stories = try inputs.map { input in var story = try Bench.read(input); try normalize.normalize(&story); return story }
    if arguments.contains("--dump") {
        // Every finding, one a line, to compare the lint stage's behaviour between two builds.
        for var story in stories {
            try stage.lint(&story)
            for d in story.diagnostics { print(d.ruleID, d.severity, d.range, d.message, d.fix.map { "\($0)" } ?? "-") }
            print("--")
        }
        exit(0)
    }
    pass = { for var story in stories { try stage.lint(&story) } }
default:
    print("unknown mode \(mode)"); exit(2)
}

try await pass()  // warm-up
var times: [Double] = []
for _ in 0..<runs {
    let start = cpuSeconds()
    try await pass()
    times.append(cpuSeconds() - start)
}
times.sort()
let median = times[times.count / 2]
print(String(format: "%@ %d %.4f %.2f", mode, totalBytes, median, Double(totalBytes) / median / 1e6))
