/// Turns a decoded input file into a `Story`: one type per wire format.
///
/// Readers keep every block tied to its bytes in the file (`MappedText`), so findings land on the
/// right line of the original, whatever the format.
public protocol StoryReader: Sendable {
    /// Name used by `--input-format` and pipeline files, e.g. `plain`.
    static var name: String { get }
    /// How sure the reader is that it can read this file, from its content and path: 0 (no) to 100.
    static func confidence(for source: SourceFile) -> Int
    static func read(_ source: SourceFile) throws -> Story
    /// Every story in the file, for formats that carry several (ANPA and IPTC 7901 streams).
    static func readAll(_ source: SourceFile) throws -> [Story]
}

extension StoryReader {
    public static func readAll(_ source: SourceFile) throws -> [Story] { [try read(source)] }
}

/// The readers a run may choose from, by name or by sniffing content.
public struct ReaderRegistry: Sendable {
    private var readers: [any StoryReader.Type]

    public init(_ readers: [any StoryReader.Type]) {
        self.readers = readers
    }

    public mutating func register(_ reader: any StoryReader.Type) {
        readers.removeAll { $0.name == reader.name }
        readers.append(reader)
    }

    public var names: [String] { readers.map { $0.name } }

    public func reader(named name: String) -> (any StoryReader.Type)? {
        readers.first { $0.name == name }
    }

    /// `format` is `auto` or a reader name; `auto` picks the most confident reader (ties: earlier).
    public func read(_ source: SourceFile, format: String = "auto") throws -> Story {
        try chooseReader(source, format: format).read(source)
    }

    /// Every story in the file (one for most formats, several for a wire stream).
    public func readAll(_ source: SourceFile, format: String = "auto") throws -> [Story] {
        try chooseReader(source, format: format).readAll(source)
    }

    /// The name of the reader `format` (`auto` or a name) picks for this file.
    public func readerName(for source: SourceFile, format: String = "auto") throws -> String {
        try chooseReader(source, format: format).name
    }

    private func chooseReader(_ source: SourceFile, format: String) throws -> any StoryReader.Type {
        if format != "auto" {
            guard let reader = reader(named: format) else {
                throw CopydeskError.usage("unknown input format '\(format)' (known: \(names.joined(separator: ", ")))")
            }
            return reader
        }
        var best: (any StoryReader.Type)?
        var bestScore = 0
        for reader in readers {
            let score = reader.confidence(for: source)
            if score > bestScore { best = reader; bestScore = score }
        }
        guard let best else {
            throw CopydeskError.input(file: source.path, message: "no reader recognises this file (known formats: \(names.joined(separator: ", ")))")
        }
        return best
    }
}
