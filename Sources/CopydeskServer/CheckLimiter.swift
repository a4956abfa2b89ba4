/// Bounds how many checks run at once: a check waits for a slot, and when too many already wait
/// the request is refused at once (503) instead of piling up memory.
actor CheckLimiter {
    let slots: Int
    let queueLimit: Int
    private var running = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(slots: Int, queueLimit: Int) {
        self.slots = max(1, slots)
        self.queueLimit = max(0, queueLimit)
    }

    func acquire() async throws {
        if running < slots {
            running += 1
            return
        }
        guard waiters.count < queueLimit else {
            throw APIError(.serviceUnavailable, "busy", "the server is busy: \(slots) checks running and \(waiters.count) waiting (--max-concurrent); try again")
        }
        // The slot is handed over by `release`, so `running` stays counted.
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            running -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }

    var inFlight: Int { running }
    var waiting: Int { waiters.count }
}
