import Copydesk
import Foundation

/// Copydesk findings as LanguageTool matches: offsets and lengths in UTF-16 code units of the
/// submitted text (or of the `data` document), a replacement from each safe fix, the context
/// window and the sentence around each match.
struct LanguageToolMatches {
    /// Characters of context on each side, as LanguageTool's server gives by default.
    static let contextSize = 40

    let source: SourceFile
    /// UTF-16 units the submitted text has before `source.text` starts (a byte-order mark the
    /// decoder took off).
    let leadingUnits: Int
    let annotated: AnnotatedText?
    let rules: [String: RuleInfo]

    func matches(_ diagnostics: [Diagnostic], keep: (Diagnostic) -> Bool) -> [LanguageToolResponse.Match] {
        let kept = diagnostics.filter(keep)
        let spans = kept.map(span)
        let offsets = TextOffsets(text: source.text, byteOffsets: spans.flatMap { [$0.lowerBound, $0.upperBound] })
        let units = Array(source.text.utf16)
        var text = source.text
        return text.withUTF8 { bytes in
            var matches: [LanguageToolResponse.Match] = []
            for (diagnostic, span) in zip(kept, spans) {
                let start = offsets.utf16(span.lowerBound), end = offsets.utf16(span.upperBound)
                var offset = start + leadingUnits, length = end - start
                if let annotated {
                    let originalStart = annotated.originalStart(offset)
                    offset = originalStart
                    length = max(0, annotated.originalEnd(end + leadingUnits) - originalStart)
                }
                let category = IssueTypes.category(rule: diagnostic.ruleID)
                let description = rules[diagnostic.ruleID]?.summary ?? diagnostic.ruleID
                matches.append(LanguageToolResponse.Match(
                    message: diagnostic.message,
                    shortMessage: description,
                    replacements: replacement(diagnostic, span: span).map { [.init(value: $0)] } ?? [],
                    offset: offset,
                    length: length,
                    context: context(units, start: start, end: end),
                    sentence: sentence(bytes, span: span),
                    type: .init(typeName: IssueTypes.typeName(rule: diagnostic.ruleID, severity: diagnostic.severity)),
                    rule: .init(id: diagnostic.ruleID, description: description,
                                issueType: IssueTypes.issueType(rule: diagnostic.ruleID),
                                category: .init(id: category.id, name: category.name))))
            }
            return matches.sorted { ($0.offset, $0.length, $0.rule.id) < ($1.offset, $1.length, $1.rule.id) }
        }
    }

    /// What a match covers: the finding's range, widened to its fix's edits so the replacement
    /// replaces exactly the matched text.
    func span(_ diagnostic: Diagnostic) -> Range<Int> {
        let count = source.byteCount
        var lower = diagnostic.range.lowerBound, upper = diagnostic.range.upperBound
        if let fix = diagnostic.fix, !fix.edits.isEmpty {
            lower = min(lower, fix.coveredRange.lowerBound)
            upper = max(upper, fix.coveredRange.upperBound)
        }
        lower = min(max(0, lower), count)
        return lower..<min(max(lower, upper), count)
    }

    /// The matched text with the fix's edits applied, or nil for a finding without a safe fix.
    func replacement(_ diagnostic: Diagnostic, span: Range<Int>) -> String? {
        guard let fix = diagnostic.fix, !fix.edits.isEmpty else { return nil }
        var out = ""
        var position = span.lowerBound
        for edit in fix.edits {
            out += source.slice(position..<edit.range.lowerBound)
            out += edit.replacement
            position = edit.range.upperBound
        }
        out += source.slice(position..<span.upperBound)
        return out
    }

    /// Up to `contextSize` UTF-16 units either side, line breaks shown as spaces, "..." where cut.
    func context(_ units: [UInt16], start: Int, end: Int) -> LanguageToolResponse.Context {
        var from = max(0, start - Self.contextSize), to = min(units.count, end + Self.contextSize)
        // Never cut a surrogate pair in half.
        if from > 0, from < units.count, UTF16.isTrailSurrogate(units[from]) { from -= 1 }
        if to < units.count, to > 0, UTF16.isLeadSurrogate(units[to - 1]) { to += 1 }
        // Line breaks as spaces, unit for unit, so the offset still counts right.
        var window = Array(units[from..<to])
        for index in window.indices where window[index] == 0x0A || window[index] == 0x0D { window[index] = 0x20 }
        var text = String(decoding: window, as: UTF16.self)
        var offset = start - from
        if from > 0 { text = "..." + text; offset += 3 }
        if to < units.count { text += "..." }
        return .init(text: text, offset: offset, length: end - start)
    }

    /// The sentence around a match: from the end of the previous sentence (". ", "! ", "? " or a
    /// line break) to the end of this one, at most 500 bytes each way, spaces and tabs trimmed.
    /// Read on the UTF-8 bytes: every delimiter is ASCII, so a cut never splits a character
    /// except at the 500-byte limit, which is moved back to a character boundary.
    func sentence(_ bytes: UnsafeBufferPointer<UInt8>, span: Range<Int>) -> String {
        let count = bytes.count
        func isBreak(_ index: Int) -> Bool { bytes[index] == 0x0A || bytes[index] == 0x0D }
        func endsSentence(_ index: Int) -> Bool {
            let byte = bytes[index]
            return (byte == 0x2E || byte == 0x21 || byte == 0x3F) && index + 1 < count && (bytes[index + 1] == 0x20 || isBreak(index + 1))
        }
        func isContinuation(_ index: Int) -> Bool { index < count && bytes[index] & 0xC0 == 0x80 }
        var from = min(span.lowerBound, count)
        let floor = max(0, from - 500)
        while from > floor, !isBreak(from - 1), !(from >= 2 && endsSentence(from - 2)) { from -= 1 }
        while from < count, isContinuation(from) { from += 1 }
        var to = max(min(span.upperBound, count), from)
        let ceiling = min(count, to + 500)
        while to < ceiling, !isBreak(to) {
            if endsSentence(to) { to += 1; break }
            to += 1
        }
        while to > from, isContinuation(to) { to -= 1 }
        func isBlank(_ index: Int) -> Bool { bytes[index] == 0x20 || bytes[index] == 0x09 }
        while from < to, isBlank(from) { from += 1 }
        while to > from, isBlank(to - 1) { to -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
    }
}
