import CICU

/// A compiled ICU pattern. RegexPattern is immutable and ICU documents it as shareable between threads
/// (each match gets its own RegexMatcher), hence @unchecked Sendable.
final class CompiledICUPattern: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer

    init(_ pointer: UnsafeMutableRawPointer) { self.pointer = pointer }

    deinit { cicu_regex_close(pointer) }
}

/// ICU regular expressions (ICU syntax, full Unicode properties), matched over UTF-8 with a time limit so
/// a pathological pattern cannot hang a pipeline.
public struct ICURegex: Sendable {
    public let pattern: String
    private let timeLimit: Int32
    private let compiled: CompiledICUPattern

    /// - Parameter timeLimit: uregex_setTimeLimit units: blocks of match-engine steps that ICU documents as
    ///   "on the order of milliseconds"; measured here at about 0.2 ms each, so the default 1000 ends
    ///   catastrophic backtracking after roughly 0.2 s. 0 disables the limit.
    /// - Throws: ICUError for an invalid pattern (e.g. "U_REGEX_RULE_SYNTAX", "U_REGEX_MISMATCHED_PAREN").
    public init(pattern: String, caseInsensitive: Bool = false, timeLimit: Int32 = 1000) throws {
        guard timeLimit >= 0 else { throw ICUError(code: ICUError.illegalArgument) }
        self.pattern = pattern
        self.timeLimit = timeLimit
        var raw: UnsafeMutableRawPointer?
        try pattern.withCChars { chars, count in
            try ICUError.check(cicu_regex_compile(chars, count, caseInsensitive, &raw))
        }
        guard let raw else { throw ICUError(code: ICUError.illegalArgument) }
        compiled = CompiledICUPattern(raw)
    }

    /// All non-overlapping matches as UTF-8 byte ranges. Hitting the time limit throws
    /// ICUError "U_REGEX_TIME_OUT".
    public func matches(in text: String) throws -> [Range<Int>] {
        try run(text, maxMatches: 0)
    }

    public func firstMatch(in text: String) throws -> Range<Int>? {
        try run(text, maxMatches: 1).first
    }

    /// All non-overlapping matches, with no per-match limit but at most `budgetNanoseconds` of
    /// CPU time (of the calling thread) for the whole call, so a caller can share one budget
    /// among many calls (a rule over every paragraph of a file). `used` receives the CPU time
    /// taken, also when the budget runs out, which throws ICUError "U_REGEX_TIME_OUT".
    public func matches(in text: String, budgetNanoseconds: Int64, used: inout Int64) throws -> [Range<Int>] {
        var spent: Int64 = 0
        defer { used = spent }
        let pairs = try text.withUTF8Bytes { bytes in
            var out = cicu_buffer()
            try ICUError.check(cicu_regex_matches_utf8_budget(
                compiled.pointer, UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
                Int64(bytes.count), 0, budgetNanoseconds, &spent, &out))
            return out.takeArray(of: Int64.self)
        }
        return Self.ranges(pairs)
    }

    private func run(_ text: String, maxMatches: Int32) throws -> [Range<Int>] {
        let pairs = try text.withUTF8Bytes { bytes in
            var out = cicu_buffer()
            try ICUError.check(cicu_regex_matches_utf8(
                compiled.pointer, UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
                Int64(bytes.count), timeLimit, maxMatches, &out))
            return out.takeArray(of: Int64.self)
        }
        return Self.ranges(pairs)
    }

    private static func ranges(_ pairs: [Int64]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(pairs.count / 2)
        var i = 0
        while i + 1 < pairs.count {
            ranges.append(Int(pairs[i])..<Int(pairs[i + 1]))
            i += 2
        }
        return ranges
    }
}
