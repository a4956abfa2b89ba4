import CICU

/// Unicode normalization forms; raw values are the names used in configuration files.
public enum NormalizationForm: String, CaseIterable, Sendable {
    case nfc, nfd, nfkc, nfkd
    case nfkcCasefold = "nfkc-casefold"

    var cicuForm: Int32 {
        switch self {
        case .nfc: Int32(CICU_NFC)
        case .nfd: Int32(CICU_NFD)
        case .nfkc: Int32(CICU_NFKC)
        case .nfkd: Int32(CICU_NFKD)
        case .nfkcCasefold: Int32(CICU_NFKC_CASEFOLD)
        }
    }

    /// Decomposing forms can grow the text (é → e + U+0301), composing ones rarely do; the guess sizes the
    /// output buffer so that ICU normally runs once.
    func outputCapacity(for count: Int) -> Int {
        switch self {
        case .nfd, .nfkd: count + count / 2 + 16
        case .nfc, .nfkc, .nfkcCasefold: count + count / 16 + 16
        }
    }
}

/// ICU Normalizer2 working directly on UTF-8. The underlying instances are process-wide, immutable
/// singletons, so this value is freely shareable between threads.
public struct Normalizer: Sendable {
    public let form: NormalizationForm

    /// Throws if ICU's data for the form cannot be loaded.
    public init(form: NormalizationForm) throws {
        self.form = form
        try ICUError.check(cicu_norm_check(form.cicuForm))
    }

    public func normalize(utf8: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
        let count = try ICUError.length32(utf8.count)
        if count == 0 { return [] }
        var capacity = form.outputCapacity(for: utf8.count)
        while true {
            var status: Int32 = 0
            var required: Int32 = 0
            // ICU writes straight into the array's storage: no intermediate copy.
            let result = [UInt8](unsafeUninitializedCapacity: capacity) { out, initialized in
                status = cicu_norm_normalize_utf8(
                    form.cicuForm, utf8.baseAddress, count, out.baseAddress, Int32(clamping: out.count), &required)
                initialized = status == 0 ? Int(required) : 0
            }
            if status == ICUError.bufferOverflow && Int(required) > capacity {
                capacity = Int(required)
                continue
            }
            try ICUError.check(status)
            return result
        }
    }

    public func normalize(_ text: String) throws -> String {
        try text.withUTF8Bytes { bytes in
            // Already-normalized text (the common case) is returned as is, without allocating.
            if try normalizedPrefixLength(utf8: bytes) == bytes.count { return text }
            let count = try ICUError.length32(bytes.count)
            var capacity = form.outputCapacity(for: bytes.count)
            while true {
                var status: Int32 = 0
                var required: Int32 = 0
                let result = String(unsafeUninitializedCapacity: capacity) { out in
                    status = cicu_norm_normalize_utf8(
                        form.cicuForm, bytes.baseAddress, count, out.baseAddress, Int32(clamping: out.count),
                        &required)
                    return status == 0 ? Int(required) : 0
                }
                if status == ICUError.bufferOverflow && Int(required) > capacity {
                    capacity = Int(required)
                    continue
                }
                try ICUError.check(status)
                return result
            }
        }
    }

    public func isNormalized(utf8: UnsafeBufferPointer<UInt8>) throws -> Bool {
        let count = try ICUError.length32(utf8.count)
        var result = false
        try ICUError.check(cicu_norm_is_normalized_utf8(form.cicuForm, utf8.baseAddress, count, &result))
        return result
    }

    public func isNormalized(_ text: String) throws -> Bool {
        try text.withUTF8Bytes { try isNormalized(utf8: $0) }
    }

    /// Byte length of the longest prefix that is certainly normalized (quick check YES), ending at a
    /// normalization boundary and never splitting a scalar, so callers can copy it verbatim and normalize
    /// only the rest. Runs of characters below U+0800 that are normalized on their own (ASCII, most Latin,
    /// Greek, Cyrillic, Hebrew, Arabic letters for NFC) are skipped by a byte scan; ICU's quick check
    /// decides the rest, chunk by chunk. Ill-formed UTF-8 ends the prefix.
    public func normalizedPrefixLength(utf8: UnsafeBufferPointer<UInt8>) throws -> Int {
        if utf8.isEmpty { return 0 }
        var result: Int64 = 0
        try ICUError.check(
            cicu_norm_normalized_prefix_utf8(form.cicuForm, utf8.baseAddress, Int64(utf8.count), &result))
        return Int(result)
    }
}
