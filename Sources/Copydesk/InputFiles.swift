import Foundation

/// Reading inputs and writing results without ever leaving a user's file half-written.
public enum InputFiles {
    /// The bytes of a file, or of standard input for `-`. Directories, anything else that is not
    /// a regular file (a FIFO, socket or device would block or never end), missing or unreadable
    /// files, files over `limit` bytes and binary files (`ContentSniffer`) are errors naming the path.
    public static func read(_ path: String, limit: Int = 256 << 20, refuseBinary: Bool = true) throws -> [UInt8] {
        if path == "-" {
            // Read in chunks and stop past the limit: an endless stream must not fill memory first.
            let bytes = try readAll(descriptor: 0, name: "<stdin>", limit: limit, expected: 0) {
                "input is larger than \(limit >> 20) MB"
            }
            if refuseBinary, let kind = ContentSniffer.binaryKind(bytes) {
                throw CopydeskError.input(file: "<stdin>", message: "binary input (\(kind)), not copy: not read")
            }
            return bytes
        }
        // Opened without blocking and checked on the descriptor: a FIFO would block open() itself,
        // and a path checked first could be swapped for one before the open.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { throw CopydeskError.input(file: path, message: "cannot read file (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw CopydeskError.input(file: path, message: "cannot read file (\(String(cString: strerror(errno))))")
        }
        if let kind = notRegularKind(status.st_mode) {
            throw CopydeskError.input(file: path, message: kind == "directory" ? "is a directory" : "is a \(kind), not a regular file: not read")
        }
        guard Int(status.st_size) <= limit else {
            throw CopydeskError.input(file: path, message: "file is \(Int(status.st_size) >> 20) MB, over the \(limit >> 20) MB limit")
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        let bytes = try readAll(descriptor: descriptor, name: path, limit: limit, expected: Int(status.st_size)) {
            "file is over the \(limit >> 20) MB limit"
        }
        if refuseBinary, let kind = ContentSniffer.binaryKind(bytes) {
            throw CopydeskError.input(file: path, message: "binary file (\(kind)), not copy: not read, nothing written")
        }
        return bytes
    }

    /// What a file of mode `mode` is when it is not a regular file ("FIFO", "socket", …); nil for
    /// a regular file.
    public static func notRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "directory"
        case S_IFIFO: "FIFO (named pipe)"
        case S_IFSOCK: "socket"
        case S_IFCHR: "character device"
        case S_IFBLK: "block device"
        case S_IFLNK: "symbolic link"
        default: "special file"
        }
    }

    private static func readAll(descriptor: Int32, name: String, limit: Int, expected: Int, overLimit: () -> String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(expected, limit))
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CopydeskError.input(file: name, message: "read failed (\(String(cString: strerror(errno))))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > limit { throw CopydeskError.input(file: name, message: overLimit()) }
        }
        return bytes
    }

    /// Writes every byte (retrying interrupted writes); the error text on failure.
    private static func writeAll(_ text: String, to descriptor: Int32) -> String? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { buffer -> String? in
            var written = 0
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                written += count
            }
            return nil
        }
    }

    /// Writes into an existing device or pipe.
    private static func writeInPlace(_ text: String, to path: String, requestedPath: String) throws {
        let descriptor = open(path, O_WRONLY)
        guard descriptor >= 0 else {
            throw CopydeskError.input(file: requestedPath, message: "cannot write (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        if let failure = writeAll(text, to: descriptor) { throw CopydeskError.input(file: requestedPath, message: "cannot write (\(failure))") }
    }

    /// Replaces `path` with `text` atomically: a temporary file in the same directory, flushed to
    /// disk, given the original's permissions, then renamed over it. On any failure the original
    /// is untouched and the temporary file removed.
    /// A device or pipe at `path` is written to, never replaced. With `overwrite: false` an
    /// existing file (or link, or device) is an error and is left alone: the complete file is
    /// linked into place, which fails rather than replaces if another process made one meanwhile.
    public static func writeAtomically(_ text: String, to requestedPath: String, overwrite: Bool = true) throws {
        var existing = stat()
        if !overwrite, lstat(requestedPath, &existing) == 0 {
            throw CopydeskError.input(file: requestedPath, message: "exists: not overwritten (--force replaces it)")
        }
        // Through a symlink, replace the file it points to and keep the link.
        // stat follows links itself: `/dev/stdout` → `/proc/self/fd/1` → a pipe has no path to resolve.
        if stat(requestedPath, &existing) == 0 {
            switch existing.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw CopydeskError.input(file: requestedPath, message: "is a directory, not a file to write")
            default:
                // A device or pipe (`/dev/stdout`, `/dev/null`, a FIFO) is written to as it is:
                // renaming a file over it would replace the device with a regular file.
                try writeInPlace(text, to: requestedPath, requestedPath: requestedPath)
                return
            }
        }
        let path = resolvedSymlink(requestedPath)
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        StaleTemporaryFiles.cleanOnce(directory.isEmpty ? "." : directory)
        let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).copydesk-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var mode: mode_t = 0o644
        var status = stat()
        let existed = stat(path, &status) == 0
        if existed { mode = status.st_mode & 0o7777 }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else {
            throw CopydeskError.input(file: requestedPath, message: "cannot write (\(String(cString: strerror(errno))))")
        }
        var failure = writeAll(text, to: descriptor)
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil {
            fchmod(descriptor, mode)
            // Keep the owner and group (possible for root, or for a group the user is in).
            if existed { _ = fchown(descriptor, status.st_uid, status.st_gid) }
        }
        close(descriptor)
        if failure == nil, overwrite, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil, !overwrite {
            if link(temporary, path) != 0 {
                failure = errno == EEXIST ? "it was created meanwhile: not overwritten" : String(cString: strerror(errno))
            }
            unlink(temporary)
        }
        if failure == nil {
            // The rename itself reaches the disk only with the directory: a crash right after a
            // successful run must not bring the old file back.
            let folder = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY)
            if folder >= 0 { fsync(folder); close(folder) }
        }
        if let failure {
            unlink(temporary)
            throw CopydeskError.input(file: requestedPath, message: "cannot write (\(failure)); the original is unchanged")
        }
    }

    /// The final target of a chain of symlinks (relative links resolved against their folder);
    /// the path itself when it is not a link or the chain is too long.
    static func resolvedSymlink(_ path: String) -> String {
        var current = path
        for _ in 0..<32 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = target.hasPrefix("/") ? target : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        }
        return current
    }
}
