import CopydeskCore
import CopydeskICU

/// A Latin word with Cyrillic or Greek look-alike letters inside ("Pаris" with a Cyrillic а,
/// "Mοscow" with a Greek ο): it reads right but breaks search, spell-checking, sorting and
/// hyphenation. Typical of copy pasted from a translation tool or typed on a Cyrillic or Greek
/// keyboard.
///
/// Only word parts (split at hyphens, apostrophes, periods) that hold both Latin and Greek or
/// Cyrillic letters are checked, with ICU's UTS #39 spoof checker; words in one script — Greek,
/// Russian, or Latin with diacritics such as "Ðorđević", "Zürich", "naïve" — never are. A mix whose
/// foreign letters have no Latin look-alike ("μm", "Δt") is notation, not a spoof, and passes. The
/// fix replaces each look-alike with the Latin letter of the same UTS #39 skeleton, in the same case.
/// A Greek or Cyrillic word with Latin letters inside is reported without a fix.
struct MixedScriptRule: LintRule {
    static let description = RuleDescription(
        id: "script.mixed",
        summary: "Latin words with Cyrillic or Greek look-alike letters inside (the fix is the Latin skeleton)",
        severity: .error,
        triggering: [
            // Cyrillic а (U+0430) in Paris.
            "PARIS (AP) — Police in ↓P\u{430}ris said Tuesday that the suspect had been arrested.",
            // Greek omicron (U+03BF) in Moscow, and Cyrillic і (U+0456) and о (U+043E) in Kyiv.
            "Talks in ↓M\u{3BF}scow broke down, officials in ↓Ky\u{456}v said.",
            // Cyrillic capital А (U+0410) and small е (U+0435) in a name.
            "The ministry named the envoy as ↓\u{410}ndr\u{435}i Denisov.",
            // Cyrillic м (U+043C) has no Latin look-alike: reported, retyping suggested.
            "The ↓Kre\u{43C}lin declined to comment.",
            // Latin a in a Cyrillic word: reported, no fix.
            "The newspaper ↓\u{41C}\u{43E}\u{441}\u{43A}\u{432}a published the letter.",
        ],
        nonTriggering: [
            "BELGRADE, Serbia (AP) — Striker Dušan Vlahović and coach Ðorđe Ðorđević arrived in Zürich on Monday.",
            "SAO PAULO (AP) — The naïve plan, drawn up in São Paulo, was dropped.",
            "The Greek prime minister wished the crowd «Καλημέρα σε όλους» and the Russian daily Коммерсант agreed.",
            "Moscow (Москва) and Athens (Αθήνα) both sent delegations.",
            "The particles measured 2.5 μm and the β-blocker dose was cut.",
            "The 2022–23 season ended with the Δt correction applied.",
        ],
        corrections: [
            "Police in P\u{430}ris said the suspect had been arrested.": "Police in Paris said the suspect had been arrested.",
            "Talks in M\u{3BF}scow broke down, officials in Ky\u{456}v said.": "Talks in Moscow broke down, officials in Kyiv said.",
            "The ministry named the envoy as \u{410}ndr\u{435}i Denisov.": "The ministry named the envoy as Andrei Denisov.",
        ])

    private let checker: SpoofChecker
    /// Greek or Cyrillic letter → the ASCII Latin letter with the same UTS #39 skeleton.
    private let lookalikes: [UInt32: Unicode.Scalar]
    /// ASCII letters that some Greek or Cyrillic letter looks like.
    private let imitated: Set<UInt32>

    init(style: Style) throws {
        checker = try SpoofChecker()
        // Skeletons of the ASCII letters, then of every Greek and Cyrillic letter: equal skeletons
        // are look-alikes. Computed once per style; the check itself needs no table lookups in ICU.
        var latinBySkeleton: [String: [Unicode.Scalar]] = [:]
        for value in Array(0x41...0x5A) + Array(0x61...0x7A) {
            let scalar = Unicode.Scalar(UInt8(value))
            latinBySkeleton[try checker.skeleton(String(scalar)), default: []].append(scalar)
        }
        var table: [UInt32: Unicode.Scalar] = [:]
        for value in UInt32(0x370)...UInt32(0x52F) {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            let script = ScriptFamily.script(of: scalar)
            guard script == .greek || script == .cyrillic,
                  let candidates = latinBySkeleton[try checker.skeleton(String(scalar))] else { continue }
            let upper = scalar.properties.isUppercase
            table[value] = candidates.first { $0.properties.isUppercase == upper } ?? candidates[0]
        }
        lookalikes = table
        imitated = Set(table.values.map(\.value))
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        for block in document.blocks {
            let bytes = block.bytes
            guard Self.mayHoldGreekOrCyrillic(bytes[...]) else { continue }
            for word in block.words {
                guard Self.mayHoldGreekOrCyrillic(bytes[word.range]) else { continue }
                // Split the word at joiners (hyphen, apostrophe, period): "β-blocker" is two parts.
                var partStart = word.range.lowerBound
                var i = word.range.lowerBound
                var parts: [Range<Int>] = []
                while i < word.range.upperBound {
                    guard let (scalar, width) = ScriptFamily.scalar(bytes, i) else { i += 1; continue }
                    if !scalar.properties.isAlphabetic && scalar.properties.numericType == nil
                        && scalar.properties.generalCategory != .nonspacingMark {
                        if i > partStart { parts.append(partStart..<i) }
                        partStart = i + width
                    }
                    i += width
                }
                if word.range.upperBound > partStart { parts.append(partStart..<word.range.upperBound) }
                for part in parts { checkPart(part, block: block, document: document, &report) }
            }
        }
    }

