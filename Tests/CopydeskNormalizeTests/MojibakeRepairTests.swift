import CopydeskText
import Testing
@testable import CopydeskNormalize

/// Applies the edits to the UTF-8 bytes of `text`, checking they are sorted and disjoint.
private func applyMojibakeEdits(_ changes: [NormalizationChange], to text: String) -> String {
    var bytes = Array(text.utf8)
    var previousStart = Int.max
    for change in changes.reversed() {
        let range = change.edit.range
        #expect(range.lowerBound >= 0 && range.upperBound <= bytes.count)
        #expect(range.upperBound <= previousStart, "edits overlap or are unsorted")
        previousStart = range.lowerBound
        bytes.replaceSubrange(range, with: Array(change.edit.replacement.utf8))
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// The repaired text, checked three ways: the edits, `repaired(_:)` and the expected string.
private func expectRepair(_ input: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let changes = MojibakeRepair.repairs(in: input)
    #expect(!changes.isEmpty, "no repair in \(input.debugDescription)", sourceLocation: sourceLocation)
    #expect(changes.allSatisfy { $0.ruleID == "encoding.mojibake" }, sourceLocation: sourceLocation)
    #expect(applyMojibakeEdits(changes, to: input) == expected, sourceLocation: sourceLocation)
    #expect(MojibakeRepair.repaired(input) == expected, sourceLocation: sourceLocation)
}

@Suite struct MojibakeRepairTests {
    // MARK: Repairs

    @Test func repairsTheIssueExample() {
        let input = "CafÃ© owner says â€˜hiâ€™"
        expectRepair(input, "Café owner says ‘hi’")
        let changes = MojibakeRepair.repairs(in: input)
        #expect(changes.count == 2)
        #expect(changes[0].message == "mojibake \"CafÃ©\" repaired to \"Café\"")
        #expect(changes[0].edit.range == 0..<7)
        #expect(changes[0].edit.replacement == "Café")
        #expect(changes[1].message == "mojibake \"â€˜hiâ€™\" repaired to \"‘hi’\"")
    }

    @Test func repairsCurlyQuotesIncludingTheRawC1Control() {
        expectRepair("Russiaâ€™s foreign ministry said â€œnoâ€\u{9D}",
                     "Russia’s foreign ministry said “no”")
    }

    @Test func repairsDashes() {
        expectRepair("The minister â€” who declined to be named â€” said talks ran 9â€“11 p.m.",
                     "The minister — who declined to be named — said talks ran 9–11 p.m.")
        expectRepair("Shares fell 3% â€¦ then recovered", "Shares fell 3% … then recovered")
    }

    @Test func repairsGermanFrenchAndSpanish() {
        expectRepair("Die GrÃ¶ÃŸe der StraÃŸe in MÃ¼nchen", "Die Größe der Straße in München")
        expectRepair("Ã‰mile ZOLA a visitÃ© la rÃ©gion", "Émile ZOLA a visité la région")
        expectRepair("El aÃ±o pasado EspaÃ±a creciÃ³", "El año pasado España creció")
        expectRepair("Ele Ã© o presidente da ASSOCIAÃ‡ÃƒO", "Ele é o presidente da ASSOCIAÇÃO")
        expectRepair("Le 14Â juillet, Ã\u{A0} Paris", "Le 14\u{A0}juillet, à Paris")
    }

    @Test func repairsGreekAndCyrillic() {
        expectRepair("ÎšÎ±Î»Î·Î¼Î\u{AD}Ï\u{81}Î± Î±Ï€ÏŒ Ï„Î·Î½ Î‘Î¸Î®Î½Î±", "Καλημέρα από την Αθήνα")
        expectRepair("ÐœÐ¾Ñ\u{81}ÐºÐ²Ð° Ð¸ ÐšÐ¸ÐµÐ²", "Москва и Киев")
    }

    @Test func repairsSymbolsVietnameseRomanianAndEmoji() {
        expectRepair("Tickets cost Â£5, about 6Â â‚¬, at 20Â°C", "Tickets cost £5, about 6\u{A0}€, at 20°C")
        expectRepair("Â«BonjourÂ», a-t-il dit", "«Bonjour», a-t-il dit")
        expectRepair("Thá»§ tÆ°á»›ng Viá»‡t Nam", "Thủ tướng Việt Nam")
        expectRepair("BucureÈ™ti È™i TimiÈ™oara", "București și Timișoara")
        expectRepair("Fans cheered ðŸ˜€ outside", "Fans cheered 😀 outside")
        expectRepair("The cafeÌ\u{81} reopened", "The cafe\u{301} reopened")
    }

    @Test func repairsAmbiguousSequencesOnlyBesideOtherMojibake() {
        // "á»—" (ỗ) alone could be a word ending in "á" followed by "»—".
        #expect(MojibakeRepair.repairs(in: "Tu sá»— 5").isEmpty)
        expectRepair("Thá»§ tÆ°á»›ng nÃ³i sáº½ há»— trá»£", "Thủ tướng nói sẽ hỗ trợ")
        expectRepair("Disse Ã©: Â«A IRMÃ»", "Disse é: «A IRMû")
    }

    @Test func repairsDoubleEncoding() {
        expectRepair("CafÃƒÂ© owner", "Café owner")
        expectRepair("RussiaÃ¢â‚¬â„¢s envoy", "Russia’s envoy")
        expectRepair("Ã‚Â£5 fine", "£5 fine")
        // "IRMÃ»" is real text, so its double encoding is undone only once.
        expectRepair("IRMÃƒÂ» fim", "IRMÃ» fim")
    }

    @Test func repairsAGraveWhoseNoBreakSpaceBecameASpace() {
        expectRepair("Il est allÃ© Ã  Paris", "Il est allé à Paris")
        expectRepair("Il est allÃ© Ã Paris", "Il est allé à Paris")
        expectRepair("Et voilÃ , dit-il", "Et voilà, dit-il")
        expectRepair("La cittÃ  Ã¨ chiusa", "La città è chiusa")
        expectRepair("Chegou Ã s 10 horas", "Chegou às 10 horas")
    }

    @Test func repairsAClosingQuoteThatLostItsThirdByte() {
        expectRepair("He said â€œnoâ€ and left", "He said “no” and left")
        expectRepair("He said â€œnoâ€\u{FFFD}.", "He said “no”.")
    }

    @Test func offsetsAreUTF8ByteOffsets() {
        let input = "Ελλάδα: CafÃ© «x» â€” ok"
        let changes = MojibakeRepair.repairs(in: input)
        #expect(changes.map(\.edit.range) == [14..<21, 28..<36])
        #expect(applyMojibakeEdits(changes, to: input) == "Ελλάδα: Café «x» — ok")
    }

    @Test func truncatesLongRunsInTheMessage() {
        let word = String(repeating: "Ð°", count: 60)
        let changes = MojibakeRepair.repairs(in: word)
        #expect(changes.count == 1)
        #expect(changes[0].edit.replacement == String(repeating: "а", count: 60))
        #expect(changes[0].message.count < 110)
        #expect(changes[0].message.contains("…"))
    }

    // MARK: Real text is left alone

    static let realText: [String] = [
        "«Nous irons à Paris», a déclaré le ministre à l'AFP, mercredi.",
        "Le ministre a dit\u{A0}: «\u{A0}C'est l'été\u{A0}», puis «\u{A0}À\u{A0}bientôt\u{A0}».",
        "«L'ÉTÉ» et «ÇA VA», l'âge d'or, ÂGE, PÂTÉ— et le CAFÉ’S menu.",
        "Die Größe der Straße in München beträgt 5\u{A0}km, sagte Jürgen Müller.",
        "„SCHÖN“, sagte er; Fuß» und Ärger.",
        "O presidente de São Paulo disse que a irmã não está lá.",
        "«A IRMÃ» e a MANIFESTAÇÃO” em Lisboa; «AVÓ» e SÃO PAULO — hoje.",
        "El año pasado, España creció un 2,5\u{A0}% según el INE. ¿Qué pasó? ¡Olé!",
        "Guðni Th. Jóhannesson, forseti Íslands, sagði að ÞÓRÐUR væri farinn.",
        "Ðorđević i Đoković su razgovarali u Beogradu.",
        "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.",
        "Москва заявила, что переговоры продолжатся.",
        "The price rose to £5 (€6), ©2024 Reuters, ½ cup, 25\u{A0}°C ± 2°, 2×½ cups.",
        "În România, Câmpina și Târgu Mureș; ÎNCÂNTAT.",
        "«È COSÌ» disse; la città è bella.",
        "Ångström, naïve, Ñandú, Ørsted, Œuvre, façade, coöperate.",
        "Â la carte? No: stray Â before a letter, Âme, ÂGE.",
        "Hà Nội, Nguyễn, İstanbul, Łódź, Kraków.",
        "Plain ASCII wire copy: WASHINGTON (AP) - Officials said Tuesday.",
        "Prices: 10 % ± 0,5 ‰; temps 3° à 5°; «Ô mer»; Ô\u{A0}!",
    ]

    @Test(arguments: realText)
    func leavesRealTextAlone(_ text: String) {
        #expect(MojibakeRepair.repairs(in: text).isEmpty)
        #expect(MojibakeRepair.repaired(text) == text)
    }

    @Test func leavesIncompleteOrImplausibleSequencesAlone() {
        // "Â€" would decode to a C1 control, "É»" to IPA, "Ø£" to one lone Arabic letter.
        for text in ["Â€ sign", "«CAFÉ»", "an isolated Ã", "Ø£ alone", "ÐÑ", "IRMÃ e"] {
            #expect(MojibakeRepair.repairs(in: text).isEmpty, "\(text)")
        }
    }

    @Test func emptyAndCleanTextHaveNoChanges() {
        #expect(MojibakeRepair.repairs(in: "").isEmpty)
        #expect(MojibakeRepair.repairs(in: String(repeating: "clean text ", count: 100)).isEmpty)
        #expect(MojibakeRepair.repairs(in: String(repeating: "καθαρό κείμενο ", count: 100)).isEmpty)
    }
}
