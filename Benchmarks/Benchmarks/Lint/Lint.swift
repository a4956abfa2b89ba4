import Benchmark
import BenchSupport
import Copydesk
import CorpusKit

// One iteration lints 1 MiB of stories (30% with translated-copy artefacts, 10% re-versions),
// already normalized as `copydesk lint` hands them to the lint stage: throughput reads as MiB/s.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal],
        maxDuration: .seconds(3), maxIterations: 200)

    let texts: [String] = {
        var texts: [String] = []
        var total = 0
        for text in Corpus.stories(count: 2000, seed: 21) where total < 1 << 20 { texts.append(text); total += text.utf8.count }
        return texts
    }()

    func lintBenchmark(_ name: String, family: String?) {
        Benchmark(name) { benchmark, input in
            let (stage, stories) = input
            for _ in benchmark.scaledIterations {
                for var story in stories {
                    try stage.lint(&story)
                    blackHole(story)
                }
            }
        } setup: {
            (try LintStage(style: try Bench.apStyle(family: family)), try Bench.normalizedStories(texts))
        }
    }

    lintBenchmark("lint AP style, all rules (1 iteration = 1 MiB)", family: nil)
    for family in Bench.families {
        lintBenchmark("lint family \(family) (1 iteration = 1 MiB)", family: family)
    }

    Benchmark("lint pipeline: decode+normalize+lint AP (1 iteration = 1 MiB)") { benchmark, pipeline in
        let bytes = texts.map { Array($0.utf8) }
        for _ in benchmark.scaledIterations {
            for input in bytes {
                var story = try Bench.read(input)
                try await pipeline.process(&story, mode: .report)
                blackHole(story)
            }
        }
    } setup: {
        try Bench.lintPipeline()
    }

    Benchmark("LintDocument (tokenize words+sentences) (1 iteration = 1 MiB)") { benchmark, input in
        let (style, stories) = input
        for _ in benchmark.scaledIterations {
            for story in stories { blackHole(LintDocument(story: story, style: style)) }
        }
    } setup: {
        (try Bench.apStyle(), try Bench.normalizedStories(texts))
    }
}
