import Foundation

/// Analyses that several rules need, computed once per document on first use: the dateline
/// (four dateline, four dashes and three dates rules parse it), each block's quotation marks (six
/// quotes rules), and the phrase matches of matchers that more than one rule runs.
///
/// Filled lazily from any thread: a lock guards the slots, and the work runs outside it (two
/// threads asking at once may both compute the same value; either result is the same).
final class SharedAnalyses: @unchecked Sendable {
    private let lock = NSLock()
    private var datelineNotes: [String]?
    private var dateline: Dateline?
    private var leadsNotes: [String]?
    private var leads: [LintDocument.Block] = []
    private var quotes: [QuoteScanner?]
    /// `NumbersText.isTabular` of each block: 0 not computed, 1 no, 2 yes.
    private var tabular: [UInt8]
    /// Each block's matches of the style's phrase lists, and the index they come from.
    private var phrases: [[[PhraseMatcher.Match]]?]
    private var phrasesOwner: StylePhrases?

    init(blockCount: Int) {
        quotes = Array(repeating: nil, count: blockCount)
        tabular = Array(repeating: 0, count: blockCount)
        phrases = Array(repeating: nil, count: blockCount)
    }

    /// The matches of one of the style's phrase lists in a block: the block is scanned once for
    /// all the lists, on the first rule's request.
    func phrases(_ owner: StylePhrases, _ list: StylePhrases.List, _ block: LintDocument.Block) -> [PhraseMatcher.Match] {
        let index = block.index
        guard index >= 0, index < phrases.count else { return owner.index.matches(in: block.bytes)[list.rawValue] }
        lock.lock()
        if phrasesOwner == nil { phrasesOwner = owner }
        guard phrasesOwner === owner else {
            // A rule built for another style than the document's: not cached.
            lock.unlock()
            return owner.index.matches(in: block.bytes)[list.rawValue]
        }
        if let found = phrases[index] {
            lock.unlock()
            return found[list.rawValue]
        }
        lock.unlock()
        let found = owner.index.matches(in: block.bytes)
        lock.lock()
        phrases[index] = found
        lock.unlock()
        return found[list.rawValue]
    }

    func isTabular(_ block: LintDocument.Block, _ compute: (LintDocument.Block) -> Bool) -> Bool {
        let index = block.index
        guard index >= 0, index < tabular.count else { return compute(block) }
        lock.lock()
        let known = tabular[index]
        lock.unlock()
        if known != 0 { return known == 2 }
        let value = compute(block)
        lock.lock()
        tabular[index] = value ? 2 : 1
        lock.unlock()
        return value
    }

    func dateline(notes: [String], _ compute: () -> Dateline?) -> Dateline? {
        lock.lock()
        if let cachedNotes = datelineNotes, cachedNotes == notes {
            defer { lock.unlock() }
            return dateline
        }
        lock.unlock()
        let value = compute()
        lock.lock()
        if datelineNotes == nil { datelineNotes = notes; dateline = value }
        lock.unlock()
        return value
    }

    func leads(notes: [String], _ compute: () -> [LintDocument.Block]) -> [LintDocument.Block] {
        lock.lock()
        if let cachedNotes = leadsNotes, cachedNotes == notes {
            defer { lock.unlock() }
            return leads
        }
        lock.unlock()
        let value = compute()
        lock.lock()
        if leadsNotes == nil { leadsNotes = notes; leads = value }
        lock.unlock()
        return value
    }

    func quotes(_ block: LintDocument.Block) -> QuoteScanner {
        let index = block.index
        guard index >= 0, index < quotes.count else { return QuoteScanner(block) }
        lock.lock()
        if let scanner = quotes[index] {
            lock.unlock()
            return scanner
        }
        lock.unlock()
        let scanner = QuoteScanner(block)
        lock.lock()
        quotes[index] = scanner
        lock.unlock()
        return scanner
    }
}
