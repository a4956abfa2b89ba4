import CopydeskCore

/// `translation.omission`: a paragraph or a sentence of the original with no counterpart in the
/// translation — the commonest serious translation error on a busy desk (a paragraph skipped
/// while working from a printout, a sentence lost in a merge).
///
/// The finding is an empty range where the missing text belongs (the start of the next
/// translated paragraph or sentence), quoting the start of what is missing and where it is in
/// the original. Only gaps the aligner is sure of are reported (`AlignmentGaps`): agency credits
/// and other desk lines of the original (`omission.expected-lines`) and headlines are expected
/// to go; when the two texts cannot be aligned at all, one finding says so instead of a flood.
struct OmissionRule: TranslationRule {
    static let description = TranslationRuleDescription(
        id: "translation.omission",
        summary: "a paragraph or sentence of the original left out of the translation",
        severity: .warning,
        triggering: [
            TranslationExample("el", """
                Απεργία στα λιμάνια την Πέμπτη

                Οι ναυτεργάτες κατεβαίνουν σε 24ωρη απεργία την Πέμπτη, με αποτέλεσμα τα πλοία να παραμείνουν δεμένα στον Πειραιά, τη Ραφήνα και το Λαύριο.

                Η ΠΝΟ ζητά αυξήσεις 8% και την υπογραφή νέας συλλογικής σύμβασης εργασίας για τα πληρώματα της ακτοπλοΐας.

                Το υπουργείο Ναυτιλίας κάλεσε τους επιβάτες να επικοινωνήσουν με τα ναυτιλιακά πρακτορεία για την αλλαγή ή την ακύρωση των εισιτηρίων τους.

                Η τελευταία απεργία των ναυτεργατών, τον Μάρτιο, είχε αφήσει περίπου 12.000 επιβάτες χωρίς μετακίνηση προς τα νησιά.
                """, "en", """
                Port strike on Thursday

                Seamen will stage a 24-hour strike on Thursday, leaving ferries tied up in Piraeus, Rafina and Lavrio.

                The PNO union is demanding 8% pay rises and a new collective labour agreement for coastal shipping crews.

                ↓The last seamen's strike, in March, left some 12,000 passengers unable to travel to the islands.
                """),
            TranslationExample("fr", """
                Le gouvernement français a présenté mercredi un projet de loi sur l'immigration. Le texte prévoit de durcir les conditions du regroupement familial et de faciliter les expulsions. Le ministre de l'Intérieur Gérald Darmanin a défendu une loi « ferme mais juste ».

                Les débats au Parlement doivent commencer en janvier 2024.
                """, "en", """
                The French government on Wednesday presented an immigration bill. ↓Interior Minister Gerald Darmanin defended a law that was "firm but fair".

                Debate in parliament is due to begin in January 2024.
                """),
        ],
        nonTriggering: [
            TranslationExample("el", """
                Απεργία στα λιμάνια την Πέμπτη

                Οι ναυτεργάτες κατεβαίνουν σε 24ωρη απεργία την Πέμπτη, με αποτέλεσμα τα πλοία να παραμείνουν δεμένα στον Πειραιά, τη Ραφήνα και το Λαύριο.

                Η ΠΝΟ ζητά αυξήσεις 8% και την υπογραφή νέας συλλογικής σύμβασης εργασίας για τα πληρώματα της ακτοπλοΐας.

                Το υπουργείο Ναυτιλίας κάλεσε τους επιβάτες να επικοινωνήσουν με τα ναυτιλιακά πρακτορεία για την αλλαγή ή την ακύρωση των εισιτηρίων τους.

                ΑΠΕ-ΜΠΕ
                """, "en", """
                Seamen strike on Thursday

                Seamen will stage a 24-hour strike on Thursday, leaving ferries tied up in Piraeus, Rafina and Lavrio. The PNO union is demanding 8% pay rises and a new collective labour agreement for coastal shipping crews.

                The shipping ministry urged passengers to contact their ferry agents to change or cancel their tickets.
                """),
            TranslationExample("ru", """
                Президент России Владимир Путин проведет переговоры с председателем КНР Си Цзиньпином на саммите ШОС в Самарканде 15 сентября, сообщил помощник президента Юрий Ушаков.

                По его словам, встреча будет «очень важной», а стороны обсудят двустороннее сотрудничество и международную повестку.
                """, "en", """
                Russian President Vladimir Putin will hold talks with Chinese President Xi Jinping at the SCO summit in Samarkand on September 15, presidential aide Yuri Ushakov said.

                He said the meeting would be "very important". The two sides will discuss bilateral cooperation and international issues.
                """),
        ])

    static let settings = [DeskLines.sourceKey, SentenceSplitter.abbreviationsKey]

    init(profile: TranslationProfile) throws {}

    func check(_ document: TranslationDocument, _ report: inout RuleReport) {
        // An empty translation is translation.untranslated's finding, not a list of omissions.
        guard document.target.contains(where: { !AdditionRule.trimmed($0.bytes).isEmpty }) else { return }
        if let content = document.sharedContent, content.isUnrelated {
            report.add(block: 0, range: 0..<0,
                       "the translation could not be aligned with the original (\(document.sourceFile.path)): the two texts do not align, the translation has only \(content.shared) of the original's \(content.total) names and figures; check that this is the story's original (nothing else was compared)")
            return
        }
        let gaps = document.gaps
        guard document.alignedReliably else {
            report.add(block: 0, range: 0..<0,
                       "the translation and its original are too long to align paragraph by paragraph (\(document.source.count) and \(document.target.count) paragraphs; at most \(ParagraphAligner.maximumParagraphs) are aligned): omissions, additions, lengths and figures are not checked; check them in parts")
            return
        }
        guard gaps.reliable else {
            let total = document.source.count, lone = gaps.loneSource.count
            report.add(block: 0, range: 0..<0,
                       "the translation could not be aligned with the original: \(lone) of \(total) paragraphs of \(document.sourceFile.path) and \(gaps.loneTarget.count) of \(document.target.count) of the translation have no counterpart; check that it is this story's original (no omissions or additions reported)")
            return
        }
        for gap in gaps.gaps where gap.side == .source {
            let block = document.source[gap.block]
            let location = document.sourceLocation(of: gap.block)
            if let sentence = gap.sentence {
                report.add(block: gap.insertion.block, range: gap.insertion.offset..<gap.insertion.offset,
                           "a sentence of the original (\(location)) is missing here: \"\(Excerpt.of(block.bytes, sentence))\"; translate it, or check that leaving it out was meant")
            } else {
                report.add(block: gap.insertion.block, range: gap.insertion.offset..<gap.insertion.offset,
                           "a paragraph of the original (\(location)) is missing here: \"\(Excerpt.of(Substring(block.text)))\"; translate it, or check that leaving it out was meant")
            }
        }
    }
}