    private func checkPart(_ part: Range<Int>, block: LintDocument.Block, document: LintDocument, _ report: inout LintReport) {
        let bytes = block.bytes
        var latin: [(Range<Int>, Unicode.Scalar)] = []
        var foreign: [(Range<Int>, Unicode.Scalar)] = []
        var greek = 0
        var i = part.lowerBound
        while i < part.upperBound {
            guard let (scalar, width) = ScriptFamily.scalar(bytes, i) else { i += 1; continue }
            switch ScriptFamily.script(of: scalar) {
            case .latin: latin.append((i..<(i + width), scalar))
            case .greek: foreign.append((i..<(i + width), scalar)); greek += 1
            case .cyrillic: foreign.append((i..<(i + width), scalar))
            default: break
            }
            i += width
        }
        guard !latin.isEmpty, !foreign.isEmpty else { return }
        let text = document.text(block, part)
        guard let result = try? checker.check(text), result.restrictionLevelFailed || result.mixedScript else { return }
        let script = greek * 2 >= foreign.count ? "Greek" : "Cyrillic"

        if latin.count >= foreign.count {
            // A Latin word with foreign letters: fix those that have a Latin look-alike.
            let replacements = foreign.map { lookalikes[$0.1.value] }
            // Greek letters without a Latin look-alike are notation ("μm", "Δt"), not a spoof.
            guard replacements.contains(where: { $0 != nil }) || greek < foreign.count else { return }
            guard replacements.allSatisfy({ $0 != nil }) else {
                report.add(block: block.index, range: part,
                           "\"\(QuotedText.bounded(text))\" mixes Latin and \(script) letters: retype it in Latin letters",
                           suggestion: "retype the word on a Latin keyboard")
                return
            }
            var fixed = ""
            var edits: [TextEdit] = []
            var cursor = part.lowerBound
            for ((range, _), replacement) in zip(foreign, replacements) {
                fixed += document.text(block, cursor..<range.lowerBound) + String(replacement!)
                edits.append(TextEdit(range: range, replacement: String(replacement!)))
                cursor = range.upperBound
            }
            fixed += document.text(block, cursor..<part.upperBound)
            let detail = foreign.count == 1
                ? "a \(script) \"\(String(foreign[0].1))\" (\(Self.codePoint(foreign[0].1))) that looks like a Latin \"\(String(replacements[0]!))\""
                : "\(foreign.count) \(script) letters that look like Latin ones"
            report.add(block: block.index, range: part, "\"\(QuotedText.bounded(text))\" has \(detail): write \"\(QuotedText.bounded(fixed))\"", fix: edits)
        } else {
            // A Greek or Cyrillic word with Latin look-alikes inside.
            guard latin.contains(where: { imitated.contains($0.1.value) }) else { return }
            let letters = latin.map { String($0.1) }.joined(separator: "\", \"")
            report.add(block: block.index, range: part,
                       "\"\(QuotedText.bounded(text))\" is a \(script) word with Latin letters inside (\"\(QuotedText.bounded(letters))\"): retype them in \(script), or translate the word",
                       suggestion: "retype the word on a \(script) keyboard")
        }
    }

    /// A lead byte of U+0340–U+053F (Greek, Cyrillic) or of U+1xxx (Greek Extended, Cyrillic
    /// Extended-C): a quick filter before decoding.
    @inline(__always)
    static func mayHoldGreekOrCyrillic(_ bytes: ArraySlice<UInt8>) -> Bool {
        ByteScan.containsNonASCII(bytes) { byte in (byte >= 0xCD && byte <= 0xD4) || byte == 0xE1 }
    }

    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
