/// How an incoming story relates to what the archive has seen.
public enum DedupClass: String, Sendable, Codable, CaseIterable {
    /// Nothing similar in the archive.
    case new
    /// The same story again (same normalized body, or similarity at or above the duplicate threshold).
    case duplicate
    /// A later version of an earlier story: a write-through, a correction, an added paragraph.
    case update
    /// The same event or topic, not the same story (another agency's report, a sidebar).
    case related
}
