import Foundation
import Testing

/// The translation memory on the shared PostgreSQL archive, as a desk uses it: `tm import` and
/// `tm add` into a postgres:// archive, `translate prepare` proposing from it exactly what the
/// SQLite memory proposes, and `archive migrate` copying an SQLite archive's memory (resumable,
/// checked by counts). Needs the test server of `.ci/postgres.sh`; skipped with a message
/// without it, except under CI=true.
@Suite struct SharedMemoryCLITests {
    static let examples = CLI.projectRoot.appendingPathComponent("Examples/translation-memory").path

    func skipUnlessEnabled() -> Bool {
        if !SharedArchiveWorkersTests.enabled {
            print("◇ SharedMemoryCLITests: COPYDESK_TEST_POSTGRES_URL is not set (source .ci/postgres.sh); skipped")
            return false
        }
        return true
    }

    /// The XLIFF `translate prepare` writes for quake-v2-el.txt from the memory in `archive`.
    func prepared(_ archive: String) throws -> CLI.Output {
        try CLI.run(["translate", "prepare", "--archive", archive, "--target-lang", "en", "--source", Self.examples + "/quake-v2-el.txt"])
    }

    @Test func aDeskSharesOneMemoryOnPostgreSQLAndGetsTheSameProposalsAsFromSQLite() throws {
        guard skipUnlessEnabled() else { return }
        let store = try SharedArchiveWorkersTests.database()
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("archive.sqlite").path

        for archive in [file, store] {
            let imported = try CLI.run(["tm", "import", "--archive", archive, Self.examples + "/desk-el-en.tmx"])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stderr.contains("6 pairs added, 1 already in the memory"), "\(imported.stderr)")
            let added = try CLI.run(["tm", "add", "--archive", archive, "--source", Self.examples + "/quake-v1-el.txt",
                                     "--target", Self.examples + "/quake-v1-en.txt"])
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stderr.contains("8 added"), "\(added.stderr)")
        }
        // The password-free URL names the store; the counts agree.
        let stats = try CLI.run(["tm", "stats", "--archive", store])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("translation memory: postgres://"))
        #expect(stats.stdout.contains("segments: 14"), "\(stats.stdout)")
        // The same description but for the times (each store was filled at its own moment).
        func withoutTimes(_ text: String) -> [Substring] { text.split(separator: "\n").filter { !$0.hasPrefix("  oldest") && !$0.hasPrefix("  newest") } }
        #expect(withoutTimes(stats.stdout) == withoutTimes(try CLI.run(["tm", "stats", "--archive", file]).stdout.replacingOccurrences(of: file, with: store)))

        let fromFile = try prepared(file), fromServer = try prepared(store)
        #expect(fromServer.status == 0, "\(fromServer.stderr)")
        #expect(fromServer.stdout == fromFile.stdout)
        #expect(fromServer.stdout.contains("state-qualifier=\"exact-match\""))
        #expect(fromServer.stdout.contains("state-qualifier=\"fuzzy-match\""))
        #expect(fromServer.stderr == fromFile.stderr.replacingOccurrences(of: file, with: store))
    }

    @Test func migrateCopiesTheMemoryResumablyAndChecksItByCounts() throws {
        guard skipUnlessEnabled() else { return }
        let store = try SharedArchiveWorkersTests.database()
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("archive.sqlite").path
        // A desk's archive: stories and a memory.
        let recorded = try CLI.run(["archive", "add", "--store", file, "Examples/athens-cafe-tax.txt", "../shared/samples/plain/seed-putin-xi-translated.txt"])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(try CLI.run(["tm", "import", "--archive", file, Self.examples + "/desk-el-en.tmx"]).status == 0)
        #expect(try CLI.run(["tm", "add", "--archive", file, "--source", Self.examples + "/quake-v1-el.txt",
                             "--target", Self.examples + "/quake-v1-en.txt"]).status == 0)

        let first = try CLI.run(["archive", "migrate", "--from", file, "--to", store, "--batch", "4"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("translation memory: 14 pairs read, 14 new, check: 14 of 14 found"), "\(first.stderr)")
        // Again: resumes after the last batch, copies nothing, and the check still covers all.
        let again = try CLI.run(["archive", "migrate", "--from", file, "--to", store, "--batch", "4"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("translation memory: 0 pairs read (resumed after row 14), 0 new, check: 14 of 14 found"), "\(again.stderr)")
        // The pairs keep their times and origins: the proposals are the same.
        #expect(try prepared(store).stdout == (try prepared(file)).stdout)
        // A pair lost on the server is reported, and the command fails until it is copied again.
        let removed = try SharedArchiveWorkersTests.psql(store, "DELETE FROM copydesk.tm_segments WHERE id = (SELECT max(id) FROM copydesk.tm_segments)")
        #expect(removed.status == 0, "\(removed.stderr)")
        let incomplete = try CLI.run(["archive", "migrate", "--from", file, "--to", store])
        #expect(incomplete.status == 1)
        #expect(incomplete.stderr.contains("check: 13 of 14 found"), "\(incomplete.stderr)")
        #expect(incomplete.stderr.contains("1 translation memory pairs missing"), "\(incomplete.stderr)")
        // As the message says, running it again copies what is missing.
        let repaired = try CLI.run(["archive", "migrate", "--from", file, "--to", store])
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(repaired.stderr.contains("translation memory: 14 pairs read, 1 new, check: 14 of 14 found"), "\(repaired.stderr)")
        #expect(repaired.stderr.contains("2 stories read, 0 new to the target, 2 already there; check: 2 of 2"), "\(repaired.stderr)")
    }
}
