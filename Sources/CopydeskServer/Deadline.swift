import Foundation

/// Runs work with a time limit: the caller gets an answer (the result, or a 503 when the limit
/// passes) on time, while work that does not stop at once (a lint pass is not cancellable
/// mid-way) finishes in the background, still holding its check slot so the bound holds.
enum Deadline {
    static func run<T: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let race = Race<T>()
        return try await withCheckedThrowingContinuation { continuation in
            race.start(continuation)
            let work = Task {
                let outcome: Result<T, any Error>
                do { outcome = .success(try await operation()) } catch { outcome = .failure(error) }
                race.finish(outcome)
            }
            let clock = Task {
                try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                if Task.isCancelled { return }
                if race.finish(.failure(APIError(.serviceUnavailable, "timeout", "the check took longer than the server's limit of \(seconds) s (--timeout)"))) {
                    work.cancel()
                }
            }
            race.timer(clock)
        }
    }

    /// Whichever of the work and the clock finishes first resumes the caller; the other is ignored.
    private final class Race<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<T, any Error>?  // guarded by `lock`
        private var clock: Task<Void, Never>?  // guarded by `lock`
        private var done = false  // guarded by `lock`

        func start(_ continuation: CheckedContinuation<T, any Error>) {
            lock.withLock { self.continuation = continuation }
        }

        func timer(_ task: Task<Void, Never>) {
            let finished = lock.withLock { () -> Bool in
                if !done { clock = task }
                return done
            }
            if finished { task.cancel() }
        }

        /// True when this outcome was the one given to the caller.
        @discardableResult
        func finish(_ outcome: Result<T, any Error>) -> Bool {
            let (waiting, timer) = lock.withLock { () -> (CheckedContinuation<T, any Error>?, Task<Void, Never>?) in
                guard !done else { return (nil, nil) }
                done = true
                defer { continuation = nil; clock = nil }
                return (continuation, clock)
            }
            timer?.cancel()
            waiting?.resume(with: outcome)
            return waiting != nil
        }
    }
}
