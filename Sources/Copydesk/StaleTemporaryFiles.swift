import Foundation
import Synchronization

/// Removes what an atomic write killed half-way left behind.
///
/// `InputFiles.writeAtomically` writes `.NAME.copydesk-PID-RANDOM` beside the file and renames it
/// over the original; a process killed (SIGKILL, power cut) before the rename leaves the hidden
/// temporary file. Before its first write into a folder, a run removes the ones whose process is
/// gone. Only names of exactly that pattern are touched, only regular files (never a link) owned
/// by the user running Copydesk, and only when no process with that PID exists (`kill(pid, 0)`
/// fails with ESRCH): a live writer's file, or one of a PID reused by another process, stays.
enum StaleTemporaryFiles {
    /// Folders already cleaned by this process.
    private static let cleaned = Mutex<Set<String>>([])

    /// Cleans `directory` once per process.
    static func cleanOnce(_ directory: String) {
        let inserted = cleaned.withLock { $0.insert(directory).inserted }
        if inserted { clean(directory) }
    }

    /// Removes the stale temporary files of `directory`; returns the names removed.
    @discardableResult
    static func clean(_ directory: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var removed: [String] = []
        for name in names {
            guard let pid = processID(inTemporaryName: name), pid != getpid() else { continue }
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = directory + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid() else { continue }
            if unlink(path) == 0 { removed.append(name) }
        }
        return removed
    }

    /// The PID in `.NAME.copydesk-PID-RANDOM` (NAME not empty, PID and RANDOM decimal digits), or nil.
    static func processID(inTemporaryName name: String) -> pid_t? {
        guard name.hasPrefix("."), let marker = name.range(of: ".copydesk-", options: .backwards),
              marker.lowerBound > name.index(after: name.startIndex) else { return nil }
        let tail = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard tail.count == 2, let pidText = tail.first, let random = tail.last,
              !pidText.isEmpty, pidText.count <= 10, pidText.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              !random.isEmpty, random.count <= 10, random.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              UInt32(random) != nil, let pid = Int32(pidText), pid > 0 else { return nil }
        return pid
    }
}
