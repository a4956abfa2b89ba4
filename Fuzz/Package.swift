// swift-tools-version:5.4
// (5.4: SwiftPM then leaves an executable's `main` alone, so libFuzzer's own `main` runs.)
// libFuzzer targets for Copydesk. Not part of the main package: build and run them with
// `Fuzz/run.sh TARGET SECONDS` (see Fuzz/README.md), which passes `-sanitize=fuzzer,address`.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, whatever the clone is called.
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let fuzzTargets = [
    "FuzzDecoder", "FuzzPlain", "FuzzMarkdown", "FuzzANPA", "FuzzIPTC7901",
    "FuzzNITF", "FuzzNewsMLG2", "FuzzNinjs", "FuzzNormalize", "FuzzLint", "FuzzStyle",
]

let package = Package(
    name: "CopydeskFuzz",
    platforms: [.macOS(.v10_15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "Copydesk", package: mainPackage)]),
    ] + fuzzTargets.map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: "Copydesk", package: mainPackage)])
    } + [
        // The server's routes in process, through Hummingbird's router test client.
        .executableTarget(name: "FuzzServe", dependencies: [
            .product(name: "Copydesk", package: mainPackage), .product(name: "CopydeskServer", package: mainPackage),
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
    ]
)
