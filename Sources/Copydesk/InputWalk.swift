import Foundation

/// Turns the paths a user gives (files and folders) into the files to process.
///
/// A file named explicitly is always taken: if it is not copy, reading it fails with an error
/// naming it (`InputFiles.read`). A folder is walked, and a walk takes only what is copy: files
/// with an extension from `extensions` whose first bytes do not sniff as binary
/// (`ContentSniffer`). Version-control, build and Copydesk's own folders (`.git/`, `.build/`,
/// `.copydesk/`) and every hidden file or folder are never entered; FIFOs, sockets and devices are
/// never opened for reading; symbolic links to folders are not followed (no loops, no walking out
/// of the tree). What a walk leaves out is said in `notes`, so nothing is skipped silently.
public struct InputWalk: Sendable {
    /// Extensions (lowercase, without the dot) of the files a walk takes; `""` stands for files
    /// without an extension, as wire receivers often write them.
    public var extensions: Set<String>
    /// When set, a walked file is taken only if this says so (the repo config's include/exclude
    /// globs); it gets the path as given to the walk (`stories/a.txt`).
    public var filter: (@Sendable (String) -> Bool)?
    /// Deeper folders are not entered (and said so).
    public var maximumDepth: Int

    /// The formats Copydesk reads: plain text and Markdown, ANPA-1312 and IPTC 7901 feeds, NITF,
    /// NewsML-G2, ninjs, XLIFF and TMX; and files without an extension.
    public static let defaultExtensions: Set<String> = [
        "", "txt", "text", "md", "markdown", "ap", "anpa", "iptc", "ipt", "wire", "xml", "nitf", "nml", "newsml",
        "json", "ninjs", "xlf", "xliff", "tmx",
    ]

    /// Folder names never walked even when not hidden.
    public static let neverWalked: Set<String> = [".git", ".build", ".copydesk", ".swiftpm", "node_modules"]

    public init(extensions: Set<String> = InputWalk.defaultExtensions, filter: (@Sendable (String) -> Bool)? = nil, maximumDepth: Int = 64) {
        self.extensions = Set(extensions.map { $0.lowercased().drop { $0 == "." }.description })
        self.filter = filter
        self.maximumDepth = maximumDepth
    }

    /// Parses a comma-separated list such as `txt,md,ap`; `.` stands for files without an extension.
    public static func extensions(fromList list: String) -> Set<String> {
        Set(list.split(separator: ",").map { item in
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            return trimmed == "." ? "" : trimmed.lowercased().drop { $0 == "." }.description
        })
    }

    /// The files to process, and a note for each thing a walk left out.
    public struct Selection: Sendable {
        public var files: [String] = []
        /// One line each, `path: skipped: reason`, in walk order.
        public var notes: [String] = []
        /// Files left out because of their extension, by folder argument: said in one note per
        /// folder rather than one per file.
        public var skippedByExtension = 0
        /// Each file's path below the folder it was found in (`sport/final.txt` for
        /// `desk/sport/final.txt` found by walking `desk`); a named file's own name. What
        /// `run --output` mirrors, so two walked folders' `a.txt` do not meet.
        public var relativeNames: [String: String] = [:]

        public init() {}
    }

    public func expand(_ arguments: [String]) -> Selection {
        var selection = Selection()
        for argument in arguments {
            var status = stat()
            guard argument != "-", stat(argument, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
                // Named explicitly: taken as it is; reading it says what is wrong with it.
                selection.files.append(argument)
                if selection.relativeNames[argument] == nil {
                    selection.relativeNames[argument] = argument == "-" ? "stdin" : (argument as NSString).lastPathComponent
                }
                continue
            }
            var found: [String] = []
            var byExtension: [String: Int] = [:]
            walk(argument, depth: 0, into: &found, notes: &selection.notes, byExtension: &byExtension)
            selection.files += found.sorted()
            let prefix = argument == "." ? "" : argument.hasSuffix("/") ? argument : argument + "/"
            for path in found where selection.relativeNames[path] == nil {
                selection.relativeNames[path] = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : (path as NSString).lastPathComponent
            }
            let skipped = byExtension.values.reduce(0, +)
            if skipped > 0 {
                selection.skippedByExtension += skipped
                let kinds = byExtension.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(6)
                    .map { "\($0.key.isEmpty ? "no extension" : "." + $0.key) ×\($0.value)" }
                selection.notes.append("\(argument): skipped \(skipped) file\(skipped == 1 ? "" : "s") that are not copy by extension (\(kinds.joined(separator: ", "))\(byExtension.count > 6 ? ", …" : ""))")
            }
        }
        return selection
    }

