import Copydesk
import FuzzSupport

/// ANPAReader on arbitrary text: it either reads stories that map into the file or throws.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = FuzzCheck.source(data, size, path: "fuzz.ap")
    _ = ANPAReader.confidence(for: source)
    guard let stories = try? ANPAReader.readAll(source) else { return 0 }
    for story in stories { FuzzCheck.story(story) }
    return 0
}
