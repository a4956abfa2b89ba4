/// Paragraphs that are not story text: they differ between versions and agencies without the
/// story changing, so matching leaves them out: credit and contributor lines, editor's notes,
/// copyright and correction notices, sign-offs.
public enum Boilerplate {
    static let prefixes = [
        "(reporting by", "(writing by", "(editing by", "(additional reporting", "(compiled by", "(translated by",
        "reporting by ", "writing by ", "editing by ", "additional reporting by",
        "eds:", "ed's note", "editor's note", "editor’s note", "editors note", "(eds",
        "copyright ", "©", "(c) ", "all rights reserved", "this story has been corrected", "this version corrects",
        "this story has been updated", "more to come", "developing story", "for more information",
    ]
    /// Prefixes that mark boilerplate only in a short paragraph ("Source: RES-EAP").
    static let shortPrefixes = ["source:", "sources:", "follow ap", "follow us", "follow our"]
    static let suffixes = ["contributed to this report.", "contributed to this story.", "contributed reporting."]
    static let whole: Set<String> = ["more", "end", "(end)", "(more)", "###", "-30-", "xxx", "(update)", "ends", "(ends)"]

    public static func isBoilerplate(_ paragraph: String) -> Bool {
        let trimmed = MatchText.trimmed(paragraph)
        let length = trimmed.utf8.count
        if length == 0 { return true }
        // Only the ends are looked at, so a long paragraph costs no more than a short one.
        let head = String(trimmed.prefix(48)).lowercased()
        if length <= 48, whole.contains(head) { return true }
        if prefixes.contains(where: { head.hasPrefix($0) }) { return true }
        if length < 400 {
            let tail = String(trimmed.suffix(40)).lowercased()
            if suffixes.contains(where: { tail.hasSuffix($0) }) { return true }
        }
        if length < 100, shortPrefixes.contains(where: { head.hasPrefix($0) }) { return true }
        guard length <= 48 else { return false }
        let text = head
        // A credit alone: "(ANA-MPA)", "/TASS/", "(AFP)".
        if (text.hasPrefix("(") && text.hasSuffix(")")) || (text.hasPrefix("/") && text.hasSuffix("/")) { return true }
        // AFP sign-off initials: "bur-ab/cd", "jm/dl".
        if text.contains("/"), !text.contains(" "), text.allSatisfy({ ($0 >= "a" && $0 <= "z") || $0 == "/" || $0 == "-" }) { return true }
        // A CMS id alone (GUID).
        if text.utf8.count == 36, text.filter({ $0 == "-" }).count == 4, text.allSatisfy({ $0.isHexDigit || $0 == "-" }) { return true }
        return false
    }
}
