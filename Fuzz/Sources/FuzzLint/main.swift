import Copydesk
import FuzzSupport

nonisolated(unsafe) let normalize = try! NormalizeStage()
nonisolated(unsafe) let lint = try! LintStage(style: LintStage.loader.load("ap", searchDirectories: FuzzCheck.searchRoots))

/// The full AP lint (normalize in report mode, then every rule) on whatever the readers make of
/// the input; findings and fixes stay inside the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let decoded = try? InputDecoder.decode(FuzzCheck.bytes(data, size), path: "fuzz.txt"),
          let stories = try? ReaderRegistry.standard.readAll(decoded.source) else { return 0 }
    for var story in stories {
        // What Pipelines/lint.yml runs: normalize (its findings kept), then every AP rule.
        guard (try? normalize.normalize(&story)) != nil, (try? lint.lint(&story)) != nil else { continue }
        FuzzCheck.story(story)
        _ = FixApplier.apply(story.diagnostics.compactMap(\.fix), to: story.source.text)
    }
    return 0
}
