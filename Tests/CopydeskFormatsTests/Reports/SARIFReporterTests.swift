import Testing
import CopydeskCore
import CopydeskFormats
import Foundation

@Suite struct SARIFReporterTests {
    typealias F = CIReportFixture
    static let storyURI = "wire/%E6%9D%B1%E4%BA%AC%20talks.txt"

    func render(_ reports: [FileReport] = F.batch) -> String {
        SARIFReporter.render(reports, rules: F.rules, toolVersion: "9.8.7", informationURI: "https://example.org/copydesk")
    }

    func run(_ sarif: String) throws -> [String: Any] {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try #require(log["runs"] as? [[String: Any]])
        try #require(runs.count == 1)
        return runs[0]
    }

    func results(_ run: [String: Any]) throws -> [String: [String: Any]] {
        let results = try #require(run["results"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: results.map { ($0["ruleId"] as! String, $0) })
    }

    func region(_ result: [String: Any]) -> [String: Int]? {
        let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        return location?["region"] as? [String: Int]
    }

    func uri(_ result: [String: Any]) -> String? {
        let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        return (location?["artifactLocation"] as? [String: Any])?["uri"] as? String
    }

    @Test func driverDescribesKnownAndUnknownRules() throws {
        let run = try run(render())
        #expect(run["columnKind"] as? String == "utf16CodeUnits")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "copydesk")
        #expect(driver["version"] as? String == "9.8.7")
        #expect(driver["informationUri"] as? String == "https://example.org/copydesk")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        // The rules passed in, in their order, then the ones only the findings know, by id.
        #expect(rules.map { $0["id"] as? String } == ["unicode.invisible", "quotes.straight", "whitespace.double-space",
                                                     "style.lede-length", "dateline.format", "house.percent", "unicode.emoji"])
        let invisible = rules[0]
        #expect((invisible["shortDescription"] as? [String: String])?["text"] == "Invisible characters (zero-width spaces, soft hyphens, bidi controls)")
        #expect((invisible["help"] as? [String: String])?["text"] == "Invisible characters break search and matching; Copydesk removes them.")
        #expect((invisible["fullDescription"] as? [String: String])?["text"] == "Invisible characters break search and matching; Copydesk removes them.")
        #expect((invisible["defaultConfiguration"] as? [String: String])?["level"] == "warning")
        #expect((rules[1]["defaultConfiguration"] as? [String: String])?["level"] == "note")
        #expect((rules[1]["help"] as? [String: String])?["text"] == "Straight quotes where the style wants curly ones")
        #expect((rules[5]["shortDescription"] as? [String: String])?["text"] == "house.percent")
        #expect((rules[5]["defaultConfiguration"] as? [String: String])?["level"] == "error")
        #expect((rules[6]["defaultConfiguration"] as? [String: String])?["level"] == "note")
        #expect((rules[4]["properties"] as? [String: [String]])?["tags"] == ["dateline"])
    }

    @Test func resultsHaveUTF16RegionsAndFixes() throws {
        let run = try run(render())
        let results = try results(run)
        #expect(results.count == 6)

        let invisible = try #require(results["unicode.invisible"])
        #expect(invisible["ruleIndex"] as? Int == 0)
        #expect(invisible["level"] as? String == "warning")
        #expect((invisible["message"] as? [String: String])?["text"] == "zero-width space (U+200B) removed")
        #expect(uri(invisible) == Self.storyURI)
        // Scalar column 30, UTF-16 column 31 (the emoji is two code units).
        let invisibleRegion = ["startLine": 3, "startColumn": 31, "endLine": 3, "endColumn": 32, "charOffset": 70, "charLength": 1]
        #expect(region(invisible) == invisibleRegion)
        let fix = try #require((invisible["fixes"] as? [[String: Any]])?.first)
        let change = try #require((fix["artifactChanges"] as? [[String: Any]])?.first)
        #expect((change["artifactLocation"] as? [String: String])?["uri"] == Self.storyURI)
        let replacement = try #require((change["replacements"] as? [[String: Any]])?.first)
        #expect(replacement["deletedRegion"] as? [String: Int] == invisibleRegion)
        #expect((replacement["insertedContent"] as? [String: String])?["text"] == "")

        let quotes = try #require(results["quotes.straight"])
        #expect(quotes["level"] as? String == "note")
        #expect(quotes["ruleIndex"] as? Int == 1)
        #expect(region(quotes) == ["startLine": 3, "startColumn": 62, "endLine": 3, "endColumn": 70, "charOffset": 101, "charLength": 8])
        let edits = try #require(((quotes["fixes"] as? [[String: Any]])?.first?["artifactChanges"] as? [[String: Any]])?.first?["replacements"] as? [[String: Any]])
        #expect(edits.map { ($0["deletedRegion"] as? [String: Int])?["startColumn"] } == [62, 69])
        #expect(edits.map { ($0["insertedContent"] as? [String: String])?["text"] } == ["“", "”"])

        let emoji = try #require(results["unicode.emoji"])
        #expect(emoji["ruleIndex"] as? Int == 6)
        #expect(region(emoji) == ["startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 3, "charOffset": 40, "charLength": 2])
        #expect(emoji["fixes"] == nil)

        let percent = try #require(results["house.percent"])
        #expect(percent["ruleIndex"] as? Int == 5)
        #expect(percent["level"] as? String == "error")
        #expect((percent["message"] as? [String: String])?["text"] == F.percentMessage)
        #expect(region(percent) == ["startLine": 1, "startColumn": 26, "endLine": 1, "endColumn": 30, "charOffset": 25, "charLength": 4])

        // A range that takes in the final line break ends at column 1 of the line after.
        let lede = try #require(results["style.lede-length"])
        #expect(region(lede) == ["startLine": 3, "startColumn": 1, "endLine": 6, "endColumn": 1, "charOffset": 40, "charLength": 97])
    }

    @Test func failedFilesBecomeToolExecutionNotifications() throws {
        let run = try run(render())
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == 1)
        #expect(notifications[0]["level"] as? String == "error")
        #expect((notifications[0]["message"] as? [String: String])?["text"] == F.failure)
        #expect(uri(notifications[0]) == "feeds/ap%3A0415%2C2.anpa")

        let clean = try self.run(render([F.story, F.clean]))
        let cleanInvocation = try #require((clean["invocations"] as? [[String: Any]])?.first)
        #expect(cleanInvocation["executionSuccessful"] as? Bool == true)
        #expect(cleanInvocation["toolExecutionNotifications"] == nil)
    }

    @Test func outputIsStable() {
        let out = render()
        #expect(out == render())
        #expect(out.hasPrefix("{\n  \"$schema\""))
        #expect(out.hasSuffix("}\n"))
        // Default version; no information URI unless the caller has one.
        let plain = SARIFReporter.render(F.batch, rules: F.rules)
        #expect(plain.contains(#""version" : "0.1.0""#))
        #expect(!plain.contains("informationUri"))
    }

    @Test func uris() {
        #expect(SARIFReporter.uri(forPath: "wire/東京 talks.txt") == Self.storyURI)
        #expect(SARIFReporter.uri(forPath: "./a/b.txt") == "a/b.txt")
        #expect(SARIFReporter.uri(forPath: "/srv/copy/a b#1?.txt") == "file:///srv/copy/a%20b%231%3F.txt")
        #expect(SARIFReporter.uri(forPath: "100%.txt") == "100%25.txt")
    }

    @Test func validatesAgainstTheSARIFSchema() throws {
        guard let schema = Self.schemaPath() else {
            Issue.record("sarif-schema-2.1.0.json not found (looked for shared/schemas/ above \(#filePath); set COPYDESK_SARIF_SCHEMA)")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let check = Self.python(["-c", "import jsonschema"])
        guard check.status == 0 else {
            Issue.record("cannot validate SARIF: python3 with the jsonschema module is needed (pip install jsonschema): \(check.output)")
            return
        }
        func validate(_ sarif: String, name: String) throws -> (status: Int32, output: String) {
            let file = directory.appendingPathComponent("\(name).sarif")
            try Data(sarif.utf8).write(to: file)
            return Self.python([
                "-c", "import jsonschema,json,sys; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))",
                file.path, schema,
            ])
        }
        let outputs = ["full": render(), "clean": render([F.story, F.clean]), "empty": SARIFReporter.render([], rules: [])]
        for (name, sarif) in outputs.sorted(by: { $0.key < $1.key }) {
            let result = try validate(sarif, name: name)
            #expect(result.status == 0, "\(name).sarif is not valid SARIF 2.1.0:\n\(result.output)")
        }
        // The validator does reject what the schema forbids (`info` is not a SARIF level).
        let broken = render().replacingOccurrences(of: #""level" : "note""#, with: #""level" : "info""#)
        #expect(try validate(broken, name: "broken").status != 0)
    }

    static func schemaPath() -> String? {
        if let path = ProcessInfo.processInfo.environment["COPYDESK_SARIF_SCHEMA"] { return path }
        var directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    static func python(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return (-1, "cannot run python3: \(error)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
