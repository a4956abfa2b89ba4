import CICU

/// An ICU transform such as "Any-Latin; Latin-ASCII" or "Greek-Latin/UNGEGN". Building one is expensive
/// (rule compilation), so an instance is kept and reused; ICU transliterators are not thread-safe, so
/// calls are serialized by a lock.
public struct Transliterator: Sendable {
    public let id: String
    private let object: LockedICUObject

    /// Throws an ICUError (typically "U_INVALID_ID") for an unknown transform id.
    public init(id: String) throws {
        self.id = id
        object = try LockedICUObject(
            open: { out in try id.withCChars { cicu_translit_open($0, $1, out) } },
            close: cicu_translit_close)
    }

    public func transliterate(_ text: String) -> String {
        // Only an input over 2 GiB or an allocation failure can fail here; the text is then returned unchanged.
        (try? object.withLock { handle in
            try text.withCChars { chars, count in
                var out = cicu_buffer()
                try ICUError.check(cicu_translit_run(handle, chars, count, &out))
                return out.takeString()
            }
        }) ?? text
    }
}
