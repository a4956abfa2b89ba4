import CopydeskCore

/// `translation.brackets`: parentheses, square brackets and braces agree between an original
/// and its translation, pair by aligned pair, and balance in the translation.
///
/// Reported: a bracketed aside of the original missing from the translation (at the start of the
/// paragraph, quoting the original's), one the translation adds (at its opening bracket), a
/// nesting that differs, and in the translation a bracket never closed or a closing one that
/// closes nothing, when the original balances there. "1)", "a)" opening a list item are not
/// stray brackets. pofilter's `brackets` check counts the marks of a whole unit; this one pairs
/// them, so "{[(" against "[({" agrees (both unbalanced alike) and a translation that moves a
/// parenthesis within the paragraph is fine.
struct TranslationBracketsRule: TranslationRule {
    static let description = TranslationRuleDescription(
        id: "translation.brackets",
        summary: "brackets of the original missing, added or unbalanced in the translation",
        severity: .warning,
        triggering: [
            TranslationExample("el", "Ο Οργανισμός Συνεργασίας της Σαγκάης (ΟΣΣ) ιδρύθηκε το 2001.",
                               "en", "↓The Shanghai Cooperation Organization was founded in 2001."),
            TranslationExample("fr", "Elle réunit la Chine, la Russie, quatre États d'Asie centrale (Kazakhstan, Kirghizstan, Ouzbékistan et Tadjikistan), l'Inde et le Pakistan.",
                               "en", "It brings together China, Russia, four Central Asian states ↓(Kazakhstan, Kyrgyzstan, Uzbekistan and Tajikistan, India and Pakistan."),
            TranslationExample("ru", "Президент заявил, что Россия не будет изолирована.",
                               "en", "The president said Russia would not be isolated ↓(as Western capitals hope)."),
        ],
        nonTriggering: [
            TranslationExample("el", "Ο Οργανισμός Συνεργασίας της Σαγκάης (ΟΣΣ) ιδρύθηκε το 2001 [σ.σ. στη Σαγκάη].",
                               "en", "The Shanghai Cooperation Organization (SCO) was founded in 2001 [in Shanghai]."),
            TranslationExample("fr", "Les mesures sont les suivantes : 1) un gel des prix ; 2) une aide aux ménages.",
                               "en", "The measures are: 1) a price freeze; 2) aid to households."),
            TranslationExample("ru", "Саммит станет первым «реальным» (то есть очным) саммитом после пандемии.",
                               "en", "It will be the first real (ie in-person) summit since the pandemic."),
        ])

    init(profile: TranslationProfile) throws {}

    struct Side {
        var pairs: [(block: Int, pair: BracketScan.Pair, bytes: [UInt8])] = []
        var unclosed: [(block: Int, offset: Int)] = []
        var stray: [(block: Int, offset: Int)] = []
        var maxDepth = 0

        init(_ indices: [Int], _ blocks: [TranslationDocument.Block]) {
            for index in indices where blocks.indices.contains(index) {
                let bytes = blocks[index].bytes
                let scan = BracketScan(bytes, range: 0..<bytes.count)
                // A dateline's credit (`MOSCOW, March 12 (TASS) —`) follows each desk's style,
                // not the original (`/ТАСС/.`): it is no bracket of the text.
                pairs += scan.pairs.filter { !Self.isDatelineCredit($0, in: bytes) }.map { (index, $0, bytes) }
                unclosed += scan.unclosed.map { (index, $0.0) }
                stray += scan.stray.map { (index, $0.0) }
                maxDepth = max(maxDepth, scan.maxDepth)
            }
            pairs.sort { ($0.block, $0.pair.open) < ($1.block, $1.pair.open) }
        }

