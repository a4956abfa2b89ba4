import CopydeskFormats
import CopydeskCore
import Foundation

/// A new source story made ready for the translator: each block looked up in the translation
/// memory and written as an XLIFF 1.2 unit, its target pre-filled from an earlier translation when
/// there is one.
///
/// - exact (100%): `<target state="translated" state-qualifier="exact-match">`;
/// - fuzzy (≥ threshold): `<target state="needs-review-translation" state-qualifier="fuzzy-match">`,
///   an `<alt-trans match-quality="87%">` with the earlier source and translation, and a note
///   saying what to check;
/// - new: an empty `<target state="new"/>`.
///
/// Every block of the story is a unit (the headline too), in reading order, with ids 1, 2, …;
/// `resname` says the block's kind. XLIFF whitespace is not significant, so each text is written
/// on one line with its whitespace runs collapsed.
public struct TranslationPreparer: Sendable {
    public enum Status: Sendable, Hashable {
        case exact
        case fuzzy(Int)
        case new
    }

    public struct Unit: Sendable {
        public var kind: TextBlock.Kind
        public var source: String
        public var match: MemoryMatch?
        public var status: Status {
            guard let match else { return .new }
            return match.isExact ? .exact : .fuzzy(match.score)
        }
    }

    public var units: [Unit]
    public var sourceLanguage: String
    public var targetLanguage: String
    /// The source file's name as the XLIFF `file@original` gives it.
    public var original: String

    /// Looks up every block of `story` with text.
    public init(story: Story, original: String, memory: (any TranslationMemoryStore)?, sourceLanguage: String, targetLanguage: String,
                threshold: Int) async throws {
        let blocks = story.blocks.filter { !MemoryText.collapsingWhitespace($0.string).isEmpty }
        let texts = blocks.map { MemoryText.collapsingWhitespace($0.string) }
        var matches: [MemoryMatch?] = texts.map { _ in nil }
        if let memory {
            matches = try await memory.lookup(texts, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, threshold: threshold, candidates: 100)
        }
        units = zip(blocks, zip(texts, matches)).map { Unit(kind: $0.kind, source: $1.0, match: $1.1) }
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.original = original
    }

    /// "12 paragraphs: 9 exact, 2 fuzzy (87%, 76%), 1 new".
    public var summary: String {
        var exact = 0, new = 0
        var fuzzy: [Int] = []
        for unit in units {
            switch unit.status {
            case .exact: exact += 1
            case .fuzzy(let score): fuzzy.append(score)
            case .new: new += 1
            }
        }
        var line = "\(units.count) paragraph\(units.count == 1 ? "" : "s"): \(exact) exact, \(fuzzy.count) fuzzy"
        // Every percentage for a story; the first dozen for a long file.
        if !fuzzy.isEmpty { line += " (" + fuzzy.prefix(12).map { "\($0)%" }.joined(separator: ", ") + (fuzzy.count > 12 ? ", …" : "") + ")" }
        return line + ", \(new) new"
    }

    /// The XLIFF 1.2 document.
    public func xliff(toolVersion: String = "0.1.0") -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file original="\(Self.escape(original))" source-language="\(Self.escape(sourceLanguage))" target-language="\(Self.escape(targetLanguage))" datatype="plaintext">
                <header>
                  <tool tool-id="copydesk" tool-name="Copydesk" tool-version="\(Self.escape(toolVersion))"/>
                </header>
                <body>

            """
        for (index, unit) in units.enumerated() {
            let name = unit.kind == .paragraph ? "paragraph" : unit.kind.rawValue
            out += "      <trans-unit id=\"\(index + 1)\" resname=\"\(name)\">\n"
            out += "        <source>\(Self.escape(unit.source))</source>\n"
            switch unit.status {
            case .new:
                out += "        <target state=\"new\"/>\n"
            case .exact:
                let segment = unit.match!.segment
                out += "        <target state=\"translated\" state-qualifier=\"exact-match\">\(Self.escape(segment.target))</target>\n"
                out += "        <note from=\"copydesk\">exact match from \(Self.escape(segment.originDescription))</note>\n"
            case .fuzzy(let score):
                let segment = unit.match!.segment
                out += "        <target state=\"needs-review-translation\" state-qualifier=\"fuzzy-match\">\(Self.escape(segment.target))</target>\n"
                out += "        <note from=\"copydesk\">fuzzy match \(score)% from \(Self.escape(segment.originDescription)): the source changed since; check the translation against the earlier source in alt-trans</note>\n"
                out += "        <alt-trans match-quality=\"\(score)%\" origin=\"\(Self.escape(segment.originDescription))\">\n"
                out += "          <source\(Self.lang(segment.sourceLanguage))>\(Self.escape(segment.source))</source>\n"
                out += "          <target\(Self.lang(segment.targetLanguage))>\(Self.escape(segment.target))</target>\n"
                out += "        </alt-trans>\n"
            }
            out += "      </trans-unit>\n"
        }
        out += "    </body>\n  </file>\n</xliff>\n"
        return out
    }

    /// The shape XLIFF requires of a language (`xsd:language`): 1–8 letters, then subtags of 1–8
    /// letters and digits.
    public static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    private static func lang(_ tag: String) -> String {
        isLanguageTag(tag) ? " xml:lang=\"\(tag)\"" : ""
    }

    static func escape(_ text: String) -> String { XMLEscaping.escape(text) }
}
