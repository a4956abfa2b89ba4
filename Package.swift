// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Copydesk",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Copydesk", targets: ["Copydesk"]),
        .executable(name: "copydesk", targets: ["CopydeskCLI"]),
        // The server's routes, for embedding and for the request fuzz target (Fuzz/).
        .library(name: "CopydeskServer", targets: ["CopydeskServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // C++ shim over the system libicu. Its public header exposes plain C types only, so the
        // ICU headers never meet Foundation's bundled `_FoundationICU` module in Swift.
        .target(
            name: "CICU",
            cxxSettings: [.define("U_SHOW_CPLUSPLUS_API", to: "1")],
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .target(name: "CopydeskICU", dependencies: ["CICU"]),
        // The shipped StyleRules/ and Pipelines/ built into the binary (generated at build time).
        .plugin(name: "EmbedShippedData", capability: .buildTool()),
        .target(name: "CopydeskShippedData", plugins: ["EmbedShippedData"]),
        .target(name: "CopydeskCore", dependencies: ["CopydeskShippedData", .product(name: "Yams", package: "Yams")]),
        // Text analysis every stage shares: byte scans, the word tokenizer and sentence splitter,
        // the phrase scanner, typography. Stage modules depend on it, never on each other
        // (checked by .ci/module-graph.sh).
        .target(name: "CopydeskText", dependencies: ["CopydeskCore", "CopydeskICU"]),
        .target(name: "CopydeskNormalize", dependencies: ["CopydeskCore", "CopydeskICU", "CopydeskText"]),
        .target(name: "CopydeskLint", dependencies: ["CopydeskCore", "CopydeskICU", "CopydeskText"]),
        .target(name: "CopydeskFormats", dependencies: ["CopydeskCore", "CopydeskICU", "CopydeskText"]),
        // The archive file shared by the dedup archive and the translation memory (open, header
        // check, which part owns which tables, errors naming the file).
        .target(name: "CopydeskSQLite", dependencies: ["CopydeskCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "CopydeskDedup", dependencies: ["CopydeskCore", "CopydeskICU", "CopydeskText", "CopydeskSQLite", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "CopydeskTranslate", dependencies: ["CopydeskCore", "CopydeskICU", "CopydeskText", "CopydeskFormats", "CopydeskDedup", "CopydeskSQLite", .product(name: "GRDB", package: "GRDB.swift")]),
        // The shared archive and translation memory on a PostgreSQL server (many workers, one store).
        .target(name: "CopydeskPostgres", dependencies: ["CopydeskCore", "CopydeskDedup", "CopydeskTranslate", .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log")]),
        .target(name: "Copydesk", dependencies: ["CopydeskCore", "CopydeskShippedData", "CopydeskICU", "CopydeskText", "CopydeskNormalize", "CopydeskLint", "CopydeskFormats", "CopydeskDedup", "CopydeskTranslate", "CopydeskPostgres"]),
        // `copydesk serve`: the HTTP service (LanguageTool-compatible /v2, Copydesk's /v1, the desk page).
        .target(
            name: "CopydeskServer",
            dependencies: [
                "Copydesk",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.embedInCode("Resources")]
        ),
        .executableTarget(
            name: "CopydeskCLI",
            dependencies: ["Copydesk", "CopydeskServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Generators shared by the test targets' property tests; not part of any product.
        .target(name: "CopydeskTestSupport", path: "Sources/CopydeskTestSupport"),
        .testTarget(name: "CopydeskICUTests", dependencies: ["CopydeskICU"]),
        .testTarget(name: "CopydeskTextTests", dependencies: ["CopydeskText", "CopydeskCore", "CopydeskICU"]),
        .testTarget(name: "CopydeskCoreTests", dependencies: ["CopydeskCore", "Copydesk", "CopydeskTestSupport"]),
        .testTarget(name: "CopydeskNormalizeTests", dependencies: ["CopydeskNormalize", "Copydesk", "CopydeskTestSupport"]),
        .testTarget(name: "CopydeskLintTests", dependencies: ["CopydeskLint", "Copydesk"]),
        .testTarget(name: "CopydeskDedupTests", dependencies: ["CopydeskDedup", "Copydesk", "CopydeskPostgres", .product(name: "PostgresNIO", package: "postgres-nio")]),
        .testTarget(name: "CopydeskFormatsTests", dependencies: ["CopydeskCore", "CopydeskFormats", "Copydesk", "CopydeskTestSupport"]),
        .testTarget(name: "CopydeskTranslateTests", dependencies: ["CopydeskTranslate", "Copydesk", "CopydeskTestSupport", .product(name: "GRDB", package: "GRDB.swift")], exclude: ["Data"]),
        .testTarget(name: "CopydeskCLITests", dependencies: ["CopydeskCLI"]),
        .testTarget(name: "CopydeskServerTests", dependencies: ["CopydeskServer", "Copydesk"], exclude: ["Python"]),
    ],
    cxxLanguageStandard: .cxx17
)
