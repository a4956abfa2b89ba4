import Benchmark
import Copydesk
import CorpusKit

// CopydeskDedup's signatures for 500-word stories: words (NFKC casefold) → 5-word shingles →
// 128-value MinHash. One iteration = 1,000 stories; throughput × 1,000 = stories/s.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal],
        maxDuration: .seconds(3), maxIterations: 100)

    let texts = (0..<1000).map { Corpus.storyOfWords(500, seed: 7000 + UInt64($0)) }

    Benchmark("MinHash signature, 1,000 stories of 500 words (tokenize + shingle + sign)") { benchmark in
        let tokenizer = try WordTokenizer()
        let shingler = Shingler(size: 5), hasher = MinHasher(length: 128)
        for _ in benchmark.scaledIterations {
            for text in texts { blackHole(hasher.signature(shingles: shingler.shingles(try tokenizer.wordHashes(in: text)))) }
        }
    }

    Benchmark("MinHash signature only, 1,000 stories (shingles precomputed)") { (benchmark: Benchmark, shingles: [[UInt64]]) in
        let hasher = MinHasher(length: 128)
        for _ in benchmark.scaledIterations {
            for set in shingles { blackHole(hasher.signature(shingles: set)) }
        }
    } setup: { () throws -> [[UInt64]] in
        let tokenizer = try WordTokenizer()
        return try texts.map { Shingler(size: 5).shingles(try tokenizer.wordHashes(in: $0)) }
    }
}
