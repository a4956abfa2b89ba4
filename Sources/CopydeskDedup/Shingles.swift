/// Word shingles: every run of `size` consecutive words, as one 64-bit hash.
///
/// The default size is 5 for stories and 3 for briefs (see `MatchSettings`). Five words is the
/// usual choice for news-length text: long enough that two different stories on the same topic
/// share few shingles by chance ("said on Thursday that the" is common, "Xi Jinping met Vladimir
/// Putin" less so), short enough that an edited word costs only five shingles. In a 40-word brief
/// one edited word would cost 5 of ~36 shingles; with 3 it costs 3, so briefs keep more signal.
public struct Shingler: Sendable, Hashable {
    public let size: Int

    public init(size: Int) {
        precondition(size >= 1, "shingle size must be at least 1")
        self.size = size
    }

    /// Shingle hashes in text order (duplicates kept). Text shorter than `size` words is one
    /// shingle of all its words; no words, no shingles.
    public func shingles(_ words: [UInt64]) -> [UInt64] {
        guard !words.isEmpty else { return [] }
        let seed = 0x5348_494E_0000_0000 | UInt64(size)  // "SHIN" + k
        if words.count <= size {
            var state = seed
            for word in words { state = XXH64.combine(state, word) }
            return [XXH64.finish(state)]
        }
        let count = words.count - size + 1
        return [UInt64](unsafeUninitializedCapacity: count) { out, initialized in
            words.withUnsafeBufferPointer { w in
                for start in 0..<count {
                    var state = seed
                    for offset in 0..<size { state = XXH64.combine(state, w[start + offset]) }
                    out[start] = XXH64.finish(state)
                }
            }
            initialized = count
        }
    }

    /// The distinct shingles, sorted: the set exact Jaccard and containment are computed on.
    public func shingleSet(_ words: [UInt64]) -> [UInt64] {
        var values = shingles(words)
        values.sort()
        var write = 0
        for read in values.indices where read == 0 || values[read] != values[read - 1] {
            values[write] = values[read]
            write += 1
        }
        values.removeLast(values.count - write)
        return values
    }
}

/// Exact set measures on sorted distinct arrays.
public enum SetSimilarity {
    /// Size of the intersection of two sorted distinct arrays.
    public static func intersectionCount(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var i = 0, j = 0, count = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { count += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return count
    }

    /// |A ∩ B| / |A ∪ B|; 1 for two empty sets.
    public static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        let shared = intersectionCount(a, b)
        return Double(shared) / Double(a.count + b.count - shared)
    }

    /// |A ∩ B| / |A|: how much of `a` is in `b`.
    public static func containment(of a: [UInt64], in b: [UInt64]) -> Double {
        a.isEmpty ? 0 : Double(intersectionCount(a, b)) / Double(a.count)
    }
}

/// An open-addressing set of 64-bit hashes (shingles are XXH64 outputs, so their low bits index
/// the table directly). Matching counts shared shingles with it instead of sorting each
/// candidate's shingles: one probe or two per shingle.
struct HashSet64 {
    private var slots: [UInt64]
    private let mask: Int
    private var hasZero = false
    /// Distinct values inserted.
    private(set) var count = 0

    /// Room for `capacity` values; never more may be inserted.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    init(_ values: [UInt64]) {
        self.init(capacity: values.count)
        for value in values { insert(value) }
    }

    /// Adds `value`; true when it was not there yet.
    @discardableResult
    mutating func insert(_ value: UInt64) -> Bool {
        if value == 0 {
            if hasZero { return false }
            hasZero = true
            count += 1
            return true
        }
        let mask = self.mask
        return slots.withUnsafeMutableBufferPointer { slots in
            var index = Int(truncatingIfNeeded: value) & mask
            while true {
                let slot = slots[index]
                if slot == value { return false }
                if slot == 0 {
                    slots[index] = value
                    count += 1
                    return true
                }
                index = (index + 1) & mask
            }
        }
    }

    func contains(_ value: UInt64) -> Bool {
        if value == 0 { return hasZero }
        return slots.withUnsafeBufferPointer { slots in
            var index = Int(truncatingIfNeeded: value) & mask
            while true {
                let slot = slots[index]
                if slot == value { return true }
                if slot == 0 { return false }
                index = (index + 1) & mask
            }
        }
    }
}

/// An open-addressing map from 64-bit hashes to 64-bit masks (which of up to 64 paragraphs hold a
/// word pair), for the shared-paragraph test of matching.
struct HashMasks64 {
    private var keys: [UInt64]
    private var masks: [UInt64]
    private let mask: Int
    private var zeroMask: UInt64 = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        masks = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// ORs `bits` into the mask of `key` (at most `capacity` distinct keys).
    mutating func add(_ key: UInt64, _ bits: UInt64) {
        if key == 0 { zeroMask |= bits; return }
        var index = Int(truncatingIfNeeded: key) & mask
        while true {
            let slot = keys[index]
            if slot == key { masks[index] |= bits; return }
            if slot == 0 { keys[index] = key; masks[index] = bits; return }
            index = (index + 1) & mask
        }
    }

    func bits(_ key: UInt64) -> UInt64 {
        if key == 0 { return zeroMask }
        var index = Int(truncatingIfNeeded: key) & mask
        while true {
            let slot = keys[index]
            if slot == key { return masks[index] }
            if slot == 0 { return 0 }
            index = (index + 1) & mask
        }
    }
}
