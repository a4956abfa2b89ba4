import CopydeskCore
import Foundation

/// Sample files for the wire-format reader tests: `../shared/samples` beside the project root
/// (the first folder above this file that holds a `Package.swift`).
enum WireSamples {
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.appendingPathComponent("../shared/samples").standardizedFileURL.path
            }
            url = url.deletingLastPathComponent()
        }
        return "/work/shared/samples"
    }()

    /// A sample as the input step gives it to a reader (these samples are ASCII/UTF-8).
    static func source(_ relativePath: String) throws -> SourceFile {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + relativePath))
        return SourceFile(path: relativePath, text: String(decoding: data, as: UTF8.self))
    }

    static func ninjsFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory + "/ninjs").filter { $0.hasSuffix(".json") }.sorted()
    }
}

extension SourceFile {
    /// 1-based line of a byte offset.
    func wireLine(_ offset: Int) -> Int { location(of: offset).line }
}

extension MappedText {
    /// The file bytes a piece stands for.
    func wireSourceText(_ piece: Piece, in source: SourceFile) -> String { String(source.slice(piece.source)) }
}
