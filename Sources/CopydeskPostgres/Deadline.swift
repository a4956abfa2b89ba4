/// Runs an operation against a deadline: the server may stop answering without closing the
/// connection (a network partition, a stopped VM), and a worker must then fail the story, not hang.
enum Deadline {
    struct Exceeded: Error {}

    static func run<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                throw Exceeded()
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw Exceeded() }
            return first
        }
    }
}
