import Copydesk
import FuzzSupport

/// The decoder on arbitrary bytes: BOMs, UTF-8 validation, charset detection and conversion.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = FuzzCheck.bytes(data, size)
    // The first byte picks a forced charset now and then, to reach the ICU converters directly.
    let charsets = ["auto", "auto", "auto", "auto", "UTF-8", "windows-1251", "UTF-16", "ISO-8859-7", "KOI8-R", "Shift_JIS", "GB18030", "UTF-16BE"]
    let charset = size > 0 ? charsets[Int(data[0]) % charsets.count] : "auto"
    guard let result = try? InputDecoder.decode(bytes, path: "fuzz.txt", encoding: charset) else { return 0 }
    FuzzCheck.diagnostics(result.diagnostics, in: result.source)
    return 0
}
