import CopydeskCore

/// Where the messages of an ANPA-1312 or IPTC 7901 transmission start, found in a file read piece
/// by piece, so a stream of any size can be cut into stories without holding it whole.
///
/// The rule is `WireStream.messageStarts`: an `SOH` opens a message when a header of either
/// format, or an `STX` within a few lines, follows it. That look-ahead never goes further than
/// `lookahead` bytes past the `SOH`, so a caller that hands each `SOH` with that many following
/// bytes gets the same starts as a scan of the whole file.
public enum WireStreamBoundaries {
    /// Bytes after an `SOH` the decision may read (the 400-byte `STX` search and the header line).
    public static let lookahead = 640

    /// Whether the `SOH` at `window[0]` opens a message; `window` is the `SOH` and the bytes after
    /// it (up to `lookahead`, fewer at the end of the file).
    public static func opensMessage(_ window: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = window.first, first == WireBytes.soh else { return false }
        let bytes = Array(window.prefix(lookahead))
        return WireStream.headerStyle(bytes, afterSOH: 0) != .unknown || WireStream.stxFollows(bytes, afterSOH: 0)
    }

    /// Whether the reader of this name splits a file into messages at these starts (ANPA and
    /// IPTC 7901), so its stories can be read one message at a time.
    public static func splitsAtMessages(reader name: String) -> Bool {
        name == ANPAReader.name || name == IPTC7901Reader.name
    }
}
