import Foundation
import CopydeskCore
import CopydeskICU

/// Runs a desk's own rule (see `CustomRuleParser`) over a document.
struct CustomRule: Sendable {
    let definition: CustomRuleDefinition
    let matcher: PhraseMatcher?
    let regexes: [ICURegex]
    let exceptions: Set<String>

    init(_ definition: CustomRuleDefinition) throws {
        self.definition = definition
        let phrases = definition.kind == .substitution ? definition.swap.map(\.0)
            : definition.kind == .consistency ? definition.either.flatMap { [$0.0, $0.1] }
            : definition.tokens
        matcher = phrases.isEmpty ? nil : PhraseMatcher(phrases, ignoreCase: definition.ignoreCase, wordBoundaries: !definition.nonword)
        regexes = try definition.raw.map { pattern in
            do {
                return try ICURegex(pattern: pattern, caseInsensitive: definition.ignoreCase)
            } catch let error as ICUError {
                throw CopydeskError.configuration(file: definition.location, message: "rule '\(definition.id)': invalid regex '\(pattern)' (\(error.name))")
            }
        }
        exceptions = Set(definition.exceptions.map { $0.lowercased() })
    }

    struct Hit { var block: Int; var range: Range<Int>; var phrase: Int? }

    /// Scope units: each a list of (block, range) pieces searched together.
    private func units(_ document: LintDocument) -> [[(LintDocument.Block, Range<Int>)]] {
        switch definition.scope {
        case .headline:
            return document.blocks.filter { $0.kind == .headline }.map { [($0, 0..<$0.bytes.count)] }
        case .paragraph:
            return document.body.map { [($0, 0..<$0.bytes.count)] }
        case .sentence:
            return document.blocks.filter { $0.kind != .byline }.flatMap { block in block.sentences.map { [(block, $0)] } }
        case .text:
            return [document.blocks.filter { $0.kind != .byline }.map { ($0, 0..<$0.bytes.count) }]
        }
    }

