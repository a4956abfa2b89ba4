import CopydeskTestSupport
import Copydesk
import Foundation
import Testing

/// Properties that must hold for any input, checked on generated wire-ish text. The quick
/// versions run in `swift test`; `COPYDESK_PROPERTY_ITERATIONS=100000 swift test --filter Reliability`
/// runs the long ones.
@Suite struct ReliabilityPropertyTests {
    static let projectRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func lintRunner() throws -> BatchRunner {
        let pipeline = try Pipeline.load(path: projectRoot + "/Pipelines/lint.yml", registry: .standard)
        return BatchRunner(pipeline: pipeline, mode: .report, maximumConcurrency: 1)
    }

    /// Collects failures and stops a property after a few, so one bug does not print a thousand.
    final class Failures: @unchecked Sendable {
        var count = 0
        func record(_ message: String, seed: UInt64) {
            count += 1
            if count <= 3 { Issue.record("seed \(seed) (COPYDESK_PROPERTY_SEED replays the run): \(message)") }
        }
        var stop: Bool { count >= 3 }
    }

    // MARK: normalize is idempotent, for every form

    @Test(arguments: ["nfc", "nfd", "nfkc", "nfkd", "nfkc-casefold", "none"])
    func normalizeIsIdempotent(form: String) async throws {
        let failures = Failures()
        let normalizer = try NormalizationForm(rawValue: form).map { try Normalizer(form: $0) }
        try await WireTextGenerator.forAll(quick: 60) { generator, seed in
            guard !failures.stop else { return }
            let input = generator.text()
            let options: [String: ConfigValue] = ["form": .string(form)]
            let once = try await normalizeText(input, options: options).text
            let twice = try await normalizeText(once, options: options).text
            if !once.utf8.elementsEqual(twice.utf8) {  // bytes: == is canonical equivalence
                failures.record("normalize(\(form)) not idempotent\n input: \(escaped(input))\n once:  \(escaped(once))\n twice: \(escaped(twice))", seed: seed)
            }
            // The output is in the form asked for, and valid UTF-8 with no character made up.
            if let normalizer, try !normalizer.isNormalized(once) {
                failures.record("normalize(\(form)) output not in \(form)\n input: \(escaped(input))\n once:  \(escaped(once))", seed: seed)
            }
            if once.contains("\u{FFFD}") && !input.contains("\u{FFFD}") {
                failures.record("normalize(\(form)) made up a U+FFFD\n input: \(escaped(input))", seed: seed)
            }
        }
    }

    @Test func normalizeIsIdempotentWithEveryOptionOn() async throws {
        let failures = Failures()
        let options: [String: ConfigValue] = ["smart-quotes": .string("en"), "unwrap": .bool(true), "nbsp": .string("space"),
                                              "dash": .string("en-spaced"), "tabs": .string("keep")]
        try await WireTextGenerator.forAll(quick: 60) { generator, seed in
            guard !failures.stop else { return }
            let input = generator.text()
            let once = try await normalizeText(input, options: options).text
            let twice = try await normalizeText(once, options: options).text
            if !once.utf8.elementsEqual(twice.utf8) {  // bytes: == is canonical equivalence
                failures.record("normalize (smart quotes, unwrap) not idempotent\n input: \(escaped(input))\n once:  \(escaped(once))\n twice: \(escaped(twice))", seed: seed)
            }
        }
    }

    // MARK: fixes are local, keep UTF-8 and the form, and are idempotent

    @Test func fixesAreLocalAndIdempotent() async throws {
        let runner = try Self.lintRunner()
        let fixer = Fixer(runner: runner)
        let nfc = try Normalizer(form: .nfc)
        let failures = Failures()
        try await WireTextGenerator.forAll(quick: 60) { generator, seed in
            guard !failures.stop else { return }
            let input = generator.text()
            // One pass by hand: every edit inside the text and on scalar boundaries, and every
            // byte no fix covers kept, in order.
            let first = await runner.process(bytes: Array(input.utf8), path: "story.txt")
            guard let story = first.story else { failures.record("lint failed: \(String(describing: first.error))", seed: seed); return }
            let text = story.source.text
            let fixes = first.diagnostics.compactMap(\.fix)
            let bytes = Array(text.utf8)
            for fix in fixes {
                for edit in fix.edits {
                    guard edit.range.lowerBound >= 0, edit.range.upperBound <= bytes.count else {
                        failures.record("fix edit \(edit.range) outside the text (\(bytes.count) bytes) in \(escaped(text))", seed: seed); return
                    }
                    for boundary in [edit.range.lowerBound, edit.range.upperBound] where boundary < bytes.count && bytes[boundary] & 0xC0 == 0x80 {
                        failures.record("fix edit \(edit.range) splits a character in \(escaped(text))", seed: seed); return
                    }
                }
            }
            let applied = FixApplier.apply(fixes, to: text)
            if let problem = Self.untouchedBytesKept(original: bytes, fixed: Array(applied.text.utf8), fixes: fixes) {
                failures.record("\(problem)\n input: \(escaped(text))\n fixed: \(escaped(applied.text))", seed: seed); return
            }
            // The whole --fix, twice: the second changes nothing; the result is NFC, valid UTF-8.
            let once = await fixer.fix(bytes: Array(input.utf8), path: "story.txt")
            let again = await fixer.fix(bytes: Array(once.fixed.utf8), path: "story.txt")
            if again.changed {
                failures.record("second --fix changed the text\n input: \(escaped(input))\n once:  \(escaped(once.fixed))\n twice: \(escaped(again.fixed))", seed: seed)
            }
            if String(validating: Array(once.fixed.utf8), as: UTF8.self) == nil || (once.fixed.contains("\u{FFFD}") && !input.contains("\u{FFFD}")) {
                failures.record("fixed text is not valid UTF-8: \(escaped(once.fixed))", seed: seed)
            }
            if try !nfc.isNormalized(once.fixed) {
                failures.record("fixed text is not NFC\n input: \(escaped(input))\n fixed: \(escaped(once.fixed))", seed: seed)
            }
        }
    }

