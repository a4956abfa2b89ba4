import CICU
import Synchronization

/// Owns an ICU service object that is not safe for concurrent use (transliterator, break iterator,
/// spoof checker): every use holds a lock, so value types wrapping it can be `Sendable`.
final class LockedICUObject: Sendable {
    private let pointer: Mutex<UnsafeMutableRawPointer>
    private let close: @convention(c) (UnsafeMutableRawPointer?) -> Void

    init(_ pointer: sending UnsafeMutableRawPointer, close: @escaping @convention(c) (UnsafeMutableRawPointer?) -> Void) {
        self.pointer = Mutex(pointer)
        self.close = close
    }

    /// Opens an object with a shim `open` function, throwing its ICU error.
    convenience init(
        open: (UnsafeMutablePointer<UnsafeMutableRawPointer?>) throws -> Int32,
        close: @escaping @convention(c) (UnsafeMutableRawPointer?) -> Void
    ) throws {
        var raw: UnsafeMutableRawPointer?
        let status = try open(&raw)
        if status > 0 || raw == nil {
            if let raw { close(raw) }
            throw ICUError(code: status > 0 ? status : ICUError.illegalArgument)
        }
        self.init(raw!, close: close)
    }

    func withLock<R: Sendable>(_ body: (UnsafeMutableRawPointer) throws -> R) throws -> R {
        try pointer.withLock { p throws -> R in try body(p) }
    }

    deinit {
        pointer.withLock { close($0) }
    }
}
