import Copydesk
import FuzzSupport

// Two configurations: the default pipeline, and smart quotes with NFKD and unwrapping.
nonisolated(unsafe) let stages: [NormalizeStage] = {
    let declared = NormalizeStage.options
    let other = try! StageOptions(["form": .string("nfkd"), "smart-quotes": .string("en"), "unwrap": .bool(true),
                                   "nbsp": .string("space"), "dash": .string("en-spaced")],
                                  declared: declared, stageName: NormalizeStage.name)
    return [try! NormalizeStage(), try! NormalizeStage(options: other)]
}()

/// The normalize stage on decoded bytes: findings stay inside the file, the text stays valid.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let decoded = try? InputDecoder.decode(FuzzCheck.bytes(data, size), path: "fuzz.txt") else { return 0 }
    guard var story = try? PlainTextReader.read(decoded.source) else { return 0 }
    let stage = stages[size % 2]
    guard (try? stage.normalize(&story)) != nil else { return 0 }
    FuzzCheck.story(story)
    // What a fix would write: the edits applied to the file's text.
    let fixed = FixApplier.apply(story.diagnostics.compactMap(\.fix), to: story.source.text)
    precondition(fixed.text.utf8.count >= 0)
    return 0
}
