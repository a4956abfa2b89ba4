import Foundation

/// The copy files a git repository has changed against a ref, and which of their lines are new:
/// what `copydesk lint --changed` (and `--staged`, `--new-only`) check, so CI on a pull request
/// and a pre-commit hook look at the desk's new copy only, not at the whole archive.
///
/// git is run as a child process (`git` on `PATH`); paths come back relative to the folder it
/// runs in, as a user would type them there.
public struct GitChanges: Sendable {
    /// What to compare.
    public enum Scope: Sendable, Equatable {
        /// The working tree (committed or not, untracked files included) against a ref; nil is
        /// the merge base of `HEAD` with the default branch.
        case workingTree(base: String?)
        /// What is staged for the next commit, against `HEAD` (or a ref given).
        case staged(base: String?)
    }

    /// One changed file.
    public struct File: Sendable, Equatable {
        /// Relative to the folder git was run in.
        public var path: String
        /// 1-based line ranges of the file as it is now that the diff adds or changes; nil when
        /// the whole file is new (untracked, or added since the base).
        public var changedLines: [ClosedRange<Int>]?

        public init(path: String, changedLines: [ClosedRange<Int>]?) {
            self.path = path
            self.changedLines = changedLines
        }

        /// Whether line `line` (1-based) is new in this file.
        public func isChanged(line: Int) -> Bool {
            guard let changedLines else { return true }
            return changedLines.contains { $0.contains(line) }
        }
    }

    public var directory: String
    public var git: String

    /// `directory` is where paths are relative to (the current folder by default).
    public init(directory: String = FileManager.default.currentDirectoryPath, git: String = "git") {
        self.directory = directory
        self.git = git
    }

    /// The changed files under `pathspecs` (all of the current folder when empty), sorted, with
    /// deleted files and files git or a first-block sniff takes for binary left out.
    public func files(_ scope: Scope, pathspecs: [String] = []) throws -> [File] {
        try requireRepository()
        var arguments = ["diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", "--diff-filter=d", "--relative"]
        let base: String?
        switch scope {
        case .workingTree(let ref):
            base = try resolve(ref)
        case .staged(let ref):
            arguments.append("--cached")
            base = try ref.map { try resolve($0) }
        }
        if let base { arguments.append(base) }
        arguments.append("--")
        arguments += pathspecs
        var files = Self.parseDiff(try run(arguments))
        if case .workingTree = scope {
            // New stories not yet added are changed too, every line of them.
            let untracked = try run(["ls-files", "-z", "--others", "--exclude-standard", "--"] + pathspecs)
            for path in untracked.split(separator: "\0").map(String.init) where !files.contains(where: { $0.path == path }) {
                files.append(File(path: path, changedLines: nil))
            }
        }
        return files
            .filter { !Self.isHidden($0.path) && !isBinary($0.path) }
            .sorted { $0.path < $1.path }
    }

    // MARK: - Refs

    /// The commit `ref` names, or the merge base with the default branch for nil.
    func resolve(_ ref: String?) throws -> String {
        if let ref {
            guard let commit = try? run(["rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"]).trimmed, !commit.isEmpty else {
                throw CopydeskError.usage("--base \(ref): unknown git ref in \(directory) (give a branch, tag or commit, e.g. --base origin/main)")
            }
            return commit
        }
        guard let branch = defaultBranch() else {
            throw CopydeskError.usage("--changed: no default branch to compare with in \(directory) (neither origin/HEAD, main nor master exists); give --base REF")
        }
        guard let head = try? run(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).trimmed, !head.isEmpty else {
            throw CopydeskError.usage("--changed: the repository in \(directory) has no commit yet; give --base REF or commit first")
        }
        guard let mergeBase = try? run(["merge-base", head, branch]).trimmed, !mergeBase.isEmpty else {
            throw CopydeskError.usage("--changed: HEAD has no common history with \(branch); give --base REF")
        }
        return mergeBase
    }

    /// origin/HEAD's target, else `main`, else `master` (local or on origin).
    func defaultBranch() -> String? {
        if let symbolic = try? run(["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"]).trimmed, !symbolic.isEmpty {
            return symbolic
        }
        for candidate in ["main", "master", "origin/main", "origin/master"] {
            if let commit = try? run(["rev-parse", "--verify", "--quiet", candidate + "^{commit}"]).trimmed, !commit.isEmpty {
                return candidate
            }
        }
        return nil
    }