    /// Splits the original at the bytes any fix covers: the uncovered stretches must appear in the
    /// fixed text in order, the first as its prefix and the last as its suffix.
    static func untouchedBytesKept(original: [UInt8], fixed: [UInt8], fixes: [Fix]) -> String? {
        let end = original.count
        var covered = [Bool](repeating: false, count: original.count + 1)
        var splits = Set<Int>()
        for edit in fixes.flatMap(\.edits) {
            if edit.range.isEmpty { splits.insert(edit.range.lowerBound) }
            for index in edit.range { covered[index] = true }
        }
        var segments: [ArraySlice<UInt8>] = []
        var start = 0
        for index in 0...original.count {
            if splits.contains(index), index > start { segments.append(original[start..<index]); start = index }
            if index == original.count || covered[index] {
                segments.append(original[start..<index])
                start = index + 1
            }
        }
        // Insertions sit between bytes: a stretch may be split by one, so search each in turn.
        var cursor = 0
        for (number, segment) in segments.enumerated() where !segment.isEmpty {
            if number == 0, !splits.contains(0) {
                guard fixed.starts(with: segment) else { return "the text before the first fix changed" }
                cursor = segment.count
                continue
            }
            guard let found = find(segment, in: fixed, from: cursor) else { return "a stretch no fix covers (\(segment.count) bytes) changed or moved" }
            cursor = found + segment.count
        }
        if let last = segments.last, !last.isEmpty, !splits.contains(end), !fixed.suffix(last.count).elementsEqual(last) {
            return "the text after the last fix changed"
        }
        return nil
    }

    static func find(_ needle: ArraySlice<UInt8>, in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count - from else { return nil }
        var index = from
        while index + needle.count <= haystack.count {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    // MARK: every diagnostic lies inside the input, and its line and column agree with its offset

    @Test func diagnosticsLieInsideTheInputAtTheirLineAndColumn() async throws {
        let runner = try Self.lintRunner()
        let failures = Failures()
        await WireTextGenerator.forAll(quick: 80) { generator, seed in
            guard !failures.stop else { return }
            let input = generator.text()
            let result = await runner.process(bytes: Array(input.utf8), path: "story.txt")
            guard let story = result.story else { failures.record("lint failed: \(String(describing: result.error))", seed: seed); return }
            let source = story.source
            let bytes = Array(source.text.utf8)
            for diagnostic in result.diagnostics {
                let range = diagnostic.range
                guard range.lowerBound >= 0, range.upperBound <= bytes.count else {
                    failures.record("\(diagnostic.ruleID) range \(range) outside 0..<\(bytes.count) in \(escaped(source.text))", seed: seed); return
                }
                for boundary in [range.lowerBound, range.upperBound] where boundary < bytes.count && bytes[boundary] & 0xC0 == 0x80 {
                    failures.record("\(diagnostic.ruleID) range \(range) splits a character in \(escaped(source.text))", seed: seed); return
                }
                let expected = Self.lineAndColumn(of: range.lowerBound, in: bytes)
                let location = source.location(of: range.lowerBound)
                if location.line != expected.line || location.column != expected.column || location.utf16Column != expected.utf16 {
                    failures.record("\(diagnostic.ruleID) at \(range.lowerBound): \(location.line):\(location.column) (UTF-16 \(location.utf16Column)), expected \(expected)", seed: seed); return
                }
            }
        }
    }

    /// Line and column counted from the start, independently of `SourceFile`: LF, CRLF and CR end a line.
    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int, utf16: Int) {
        var line = 1, lineStart = 0, index = 0
        while index < offset {
            if bytes[index] == 0x0A {
                line += 1; lineStart = index + 1
            } else if bytes[index] == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    if index + 1 == offset { break }  // an offset between CR and LF belongs to the CR's line
                    index += 1
                }
                line += 1; lineStart = index + 1
            }
            index += 1
        }
        let prefix = String(decoding: bytes[lineStart..<offset], as: UTF8.self)
        return (line, prefix.unicodeScalars.count + 1, prefix.utf16.count + 1)
    }
}
