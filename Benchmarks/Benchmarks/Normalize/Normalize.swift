import Benchmark
import BenchSupport
import Copydesk
import CorpusKit

// One iteration processes 1 MiB of stories (each story separately, as a batch does), so the
// throughput column reads directly as MiB/s.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(3), maxIterations: 200)

    for dirty in [false, true] {
        let label = dirty ? "dirty" : "clean"
        let texts = Corpus.stories(totalBytes: 1 << 20, seed: dirty ? 11 : 10, dirty: dirty)
        let bytes = texts.map { Array($0.utf8) }

        Benchmark("decode+normalize \(label) (1 iteration = 1 MiB)") { benchmark in
            let normalize = try NormalizeStage()
            for _ in benchmark.scaledIterations {
                for input in bytes {
                    var story = try Bench.read(input)
                    try normalize.normalize(&story)
                    blackHole(story)
                }
            }
        }

        Benchmark("normalize \(label) (1 iteration = 1 MiB)") { benchmark, stories in
            let normalize = try NormalizeStage()
            for _ in benchmark.scaledIterations {
                for var story in stories {
                    try normalize.normalize(&story)
                    blackHole(story)
                }
            }
        } setup: {
            try texts.map { try Bench.read($0) }
        }

        Benchmark("decode \(label) (1 iteration = 1 MiB)") { benchmark in
            for _ in benchmark.scaledIterations {
                for input in bytes { blackHole(try Bench.read(input)) }
            }
        }
    }
}
