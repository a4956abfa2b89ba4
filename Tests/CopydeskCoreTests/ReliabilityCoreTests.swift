import CopydeskTestSupport
import Copydesk
import Foundation
import Testing

/// Core properties on generated text: the map from a changed text back to its file, and fix
/// application, never lose or misplace a byte.
@Suite struct ReliabilityCoreTests {
    /// Scalar boundaries of a text, as byte offsets (0 and the end included).
    static func boundaries(_ text: String) -> [Int] {
        var result = [0], offset = 0
        for scalar in text.unicodeScalars { offset += UTF8.width(scalar); result.append(offset) }
        return result
    }

    /// Random sorted, non-overlapping edits on scalar boundaries: insertions, deletions, replacements.
    static func edits(for text: String, using generator: inout WireTextGenerator) -> [TextEdit] {
        let cuts = boundaries(text)
        var edits: [TextEdit] = []
        var position = 0
        for _ in 0..<Int.random(in: 0...5, using: &generator) {
            let candidates = cuts.filter { $0 >= position }
            guard !candidates.isEmpty else { break }
            let lower = candidates[Int.random(in: 0..<min(candidates.count, 12), using: &generator)]
            let rest = cuts.filter { $0 >= lower }
            let upper = rest[Int.random(in: 0..<min(rest.count, 4), using: &generator)]
            let replacement = Bool.random(using: &generator) ? "" : generator.fragment()
            // Two insertions at one place are ambiguous; keep them apart.
            if let last = edits.last, last.range.isEmpty, lower == last.range.lowerBound, upper == lower { continue }
            edits.append(TextEdit(range: lower..<upper, replacement: replacement))
            position = upper == lower ? upper + 1 : upper
        }
        return edits
    }

    @Test func mappedTextSourceEditsReproduceTheText() throws {
        var failures = 0
        WireTextGenerator.forAllSync(quick: 400) { generator, seed in
            guard failures < 3 else { return }
            let original = generator.text(maxFragments: 20)
            var mapped = MappedText(verbatim: original, sourceOffset: 0)
            for round in 0..<Int.random(in: 1...4, using: &generator) {
                let edits = Self.edits(for: mapped.text, using: &generator)
                let before = mapped.text
                mapped.apply(edits)
                let expected = FixApplier.apply(edits: edits, to: before)
                if !mapped.text.utf8.elementsEqual(expected.utf8) {
                    failures += 1
                    Issue.record("seed \(seed) round \(round): apply gave \(escaped(mapped.text)), expected \(escaped(expected))")
                    return
                }
                // Every change, expressed on the file, turns the file into the current text.
                let rebuilt = FixApplier.apply(edits: mapped.sourceEdits, to: original)
                if !rebuilt.utf8.elementsEqual(mapped.text.utf8) {
                    failures += 1
                    Issue.record("seed \(seed) round \(round): sourceEdits rebuild \(escaped(rebuilt)), text is \(escaped(mapped.text)) (original \(escaped(original)))")
                    return
                }
                let whole = mapped.sourceRange
                if whole.lowerBound < 0 || whole.upperBound > original.utf8.count {
                    failures += 1
                    Issue.record("seed \(seed): source range \(whole) outside the file (\(original.utf8.count) bytes)")
                    return
                }
            }
        }
    }

    @Test func fixApplierKeepsEveryUncoveredByteAndNeverOverlaps() throws {
        WireTextGenerator.forAllSync(quick: 400) { generator, seed in
            let text = generator.text(maxFragments: 20)
            // Fixes from several independent edit lists: they may overlap one another.
            let fixes = (0..<3).map { _ in Fix(edits: Self.edits(for: text, using: &generator)) }
            let result = FixApplier.apply(fixes, to: text)
            #expect(result.applied + result.skipped == fixes.filter { !$0.edits.isEmpty }.count, "seed \(seed)")
            #expect(String(validating: Array(result.text.utf8), as: UTF8.self) != nil, "seed \(seed)")
            // Applying the same fixes again to the result is not meaningful; but applying none is identity.
            #expect(FixApplier.apply([], to: text).text == text)
        }
    }

    @Test func sourceFileLocationsAgreeWithOffsets() throws {
        WireTextGenerator.forAllSync(quick: 300) { generator, seed in
            let text = generator.text(maxFragments: 30)
            let source = SourceFile(path: "story.txt", text: text)
            let bytes = Array(text.utf8)
            for offset in Self.boundaries(text) {
                let location = source.location(of: offset)
                var line = 1, lineStart = 0, index = 0
                while index < offset {
                    if bytes[index] == 0x0A { line += 1; lineStart = index + 1 } else if bytes[index] == 0x0D {
                        if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1; if index == offset { break } }
                        line += 1; lineStart = index + 1
                    }
                    index += 1
                }
                if index > offset { lineStart = min(lineStart, offset) }
                let prefix = String(decoding: bytes[min(lineStart, offset)..<offset], as: UTF8.self)
                if location.line != line || location.column != prefix.unicodeScalars.count + 1 || location.utf16Column != prefix.utf16.count + 1 {
                    Issue.record("seed \(seed): offset \(offset) at \(location.line):\(location.column), expected \(line):\(prefix.unicodeScalars.count + 1) in \(escaped(text))")
                    return
                }
            }
        }
    }
}

extension WireTextGenerator {
    static func forAllSync(quick: Int, _ body: (inout WireTextGenerator, UInt64) throws -> Void) rethrows {
        let base = baseSeed
        for index in 0..<iterations(quick: quick) {
            let seed = base &+ UInt64(index) &* 0x1_0000_0001
            var generator = WireTextGenerator(seed: seed)
            try body(&generator, seed)
        }
    }
}
