import ArgumentParser
import Copydesk
import Foundation

/// `copydesk archive migrate --from archive.sqlite --to postgres://…`: copies a desk's SQLite
/// archive into a shared PostgreSQL archive.
struct ArchiveMigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy an SQLite archive's stories and translation memory into a PostgreSQL archive (resumable, checked by counts).",
        discussion: """
            Stories, then translation memory pairs, are copied in the order they were recorded, in \
            batches of --batch, each one transaction that also records how far the copy got; run the \
            same command again after an interruption and it goes on after the last batch that \
            committed. Stories and pairs the target already has are skipped, so the target may be in \
            use by workers meanwhile. Afterwards every story and pair of the source is looked up in \
            the target, and the command fails (exit 1) unless all of them (stories with their \
            paragraphs) are there. The source file is only read.
            """)

    @Option(help: "The SQLite archive to copy.")
    var from: String

    @Option(help: "The PostgreSQL archive, postgres://user@host:5432/db (password from COPYDESK_STORE_PASSWORD or PGPASSWORD).")
    var to: String

    @Option(help: "Stories per transaction.")
    var batch: Int = 2000

    func validate() throws {
        guard batch >= 1 && batch <= 100_000 else { throw ValidationError("--batch must be from 1 to 100000, not \(batch)") }
        guard StoreLocator.scheme(of: to) == "postgres" || StoreLocator.scheme(of: to) == "postgresql" else {
            throw ValidationError("--to must be a postgres:// URL, not '\(StoreLocator.redacted(to))'")
        }
        guard !StoreLocator.isURL(from) else { throw ValidationError("--from must be an SQLite archive file") }
    }

    func run() async throws {
        let sourcePath = ArchiveOptions.absolute(from)
        guard FileManager.default.fileExists(atPath: sourcePath) else {
            throw CopydeskError.input(file: sourcePath, message: "no archive here")
        }
        let source = try SQLiteStore(path: sourcePath)
        let target = try PostgresStore(url: to)
        defer { target.close() }
        try await target.prepare()
        // The marker names the source file, so two desks' archives migrate into one independently.
        let marker = "migrated:" + sourcePath
        let resumeAfter = try await target.progress(marker: marker) ?? 0
        var position = resumeAfter, copied = 0, added = 0
        let started = Date()
        while true {
            let stories = try await source.stories(after: position, limit: batch)
            guard let last = stories.last?.sequence else { break }
            added += try await target.importStories(stories, marker: marker, progress: last)
            copied += stories.count
            position = last
        }
        // Check by counts: every story of the source (not only those copied in this run) is in the
        // target with its paragraphs.
        var expected = 0, found = 0, paragraphs = 0
        position = 0
        while true {
            let stories = try await source.stories(after: position, limit: 5000)
            guard let last = stories.last?.sequence else { break }
            let counts = try await target.count(ids: stories.map(\.id), textHashes: stories.map(\.textHash))
            expected += Set(stories.map { $0.id + "\u{0}" + $0.textHash }).count
            found += counts.stories
            paragraphs += counts.paragraphs
            position = last
        }
        // The translation memory, the same way (its pairs keep their times).
        let memorySource = try TranslationMemory(path: sourcePath, create: false)
        let memoryTarget = try PostgresTranslationMemory(store: target)
        let memoryMarker = "migrated-tm:" + sourcePath
        let memoryResumeAfter = try await target.progress(marker: memoryMarker) ?? 0
        var memoryPosition = memoryResumeAfter, pairsCopied = 0, pairsAdded = 0
        while true {
            let rows = try memorySource.rows(after: memoryPosition, limit: batch)
            guard let last = rows.last?.id else { break }
            pairsAdded += try await memoryTarget.importRows(rows.map(\.row), marker: memoryMarker, progress: last)
            pairsCopied += rows.count
            memoryPosition = last
        }
        var pairsExpected = 0, pairsFound = 0
        memoryPosition = 0
        while true {
            let rows = try memorySource.rows(after: memoryPosition, limit: 5000)
            guard let last = rows.last?.id else { break }
            pairsExpected += rows.count
            pairsFound += try await memoryTarget.count(rows.map(\.row))
            memoryPosition = last
        }
        let seconds = Date().timeIntervalSince(started)
        var line = "\(sourcePath) → \(target.location): \(copied) stor\(copied == 1 ? "y" : "ies") read"
        if resumeAfter > 0 { line += " (resumed after row \(resumeAfter))" }
        line += ", \(added) new to the target, \(copied - added) already there; check: \(found) of \(expected) stories"
        line += " and \(paragraphs) paragraph records found; translation memory: \(pairsCopied) pair\(pairsCopied == 1 ? "" : "s") read"
        if memoryResumeAfter > 0 { line += " (resumed after row \(memoryResumeAfter))" }
        line += ", \(pairsAdded) new, check: \(pairsFound) of \(pairsExpected) found (\(String(format: "%.1f", seconds)) s)\n"
        Terminal.writeError(line)
        guard found == expected, paragraphs == expected, pairsFound == pairsExpected else {
            // Something went missing behind the markers: the next run copies everything again
            // (what the target has is skipped).
            try await target.clearProgress(markers: [marker, memoryMarker])
            Terminal.error("\(target.location): the copy is incomplete: \(expected - found) stories, \(expected - paragraphs) paragraph records or \(pairsExpected - pairsFound) translation memory pairs missing; run the command again")
            throw ExitCode(ExitStatus.findings)
        }
        throw ExitCode(ExitStatus.clean)
    }
}
