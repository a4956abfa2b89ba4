import CopydeskShippedData
import Foundation

/// Finds the `Pipelines/` and `StyleRules/` folders that hold a desk's data files.
///
/// Looked up in this order, the first match winning:
/// 1. the desk's repository: the current directory and its parents (up to the folder of the
///    repo config `.copydesk.yml` when there is one), so a repo's own `StyleRules/desk.yml` or
///    `Pipelines/lint.yml` is always its own;
/// 2. the installed data, found from the executable's real location: `../share/copydesk/` beside
///    its `bin/`, the folder of the binary itself, and the package root of a SwiftPM build folder
///    (`.build/debug/copydesk` in a checkout);
/// 3. `$COPYDESK_HOME`, for a binary with no data beside it;
/// 4. the styles and pipelines built into the binary (`ShippedData`), unpacked once into a
///    private cache folder, only when there is no installed data (2).
public enum DataFiles {
    public static func searchRoots() -> [String] {
        var roots = repositoryRoots()
        let installed = installedRoots()
        roots += installed
        if let home = homeRoot() { roots.append(home) }
        // An install (or a checkout's build folder) has the shipped files; COPYDESK_HOME may hold
        // only a desk's own style that `extends: ap`, so it does not make the built-in copy unneeded.
        if !installed.contains(where: { isDirectory($0 + "/StyleRules") }), let embedded = embeddedRoot {
            roots.append(embedded)
        }
        return deduplicated(roots)
    }