    /// The hits of the rule's phrases and patterns in a piece of a block. The patterns run within
    /// `budget`; one that runs out throws `RegexTimeOut` at the piece's start.
    private func hits(in block: LintDocument.Block, _ range: Range<Int>, budget: RegexBudget) throws -> [Hit] {
        var hits: [Hit] = []
        if let matcher {
            let slice = Array(block.bytes[range])
            for match in matcher.matches(in: slice) {
                let absolute = (match.range.lowerBound + range.lowerBound)..<(match.range.upperBound + range.lowerBound)
                hits.append(Hit(block: block.index, range: absolute, phrase: match.phrase))
            }
        }
        if !regexes.isEmpty {
            let text = String(decoding: block.bytes[range], as: UTF8.self)
            for regex in regexes {
                let remaining = budget.remaining(for: definition.id)
                guard remaining > 0 else { throw RegexTimeOut(block: block.index, offset: range.lowerBound) }
                var used: Int64 = 0
                let matches: [Range<Int>]
                do {
                    matches = try regex.matches(in: text, budgetNanoseconds: remaining, used: &used)
                } catch let error as ICUError where error.name == "U_REGEX_TIME_OUT" {
                    budget.charge(used, to: definition.id)
                    throw RegexTimeOut(block: block.index, offset: range.lowerBound)
                }
                budget.charge(used, to: definition.id)
                for match in matches where !match.isEmpty {
                    hits.append(Hit(block: block.index, range: (match.lowerBound + range.lowerBound)..<(match.upperBound + range.lowerBound), phrase: nil))
                }
            }
        }
        return hits.filter { hit in
            exceptions.isEmpty || !exceptions.contains(String(decoding: block.bytes[hit.range], as: UTF8.self).lowercased())
        }.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// - Throws: `RegexTimeOut` when the rule's patterns run out of `budget`; what it found so far
    ///   is then incomplete and left out by the caller.
    func check(_ document: LintDocument, _ report: inout LintReport, budget: RegexBudget) throws {
        let message = definition.message
        func text(_ hit: Hit) -> String { document.text(document.blocks[hit.block], hit.range) }
        switch definition.kind {
        case .existence:
            for unit in units(document) {
                for (block, range) in unit {
                    for hit in try hits(in: block, range, budget: budget) {
                        report.add(block: hit.block, range: hit.range, fill(message, text(hit)))
                    }
                }
            }
        case .substitution:
            for unit in units(document) {
                for (block, range) in unit {
                    for hit in try hits(in: block, range, budget: budget) {
                        guard let phrase = hit.phrase else { continue }
                        let found = text(hit)
                        let right = Self.matchCase(definition.swap[phrase].1, like: found)
                        if found == right { continue }
                        report.add(block: hit.block, range: hit.range, fill(message, right, found),
                                   fix: [TextEdit(range: hit.range, replacement: right)])
                    }
                }
            }
        case .occurrence:
            for unit in units(document) {
                var all: [Hit] = []
                for (block, range) in unit { all += try hits(in: block, range, budget: budget) }
                if let max = definition.max, all.count > max {
                    let hit = all[max]
                    report.add(block: hit.block, range: hit.range, fill(message, text(hit)) + " (\(all.count) times; at most \(max))")
                }
                if let min = definition.min, all.count < min, let (block, range) = unit.first {
                    report.add(block: block.index, range: range.lowerBound..<range.lowerBound,
                               fill(message, definition.tokens.first ?? "") + " (\(all.count) times; at least \(min))")
                }
            }
        case .repetition:
            let wanted = Set(definition.tokens.map { $0.lowercased() })
            for unit in units(document) {
                for (block, range) in unit {
                    let words = block.words.filter { range.contains($0.range.lowerBound) }
                    for (previous, word) in zip(words, words.dropFirst()) {
                        let a = document.text(block, previous.range), b = document.text(block, word.range)
                        guard a.lowercased() == b.lowercased(), !previous.isNumber,
                              wanted.isEmpty || wanted.contains(b.lowercased()) else { continue }
                        // Only what lies between is spaces: "the the", not "that, that".
                        let gap = block.bytes[previous.range.upperBound..<word.range.lowerBound]
                        guard !gap.isEmpty, gap.allSatisfy({ $0 == 0x20 }) else { continue }
                        report.add(block: block.index, range: word.range, fill(message, b),
                                   fix: [TextEdit(range: previous.range.upperBound..<word.range.upperBound, replacement: "")])
                    }
                }
            }
        case .consistency:
            for unit in units(document) {
                var all: [Hit] = []
                for (block, range) in unit { all += try hits(in: block, range, budget: budget) }
                for (index, pair) in definition.either.enumerated() {
                    let left = 2 * index, right = left + 1
                    let pairHits = all.filter { $0.phrase == left || $0.phrase == right }
                    guard let first = pairHits.first else { continue }
                    let chosen = first.phrase == left ? pair.0 : pair.1
                    let other = first.phrase == left ? pair.1 : pair.0
                    for hit in pairHits where hit.phrase != first.phrase {
                        report.add(block: hit.block, range: hit.range, fill(message, text(hit), chosen),
                                   suggestion: chosen.isEmpty ? nil : "\(chosen) (used first in the story; not \(other))")
                    }
                }
            }
        }
    }

    /// `%s` is the first value, `%o` the second (Vale's substitution convention).
    /// The values are text of the story, quoted through `QuotedText.bounded`: a `raw` pattern can
    /// match a whole paragraph.
    private func fill(_ message: String, _ first: String, _ second: String = "") -> String {
        message.replacingOccurrences(of: "%s", with: QuotedText.bounded(first)).replacingOccurrences(of: "%o", with: QuotedText.bounded(second))
    }

    /// "Kyiv" written like "KIEV" or "kiev" when the rule ignores case.
    static func matchCase(_ replacement: String, like found: String) -> String {
        if found == found.uppercased(), found != found.lowercased(), found.count > 1 { return replacement.uppercased() }
        if let first = found.first, first.isUppercase, let r = replacement.first, r.isLowercase {
            return r.uppercased() + replacement.dropFirst()
        }
        return replacement
    }
}
