import CICU

/// What the spoof checker found in one string.
public struct SpoofCheckResult: Sendable, Equatable {
    /// Any check failed.
    public var isSuspicious: Bool
    /// No single script covers the text (UTS #39 resolved script set, so Japanese Han + kana counts as one),
    /// whether or not the mix is allowed.
    public var mixedScript: Bool
    /// The script mix is looser than moderately restrictive (e.g. Latin with Cyrillic look-alikes).
    public var restrictionLevelFailed: Bool
    /// Raw USpoofChecks bits of the failed checks.
    public var checks: Int32

    public init(isSuspicious: Bool, mixedScript: Bool, restrictionLevelFailed: Bool, checks: Int32) {
        self.isSuspicious = isSuspicious
        self.mixedScript = mixedScript
        self.restrictionLevelFailed = restrictionLevelFailed
        self.checks = checks
    }
}

/// UTS #39 checks for names that mix look-alike scripts ("Pаris" with a Cyrillic а). Configured with
/// restriction level MODERATELY_RESTRICTIVE plus the mixed-numbers and invisible-character checks, so
/// single-script text in any script passes. Calls are serialized by a lock.
public struct SpoofChecker: Sendable {
    private let object: LockedICUObject

    public init() throws {
        object = try LockedICUObject(open: { cicu_spoof_open($0) }, close: cicu_spoof_close)
    }

    public func check(_ text: String) throws -> SpoofCheckResult {
        let (checks, level) = try object.withLock { handle in
            try text.withCChars { chars, count in
                var checks: Int32 = 0
                var level: Int32 = 0
                try ICUError.check(cicu_spoof_check_utf8(handle, chars, count, &checks, &level))
                return (checks, level)
            }
        }
        return SpoofCheckResult(
            isSuspicious: checks != 0,
            mixedScript: level > cicu_spoof_single_script_level(),
            restrictionLevelFailed: checks & cicu_spoof_restriction_level_bit() != 0,
            checks: checks)
    }

    /// UTS #39 skeleton: two strings that look alike have equal skeletons.
    public func skeleton(_ text: String) throws -> String {
        try object.withLock { handle in
            try text.withCChars { chars, count in
                var out = cicu_buffer()
                try ICUError.check(cicu_spoof_skeleton_utf8(handle, chars, count, &out))
                return out.takeString()
            }
        }
    }
}
