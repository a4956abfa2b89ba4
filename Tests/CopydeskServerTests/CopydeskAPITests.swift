import Foundation
import Testing

/// Copydesk's /v1 JSON API gives what the CLI gives for the same story.
@Suite struct CopydeskAPITests {
    var server: ServerProcess { ServerProcess.shared }

    /// Key order aside, the CLI's `--format json` file entry and the server's are the same.
    @Test func lintGivesTheCLIsJSON() async throws {
        let path = "Examples/athens-cafe-tax.txt"
        let cli = try ServerProcess.cli(["lint", "--format", "json", path])
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])
        let reply = try await server.json("/v1/lint", ["text": try ServerProcess.example("athens-cafe-tax.txt"), "name": path, "style": "ap"])
        #expect(reply.status == 200)
        let files = try #require(reply.object["files"] as? [Any]), expectedFiles = try #require(expected["files"] as? [Any])
        #expect(NSArray(array: files).isEqual(to: expectedFiles))
        #expect(NSDictionary(dictionary: reply.object["summary"] as! [String: Any]).isEqual(to: expected["summary"] as! [String: Any]))
        let diagnostics = try #require((files.first as? [String: Any])?["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count > 10)
    }

    @Test func lintReadsWireFormats() async throws {
        let nitf = """
            <?xml version="1.0" encoding="UTF-8"?>
            <nitf><head><title>Port strike</title></head><body><body.head><hedline><hl1>Port strike</hl1></hedline></body.head>
            <body.content><p>PIRAEUS, Greece (AP) -- Dock workers walked out on September 15th, officials said.</p></body.content></body></nitf>
            """
        let reply = try await server.json("/v1/lint", ["text": nitf, "name": "strike.xml"])
        let file = try #require((reply.object["files"] as? [[String: Any]])?.first)
        #expect(file["format"] as? String == "nitf")
        let rules = (file["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.contains("dates.month") && rules.contains("attribution.anonymous"))
        let ansi = try await server.json("/v1/lint", ["base64": Data("Caf\u{E9} owners protest".data(using: .isoLatin1)!).base64EncodedString()])
        #expect((ansi.object["files"] as? [[String: Any]])?.first?["encoding"] as? String != "UTF-8")
    }

    @Test func fixGivesTheCLIsFixedTextAndADiff() async throws {
        let story = try ServerProcess.example("athens-cafe-tax.txt")
        let cli = try ServerProcess.cli(["lint", "--fix", "-"], stdin: story)
        let reply = try await server.json("/v1/fix", ["text": story])
        #expect(reply.status == 200)
        #expect(reply.object["fixed"] as? String == cli.stdout)
        #expect(reply.object["changed"] as? Bool == true)
        #expect((reply.object["appliedFixes"] as? Int ?? 0) > 5)
        let diff = try #require(reply.object["diff"] as? String)
        #expect(diff.contains("--- a/story") && diff.contains("-The owner of CafÃ© Byzantio") && diff.contains("+The owner of Café Byzantio"))
        #expect((reply.object["report"] as? [String: Any])?["files"] != nil)
    }

    @Test func normalizeAndNamedPipelines() async throws {
        let story = "CafÃ© owner says ``hi'' -- again\u{200B}"
        let cli = try ServerProcess.cli(["normalize", "-"], stdin: story)
        let normalized = try await server.json("/v1/normalize", ["text": story])
        #expect(normalized.object["text"] as? String == cli.stdout)
        #expect(cli.stdout.hasPrefix("Café owner says"))
        let pipelines = try await server.request("/v1/pipelines").object["pipelines"] as? [String]
        #expect(pipelines?.contains("normalize") == true)
        let run = try await server.json("/v1/run", ["text": "CafÃ© owner", "pipeline": "normalize"])
        #expect(run.status == 200)
        #expect((run.object["text"] as? String)?.hasPrefix("Café owner") == true)
        let unknown = try await server.json("/v1/run", ["text": "x", "pipeline": "nope"])
        #expect(unknown.status == 400 && unknown.errorCode == "unknown-pipeline")
    }

    @Test func translationCheckAgainstTheOriginal() async throws {
        let original = try ServerProcess.example("translation/athens-port-strike-el.txt")
        let translation = try ServerProcess.example("translation/athens-port-strike-en.txt")
        let reply = try await server.json("/v1/translation/check", ["source": original, "target": translation])
        #expect(reply.status == 200)
        let rules = ((reply.object["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.contains("translation.numbers"))
        #expect(rules.contains("translation.omission"))
    }

    @Test func archiveRecordsThenFindsTheDuplicateAndWhatIsNew() async throws {
        let server = try ServerProcess([])
        defer { server.stop() }
        let first = """
            Putin and Xi to meet in Uzbekistan

            MOSCOW (AP) — Russian President Vladimir Putin will meet Chinese President Xi Jinping in Uzbekistan next week, the Kremlin said on Tuesday.

            The two leaders will hold talks on the sidelines of a summit of the Shanghai Cooperation Organization in Samarkand, Kremlin aide Yuri Ushakov told reporters.

            It will be their first meeting in person since Russia sent troops into Ukraine in February.
            """
        let recorded = try await server.json("/v1/archive/record", ["text": first, "name": "putin-xi.txt"])
        #expect(recorded.status == 200)
        let stages = (recorded.object["files"] as? [[String: Any]])?.first?["stages"] as? [[String: Any]]
        #expect((stages?.first?["dedup"] as? [String: Any])?["recorded"] as? Bool == true)
        #expect(Self.ruleIDs(recorded.object) == ["dedup.new"])
        let again = try await server.json("/v1/archive/check", ["text": first, "name": "resend.txt"])
        let rules = ((again.object["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules == ["dedup.duplicate"])
        let update = first + "\n\nChina's Foreign Ministry declined on Thursday to confirm the trip, saying it had no information to release."
        let checked = try await server.json("/v1/archive/check", ["text": update, "name": "writethru.txt"])
        let dedup = (((checked.object["files"] as? [[String: Any]])?.first?["stages"] as? [[String: Any]])?.first?["dedup"] as? [String: Any])
        let paragraphs = dedup?["paragraphs"] as? [[String: Any]] ?? []
        #expect(paragraphs.contains { $0["status"] as? String == "new" })
        // Recording the resend says what it is, and records it too.
        let resend = try await server.json("/v1/archive/record", ["text": first, "name": "resend.txt"])
        #expect(Self.ruleIDs(resend.object) == ["dedup.duplicate"])
        let resendStages = (resend.object["files"] as? [[String: Any]])?.first?["stages"] as? [[String: Any]]
        #expect((resendStages?.first?["dedup"] as? [String: Any])?["recorded"] as? Bool == true)
    }

    static func ruleIDs(_ document: [String: Any]) -> [String] {
        ((document["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
    }
}
