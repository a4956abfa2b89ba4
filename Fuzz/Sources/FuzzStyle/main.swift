import Copydesk
import Foundation
import FuzzSupport

/// The style loader and the custom-rule (regex) compiler on arbitrary YAML, then the style run on
/// a real story: loading either works or fails with a one-line configuration error, never a
/// crash; a style that loads lints within its regex budget and reports inside the file.
let folder = NSTemporaryDirectory() + "copydesk-fuzz-style-\(getpid())"
let stylePath = folder + "/style.yml"
nonisolated(unsafe) let story: Story? = {
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for root in FuzzCheck.searchRoots {
        guard let bytes = FileManager.default.contents(atPath: root + "/Examples/athens-cafe-tax.txt"),
              let decoded = try? InputDecoder.decode(Array(bytes), path: "athens-cafe-tax.txt") else { continue }
        return try? ReaderRegistry.standard.read(decoded.source)
    }
    return nil
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let story else { fatalError("Examples/athens-cafe-tax.txt not found under \(FuzzCheck.searchRoots)") }
    guard FileManager.default.createFile(atPath: stylePath, contents: Data(bytes: data, count: size)) else { return 0 }
    let stage: LintStage
    do {
        let style = try LintStage.loader.load(stylePath, searchDirectories: FuzzCheck.searchRoots)
        // Small budgets: a catastrophic pattern must end in a lint.regex-timeout, not a libFuzzer timeout.
        stage = try LintStage(style: style, regexRuleBudget: 100, regexFileBudget: 300)
    } catch let error as CopydeskError {
        precondition(!error.description.contains("\n"), "a style error is one line: \(error.description)")
        return 0
    } catch {
        preconditionFailure("a style error that is not a CopydeskError: \(error)")
    }
    var linted = story
    do {
        try stage.lint(&linted)
    } catch let error as CopydeskError {
        precondition(!error.description.contains("\n"), "a lint error is one line: \(error.description)")
        return 0
    } catch {
        return 0  // an ICU error other than a time-out is reported by the batch runner as the file's error
    }
    FuzzCheck.story(linted)
    return 0
}