    private func walk(_ folder: String, depth: Int, into found: inout [String], notes: inout [String], byExtension: inout [String: Int]) {
        guard depth < maximumDepth else {
            notes.append("\(folder): skipped: folder nested deeper than \(maximumDepth) levels")
            return
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            notes.append("\(folder): skipped: cannot list folder (\(String(cString: strerror(errno))))")
            return
        }
        for name in names.sorted() {
            // Hidden files and folders, and `.git/`, `.build/`, `.copydesk/`: never copy of the desk.
            if name.hasPrefix(".") || Self.neverWalked.contains(name) { continue }
            // `copydesk lint .` reports `stories/a.txt`, not `./stories/a.txt` (as git and CI paths are).
            let path = folder == "." ? name : (folder as NSString).appendingPathComponent(name)
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            var mode = status.st_mode & S_IFMT
            if mode == S_IFLNK {
                var target = stat()
                guard stat(path, &target) == 0 else {
                    notes.append("\(path): skipped: broken symbolic link")
                    continue
                }
                if target.st_mode & S_IFMT == S_IFDIR {
                    notes.append("\(path): skipped: symbolic link to a folder, not followed")
                    continue
                }
                mode = target.st_mode & S_IFMT
            }
            if mode == S_IFDIR {
                walk(path, depth: depth + 1, into: &found, notes: &notes, byExtension: &byExtension)
                continue
            }
            if mode != S_IFREG {
                notes.append("\(path): skipped: \(InputFiles.notRegularKind(mode) ?? "special file"), not a regular file")
                continue
            }
            if let filter, !filter(path) { continue }
            let fileExtension = (name as NSString).pathExtension.lowercased()
            guard extensions.contains(fileExtension) else {
                byExtension[fileExtension, default: 0] += 1
                continue
            }
            switch Self.sniff(path) {
            case .copy: found.append(path)
            case .binary(let kind): notes.append("\(path): skipped: binary file (\(kind)), not copy")
            case .special(let kind): notes.append("\(path): skipped: \(kind), not a regular file")
            // Reading it reports the error, naming the file, with the rest of the batch.
            case .unreadable: found.append(path)
            }
        }
    }

    /// What a walk would do with a file given by a tool rather than found by the walk (pre-commit's
    /// staged files, with `--config-filter`): nil to take it, `.filtered` when the repo config or
    /// the extension list leaves it out, `.skipped(note)` when it is not copy.
    public enum Verdict: Sendable, Equatable {
        case filtered
        case skipped(String)
    }

    public func verdict(forNamed path: String) -> Verdict? {
        if let filter, !filter(path) { return .filtered }
        guard extensions.contains((path as NSString).pathExtension.lowercased()) else { return .filtered }
        switch Self.sniff(path) {
        case .copy, .unreadable: return nil
        case .binary(let kind): return .skipped("\(path): skipped: binary file (\(kind)), not copy")
        case .special(let kind): return .skipped("\(path): skipped: \(kind), not a regular file")
        }
    }

    enum Sniff { case copy, binary(String), special(String), unreadable }

    /// Reads a file's first block (without blocking, should it have turned into a FIFO).
    static func sniff(_ path: String) -> Sniff {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .unreadable }
        if let kind = InputFiles.notRegularKind(status.st_mode) { return .special(kind) }
        var block = [UInt8](repeating: 0, count: ContentSniffer.blockSize)
        var filled = 0
        while filled < block.count {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                return .unreadable
            }
            if count == 0 { break }
            filled += count
        }
        if let kind = ContentSniffer.binaryKind(block[0..<filled]) { return .binary(kind) }
        return .copy
    }
}
