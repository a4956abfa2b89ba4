import Foundation

/// How `copydesk serve` runs: where it listens, what it loads at start-up, and its limits.
public struct ServerOptions: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port; the address is printed once the server listens.
    public var port = 8081
    /// Pipeline for /v2/check and /v1/lint (default: Pipelines/lint.yml).
    public var pipeline: String?
    /// Default house style; a request may name another (`style`).
    public var style = "ap"
    /// Archive file for /v1/archive/* (default: the dedup stage's store of Pipelines/wire-en.yml).
    public var store: String?
    /// When set, every request but /health and /ready must carry it (`Authorization: Bearer T`,
    /// `X-Copydesk-Token: T`, or LanguageTool's `apiKey` parameter).
    public var token: String?
    /// Largest request body accepted, in bytes; larger ones get 413.
    public var maximumBodySize = 1 << 20
    /// Longest a check may take (waiting for a slot included), in seconds; then 503.
    public var timeout: Double = 10
    /// Checks running at once; more wait for a slot (up to `timeout`).
    public var maximumConcurrentChecks = 2
    /// Checks allowed to wait for a slot; beyond that a request gets 503 at once.
    public var maximumQueuedChecks = 256

    public init() {}

    /// "1MB", "512KB", "1048576" → bytes; nil when not a size.
    public static func byteCount(_ text: String) -> Int? {
        let lowered = text.lowercased().trimmingCharacters(in: .whitespaces)
        let units: [(String, Int)] = [("gb", 1 << 30), ("mb", 1 << 20), ("kb", 1 << 10), ("g", 1 << 30), ("m", 1 << 20), ("k", 1 << 10), ("b", 1)]
        for (suffix, factor) in units where lowered.hasSuffix(suffix) {
            guard let number = Double(lowered.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), number > 0, number * Double(factor) < Double(Int32.max) else { return nil }
            return Int(number * Double(factor))
        }
        guard let number = Int(lowered), number > 0 else { return nil }
        return number
    }
}
