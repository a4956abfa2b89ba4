import Benchmark
import BenchSupport
import Copydesk
import CorpusKit
import Foundation

// Whole batches as `copydesk lint DIR` / `copydesk run DIR` process them: files read from disk,
// decoded, parsed, pipeline run, results handed over in order. One iteration = 500 files;
// throughput × 500 = stories/s.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(5), maxIterations: 50)

    let texts = Corpus.stories(count: 500, seed: 31)

    for (pipelineName, cores) in [("lint", 1), ("lint", 2), ("normalize", 2)] {
        Benchmark("BatchRunner \(pipelineName) pipeline, 500 files, \(cores) core\(cores == 1 ? "" : "s")") { (benchmark: Benchmark, input: (BatchRunner, [String])) in
            let (runner, paths) = input
            for _ in benchmark.scaledIterations {
                var findings = 0
                await runner.run(paths) { findings += $0.diagnostics.count }
                blackHole(findings)
            }
        } setup: { () throws -> (BatchRunner, [String]) in
            let pipeline = pipelineName == "lint" ? try Bench.lintPipeline() : try Bench.normalizePipeline()
            return (BatchRunner(pipeline: pipeline, mode: pipelineName == "lint" ? .report : .transform, maximumConcurrency: cores),
                    try Bench.writeFolder(texts, name: "batch"))
        }
    }
}
