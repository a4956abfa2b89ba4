import Foundation

/// Inline suppression comments, for formats that have comments (Markdown, HTML bodies, NITF,
/// NewsML-G2):
///
/// ```
/// <!-- copydesk-disable quotes.mixed dates -->   rules (or whole families) off from here…
/// <!-- copydesk-enable quotes.mixed dates -->    …to here (no ids: every rule disabled)
/// <!-- copydesk-disable-next-line attribution.anonymous -->
/// ```
///
/// The readers keep every block's byte range in the input, so the comments are found in the
/// input text itself and a finding is dropped when its start lies in a region where its rule is
/// off. A directive naming a rule Copydesk does not know is itself reported
/// (`suppression.unknown-rule`): a misspelt id must not silently disable nothing.
public struct Suppressions: Sendable {
    /// The rule reported for an id in a directive that names no known rule or family.
    public static let unknownRule = "suppression.unknown-rule"
    /// What `suppression.unknown-rule` means, for rule lists.
    public static let unknownRuleSummary = "a copydesk-disable comment names a rule or family Copydesk does not know (it disables nothing)"

    /// Reader names whose input has `<!-- … -->` comments.
    public static let formats: Set<String> = ["markdown", "nitf", "newsml-g2", "ninjs", "html"]

    /// A byte range of the input where some rules are off; `rules` empty means every rule.
    struct Region: Sendable {
        var range: Range<Int>
        var rules: Set<String>

        func covers(_ diagnostic: Diagnostic) -> Bool {
            guard range.contains(diagnostic.range.lowerBound) else { return false }
            return rules.isEmpty || rules.contains(diagnostic.ruleID) || rules.contains(diagnostic.family)
        }
    }

    var regions: [Region] = []
    /// Byte ranges of the directive comments themselves: nothing is reported inside them.
    var comments: [Range<Int>] = []
    /// `suppression.unknown-rule` findings for ids nobody knows.
    var findings: [Diagnostic] = []

