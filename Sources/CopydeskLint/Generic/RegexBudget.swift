import Synchronization

/// CPU time the `raw` patterns of a style's own rules may take on one input file.
///
/// ICU's time limit counts one match call, and a rule with `scope: paragraph` makes one call a
/// paragraph: a catastrophic pattern under the limit each time could take minutes over a long
/// story. So each rule has a budget for the whole file (`perRule`), and the rules together have
/// one (`perFile`); a rule past either is stopped, reported once for the file
/// (`lint.regex-timeout`), and the other rules go on. Time is the thread's CPU time, so a loaded
/// machine does not stop a rule that a quiet one would let finish.
///
/// One budget is shared by every story of a file (a wire stream): it lives in the file's
/// `SourceFile.cached` analyses, which all its stories share.
public final class RegexBudget: Sendable {
    public let perRule: Int64
    public let perFile: Int64
    private let state = Mutex(State())

    private struct State {
        var used: [String: Int64] = [:]
        var total: Int64 = 0
        var reported: Set<String> = []
    }

    /// Budgets in milliseconds.
    public init(perRuleMilliseconds: Int, perFileMilliseconds: Int) {
        perRule = Int64(perRuleMilliseconds) * 1_000_000
        perFile = Int64(perFileMilliseconds) * 1_000_000
    }

    /// Nanoseconds `rule` may still use: what is left of its own budget and of the file's.
    func remaining(for rule: String) -> Int64 {
        state.withLock { min(perRule - $0.used[rule, default: 0], perFile - $0.total) }
    }

    func charge(_ nanoseconds: Int64, to rule: String) {
        state.withLock {
            $0.used[rule, default: 0] += nanoseconds
            $0.total += nanoseconds
        }
    }

    /// Whether `rule` has used up its own budget (rather than the file's being spent by all).
    func spentOwnBudget(_ rule: String) -> Bool {
        state.withLock { $0.used[rule, default: 0] >= perRule }
    }

    /// True the first time it is asked for `rule`: a time-out is reported once a file.
    func firstTimeOut(of rule: String) -> Bool {
        state.withLock { $0.reported.insert(rule).inserted }
    }
}

/// A custom rule stopped by its `RegexBudget`, in the scope unit where it ran out.
struct RegexTimeOut: Error {
    var block: Int
    var offset: Int
}
