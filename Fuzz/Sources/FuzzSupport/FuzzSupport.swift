import Copydesk
import Foundation

/// Checks shared by the fuzz targets: a violated invariant is a crash, which libFuzzer keeps as
/// a reproducer (`crash-…` file) like any other.
public enum FuzzCheck {
    /// Text the readers get: the bytes as UTF-8 with ill-formed parts replaced, as after decoding.
    public static func source(_ data: UnsafePointer<UInt8>, _ size: Int, path: String = "fuzz.txt") -> SourceFile {
        SourceFile(path: path, text: String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    }

    public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Every block maps into the file, every diagnostic and fix edit lies inside it.
    public static func story(_ story: Story) {
        let count = story.source.byteCount
        for block in story.blocks {
            let range = block.text.sourceRange
            precondition(range.lowerBound >= 0 && range.upperBound <= count, "block maps outside the file: \(range) of \(count)")
            precondition(block.text.pieces.reduce(0) { $0 + $1.length } == block.text.byteCount, "pieces do not cover the block")
            for piece in block.text.pieces {
                precondition(piece.source.lowerBound >= 0 && piece.source.upperBound <= count, "piece maps outside the file")
            }
        }
        diagnostics(story.diagnostics, in: story.source)
    }

    public static func diagnostics(_ diagnostics: [Diagnostic], in source: SourceFile) {
        let count = source.byteCount
        for diagnostic in diagnostics {
            precondition(diagnostic.range.lowerBound >= 0 && diagnostic.range.upperBound <= count,
                         "\(diagnostic.ruleID) range \(diagnostic.range) outside 0..<\(count)")
            let location = source.location(of: diagnostic.range.lowerBound)
            precondition(location.offset == diagnostic.range.lowerBound)
            precondition(location.line >= 1 && location.line <= source.lineStarts.count)
            for edit in diagnostic.fix?.edits ?? [] {
                precondition(edit.range.lowerBound >= 0 && edit.range.upperBound <= count,
                             "\(diagnostic.ruleID) fix edit \(edit.range) outside 0..<\(count)")
            }
        }
    }

    /// The style files: `$COPYDESK_HOME` (set by run.sh) or the main package beside Fuzz/.
    public static var searchRoots: [String] {
        var roots = DataFiles.searchRoots()
        roots.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..").standardized.path)
        return roots
    }
}