    private func requireRepository() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CopydeskError.configuration(file: directory, message: "not a folder")
        }
        let notARepository = CopydeskError.configuration(file: directory, message: "not inside a git repository, so --changed/--staged have nothing to compare (run it in a checkout, or list the files to check)")
        do {
            guard try run(["rev-parse", "--is-inside-work-tree"]).trimmed == "true" else { throw notARepository }
        } catch CopydeskError.usage(let message) {
            // git's own reason when it is not the plain one (a checkout owned by another user
            // trips git's safe.directory check in CI containers).
            guard !message.contains("not a git repository") else { throw notARepository }
            throw CopydeskError.configuration(file: directory, message: "git cannot use this repository: " + message.droppingGitPrefix)
        }
    }

    // MARK: - Diff parsing

    /// Files and their added line ranges from `git diff -U0` output: `+++ b/path` names the
    /// file, each `@@ -a,b +c,d @@` adds lines c…c+d-1 (none when d is 0, a pure deletion).
    static func parseDiff(_ text: String) -> [File] {
        var files: [File] = []
        var newFile = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("diff --git ") {
                newFile = false
            } else if line.hasPrefix("new file mode") {
                newFile = true
            } else if line.hasPrefix("+++ ") {
                let name = unquote(String(line.dropFirst(4)))
                guard name != "/dev/null" else { continue }
                let path = name.hasPrefix("b/") ? String(name.dropFirst(2)) : name
                files.append(File(path: path, changedLines: newFile ? nil : []))
            } else if line.hasPrefix("@@ "), !files.isEmpty, files[files.count - 1].changedLines != nil {
                guard let plus = line.split(separator: " ").first(where: { $0.hasPrefix("+") }) else { continue }
                let parts = plus.dropFirst().split(separator: ",")
                guard let start = parts.first.flatMap({ Int($0) }) else { continue }
                let count = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
                if count > 0 { files[files.count - 1].changedLines?.append(start...(start + count - 1)) }
            } else if line.hasPrefix("Binary files "), line.hasSuffix(" differ") {
                // A binary file changed: it has no +++ line; nothing to lint in it.
                continue
            }
        }
        return files
    }

    /// git's C-style quoting of unusual paths (`"caf\303\251.txt"`).
    static func unquote(_ name: String) -> String {
        guard name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 else { return name }
        var bytes: [UInt8] = []
        var scalars = Array(name.utf8.dropFirst().dropLast())[...]
        while let byte = scalars.popFirst() {
            guard byte == UInt8(ascii: "\\"), let next = scalars.popFirst() else { bytes.append(byte); continue }
            switch next {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(next - UInt8(ascii: "0"))
                for _ in 0..<2 {
                    guard let digit = scalars.first, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit) else { break }
                    value = value * 8 + Int(digit - UInt8(ascii: "0"))
                    scalars.removeFirst()
                }
                bytes.append(UInt8(truncatingIfNeeded: value))
            default: bytes.append(next)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A path inside a hidden folder (`.github/`, `.copydesk/`) or a hidden file is not copy.
    static func isHidden(_ path: String) -> Bool {
        path.split(separator: "/").contains { $0.hasPrefix(".") && $0 != "." && $0 != ".." }
    }

    /// git's own test: a NUL byte in the first 8,000 bytes makes a file binary.
    private func isBinary(_ path: String) -> Bool {
        let full = path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
        guard let handle = FileHandle(forReadingAtPath: full) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 8000)) ?? Data()
        return head.contains(0)
    }

    // MARK: - Running git

    /// git's standard output; a non-zero exit throws with git's message.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [git, "-c", "core.quotePath=false"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        environment["GIT_PAGER"] = "cat"
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CopydeskError.usage("--changed: cannot run git (\(error.localizedDescription)); is git installed?")
        }
        // Drain stderr on its own thread so a chatty git cannot block on a full pipe.
        let errorData = ErrorBuffer()
        let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = errorData.wait()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmed
            throw CopydeskError.usage("git \(arguments.first ?? ""): \(text.isEmpty ? "exit status \(process.terminationStatus)" : text)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Standard error of a child, handed from the reading thread.
    private final class ErrorBuffer: @unchecked Sendable {
        private let condition = NSCondition()
        private var data: Data?

        func set(_ value: Data) {
            condition.lock()
            data = value
            condition.signal()
            condition.unlock()
        }

        func wait() -> Data {
            condition.lock()
            defer { condition.unlock() }
            while data == nil { condition.wait() }
            return data ?? Data()
        }
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
    fileprivate var droppingGitPrefix: String {
        guard hasPrefix("git "), let colon = range(of: ": ") else { return self }
        return String(self[colon.upperBound...])
    }
}
