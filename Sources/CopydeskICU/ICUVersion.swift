import CICU

/// The ICU library actually linked, for diagnostics and for pinning tests to ICU's data.
public enum ICUVersion {
    /// u_getVersion, e.g. "72.1".
    public static var string: String {
        var buffer = [CChar](repeating: 0, count: 32)
        cicu_version(&buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
