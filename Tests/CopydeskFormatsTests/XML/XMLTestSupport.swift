import CopydeskCore
import CopydeskFormats
import Foundation

/// Shared fixtures for the XML reader tests.
enum XMLFixtures {
    /// `../shared/samples` next to the package root (the first ancestor with a Package.swift).
    static func samplesDirectory(filePath: String = #filePath) -> URL {
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory.deletingLastPathComponent().appendingPathComponent("shared/samples")
            }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: "../shared/samples")
    }

    static func sample(_ relativePath: String) throws -> SourceFile {
        let url = samplesDirectory().appendingPathComponent(relativePath)
        let text = try String(contentsOf: url, encoding: .utf8)
        return SourceFile(path: url.path, text: text)
    }

    /// The 1-based line of the file where a block's text starts.
    static func line(of block: TextBlock, in source: SourceFile) -> Int {
        source.location(of: block.text.sourceRange.lowerBound).line
    }

    /// The input error message thrown by `body`, or nil.
    static func inputError(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let CopydeskError.input(_, message) {
            return message
        } catch {
            return "unexpected error: \(error)"
        }
    }
}

import Testing

extension XMLFixtures {
    /// Every piece of every block maps to the right bytes: verbatim pieces are byte-for-byte the
    /// file, decoded pieces cover a reference (`&…;`), a whitespace run or a `<br/>` tag.
    static func expectExactMapping(_ story: Story, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let file = Array(story.source.text.utf8)
        for block in story.blocks {
            let bytes = Array(block.string.utf8)
            var offset = 0
            for piece in block.text.pieces {
                let text = bytes[offset..<(offset + piece.length)]
                let source = file[piece.source]
                switch piece.kind {
                case .verbatim:
                    #expect(Array(text) == Array(source), "verbatim piece differs from the file in \(block.kind)", sourceLocation: sourceLocation)
                case .decoded:
                    let isReference = source.first == UInt8(ascii: "&") && source.last == UInt8(ascii: ";")
                    let isSpace = text.elementsEqual([0x20]) && (source.allSatisfy { [0x20, 0x09, 0x0A, 0x0D].contains($0) } || source.starts(with: Array("<br".utf8)))
                    let isCellSeparator = text.elementsEqual([0x09]) && (source.starts(with: Array("<td".utf8)) || source.starts(with: Array("<th".utf8)))
                    #expect(isReference || isSpace || isCellSeparator, "decoded piece \(String(decoding: source, as: UTF8.self)) in \(block.kind)", sourceLocation: sourceLocation)
                case .edited:
                    Issue.record("a reader produced an edited piece", sourceLocation: sourceLocation)
                }
                offset += piece.length
            }
            #expect(offset == bytes.count, sourceLocation: sourceLocation)
        }
    }
}
