import ArgumentParser
import Copydesk

/// How large a story may be, and when a wire stream is read story by story instead of whole.
struct StreamOptions: ParsableArguments {
    @Option(name: .customLong("max-story-size"),
            help: "Refuse a story larger than this (a stream's message, or a whole file of another format), e.g. 64MB, 512KB; the batch goes on.")
    var maxStorySize: ByteSize = ByteSize(bytes: 64 << 20)

    /// Wire streams (and, for normalize, plain-text files) from this size on are read,
    /// processed and written one story (or run of paragraphs) at a time. Hidden: for checking
    /// that the two paths agree and for measuring them (`--stream-above 1GB` reads whole).
    @Option(name: .customLong("stream-above"), help: .hidden)
    var streamAbove: ByteSize = ByteSize(bytes: 8 << 20)

    /// The largest story Copydesk takes: text positions inside a story are 32-bit (see
    /// `Tokenizer.Word`), and a story this big is a corrupt feed, not copy.
    static let largestStory = 1 << 30

    func validate() throws {
        if maxStorySize.bytes > Self.largestStory {
            throw ValidationError("--max-story-size is at most 1GB (a story, not a file: a larger stream is read story by story)")
        }
    }

    func configure(_ runner: inout BatchRunner) {
        runner.streamAbove = streamAbove.bytes
        runner.maximumStorySize = maxStorySize.bytes
        runner.maximumFileSize = max(runner.maximumFileSize, maxStorySize.bytes)
    }
}

/// A size given as `65536`, `512KB`, `64MB` or `1GB` (K, M and G are powers of 1024).
struct ByteSize: ExpressibleByArgument, Sendable {
    var bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        var text = argument.uppercased()
        if text.hasSuffix("B") { text.removeLast() }
        var scale = 1
        switch text.last {
        case "K": scale = 1 << 10
        case "M": scale = 1 << 20
        case "G": scale = 1 << 30
        default: break
        }
        if scale > 1 { text.removeLast() }
        guard let value = Int(text), value > 0, value <= Int.max / scale else { return nil }
        bytes = value * scale
    }

    var defaultValueDescription: String { bytes % (1 << 20) == 0 ? "\(bytes >> 20)MB" : "\(bytes)" }
}
