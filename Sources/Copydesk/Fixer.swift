/// Applies every safe fix a pipeline offers, re-running it until nothing more can be fixed.
///
/// Each pass takes the non-overlapping fixes (`FixApplier`) and runs the pipeline again on the
/// result, so fixes that overlapped in one pass land in the next; it stops when a pass offers no
/// fix or changes nothing, and after `maximumPasses` at most.
public struct Fixer: Sendable {
    public var runner: BatchRunner
    public var maximumPasses: Int

    public init(runner: BatchRunner, maximumPasses: Int = 10) {
        var reporting = runner
        reporting.mode = .report
        self.runner = reporting
        self.maximumPasses = maximumPasses
    }

    public struct Outcome: Sendable {
        /// The input file's decoded text.
        public var original: String
        public var fixed: String
        public var appliedFixes: Int
        /// The pipeline's result on the fixed text: what is left for an editor.
        public var remaining: BatchRunner.Result
        /// The charset the input was decoded from; the fixed text is always UTF-8.
        public var originalEncoding: String?

        /// Byte for byte: Swift's `==` on strings is canonical equivalence, under which a fix that
        /// only changes the normalization form (e + U+0301 to é) would count as no change.
        public var changed: Bool { !fixed.utf8.elementsEqual(original.utf8) }
    }

    public func fix(path: String) async -> Outcome {
        let first = await runner.process(path: path)
        return await iterate(from: first, path: first.path)
    }

    public func fix(bytes: [UInt8], path: String) async -> Outcome {
        let first = await runner.process(bytes: bytes, path: path)
        return await iterate(from: first, path: path)
    }

    private func iterate(from first: BatchRunner.Result, path: String) async -> Outcome {
        guard let story = first.story else {
            return Outcome(original: "", fixed: "", appliedFixes: 0, remaining: first, originalEncoding: nil)
        }
        let original = story.source.text
        var text = original
        var result = first
        var applied = 0
        // After the first pass the text is UTF-8 whatever the input was.
        var utf8Runner = runner
        utf8Runner.encoding = "UTF-8"
        for _ in 0..<maximumPasses {
            var fixes = result.diagnostics.compactMap(\.fix)
            // In an XML file (NITF, NewsML-G2, XLIFF) a fix's text goes in escaped.
            if SourceEditWriter.xmlFormats.contains(result.story?.metadata.sourceFormat ?? "") {
                fixes = fixes.map { Fix(edits: $0.edits.map { TextEdit(range: $0.range, replacement: SourceEditWriter.escapeXML($0.replacement)) }) }
            }
            guard !fixes.isEmpty else { break }
            let outcome = FixApplier.apply(fixes, to: text)
            guard outcome.applied > 0, !outcome.text.utf8.elementsEqual(text.utf8) else { break }
            applied += outcome.applied
            text = outcome.text
            result = await utf8Runner.process(bytes: Array(text.utf8), path: path)
        }
        return Outcome(original: original, fixed: text, appliedFixes: applied, remaining: result, originalEncoding: story.metadata.encoding)
    }
}
