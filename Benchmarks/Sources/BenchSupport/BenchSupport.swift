import Copydesk
import CorpusKit
import Foundation

/// What the benchmark targets and `cdbench` share: where the main package is, stories built the
/// way the CLI builds them, the AP style whole or one family at a time.
public enum Bench {
    /// The main package (this file is Benchmarks/Sources/BenchSupport/BenchSupport.swift).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static let families = ["quotes", "dashes", "dateline", "attribution", "dates", "numbers", "artifacts", "script", "repetition", "terms"]

    /// Decode + read, as `BatchRunner.process(bytes:path:)` does before the stages.
    public static func read(_ bytes: [UInt8], path: String = "story.txt") throws -> Story {
        let decoded = try InputDecoder.decode(bytes, path: path)
        var story = try ReaderRegistry.standard.readAll(decoded.source)[0]
        story.metadata.encoding = decoded.encoding
        story.diagnostics.insert(contentsOf: decoded.diagnostics, at: 0)
        return story
    }

    public static func read(_ text: String) throws -> Story { try read(Array(text.utf8)) }

    /// The AP style; with `family`, every rule outside that family switched off.
    public static func apStyle(family: String? = nil) throws -> Style {
        var style = try LintStage.loader.load("ap", searchDirectories: [root])
        if let family {
            for rule in LintRules.all where rule.description.family != family { style.ruleSettings[rule.description.id] = .off }
            for id in style.customRules.keys where !id.hasPrefix(family + ".") { style.ruleSettings[id] = .off }
        }
        return style
    }

    /// `Pipelines/lint.yml`, what `copydesk lint` runs.
    public static func lintPipeline() throws -> Pipeline {
        try Pipeline.load(path: root + "/Pipelines/lint.yml", registry: .standard)
    }

    /// `Pipelines/normalize.yml`, what `copydesk run` runs by default.
    public static func normalizePipeline() throws -> Pipeline {
        try Pipeline.load(path: root + "/Pipelines/normalize.yml", registry: .standard)
    }

    /// Stories as the lint stage receives them in `copydesk lint` (after normalize, report mode).
    public static func normalizedStories(_ texts: [String]) throws -> [Story] {
        let normalize = try NormalizeStage()
        return try texts.map { var story = try read($0); try normalize.normalize(&story); return story }
    }

    public static func bytes(_ texts: [String]) -> Int { texts.reduce(0) { $0 + $1.utf8.count } }

    /// Writes stories as files into a fresh temporary folder; returns their paths.
    public static func writeFolder(_ texts: [String], name: String) throws -> [String] {
        let dir = NSTemporaryDirectory() + "/copydesk-bench-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return try texts.enumerated().map { index, text in
            let path = dir + String(format: "/%05d.txt", index)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
    }
}
