import ArgumentParser
import Copydesk
import Foundation

/// `--changed [--base REF]`, `--staged` and `--new-only`: check only the copy a branch or a
/// commit changes (see `GitChanges`).
struct ChangedFilesOptions: ParsableArguments {
    @Flag(help: "Check only the files that differ from --base in git (the working tree, committed or not, untracked files included); FILE arguments narrow it to those paths.")
    var changed = false

    @Option(help: "Git ref --changed compares with; default: the merge base of HEAD with the default branch (origin/HEAD, else main or master).")
    var base: String?

    @Flag(help: "Check only the files staged for the next commit (for a pre-commit hook).")
    var staged = false

    @Flag(name: .customLong("new-only"), help: "With --changed or --staged, report only findings on lines the diff adds or changes.")
    var newOnly = false

    var active: Bool { changed || staged }

    func validate() throws {
        if changed && staged { throw ValidationError("--changed and --staged cannot be used together (--staged already means the staged changes)") }
        if base != nil && !active { throw ValidationError("--base needs --changed (or --staged)") }
        if newOnly && !active { throw ValidationError("--new-only needs --changed or --staged") }
    }

    /// The changed files under `arguments` (folders or files, as git pathspecs), or nil when
    /// neither `--changed` nor `--staged` is given. Only copy is kept, as a folder walk keeps it:
    /// the repo config's include/exclude, the extensions (`--extensions` or the config's) and
    /// binary files skipped with a note, so a changed README or photo is not checked as a story.
    func select(_ arguments: [String], extensions: Set<String>?) throws -> [GitChanges.File]? {
        guard active else { return nil }
        if arguments.contains("-") { throw ValidationError("--changed reads files from git, not standard input (-)") }
        let scope: GitChanges.Scope = staged ? .staged(base: base) : .workingTree(base: base)
        let walk = try RepoContext.walk(extensions: extensions)
        return try GitChanges().files(scope, pathspecs: arguments).filter { Inputs.keepsAsCopy($0.path, walk) }
    }
}

/// What a run filters out of each report before it is printed: findings a baseline records, and
/// with `--new-only` findings on lines the diff did not touch.
struct ReportFilter {
    var baseline: Baseline.Filter?
    /// Path → changed file, for `--new-only`.
    var changedLines: [String: GitChanges.File]?

    init(baselinePath: String?, changed: [GitChanges.File]?, newOnly: Bool) throws {
        if let baselinePath {
            baseline = Baseline.Filter(try Baseline.load(path: baselinePath), baselinePath: baselinePath)
        }
        if newOnly, let changed {
            changedLines = Dictionary(changed.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    var isEmpty: Bool { baseline == nil && changedLines == nil }

    mutating func apply(_ report: FileReport) -> FileReport {
        var report = report
        if baseline != nil { report = baseline!.apply(report) }
        if let changedLines, let file = changedLines[report.path], let source = report.source {
            report.diagnostics = report.diagnostics.filter { diagnostic in
                let first = source.location(of: diagnostic.range.lowerBound).line
                let last = diagnostic.range.isEmpty ? first : source.location(of: diagnostic.range.upperBound - 1).line
                return (first...max(first, last)).contains { file.isChanged(line: $0) }
            }
        }
        return report
    }
}
