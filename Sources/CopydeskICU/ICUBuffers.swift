import CICU

// Moving text in and out of the C shim without detours through Foundation.

extension String {
    /// The string's UTF-8 bytes, contiguous; copies only for bridged/non-contiguous strings.
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }

    /// Same as `withUTF8Bytes`, typed for the shim's `const char *` parameters.
    func withCChars<R>(_ body: (UnsafePointer<CChar>?, Int32) throws -> R) throws -> R {
        try withUTF8Bytes { bytes in
            let count = try ICUError.length32(bytes.count)
            return try body(UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self), count)
        }
    }
}

extension cicu_buffer {
    /// Takes ownership of a shim-allocated buffer holding UTF-8 and frees it.
    mutating func takeString() -> String {
        defer { cicu_buffer_free(&self) }
        let bytes = UnsafeRawBufferPointer(start: data, count: Int(size))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Takes ownership of a shim-allocated buffer holding an array of `T` and frees it.
    mutating func takeArray<T: BitwiseCopyable>(of _: T.Type) -> [T] {
        defer { cicu_buffer_free(&self) }
        let count = Int(size) / MemoryLayout<T>.stride
        let source = UnsafeRawBufferPointer(start: data, count: count * MemoryLayout<T>.stride)
        return [T](unsafeUninitializedCapacity: count) { destination, initialized in
            if count > 0 { UnsafeMutableRawBufferPointer(destination).copyMemory(from: source) }
            initialized = count
        }
    }
}
