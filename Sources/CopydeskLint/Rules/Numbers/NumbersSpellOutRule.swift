import CopydeskCore

/// `numbers.spell-out` (AP, `numbers.spell-out: one-to-nine`): a figure 1–9 counting something in
/// body text is spelled out ("3 people" → "three people"), and a figure that starts a sentence is
/// spelled out whatever its size ("10 people died." → "Ten people died."), years excepted.
///
/// AP's figures stay figures: ages ("a 5-year-old", "aged 7", "7 years old"), percentages, money,
/// measurements, dimensions, weights, speeds, temperatures, millions, times ("5 p.m."), dates
/// ("Sept. 5"), scores, votes and ranges ("5-4", "3 to 2"), ratios ("1 in 5"), designations ("No.
/// 3", "Game 7", "page 5", "Route 9"), decimals, a figure in a series with one of 10 or more ("3
/// of the 12", within the sentence), anything not followed by a lowercase word, and headlines
/// (AP uses figures there). Tables, agate and all-capitals wire products are skipped. Fixes are
/// offered only for a bare figure before a lowercase word, and for a sentence start below 100.
struct NumbersSpellOutRule: LintRule {
    static let description = RuleDescription(
        id: "numbers.spell-out",
        summary: "spell out one to nine, and any figure that starts a sentence (AP)",
        severity: .info,
        triggering: [
            "Police said ↓3 people were taken to hospital after the crash on the highway.",
            "The ministry said the fire had destroyed ↓2 houses and damaged dozens more. ↓10 people were evacuated.",
            "Turkey sits on two major fault lines. ↓1 in 3 homes in the province is not built to code, a 2018 study found.",
            "\"It was terrible,\" she said of the storm, which lasted ↓4 hours.",
        ],
        nonTriggering: [
            "Kern Superior Court Judge Len McGillivray sentenced 24-year-old Kenneth Bailey on a no contest plea.",
            "Miller said the 4 percent federal tax plan was dead, and the $3.1 billion package with it.",
            "The meeting begins at 5 p.m. on Sept. 5 in Room 3 of the courthouse, he said.",
            "The Diamondbacks beat the Astros 8-4 on Sunday and the lefty is 0-4 over his last five starts.",
            "The Supreme Court ruled 5-4 that the law was constitutional; 1 in 5 voters disagreed.",
            "The boy, 7, was found safe. He is 7 years old and lives with his aunt.",
            "She finished No. 1 in the world rankings and won Game 7 of the series.",
            "Dortmund lost 2:4 to Schalke in the derby after a penalty in the 18th minute.",
            "The storm killed 3 of the 12 climbers on the mountain, officials said.",
            "A magnitude 5 earthquake struck the island, and the temperature fell to 9 degrees.",
            "2019 was the warmest year on record in Europe, the agency said.",
            "The company is worth $5 billion and employs 5 million people in 9 countries, including 3,500 in Greece.",
            "5 things to know about the summit\n\nLeaders of China and Russia meet on Tuesday in Samarkand.",
            "Phillies 13, Braves 6\n\nFreddy Garcia is 1-3 with a 4.81 earned run average.",
        ],
        corrections: [
            "Police said 3 people were taken to hospital. 10 people were evacuated.":
                "Police said three people were taken to hospital. Ten people were evacuated.",
        ],
        exampleStyle: "ap")

    let enabled: Bool
    /// Abbreviations that do not end a sentence ("No. 5" is not a sentence start).
    let abbreviations: Set<String>

    /// " (AP)", " (Reuters)": the style in force, which the messages cite.
    let cited: String
    /// "AP: ", "Reuters: ", or nothing for a style without a name.
    let rulePrefix: String

    init(style: Style) throws {
        enabled = style.string("numbers.spell-out") == "one-to-nine"
        abbreviations = style.abbreviations
        cited = style.name.isEmpty ? "" : " (\(style.name))"
        rulePrefix = style.name.isEmpty ? "" : style.name + ": "
    }

    func check(_ document: LintDocument, _ report: inout LintReport) {
        guard enabled, document.isEnglish else { return }
        for block in document.body where block.kind == .paragraph && !document.shared.isTabular(block, NumbersText.isTabular) {
            checkBlock(document, block, &report)
        }
    }

    private func checkBlock(_ document: LintDocument, _ block: LintDocument.Block, _ report: inout LintReport) {
        let bytes = block.bytes
        let words = block.words
        let sentences = block.sentences
        var sentenceIndex = 0
        for (i, word) in words.enumerated() where word.isNumber {
            while sentenceIndex + 1 < sentences.count, sentences[sentenceIndex].upperBound <= word.range.lowerBound {
                sentenceIndex += 1
            }
            let sentence = sentences.isEmpty ? 0..<bytes.count : sentences[sentenceIndex]
            let firstInSentence = i == 0 || words[i - 1].range.lowerBound < sentence.lowerBound
            if firstInSentence, startsSentence(bytes, sentence.lowerBound, word.range.lowerBound) {
                checkSentenceStart(block, i, sentence, &report)
            } else if word.range.count == 1 {
                checkFigure(block, i, sentence, &report)
            }
        }
    }

    /// Only opening quotes or brackets between the sentence start and the figure.
    private func startsSentence(_ bytes: [UInt8], _ start: Int, _ figure: Int) -> Bool {
        var i = start
        while i < figure {
            guard let (mark, width) = AttributionText.mark(bytes, i), mark == .open else { return false }
            i += width
        }
        return true
    }

