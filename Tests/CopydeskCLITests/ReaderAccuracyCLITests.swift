import Foundation
import Testing

/// What `inspect` shows of files with several stories, preformatted bodies, AP's keyword lines,
/// tables, lists and ninjs envelopes, and that the prose rules leave tables and lists alone.
@Suite struct ReaderAccuracyCLITests {
    func write(_ text: String, _ name: String) throws -> String {
        let path = try CLI.temporaryDirectory().appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func inspectJSON(_ path: String) throws -> [[String: Any]] {
        let result = try CLI.run(["inspect", "--format", "json", path])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    func kinds(_ entry: [String: Any]) -> [String] {
        ((entry["blocks"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String }
    }

    static let newsMessage = """
        <?xml version="1.0" encoding="UTF-8"?>
        <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
          <header><sent>2026-03-04T10:00:00Z</sent></header>
          <itemSet>
        \((1...3).map { n in """
            <newsItem guid="urn:newsml:example.com:2026:strike-\(n)" version="\(n)" standard="NewsML-G2" standardversion="2.29">
              <itemMeta><itemClass qcode="ninat:text"/><provider literal="AP"/><versionCreated>2026-03-04T0\(n):00:00Z</versionCreated></itemMeta>
              <contentMeta><headline>Port strike, take \(n)</headline></contentMeta>
              <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
                <p>ROTTERDAM, Netherlands (AP) — Dockworkers walked off the job at Europe's largest port on Tuesday, take \(n).</p>
              </body></html></inlineXML></contentSet>
            </newsItem>
        """ }.joined(separator: "\n"))
          </itemSet>
        </newsMessage>
        """

    @Test func inspectShowsEveryStoryOfANewsMessage() throws {
        let path = try write(Self.newsMessage, "message.xml")
        let entries = try inspectJSON(path)
        #expect(entries.count == 3)
        #expect(entries.map { $0["story"] as? Int } == [1, 2, 3])
        #expect(entries.allSatisfy { $0["stories"] as? Int == 3 })
        let headlines = entries.compactMap { ($0["metadata"] as? [String: Any])?["headline"] as? String }
        #expect(headlines == ["Port strike, take 1", "Port strike, take 2", "Port strike, take 3"])
        let text = try CLI.run(["inspect", path]).stdout
        #expect(text.contains("message.xml (story 3 of 3): newsml-g2"))
        #expect(text.contains("Dockworkers walked off the job at Europe's largest port on Tuesday, take 3."))
    }

    @Test func inspectShowsEveryStoryOfTheANPASample() throws {
        let path = CLI.projectRoot.appendingPathComponent("../shared/samples/anpa/testfile.ap").standardizedFileURL.path
        let entries = try inspectJSON(path)
        #expect(entries.count == 4)
        // The weather table (DC2: tabular) is tables, not paragraphs.
        #expect(kinds(entries[2]).filter { $0 != "headline" }.allSatisfy { $0 == "table" })
        // AP's layout: the keyword line is not the headline.
        let gaming = try #require(entries[3]["metadata"] as? [String: Any])
        #expect(gaming["headline"] as? String == "Clinton Drops Support for Gaming Tax Plan")
    }

    @Test func anAPKeywordLineIsNotTheHeadlineAndADollarHeadlineIsNotAnAdvanceMarker() throws {
        let story = "\u{16}\u{16}\u{01}a0412\u{1F}bc-ap\r\nr a\u{13}\u{11} BC-US--GiantLobsterDeath 1stLd-Writethru 05-12 0127\r\n\u{02}"
            + "^BC-US--Giant Lobster Death, 1st Ld-Writethru,127<\r\n^$210 lobster is found dead<\r\n^Eds: Updates with owner's comment.<\r\n"
            + "^By JANE DOE=\r\n^Associated Press Writer=\r\n"
            + "\t   BOSTON (AP) _ A 22-pound lobster that was to be auctioned for charity was found dead in its tank Tuesday, the restaurant said.\r\n"
            + "\t   ``We are heartbroken,'' the owner said.\r\n\u{03}AP-NY-05-12-98 1420EDT<\r\n\u{0C}\u{04}"
        let entries = try inspectJSON(try write(story, "lobster.ap"))
        let metadata = try #require(entries.first?["metadata"] as? [String: Any])
        #expect(metadata["headline"] as? String == "$210 lobster is found dead")
        #expect(metadata["byline"] as? String == "By JANE DOE")
        #expect(kinds(entries[0]) == ["headline", "byline", "paragraph", "paragraph"])
    }

    @Test func anNITFPreBodyIsReadAsLinesAndItsTableAsATable() throws {
        let nitf = """
            <?xml version="1.0" encoding="UTF-8"?>
            <nitf>
              <head><title>Premier League results</title></head>
              <body>
                <body.head><hedline><hl1>Premier League results</hl1></hedline></body.head>
                <body.content>
            <pre>
            Arsenal           2  Chelsea           1
            Everton           0  Liverpool         3
            Fulham            1  Brentford         1
            Newcastle         4  Wolves            0
            </pre>
            <pre>
            Kick-off times are local. Attendances were not available
            at the time of transmission.
            </pre>
                </body.content>
              </body>
            </nitf>
            """
        let path = try write(nitf, "results.xml")
        let entries = try inspectJSON(path)
        #expect(kinds(entries[0]) == ["headline", "table", "paragraph"])
        let blocks = try #require(entries[0]["blocks"] as? [[String: Any]])
        #expect(blocks[1]["line"] as? Int == 8)
        #expect((blocks[1]["text"] as? String)?.split(separator: "\n").count == 4)
        #expect((blocks[1]["text"] as? String)?.hasPrefix("Arsenal           2  Chelsea           1\n") == true)
        #expect(try AccuracyCLI.lint(path: path).isEmpty)
    }

    @Test func anNITFTableIsCheckedAsATableNotDropped() throws {
        let nitf = """
            <?xml version="1.0" encoding="UTF-8"?>
            <nitf>
              <head><title>Bundesliga results</title></head>
              <body>
                <body.head><hedline><hl1>Bundesliga results</hl1></hedline></body.head>
                <body.content>
                  <p>BERLIN (AP) — Bayern Munich stayed top of the Bundesliga after beating Werder Bremen 3-1 on Saturday.</p>
                  <table>
                    <tr><th>Home</th><th>Score</th><th>Away</th></tr>
                    <tr><td>Bayern MÃ¼nchen</td><td>3-1</td><td>Werder Bremen</td></tr>
                    <tr><td>1. FC Köln</td><td>0-0</td><td>Mainz 05</td></tr>
                  </table>
                </body.content>
              </body>
            </nitf>
            """
        let path = try write(nitf, "bundesliga.xml")
        let entries = try inspectJSON(path)
        #expect(kinds(entries[0]) == ["headline", "paragraph", "table", "table", "table"])
        let findings = try AccuracyCLI.lint(path: path)
        // The mangled club name is found where it is; rows give no sentence or subhead findings.
        #expect(findings.map(\.rule) == ["encoding.mojibake"])
        #expect(findings.first?.line == 10)
        #expect(findings.first?.column == 24)
    }

    @Test func agateAndHeadlineDigestsAreTablesAndListsWithoutProseFindings() throws {
        let weather = """
            Weather in European capitals

            LONDON (AP) — Temperatures and conditions in European capitals on Tuesday:

            City;High;Low;Conditions
            Athens;24;15;Sunny
            Berlin;12;4;Rain
            London;14;8;Cloudy
            Madrid;21;9;Sunny - windy

            Forecasts are provided by the national weather services.
            """
        let weatherPath = try write(weather, "weather.txt")
        #expect(kinds(try inspectJSON(weatherPath)[0]) == ["headline", "paragraph", "table", "paragraph"])
        #expect(try AccuracyCLI.lint(path: weatherPath).isEmpty)
        let tabs = "Results\n\nMILAN (AP) — Serie A results on Sunday:\n\nInter\t3\tTorino\t1\nRoma\t0\tLazio\t0\nNapoli\t2\tGenoa\t2\n"
        #expect(kinds(try inspectJSON(try write(tabs, "serie-a.txt"))[0]) == ["headline", "paragraph", "table"])

        let digest = """
            AP Top Headlines at 5 p.m. EST

            Senate passes stopgap spending bill to avert shutdown

            Wildfire forces thousands to flee homes in Southern California

            Fed holds rates steady, signals two cuts next year

            Storm knocks out power to 200,000 in Northeast
            """
        let digestPath = try write(digest, "digest.txt")
        #expect(kinds(try inspectJSON(digestPath)[0]) == ["headline", "list", "list", "list", "list"])
        #expect(try AccuracyCLI.lint(path: digestPath).isEmpty)
        let text = try CLI.run(["inspect", digestPath]).stdout
        #expect(text.contains("[list 1] 3:1 Senate passes stopgap spending bill to avert shutdown"))
    }

    @Test func proseIsStillProse() throws {
        // A story whose paragraphs hold semicolons and short lines stays paragraphs.
        let story = """
            Minister resigns

            ATHENS, Greece (AP) — The minister resigned on Tuesday; her deputy will stand in until a successor is named.

            The opposition welcomed the move; the prime minister's office declined to comment.

            Parliament is due to vote on the budget next week.
            """
        #expect(kinds(try inspectJSON(try write(story, "prose.txt"))[0]) == ["headline", "paragraph", "paragraph", "paragraph"])
    }

    @Test func aNinjsAPIEnvelopeIsReadItemByItem() throws {
        let envelope = """
            {"total": 2, "item": [
             {"uri": "urn:example:bbc:1", "type": "text", "headline": "Storm closes schools in Wales",
              "body_text": "CARDIFF, Wales (AP) — Schools across Wales closed on Monday as a storm brought winds of up to 90 mph.\\n\\nThe Met Office issued an amber warning."},
             {"uri": "urn:example:bbc:2", "type": "text", "headline": "Trains cancelled",
              "body_text": "CARDIFF, Wales (AP) — Rail operators cancelled dozens of services on Monday, sources said."}
            ]}
            """
        let path = try write(envelope, "feed.json")
        let entries = try inspectJSON(path)
        #expect(entries.count == 2)
        #expect(entries.compactMap { ($0["metadata"] as? [String: Any])?["id"] as? String } == ["urn:example:bbc:1", "urn:example:bbc:2"])
        let findings = try AccuracyCLI.lint(path: path)
        #expect(findings.contains { $0.rule == "attribution.anonymous" && $0.line == 5 })
    }
}

/// False alarms: a credit checked only between news agencies, repeated paragraphs named by line.
@Suite struct FalseAlarmCLITests {
    func newsItem(provider: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:example.com:2026:earnings" version="1" standard="NewsML-G2" standardversion="2.29">
          <itemMeta><itemClass qcode="ninat:text"/><provider literal="\(provider)"/><versionCreated>2026-02-03T21:05:00Z</versionCreated></itemMeta>
          <contentMeta><creator literal="\(provider)"/><headline>Acme: Fourth-quarter earnings snapshot</headline></contentMeta>
          <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
            <p>CHICAGO (AP) — Acme Corp. on Tuesday reported fourth-quarter net income of $21.4 million.</p>
            <p>The Chicago-based company said it had profit of 48 cents per share.</p>
          </body></html></inlineXML></contentSet>
        </newsItem>
        """
    }

    @Test func anAutomatedStoryKeepsItsAPCredit() throws {
        let path = try CLI.temporaryDirectory().appendingPathComponent("earnings.xml").path
        try newsItem(provider: "Automated Insights").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try AccuracyCLI.lint(path: path).filter { $0.rule == "dateline.agency" }.isEmpty)
        // Another news agency's story with an AP credit is still reported.
        try newsItem(provider: "Reuters").write(toFile: path, atomically: true, encoding: .utf8)
        let findings = try AccuracyCLI.lint(path: path).filter { $0.rule == "dateline.agency" }
        #expect(findings.map(\.message) == ["the dateline credits \"AP\" but the story is from Reuters (suggestion: (Reuters))"])
    }

    @Test func aRepeatedParagraphIsNamedByItsLine() throws {
        let path = CLI.projectRoot.appendingPathComponent("../shared/samples/plain/seed-putin-xi-translated.txt").standardizedFileURL.path
        let findings = try AccuracyCLI.lint(path: path, arguments: ["--style", "translated-en"]).filter { $0.rule == "repetition.paragraph" }
        let finding = try #require(findings.first)
        #expect(finding.line == 3)
        #expect(finding.message.hasPrefix("this paragraph repeats the opening of the paragraph at line 7 (\"Chinese President Xi Jinping and his"))
    }
}

/// Translation checks: inflected place names, an unrelated original, the NITF writer's dateline.
@Suite struct TranslationAccuracyCLITests {
    @Test func thePreparedXLIFFOfTheMemoryExampleHasNoFalseNameFindings() throws {
        let directory = try CLI.temporaryDirectory()
        let examples = CLI.projectRoot.appendingPathComponent("Examples/translation-memory").path
        let archive = directory.appendingPathComponent("archive.sqlite").path
        let xliff = directory.appendingPathComponent("quake-v2.xlf").path
        #expect(try CLI.run(["tm", "add", "--archive", archive, "--source", examples + "/quake-v1-el.txt", "--target", examples + "/quake-v1-en.txt"]).status == 0)
        #expect(try CLI.run(["translate", "prepare", "--archive", archive, "--source", examples + "/quake-v2-el.txt", "-o", xliff]).status == 0)
        let names = try AccuracyCLI.lint(path: xliff).filter { $0.rule == "translation.names" }
        // Σεισμική opens the lede (an adjective, not a name); Ηρακλείου is Heraklion's genitive.
        #expect(names.allSatisfy { !$0.message.contains("Σεισμική") && !$0.message.contains("Ηρακλείου") }, "\(names)")
        // What is really missing is still found: the fuzzy match lacks the new "Santorini".
        #expect(names.map(\.message).contains { $0.contains("Σαντορίνη (Santorini") })
    }

    @Test func anUnrelatedOriginalIsOneFinding() throws {
        let root = CLI.projectRoot.path
        let findings = try AccuracyCLI.lint(path: root + "/Examples/translation/athens-port-strike-en.txt",
                                            arguments: ["--source", root + "/Examples/translation-memory/quake-v1-el.txt"])
            .filter { $0.rule.hasPrefix("translation.") }
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.rule == "translation.omission")
        #expect(findings.first?.message.contains("could not be aligned with the original") == true)
        // Its own original still gets the full check.
        let own = try AccuracyCLI.lint(path: root + "/Examples/translation/athens-port-strike-en.txt",
                                       arguments: ["--source", root + "/Examples/translation/athens-port-strike-el.txt"])
            .filter { $0.rule.hasPrefix("translation.") }
        #expect(own.count >= 3 && own.allSatisfy { !$0.message.contains("could not be aligned") })
    }

    @Test func theNITFWriterWritesTheNormalizedDateline() throws {
        let story = "\u{16}\u{16}\u{01}a0412\u{1F}bc-ap\r\nr a\u{13}\u{11} BC-Storm 05-12 0060\r\n\u{02}^BC-Storm<\r\n^Storm hits coast<\r\n"
            + "\t   ATLANTA (AP) _ A storm brought down power lines across Georgia on Tuesday, utility officials at Georgia Power said.\r\n"
            + "\u{03}AP-NY-05-12-98 1420EDT<\r\n\u{0C}\u{04}"
        let directory = try CLI.temporaryDirectory()
        let input = directory.appendingPathComponent("storm.ap").path
        try story.write(toFile: input, atomically: true, encoding: .utf8)
        let result = try CLI.run(["normalize", "--quiet", "--output-format", "nitf", input])
        #expect(result.stdout.contains("<dateline>ATLANTA (AP) —</dateline>"), "\(result.stdout)")
        let output = directory.appendingPathComponent("storm.xml").path
        try result.stdout.write(toFile: output, atomically: true, encoding: .utf8)
        #expect(try AccuracyCLI.lint(path: output).filter { $0.rule.hasPrefix("dateline.") || $0.rule.hasPrefix("typography.") }.isEmpty)
    }
}
