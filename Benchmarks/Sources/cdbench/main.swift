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
