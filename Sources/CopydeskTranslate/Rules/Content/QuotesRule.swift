import CopydeskCore

/// `translation.quotes`: the translation quotes what the original quotes, nested the same way,
/// and its quotation marks balance, whatever marks each language uses (Greek «…» with “…”
/// inside, French «…» with U+202F, Russian «…» with „…“ inside, German „…“ ‚…‘, English “…” ‘…’;
/// ICU's `LocaleDelimiters` gives each locale's pair; any of them is read on either side).
///
/// Compared pair by aligned pair: a quotation the original has and the translation does not
/// (reported at the start of the paragraph, quoting the original), a quotation the translation
/// adds (at its opening mark), a nesting that differs, and in the translation an opening mark
/// never closed or a closing mark that closes nothing, when the original's marks balance there
/// (a quote running on into the next paragraph is left open on both sides). A quoted name or
/// single word in the original («Καθημερινή», «Газпром», « Nouvelle Démocratie ») may lose its
/// quotes in English, so it is not required.
struct TranslationQuotesRule: TranslationRule {
    static let description = TranslationRuleDescription(
        id: "translation.quotes",
        summary: "quotations of the original missing, added or unbalanced in the translation",
        severity: .warning,
        triggering: [
            TranslationExample("el", "«Δεν θα υπάρξει καμία αύξηση φόρων φέτος», δήλωσε ο υπουργός Οικονομικών.",
                               "en", "↓There will be no tax increase this year, the finance minister said."),
            TranslationExample("fr", "« Ce sommet promet d'être intéressant », a noté M. Denissov.",
                               "en", "↓“This summit promises to be interesting, Denisov noted."),
            TranslationExample("ru", "Песков заявил, что встреча прошла в конструктивном ключе.",
                               "en", "Peskov said the meeting was held ↓“in a constructive spirit.”"),
            TranslationExample("ru", "«Мы называем это „специальной операцией“», — сказал он.",
                               "en", "↓“We call it a “special operation,” he said."),
        ],
        nonTriggering: [
            TranslationExample("el", "«Η οικονομία ανακάμπτει», είπε ο πρωθυπουργός σε συνέντευξη στην «Καθημερινή».",
                               "en", "“The economy is recovering,” the prime minister told Kathimerini in an interview."),
            TranslationExample("de", "„Wir nennen das ‚Sonderoperation‘“, sagte er.",
                               "en", "“We call it a ‘special operation’,” he said."),
            TranslationExample("fr", "« Le sommet sera le premier en présentiel depuis la pandémie,\n\n« Nous avons beaucoup à discuter », a-t-il ajouté.",
                               "en", "“The summit will be the first in person since the pandemic,\n\n“We have a lot to discuss,” he added."),
            TranslationExample("ru", "Акции «Газпрома» выросли на 3%, сообщила биржа.",
                               "en", "Gazprom shares rose 3 percent, the exchange said."),
        ])

    init(profile: TranslationProfile) throws {}

    struct Side {
        var quotations: [(block: Int, quotation: QuoteScan.Quotation, bytes: [UInt8])] = []
        var unclosed: [(block: Int, offset: Int, width: Int)] = []
        var stray: [(block: Int, offset: Int, width: Int)] = []
        var maxDepth = 0

        init(_ indices: [Int], _ blocks: [TranslationDocument.Block]) {
            for index in indices where blocks.indices.contains(index) {
                let bytes = blocks[index].bytes
                let scan = QuoteScan(bytes, range: 0..<bytes.count)
                quotations += scan.quotations.map { (index, $0, bytes) }
                unclosed += scan.unclosed.map { (index, $0.0, $0.1) }
                stray += scan.stray.map { (index, $0.0, $0.1) }
                maxDepth = max(maxDepth, scan.maxDepth)
            }
            quotations.sort { ($0.block, $0.quotation.open) < ($1.block, $1.quotation.open) }
        }

        func required(_ index: Int) -> Bool {
            let entry = quotations[index]
            return !QuoteScan.isNameLike(entry.bytes, entry.quotation.content)
        }

        func text(_ index: Int) -> String {
            let entry = quotations[index]
            return QuoteScan.snippet(entry.bytes, entry.quotation.open..<(entry.quotation.close + entry.quotation.closeWidth))
        }
    }

    func check(_ document: TranslationDocument, _ report: inout RuleReport) {
        for pair in document.pairs where !pair.source.isEmpty && !pair.target.isEmpty {
            let source = Side(pair.source, document.source), target = Side(pair.target, document.target)
            let location = document.sourceLocation(of: pair.source[0])
            let sourceRequired = source.quotations.indices.filter { source.required($0) }
            // Quotes that do not balance in the translation, where the original's do.
            if target.unclosed.count > source.unclosed.count {
                for mark in target.unclosed.suffix(target.unclosed.count - source.unclosed.count) {
                    report.add(block: mark.block, range: mark.offset..<(mark.offset + mark.width),
                               "this quotation mark opens a quotation that is never closed (the original's quotes at \(location) balance): close it or remove it")
                }
            }
            if target.stray.count > source.stray.count {
                for mark in target.stray.suffix(target.stray.count - source.stray.count) {
                    report.add(block: mark.block, range: mark.offset..<(mark.offset + mark.width),
                               "this closing quotation mark closes nothing (the original's quotes at \(location) balance): add the opening mark or remove it")
                }
            }
            let unbalanced = target.unclosed.count > source.unclosed.count || target.stray.count > source.stray.count
            let targetAll = target.quotations.count + target.unclosed.count
            let sourceAll = source.quotations.count + source.unclosed.count
            if targetAll < sourceRequired.count + min(source.unclosed.count, 1) && !unbalanced {
                let missing = sourceRequired.dropFirst(max(0, targetAll - source.unclosed.count)).map { source.text($0) }
                report.add(block: pair.target[0], range: 0..<0,
                           "the original (\(location)) quotes \(missing.joined(separator: ", ")); the translation has \(targetAll == 0 ? "no quotation" : "only \(targetAll) quotation\(targetAll == 1 ? "" : "s")"): keep the quotation marks of direct speech")
            } else if target.quotations.count > sourceAll && !unbalanced {
                for index in target.quotations.indices.dropFirst(sourceAll) {
                    let entry = target.quotations[index]
                    report.add(block: entry.block, range: entry.quotation.open..<(entry.quotation.open + entry.quotation.openWidth),
                               "the translation quotes \(target.text(index)); the original (\(location)) has \(sourceAll == 0 ? "no quotation" : "\(sourceAll) quotation\(sourceAll == 1 ? "" : "s")") here: check that the words are a quotation")
                }
            } else if !unbalanced, target.quotations.count == source.quotations.count, source.maxDepth != target.maxDepth,
                      let outer = target.quotations.first {
                let nested = source.maxDepth > target.maxDepth
                report.add(block: outer.block, range: outer.quotation.open..<(outer.quotation.open + outer.quotation.openWidth),
                           nested ? "the original (\(location)) quotes inside a quotation; the translation does not nest its quotes: use ‘…’ inside “…”"
                                  : "the translation nests a quotation inside another; the original (\(location)) does not")
            }
        }
    }
}