    /// Scans `text` (a file's decoded input) for directives. `knownRules` are the ids a finding
    /// may have; a directive may also name a family (`quotes`) of one of them.
    public init(text: String, knownRules: Set<String>) {
        let families = Set(knownRules.map { $0.split(separator: ".", maxSplits: 1).first.map(String.init) ?? $0 })
        var open: [String: Int] = [:]        // rule id (or "" for all) → where its region began
        let bytes = Array(text.utf8)
        let count = bytes.count
        var i = 0
        func starts(_ pattern: String, at offset: Int) -> Bool {
            let p = Array(pattern.utf8)
            guard offset + p.count <= count else { return false }
            for k in 0..<p.count where bytes[offset + k] != p[k] { return false }
            return true
        }
        func lineEnd(from offset: Int) -> Int {
            var j = offset
            while j < count, bytes[j] != 0x0A, bytes[j] != 0x0D { j += 1 }
            return j
        }
        while i + 4 <= count {
            guard bytes[i] == UInt8(ascii: "<"), starts("<!--", at: i) else { i += 1; continue }
            let bodyStart = i + 4
            var j = bodyStart
            while j + 3 <= count, !starts("-->", at: j) { j += 1 }
            guard j + 3 <= count else { break }   // an unclosed comment: nothing after it is a directive
            let commentEnd = j + 3
            defer { i = commentEnd }
            // The directive word, then ids separated by spaces or commas; `--` ends the ids
            // (room for a reason: `<!-- copydesk-disable quotes.mixed -- quoted verbatim -->`).
            var words: [(String, Range<Int>)] = []
            var k = bodyStart
            while k < j {
                while k < j, [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ",")].contains(bytes[k]) { k += 1 }
                let start = k
                while k < j, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ",")].contains(bytes[k]) { k += 1 }
                if k > start { words.append((String(decoding: bytes[start..<k], as: UTF8.self), start..<k)) }
            }
            guard let directive = words.first?.0, directive.hasPrefix("copydesk-") else { continue }
            var ids: [(String, Range<Int>)] = []
            for word in words.dropFirst() {
                if word.0 == "--" { break }
                ids.append(word)
            }
            switch directive {
            case "copydesk-disable", "copydesk-enable", "copydesk-disable-next-line", "copydesk-disable-line":
                break
            default:
                continue   // some other tool's comment, or prose that mentions copydesk
            }
            comments.append(i..<commentEnd)
            var names = Set<String>()
            for (id, range) in ids {
                if id == "*" || knownRules.contains(id) || families.contains(id) {
                    names.insert(id == "*" ? "" : id)
                } else {
                    findings.append(Diagnostic(ruleID: Self.unknownRule, severity: .warning,
                                               message: "\(directive) names an unknown rule '\(id)' (see `copydesk rules` for the ids)",
                                               range: range))
                }
            }
            // A directive whose every id is unknown disables nothing (rather than everything).
            if !ids.isEmpty && names.isEmpty { continue }
            let rules: Set<String> = names.contains("") ? [] : names
            switch directive {
            case "copydesk-disable":
                for name in (rules.isEmpty ? [""] : Array(rules)) where open[name] == nil { open[name] = commentEnd }
            case "copydesk-enable":
                let closing = rules.isEmpty ? Array(open.keys) : Array(rules)
                for name in closing {
                    guard let start = open.removeValue(forKey: name) else { continue }
                    regions.append(Region(range: start..<i, rules: name.isEmpty ? [] : [name]))
                }
            case "copydesk-disable-line":
                // The line the comment is on (an HTML comment at the end of a paragraph's line).
                var start = i
                while start > 0, bytes[start - 1] != 0x0A, bytes[start - 1] != 0x0D { start -= 1 }
                regions.append(Region(range: start..<lineEnd(from: commentEnd), rules: rules))
            default:
                // The next line that is not blank after the comment.
                var start = lineEnd(from: commentEnd)
                while start < count, [0x0A, 0x0D, 0x20, 0x09].contains(bytes[start]) { start += 1 }
                regions.append(Region(range: start..<lineEnd(from: start), rules: rules))
            }
        }
        for (name, start) in open {
            regions.append(Region(range: start..<count, rules: name.isEmpty ? [] : [name]))
        }
    }

    /// A quick test before the scan: whether `copydesk-` occurs in the text at all.
    public static func mightApply(to text: String) -> Bool {
        let needle = Array("copydesk-".utf8)
        let found: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress, bytes.count >= needle.count else { return false }
            // memchr to each 'c', then compare the rest (memmem is not in Glibc's Swift module).
            var offset = 0
            let last = bytes.count - needle.count
            while offset <= last, let hit = memchr(base + offset, Int32(needle[0]), last - offset + 1) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, needle, needle.count) == 0 { return true }
                offset = at + 1
            }
            return false
        }
        return found ?? text.contains("copydesk-")
    }

    /// Whether the text has any directive at all.
    public var isEmpty: Bool { comments.isEmpty }

    /// `diagnostics` without the suppressed ones, plus the unknown-rule findings.
    public func apply(to diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !comments.isEmpty else { return diagnostics }
        let kept = diagnostics.filter { diagnostic in
            if comments.contains(where: { $0.contains(diagnostic.range.lowerBound) }) { return false }
            return !regions.contains { $0.covers(diagnostic) }
        }
        return kept + findings
    }

    /// Every rule id a pipeline's findings may carry: the built-in lint, normalize, translation
    /// and dedup rules and the custom rules of the pipeline's lint styles.
    public static func knownRules(in pipeline: Pipeline) -> Set<String> {
        var ids = LintStage.loader.knownRuleIDs
        ids.formUnion(TranslationRules.all.map { $0.description.id })
        ids.formUnion(["dedup.new", "dedup.duplicate", "dedup.update", "dedup.related", unknownRule])
        for stage in pipeline.stages {
            if let lint = stage as? LintStage { ids.formUnion(lint.style.customRules.keys) }
        }
        return ids
    }
}
