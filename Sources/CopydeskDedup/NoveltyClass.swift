/// The class of a match, decided by what an editor would have to read.
///
/// The similarity thresholds find the earlier story and say how close it is; they cannot say
/// whether the new version carries news. Two paragraphs added to a 30-paragraph story move the
/// shingle Jaccard by a few hundredths, so a write-through can score above the `duplicate`
/// threshold. A desk spikes duplicates, so the class follows the paragraph novelty instead:
///
/// - any `new` paragraph, or a `changed` one whose change is more than trivial, makes a match of
///   class `duplicate` or `update` an **update**;
/// - a match of class `duplicate` or `update` with nothing new to read (every paragraph seen, or
///   changed only trivially; paragraphs may have been dropped or moved) is a **duplicate**;
/// - `related` stays `related`: a story that only shares a paragraph or two is other copy.
///
/// Trivial is what an editor does not need to re-read: punctuation, case and spacing (matching
/// ignores them already, so such paragraphs are `seen`), the dateline (not part of the matched
/// text), and typo fixes: a word, or two adjacent words, replaced by a spelling within one edit
/// (two for words of eight letters or more). Never trivial: a changed figure (any digit), a word
/// added or removed, a short word replaced ("now" → "not"), a different word.
public enum NoveltyClass {
    /// The final class of a match that the thresholds gave `similarityClass`.
    public static func decide(_ similarityClass: DedupClass, paragraphs: [ParagraphNovelty]) -> DedupClass {
        guard similarityClass == .duplicate || similarityClass == .update else { return similarityClass }
        return paragraphs.contains(where: needsReading) ? .update : .duplicate
    }

    /// Whether the paragraph holds something an editor has not read in the earlier version.
    public static func needsReading(_ paragraph: ParagraphNovelty) -> Bool {
        switch paragraph.status {
        case .seen: false
        case .new: true
        case .changed: paragraph.diff.map { !isTrivial($0) } ?? true
        }
    }

    /// Whether every edit of the diff is a typo fix (see the type's description).
    public static func isTrivial(_ diff: WordDiff) -> Bool {
        var index = 0
        let parts = diff.parts
        var edits = 0
        while index < parts.count {
            let part = parts[index]
            switch part.operation {
            case .same:
                index += 1
            case .added:
                return false   // words added with nothing removed
            case .removed:
                guard index + 1 < parts.count, parts[index + 1].operation == .added else { return false }
                guard isTypoFix(part.text, parts[index + 1].text) else { return false }
                edits += 1
                index += 2
            }
        }
        return edits > 0
    }

    /// `old` → `new` as a spelling fix of one word (or two run together or split apart).
    static func isTypoFix(_ old: String, _ new: String) -> Bool {
        let oldWords = old.split(separator: " "), newWords = new.split(separator: " ")
        guard oldWords.count <= 2, newWords.count <= 2 else { return false }
        guard let a = letters(old), let b = letters(new) else { return false }
        if a == b { return a.count >= 4 }   // the same letters split or joined ("any way" → "anyway")
        let shorter = min(a.count, b.count)
        guard shorter >= 4 else { return false }
        let allowed = shorter >= 8 ? 2 : 1
        return editDistance(a, b, limit: allowed) <= allowed
    }

    /// The letters of `text`, lowercased; nil when it holds a digit (a figure is never a typo).
    static func letters(_ text: String) -> [Character]? {
        var result: [Character] = []
        for character in text.lowercased() {
            if character.isNumber { return nil }
            if character.isLetter { result.append(character) }
        }
        return result
    }

    /// Optimal string alignment distance (Levenshtein with adjacent transpositions), stopping
    /// once it must exceed `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        let m = b.count
        guard !a.isEmpty, m > 0 else { return max(a.count, m) }
        var before = [Int](repeating: 0, count: m + 1)
        var previous = Array(0...m)
        var current = [Int](repeating: 0, count: m + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...m {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, before[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[m]
    }
}
