/// Lines a desk drops or adds as a matter of course, which are neither omissions nor additions:
/// agency credits and trailers (`ΑΠΕ-ΜΠΕ`, `/ТАСС/`, `(Reporting by …)`), source lines, editor's
/// notes, and blocks the reader marked as bylines or datelines.
///
/// The patterns are data: `omission.expected-lines` (lines of the original a translation may
/// leave out) and `addition.expected-lines` (lines a translation may add) in the profile's
/// `settings:`. A pattern matches a short block (at most 300 bytes) that begins with it, ignoring
/// case; a pattern ending in a letter or digit must end at a word boundary. The aligner sets
/// these blocks aside, and the omission and addition rules do not report them.
struct DeskLines: Sendable {
    static let sourceKey = "omission.expected-lines"
    static let targetKey = "addition.expected-lines"
    static let maximumBytes = 300

    var source: [String]
    var target: [String]

    init(profile: TranslationProfile) {
        source = profile.strings(Self.sourceKey).map { $0.lowercased() }.filter { !$0.isEmpty }
        target = profile.strings(Self.targetKey).map { $0.lowercased() }.filter { !$0.isEmpty }
    }

    init() {
        source = []
        target = []
    }

    func isSourceDeskLine(_ block: TranslationDocument.Block) -> Bool { matches(block, source) }
    func isTargetDeskLine(_ block: TranslationDocument.Block) -> Bool { matches(block, target) }

    private func matches(_ block: TranslationDocument.Block, _ patterns: [String]) -> Bool {
        if block.kind == .byline || block.kind == .dateline { return true }
        guard block.bytes.count <= Self.maximumBytes, !patterns.isEmpty else { return false }
        let text = Substring(block.text.lowercased()).drop { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
        for pattern in patterns where text.hasPrefix(pattern) {
            guard let last = pattern.last, last.isLetter || last.isNumber else { return true }
            let rest = text.dropFirst(pattern.count)
            if let next = rest.first, next.isLetter || next.isNumber { continue }
            return true
        }
        return false
    }
}
