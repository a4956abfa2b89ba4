// swift-tools-version: 6.1
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder: "main" in /work/main, something else in a
// worktree or a clone under another name.
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

// Benchmarks for Copydesk, kept out of the main package so its users never build the harness.
// Run from this folder:  swift package --disable-sandbox benchmark
let benchmarkTarget: (String) -> Target = { name in
    .executableTarget(
        name: name,
        dependencies: [
            "CorpusKit", "BenchSupport",
            .product(name: "Copydesk", package: mainPackage),
            .product(name: "Benchmark", package: "benchmark"),
        ],
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "CopydeskBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Deterministic wire-style corpus: stories, dirty variants, near-duplicates.
        .target(name: "CorpusKit", path: "Sources/CorpusKit"),
        .target(name: "BenchSupport", dependencies: ["CorpusKit", .product(name: "Copydesk", package: mainPackage)],
                path: "Sources/BenchSupport"),
        .executableTarget(name: "generate-corpus", dependencies: ["CorpusKit"], path: "Sources/generate-corpus"),
        // Plain timing driver used by compare.sh (same code paths as the benchmarks, one process).
        .executableTarget(name: "cdbench", dependencies: ["CorpusKit", "BenchSupport", .product(name: "Copydesk", package: mainPackage)],
                          path: "Sources/cdbench"),
        benchmarkTarget("Normalize"),
        benchmarkTarget("Lint"),
        benchmarkTarget("Batch"),
        benchmarkTarget("MinHash"),
    ]
)
