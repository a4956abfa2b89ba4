/// Input order for the steps of a concurrent batch that must see the inputs one after another.
///
/// A batch reads, normalizes and lints its files concurrently, but a step that records what it
/// has seen (the dedup stage's check-and-record) must take the files in input order: otherwise
/// whichever file of an original, its correction and its write-through finishes first is
/// "the original", and two runs of the same batch disagree. Each file of a batch holds a turn,
/// numbered in input order; a stage waits (`StageContext.waitForTurn()`) until every earlier
/// file has finished, and the batch runner finishes each file's turn when the file is done
/// (processed or failed), so waiting never outlives an earlier file.
public actor InputTurns {
    /// The lowest turn not yet finished: every turn below it is.
    private var next = 0
    private var finished: Set<Int> = []
    private var waiting: [Int: [CheckedContinuation<Void, Never>]] = [:]

    public init() {}

    /// The turn of the input at `index` (0-based, in input order).
    public nonisolated func turn(_ index: Int) -> InputTurn { InputTurn(turns: self, index: index) }

    /// Returns once every turn before `index` has finished.
    func wait(for index: Int) async {
        if next >= index { return }
        await withCheckedContinuation { continuation in
            waiting[index, default: []].append(continuation)
        }
    }

    /// Marks the turn at `index` done (once is enough; again is harmless).
    public func finish(_ index: Int) {
        guard index >= next else { return }
        finished.insert(index)
        while finished.remove(next) != nil { next += 1 }
        for key in waiting.keys where key <= next {
            for continuation in waiting.removeValue(forKey: key) ?? [] { continuation.resume() }
        }
    }
}

/// One input's place in a batch (see `InputTurns`).
public struct InputTurn: Sendable {
    public let turns: InputTurns
    public let index: Int

    /// Returns once every earlier input of the batch has been processed.
    public func wait() async { await turns.wait(for: index) }

    /// Marks this input processed, letting the next ones take their turn.
    public func finish() async { await turns.finish(index) }
}
