import Foundation

/// Finds the `Pipelines/` and `StyleRules/` folders that hold a desk's data files.
///
/// Looked up in order: `$COPYDESK_HOME`, the current directory and its parents, then the folders
/// above the executable (so `swift run` and a copied checkout both work).
public enum DataFiles {
    public static func searchRoots() -> [String] {
        var roots: [String] = []
        if let home = ProcessInfo.processInfo.environment["COPYDESK_HOME"], !home.isEmpty { roots.append(home) }
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<8 {
            roots.append(directory.path)
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        var executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            roots.append(executable.path)
            let parent = executable.deletingLastPathComponent()
            if parent.path == executable.path { break }
            executable = parent
        }
        return roots
    }

    /// Resolves a pipeline argument: an existing path, or a name such as `normalize` looked up as
    /// `Pipelines/normalize.yml` under the search roots. Nil when nothing matches.
    public static func pipelinePath(_ argument: String) -> String? {
        if FileManager.default.fileExists(atPath: argument) { return argument }
        guard !argument.contains("/") else { return nil }
        let file = argument.hasSuffix(".yml") || argument.hasSuffix(".yaml") ? argument : argument + ".yml"
        for root in searchRoots() {
            let candidate = root + "/Pipelines/" + file
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }
}
