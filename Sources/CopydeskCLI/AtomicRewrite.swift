import Copydesk
import Foundation

/// A file rewritten in parts (the stories of a stream, as each is done): the parts go to a
/// temporary file beside it, which replaces the file only once it is complete (`commit`), so a
/// failure part-way leaves the original as it was.
final class AtomicRewrite {
    let path: String
    private let temporary: String
    private var descriptor: Int32
    private let mode: mode_t

    init(path requested: String) throws {
        var status = stat()
        guard stat(requested, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw CopydeskError.input(file: requested, message: "not a regular file; not rewritten")
        }
        // Through a symlink, replace the file it points to and keep the link.
        path = (requested as NSString).resolvingSymlinksInPath
        mode = status.st_mode & 0o7777
        let directory = (path as NSString).deletingLastPathComponent
        temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).copydesk-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else {
            throw CopydeskError.input(file: requested, message: "cannot write (\(String(cString: strerror(errno))))")
        }
    }

    func append(_ text: String) throws {
        var text = text
        let failure: Int32? = text.withUTF8 { bytes in
            var written = 0
            while written < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += count
            }
            return nil
        }
        if let failure {
            abandon()
            throw CopydeskError.input(file: path, message: "cannot write (\(String(cString: strerror(failure)))); not rewritten")
        }
    }

    func commit() throws {
        guard descriptor >= 0 else { return }
        var failure: Int32?
        if fsync(descriptor) != 0 { failure = errno }
        fchmod(descriptor, mode)
        close(descriptor)
        descriptor = -1
        if failure == nil, rename(temporary, path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw CopydeskError.input(file: path, message: "cannot write (\(String(cString: strerror(failure)))); not rewritten")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let folder = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY)
        if folder >= 0 { fsync(folder); close(folder) }
    }

    /// Drops the temporary file; the original stays.
    func abandon() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporary)
    }

    deinit { abandon() }
}
