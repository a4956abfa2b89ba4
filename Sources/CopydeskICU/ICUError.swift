import CICU

/// An ICU failure, named the way ICU names it (u_errorName) so callers can match on e.g. "U_REGEX_TIME_OUT".
public struct ICUError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The UErrorCode value.
    public let code: Int32
    /// ICU's symbolic name for `code`, e.g. "U_INVALID_ID".
    public let name: String

    public var description: String { "ICU error \(name) (\(code))" }

    init(code: Int32) {
        self.code = code
        self.name = String(cString: cicu_error_name(code))
    }

    // UErrorCode values the Swift side raises itself.
    static let illegalArgument: Int32 = 1      // U_ILLEGAL_ARGUMENT_ERROR
    static let indexOutOfBounds: Int32 = 8     // U_INDEX_OUTOFBOUNDS_ERROR
    static let bufferOverflow: Int32 = 15      // U_BUFFER_OVERFLOW_ERROR

    /// Throws for failure codes (> 0); ICU warnings (< 0) are success.
    static func check(_ code: Int32) throws(ICUError) {
        if code > 0 { throw ICUError(code: code) }
    }

    /// ICU takes int32_t lengths; longer input is refused rather than silently truncated.
    static func length32(_ count: Int) throws(ICUError) -> Int32 {
        guard let n = Int32(exactly: count) else { throw ICUError(code: indexOutOfBounds) }
        return n
    }
}