    /// The current directory and its parents, stopping at the repo config's folder.
    public static func repositoryRoots() -> [String] {
        var roots: [String] = []
        let stop = RepoConfigLocation.directory
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<8 {
            roots.append(directory.path)
            if directory.path == stop { break }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        if let stop, !roots.contains(stop) { roots.append(stop) }
        return roots
    }

    /// The repository Copydesk works for: the repo config's folder, else the current folder.
    public static var repositoryRoot: String {
        RepoConfigLocation.directory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
    }

    /// Whether `path` lies in data shared by every repository — the installed data,
    /// `COPYDESK_HOME`, the built-in copy — and not in the current repository itself (a checkout
    /// is both: its `Pipelines/` stay its own).
    public static func isSharedData(_ path: String) -> Bool {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        func under(_ root: String) -> Bool {
            let root = URL(fileURLWithPath: root).standardizedFileURL.path
            return absolute == root || absolute.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        }
        if under(repositoryRoot) { return false }
        return (installedRoots() + [homeRoot(), embeddedRootIfUnpacked].compactMap { $0 }).contains(where: under)
    }

    /// The built-in data's folder if this process already unpacked (or found) it.
    static var embeddedRootIfUnpacked: String? {
        cacheBases().map { $0 + "/shipped-" + ShippedData.fingerprint }.first { FileManager.default.fileExists(atPath: $0 + "/.complete") }
    }

    public static func homeRoot() -> String? {
        guard let home = ProcessInfo.processInfo.environment["COPYDESK_HOME"], !home.isEmpty else { return nil }
        return home
    }

    /// Where an installed binary's data is: `PREFIX/share/copydesk` for `PREFIX/bin/copydesk`,
    /// the binary's own folder, and for a binary in a SwiftPM build folder, the package root.
    public static func installedRoots() -> [String] {
        guard let executable = executablePath else { return [] }
        let folder = (executable as NSString).deletingLastPathComponent
        var roots = [((folder as NSString).deletingLastPathComponent as NSString).appendingPathComponent("share/copydesk"), folder]
        if let range = executable.range(of: "/.build/", options: .backwards) {
            roots.append(String(executable[..<range.lowerBound]))
        }
        return roots
    }

    /// The running binary's real path (symlinks resolved), whatever `argv[0]` was: found on
    /// `PATH` a bare `copydesk` says nothing about where the binary is.
    public static let executablePath: String? = {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        guard let path = Bundle.main.executablePath ?? CommandLine.arguments.first, path.contains("/") else { return nil }
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }()

    /// The built-in styles and pipelines, unpacked (once per version) into
    /// `$XDG_CACHE_HOME/copydesk/` or `~/.cache/copydesk/` (else a per-user temporary folder).
    /// Nil when nothing can be written there.
    public static let embeddedRoot: String? = {
        let name = "shipped-" + ShippedData.fingerprint
        for base in cacheBases() {
            let folder = base + "/" + name
            var status = stat()
            if lstat(folder, &status) == 0, status.st_uid == getuid(), status.st_mode & S_IFMT == S_IFDIR,
               FileManager.default.fileExists(atPath: folder + "/.complete") { return folder }
            if (try? unpackShippedData(into: folder)) != nil { return folder }
        }
        return nil
    }()

    static func cacheBases() -> [String] {
        let environment = ProcessInfo.processInfo.environment
        var bases: [String] = []
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { bases.append(cache + "/copydesk") }
        if let home = environment["HOME"], home.hasPrefix("/") { bases.append(home + "/.cache/copydesk") }
        bases.append(NSTemporaryDirectory() + "copydesk-\(getuid())")
        return bases
    }

    /// Writes every shipped file under `folder` (complete, or not at all: unpacked beside it and
    /// renamed into place, so two processes starting at once both see whole files).
    public static func unpackShippedData(into folder: String) throws {
        let parent = (folder as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // In a shared temporary folder another user could have made the folder (or a link) first.
        var status = stat()
        guard lstat(parent, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, status.st_uid == getuid() else {
            throw CopydeskError.configuration(file: parent, message: "not a folder of this user: the built-in styles are not unpacked there")
        }
        let staging = folder + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: staging) }
        for (path, contents) in ShippedData.files {
            let target = staging + "/" + path
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try contents.write(to: URL(fileURLWithPath: target))
        }
        try Data().write(to: URL(fileURLWithPath: staging + "/.complete"))
        if rename(staging, folder) != 0, !FileManager.default.fileExists(atPath: folder + "/.complete") {
            throw CopydeskError.configuration(file: folder, message: "cannot unpack the built-in styles (\(String(cString: strerror(errno))))")
        }
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

    /// The error for a style or pipeline name found nowhere: where it was looked for, what is
    /// shipped, and how to fix it. `folder` is `StyleRules` or `Pipelines`.
    public static func notFound(_ name: String, kind: String, folder: String, searched roots: [String]) -> CopydeskError {
        let file = name.hasSuffix(".yml") || name.hasSuffix(".yaml") ? name : name + ".yml"
        guard !name.contains("/") else {
            return .configuration(file: name, message: "no such \(kind) file")
        }
        let embedded = embeddedRoot
        let places = deduplicated(roots.map { root in
            let path = (root as NSString).standardizingPath
            return embedded.map { path == $0 || path.hasPrefix($0 + "/") } == true ? "the \(kind)s built into copydesk" : path
        })
        let shipped = ShippedData.paths.filter { $0.hasPrefix(folder + "/") && !$0.dropFirst(folder.count + 1).contains("/") }
            .map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
        let home = homeRoot() == nil ? "COPYDESK_HOME is not set" : "COPYDESK_HOME=\(homeRoot()!)"
        return .configuration(file: name, message: "no such \(kind): looked for \(folder)/\(file) in \(places.joined(separator: ", ")) (\(home)); "
            + "shipped \(kind)s: \(shipped.joined(separator: ", ")); give a path to a \(kind) file, add \(folder)/\(file) to the repository, "
            + "or point COPYDESK_HOME at a folder holding \(folder)/")
    }

    static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }

    static func deduplicated(_ roots: [String]) -> [String] {
        var seen = Set<String>()
        return roots.filter { seen.insert($0).inserted }
    }
}

/// Where the repo config `.copydesk.yml` of the current directory is (the nearest one in it or
/// its parents); nil outside a configured repository.
public enum RepoConfigLocation {
    public static let fileName = ".copydesk.yml"

    /// The config file's path, searched from `start` upward.
    public static func find(from start: String = FileManager.default.currentDirectoryPath) -> String? {
        var directory = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    /// The folder of the current directory's config.
    public static var directory: String? { find().map { ($0 as NSString).deletingLastPathComponent } }
}
