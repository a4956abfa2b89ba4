import Foundation
import Testing

/// The LanguageTool-compatible API of a running `copydesk serve`, checked on wire copy.
@Suite struct LanguageToolAPITests {
    var server: ServerProcess { ServerProcess.shared }

    func slice(_ text: String, _ match: [String: Any]) -> String {
        let units = Array(text.utf16)
        let offset = match["offset"] as! Int, length = match["length"] as! Int
        return String(decoding: units[offset..<(offset + length)], as: UTF16.self)
    }

    func matches(_ reply: ServerProcess.Reply) -> [[String: Any]] { reply.object["matches"] as? [[String: Any]] ?? [] }

    func rule(_ match: [String: Any]) -> String { (match["rule"] as? [String: Any])?["id"] as? String ?? "" }

    @Test func matchesSliceTheRightWordsOfAWireStory() async throws {
        let story = try ServerProcess.example("athens-cafe-tax.txt")
        let reply = try await server.form("/v2/check", [("text", story), ("language", "en-US"), ("apiKey", "ignored"), ("motherTongue", "el")])
        #expect(reply.status == 200)
        let found = matches(reply)
        let byRule = Dictionary(grouping: found, by: rule).mapValues { $0.map { slice(story, $0) } }
        #expect(byRule["dates.month"] == ["September"])
        #expect(byRule["attribution.anonymous"] == ["officials said"])
        #expect(byRule["encoding.mojibake"]?.contains("CafÃ©") == true)
        #expect(byRule["dates.relative"] == ["yesterday"])
        let month = try #require(found.first { rule($0) == "dates.month" })
        #expect((month["replacements"] as? [[String: String]]) == [["value": "Sept."]])
        let ruleObject = try #require(month["rule"] as? [String: Any])
        #expect(ruleObject["issueType"] as? String == "locale-violation")
        #expect((ruleObject["category"] as? [String: String]) == ["id": "DATES", "name": "Dates"])
        let context = try #require(month["context"] as? [String: Any])
        let contextText = context["text"] as! String
        let contextSlice = String(decoding: Array(contextText.utf16)[(context["offset"] as! Int)..<((context["offset"] as! Int) + (context["length"] as! Int))], as: UTF16.self)
        #expect(contextSlice == "September")
        #expect((month["sentence"] as? String)?.contains("September 15th") == true)
        let language = try #require(reply.object["language"] as? [String: Any])
        #expect(language["code"] as? String == "en-US")
        #expect((language["detectedLanguage"] as? [String: Any])?["code"] as? String == "en")
        #expect((reply.object["software"] as? [String: Any])?["apiVersion"] as? Int == 1)
    }

    @Test func offsetsCountUTF16UnitsAfterGreekAndAnEmoji() async throws {
        let text = "ATHENS, Greece (AP) — Protesters from Πειραιάς 😀 said the the strike would go on."
        let reply = try await server.form("/v2/check", [("text", text), ("language", "en")])
        let repeated = try #require(matches(reply).first { rule($0) == "repetition.word" })
        #expect(slice(text, repeated) == " the")
        // In scalars the offset would be one less: the emoji is two UTF-16 units.
        #expect(repeated["offset"] as? Int == Array(text.utf16).count - " strike would go on.".utf16.count - " the".utf16.count)
    }

    @Test func dataAnnotationOffsetsAreIntoTheDocumentAsSent() async throws {
        let parts: [[String: String]] = [
            ["markup": "<p>"], ["text": "ATHENS, Greece (AP) — The minister said the the tax would "], ["markup": "<b>"],
            ["text": "rise"], ["markup": "</b>"], ["text": " on September 15th."], ["markup": "</p>", "interpretAs": "\n\n"],
        ]
        let document = parts.map { $0["text"] ?? $0["markup"]! }.joined()
        let data = String(decoding: try JSONSerialization.data(withJSONObject: ["annotation": parts]), as: UTF8.self)
        let reply = try await server.form("/v2/check", [("data", data), ("language", "en-US")])
        #expect(reply.status == 200)
        let found = matches(reply)
        #expect(found.first { rule($0) == "repetition.word" }.map { slice(document, $0) } == " the")
        #expect(found.first { rule($0) == "dates.month" }.map { slice(document, $0) } == "September")
    }

    @Test func rulesAndCategoriesFilterLikeLanguageTool() async throws {
        let text = "The minister said the the tax would rise on September 15th, officials said."
        let all = matches(try await server.form("/v2/check", [("text", text), ("language", "en-US")])).map(rule)
        #expect(all.contains("dates.month") && all.contains("repetition.word"))
        let disabled = matches(try await server.form("/v2/check", [("text", text), ("language", "en-US"), ("disabledRules", "dates.month,NOT_A_COPYDESK_RULE"), ("disabledCategories", "TYPOS")])).map(rule)
        #expect(!disabled.contains("dates.month") && disabled.contains("repetition.word"))
        let only = matches(try await server.form("/v2/check", [("text", text), ("language", "en-US"), ("enabledOnly", "true"), ("enabledCategories", "DATES")])).map(rule)
        #expect(!only.isEmpty && only.allSatisfy { $0.hasPrefix("dates.") })
    }

    @Test func styleIsChosenPerRequest() async throws {
        let text = "LONDON (AP) — The talks will be held on September 15, the minister said."
        let ap = matches(try await server.form("/v2/check", [("text", text), ("language", "en")])).map(rule)
        let guardian = matches(try await server.form("/v2/check", [("text", text), ("language", "en-GB"), ("style", "guardian")])).map(rule)
        #expect(ap.contains("dates.month"))
        #expect(!guardian.contains("dates.month"))
    }

    @Test func languagesAndStartUpEndpoints() async throws {
        let languages = try #require(try await server.request("/v2/languages").json as? [[String: String]])
        #expect(languages.contains(["name": "English", "code": "en", "longCode": "en"]))
        #expect(languages.contains { $0["longCode"] == "en-US" && $0["code"] == "en" })
        let info = try await server.request("/v2/configinfo?language=en-US")
        #expect(info.status == 200)
        #expect((info.object["rules"] as? [[String: Any]])?.contains { $0["ruleId"] as? String == "quotes.mixed" } == true)
        #expect(try await server.request("/v2/info").object["software"] != nil)
        #expect(try await server.request("/v2/maxtextlength").text == "1048576")
        let auto = try await server.form("/v2/check", [("text", "The the talks said the minister of the interior and the police."), ("language", "auto")])
        #expect((auto.object["language"] as? [String: Any])?["code"] as? String == "en")
    }

    @Test func curlAsInTheREADME() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") else {
            try ServerPythonTests.skipOrFail("curl is not installed (apt-get install curl)")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        let text = "ATHENS, Greece (AP) — Officials said the the talks would begin on September 15th."
        process.arguments = ["-s", "-d", "text=\(text)", "-d", "language=en-US", server.url.absoluteString + "/v2/check"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let found = try #require(object["matches"] as? [[String: Any]])
        #expect(found.first { rule($0) == "dates.month" }.map { slice(text, $0) } == "September")
        #expect(found.first { rule($0) == "repetition.word" }.map { slice(text, $0) } == " the")
    }
}