        /// Parentheses near the start of a paragraph closed right before the dateline's dash.
        static func isDatelineCredit(_ pair: BracketScan.Pair, in bytes: [UInt8]) -> Bool {
            guard pair.open < 120, bytes[pair.open] == UInt8(ascii: "(") else { return false }
            var next = pair.close + 1
            while next < bytes.count, bytes[next] == UInt8(ascii: " ") { next += 1 }
            guard next < bytes.count else { return false }
            if bytes[next] == UInt8(ascii: "-") { return true }
            // — (E2 80 94) and – (E2 80 93)
            return next + 2 < bytes.count && bytes[next] == 0xE2 && bytes[next + 1] == 0x80 && (bytes[next + 2] == 0x94 || bytes[next + 2] == 0x93)
        }

        func text(_ index: Int) -> String {
            let entry = pairs[index]
            return QuoteScan.snippet(entry.bytes, entry.pair.open..<(entry.pair.close + 1))
        }
    }

    func check(_ document: TranslationDocument, _ report: inout RuleReport) {
        for pair in document.pairs where !pair.source.isEmpty && !pair.target.isEmpty {
            let source = Side(pair.source, document.source), target = Side(pair.target, document.target)
            let location = document.sourceLocation(of: pair.source[0])
            var unbalanced = false
            if target.unclosed.count > source.unclosed.count {
                unbalanced = true
                for mark in target.unclosed.suffix(target.unclosed.count - source.unclosed.count) {
                    let kind = document.target[mark.block].bytes[mark.offset]
                    report.add(block: mark.block, range: mark.offset..<(mark.offset + 1),
                               "this \(BracketScan.name(kind, plural: false)) is never closed (the original's at \(location) balance): close it")
                }
            }
            if target.stray.count > source.stray.count {
                unbalanced = true
                for mark in target.stray.suffix(target.stray.count - source.stray.count) {
                    report.add(block: mark.block, range: mark.offset..<(mark.offset + 1),
                               "this closing bracket closes nothing (the original's at \(location) balance): add the opening one or remove it")
                }
            }
            guard !unbalanced else { continue }
            var counted = false
            for kind in [UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{")] {
                let inSource = source.pairs.indices.filter { source.pairs[$0].pair.kind == kind }
                let inTarget = target.pairs.indices.filter { target.pairs[$0].pair.kind == kind }
                let name = BracketScan.name(kind, plural: true)
                let sourceMarks = inSource.count * 2 + source.unclosed.filter { document.source[$0.block].bytes[$0.offset] == kind }.count
                    + source.stray.filter { BracketScan.opener(of: document.source[$0.block].bytes[$0.offset]) == kind }.count
                let targetMarks = inTarget.count * 2 + target.unclosed.filter { document.target[$0.block].bytes[$0.offset] == kind }.count
                    + target.stray.filter { BracketScan.opener(of: document.target[$0.block].bytes[$0.offset]) == kind }.count
                if inTarget.count == inSource.count, targetMarks < sourceMarks {
                    // The original's own unpaired brackets ("}sic{") left out.
                    counted = true
                    report.add(block: pair.target[0], range: 0..<0,
                               "the original (\(location)) has \(sourceMarks) \(name) marks; the translation has \(targetMarks)")
                } else if inTarget.count < inSource.count {
                    counted = true
                    let missing = inSource.dropFirst(inTarget.count).map { source.text($0) }
                    report.add(block: pair.target[0], range: 0..<0,
                               "the original (\(location)) has \(inSource.count) aside\(inSource.count == 1 ? "" : "s") in \(name) (\(missing.joined(separator: ", "))); the translation has \(inTarget.count): keep the aside or check that dropping the \(name) was meant")
                } else if inTarget.count > inSource.count {
                    counted = true
                    for index in inTarget.dropFirst(inSource.count) {
                        let entry = target.pairs[index]
                        report.add(block: entry.block, range: entry.pair.open..<(entry.pair.open + 1),
                                   "the translation adds \(target.text(index)); the original (\(location)) has \(inSource.count) in \(name) here")
                    }
                }
            }
            if !counted, source.maxDepth != target.maxDepth, let first = target.pairs.first {
                report.add(block: first.block, range: first.pair.open..<(first.pair.open + 1),
                           source.maxDepth > target.maxDepth
                               ? "the original (\(location)) nests brackets; the translation does not"
                               : "the translation nests brackets; the original (\(location)) does not")
            }
        }
    }
}
