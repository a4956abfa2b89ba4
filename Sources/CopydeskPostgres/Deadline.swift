import Foundation

/// Runs an operation against a deadline: the server may stop answering without closing the
/// connection (a network partition, a stopped VM, a restart that cut a connection mid-query), and
/// a worker must then fail the story, not hang.
///
/// The caller gets its answer at the deadline even when the operation does not react to
/// cancellation (a pool lease or a query whose continuation is never resumed): the operation runs
/// as a task of its own, is cancelled, and is left to finish on its own. A structured task group
/// would wait for it, which is the hang this type exists to prevent.
enum Deadline {
    struct Exceeded: Error {}

    static func run<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let outcome = Outcome<T>()
        let work = Task {
            do { outcome.finish(.success(try await body())) } catch { outcome.finish(.failure(error)) }
        }
        let timer = Task {
            try? await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
            if !Task.isCancelled { outcome.finish(.failure(Exceeded())) }
        }
        defer {
            timer.cancel()
            work.cancel()
        }
        return try await withTaskCancellationHandler {
            try await outcome.value()
        } onCancel: {
            outcome.finish(.failure(CancellationError()))
        }
    }

    /// The first result wins; whoever waits gets it, however late it starts waiting.
    final class Outcome<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<T, any Error>?
        private var waiter: CheckedContinuation<T, any Error>?

        func finish(_ result: Result<T, any Error>) {
            lock.lock()
            guard self.result == nil else { lock.unlock(); return }
            self.result = result
            let waiter = self.waiter
            self.waiter = nil
            lock.unlock()
            waiter?.resume(with: result)
        }

        func value() async throws -> T {
            try await withCheckedThrowingContinuation { continuation in
                lock.lock()
                if let result {
                    lock.unlock()
                    continuation.resume(with: result)
                } else {
                    waiter = continuation
                    lock.unlock()
                }
            }
        }
    }
}