    private func checkSentenceStart(_ block: LintDocument.Block, _ i: Int, _ sentence: Range<Int>, _ report: inout LintReport) {
        let bytes = block.bytes
        let words = block.words
        let word = words[i]
        guard let value = NumbersText.value(bytes, word.range), value > 0 else { return }
        let hasComma = bytes[word.range].contains(UInt8(ascii: ","))
        if !hasComma, word.range.count == 4, value >= 1000, value < 3000 { return }   // a year
        // A figure after an abbreviation ("No. 5", "Art. 5") the tokenizer took for a sentence end.
        if sentence.lowerBound > 0, i > 0 {
            let previous = words[i - 1]
            let text = String(decoding: bytes[previous.range], as: UTF8.self)
            if previous.isCapitalized, previous.range.count <= 4 || abbreviations.contains(text) { return }
            if previous.isNumber { return }
        }
        let after = word.range.upperBound
        var fixable = true
        if after < bytes.count {
            let byte = bytes[after]
            if byte == UInt8(ascii: "%") { fixable = false }
            else if byte != 0x20 { return }   // "1.", "5:30", "3)", "5," lists, times and scores
        } else {
            return   // a lone figure
        }
        guard i + 1 < words.count else { return }
        let next = words[i + 1]
        let nextText = NumbersText.lower(bytes, next.range)
        if ["a.m", "p.m", "a.m.", "p.m.", "am", "pm", "o'clock", "o’clock", "gmt", "utc"].contains(nextText) { return }
        if next.isNumber { return }
        // "1 in 3 homes", "5 to 7 people": a ratio or a range; spelling out one half needs an editor.
        for k in (i + 2)..<min(i + 4, words.count) where words[k].isNumber && words[k].range.lowerBound < sentence.upperBound {
            fixable = false
        }
        let figure = String(decoding: bytes[word.range], as: UTF8.self)
        if fixable, let spelled = NumbersText.words(value) {
            let replacement = NumbersText.capitalized(spelled)
            report.add(block: block.index, range: word.range,
                       "spell out \"\(QuotedText.bounded(figure))\" as \"\(QuotedText.bounded(replacement))\" at the start of a sentence\(cited)",
                       fix: [TextEdit(range: word.range, replacement: replacement)])
        } else {
            report.add(block: block.index, range: word.range,
                       "a sentence should not start with the figure \"\(QuotedText.bounded(figure))\"\(cited): spell it out or recast the sentence",
                       suggestion: "recast the sentence")
        }
    }

    private func checkFigure(_ block: LintDocument.Block, _ i: Int, _ sentence: Range<Int>, _ report: inout LintReport) {
        let bytes = block.bytes
        let words = block.words
        let word = words[i]
        let digit = bytes[word.range.lowerBound]
        guard digit >= UInt8(ascii: "1"), digit <= UInt8(ascii: "9") else { return }
        // Bare: a space before ("$5", "#3", "(3)", "2:4", "1/2" are not), one space and a lowercase word after.
        guard word.range.lowerBound == 0 || bytes[word.range.lowerBound - 1] == 0x20 else { return }
        guard i + 1 < words.count, words[i + 1].range.lowerBound == word.range.upperBound + 1,
              bytes[word.range.upperBound] == 0x20, NumbersText.isLowerASCII(bytes[words[i + 1].range.lowerBound]),
              words[i + 1].range.lowerBound < sentence.upperBound else { return }
        let next = NumbersText.lower(bytes, words[i + 1].range)
        if NumbersText.units.contains(next) { return }
        // "5 years old", "5 months old".
        if i + 2 < words.count, NumbersText.lower(bytes, words[i + 2].range) == "old" { return }
        // Ranges, ratios, scores: "3 to 2", "1 in 5", "3 or 4", "3 out of 10".
        for k in (i + 2)..<min(i + 4, words.count) where words[k].isNumber && words[k].range.lowerBound < sentence.upperBound {
            return
        }
        for k in max(0, i - 3)..<max(0, i - 1) where words[k].isNumber && words[k].range.lowerBound >= sentence.lowerBound {
            return
        }
        // Designations, ages and dates: "No. 3", "page 5", "aged 7", "Game 7", "Sept. 5".
        if i > 0, words[i - 1].range.lowerBound >= sentence.lowerBound {
            let previous = words[i - 1]
            let text = NumbersText.lower(bytes, previous.range)
            if previous.isNumber || NumbersText.designators.contains(text) { return }
            if previous.isCapitalized {
                let previousFirst = i - 1 == 0 || words[i - 2].range.lowerBound < sentence.lowerBound
                if !previousFirst || !NumbersText.leadIns.contains(text) { return }
            }
        }
        // A series with a figure of 10 or more nearby: "3 of the 12", "9 points and 12 rebounds".
        let low = max(0, i - 8), high = min(words.count, i + 9)
        for k in low..<high where k != i && words[k].isNumber && sentence.contains(words[k].range.lowerBound) {
            if words[k].range.count > 1 { return }
        }
        guard let spelled = NumbersText.words(Int(digit - 0x30)) else { return }
        report.add(block: block.index, range: word.range,
                   "spell out \"\(Character(Unicode.Scalar(digit)))\" as \"\(spelled)\" (\(rulePrefix)one to nine in words)",
                   fix: [TextEdit(range: word.range, replacement: spelled)])
    }
}
