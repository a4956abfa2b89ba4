import Foundation
import Testing

@Suite struct ArchiveCLITests {
    let first = """
        Putin and Xi to meet in Uzbekistan

        MOSCOW (AP) — Russian President Vladimir Putin and Chinese leader Xi Jinping will meet next week in Uzbekistan on the sidelines of a regional summit, Russia's ambassador to China said Wednesday.

        The meeting at the Shanghai Cooperation Organization summit in Samarkand will be Xi's first trip abroad since early 2020, when the coronavirus pandemic began.

        "In less than 10 days, a new meeting of our leaders will take place," Ambassador Andrei Denisov told reporters in Beijing.

        China's Foreign Ministry said it had no information to give on a possible trip by Xi.

        The two leaders last met in February in Beijing, weeks before Russia's invasion of Ukraine.

        """

    var writethru: String {
        first + "\nThe Kremlin said later that Putin would also hold talks with Indian Prime Minister Narendra Modi in Samarkand.\n"
    }

    @Test func addThenCheckTellsDuplicateAndUpdateWithNewParagraphs() throws {
        let directory = try CLI.temporaryDirectory()
        let store = directory.appendingPathComponent("archive.sqlite").path
        let v1 = directory.appendingPathComponent("v1.txt"), resend = directory.appendingPathComponent("resend.txt")
        let later = directory.appendingPathComponent("writethru.txt")
        try first.write(to: v1, atomically: true, encoding: .utf8)
        try first.write(to: resend, atomically: true, encoding: .utf8)
        try writethru.write(to: later, atomically: true, encoding: .utf8)

        let add = try CLI.run(["archive", "add", "--store", store, v1.path])
        #expect(add.status == 0)
        #expect(add.stderr.contains("1 story recorded, 0 already in the archive"))

        let check = try CLI.run(["archive", "check", "--store", store, resend.path, later.path])
        #expect(check.stdout.contains("resend.txt (Putin and Xi to meet in Uzbekistan): duplicate of v1.txt#"))
        #expect(check.stdout.contains("writethru.txt (Putin and Xi to meet in Uzbekistan): update of v1.txt#"))
        #expect(check.stdout.contains("paragraph 6 new"))
        #expect(check.stdout.contains("  6 new: The Kremlin said later that Putin would also hold talks"))
        #expect(check.status == 1)  // a duplicate is a warning

        // check records nothing; stats says one story.
        let stats = try CLI.run(["archive", "stats", "--store", store])
        #expect(stats.stdout.contains("stories: 1\n"))

        let json = try CLI.run(["archive", "check", "--store", store, "--format", "json", later.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let file = try #require((object["files"] as? [[String: Any]])?.first)
        let dedup = try #require((file["stages"] as? [[String: Any]])?.first?["dedup"] as? [String: Any])
        #expect(dedup["class"] as? String == "update")
        #expect(dedup["newParagraphs"] as? [Int] == [6])

        let prune = try CLI.run(["archive", "prune", "--store", store, "--older-than", "0m"])
        #expect(prune.stdout.hasPrefix("1 story older than 0m removed"))
    }

    @Test func aForeignFileIsAClearErrorNotAReset() throws {
        let directory = try CLI.temporaryDirectory()
        let store = directory.appendingPathComponent("archive.sqlite")
        try "not a database, just a story\n".write(to: store, atomically: true, encoding: .utf8)
        let story = directory.appendingPathComponent("s.txt")
        try first.write(to: story, atomically: true, encoding: .utf8)
        let result = try CLI.run(["archive", "add", "--store", store.path, story.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("archive.sqlite"))
        #expect(try String(contentsOf: store, encoding: .utf8) == "not a database, just a story\n")
    }
}
