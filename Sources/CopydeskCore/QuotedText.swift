/// Input text quoted inside a message, kept short whatever the input.
///
/// A finding quotes what it found ("mojibake "CafÃ©" repaired…", "'é' is not in NFC…"), and what
/// it found can be as long as the file: a 2 MB run of combining marks is one word and one
/// grapheme. Every message that quotes input goes through `bounded`, so a report's size is set
/// by the number of findings, never by the length of what they quote.
public enum QuotedText {
    /// Characters a quotation keeps before it is cut with `…`.
    public static let limit = 60
    /// Characters a whole message keeps (`Story.report` cuts a longer one): the net under a rule
    /// that quotes without `bounded`.
    public static let messageLimit = 1000

    /// `text` itself when it has at most `limit` characters, else its first `limit` characters
    /// and `…`. It looks at no more than `4 × limit` scalars, so it costs the same for a word and
    /// for a run of a million combining marks (cut by scalars, as such a run is one character).
    public static func bounded(_ text: some StringProtocol, limit: Int = QuotedText.limit) -> String {
        let scalars = text.unicodeScalars
        let budget = 4 * max(1, limit)
        guard let cut = scalars.index(scalars.startIndex, offsetBy: budget, limitedBy: scalars.endIndex), cut < scalars.endIndex else {
            let whole = String(text)
            return whole.count > limit ? String(whole.prefix(limit)) + "…" : whole
        }
        let head = String(String.UnicodeScalarView(scalars[..<cut]))
        return head.count > limit ? String(head.prefix(limit)) + "…" : head + "…"
    }
}
