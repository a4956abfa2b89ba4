import CopydeskCore
import Foundation

/// Everything matching needs from one story, computed once: its matchable paragraphs, exact
/// hash, MinHash signature and lookup keys.
public struct Fingerprint: Sendable {
    public var id: String
    public var slug: String?
    public var agency: String?
    public var created: Date?
    public var text: MatchText
    public var textHash: String
    /// Whether the story took the brief path.
    public var isBrief: Bool
    public var shingleSize: Int
    public var signature: MinHashSignature
    public var keys: [Int64]

    /// The record the archive keeps for this story.
    public func archived(recorded: Date = Date()) -> ArchivedStory {
        ArchivedStory(id: id, slug: slug, agency: agency, created: created, recorded: recorded, textHash: textHash,
                      shingleSize: shingleSize, signature: signature,
                      paragraphs: text.paragraphs.map { ArchivedParagraph(number: $0.number, hash: $0.hash, text: $0.text) },
                      keys: keys)
    }
}

/// Turns stories into fingerprints.
///
/// **Short briefs** (fewer than `briefWords` words, or one or two paragraphs: about a fifth of
/// wire copy) take their own path, because a 40-word brief has ~36 shingles and one edited word
/// removes five of them:
/// - shingles of `briefShingleSize` (3) words, so an edit costs fewer shingles and the signature,
///   densified from few bins, is steadier; brief signatures live in their own key namespace;
/// - every story also gets paragraph keys (one per paragraph of six words or more) and the exact
///   text key, so a brief that reappears word for word inside a longer write-through, or an
///   exact resend, is found whatever the signatures say;
/// - a slug key, so an urgent and its later write-through under the same slug meet even when
///   the lede was rewritten;
/// - candidates are then compared exactly, with the smaller of the two shingle sizes.
public struct Fingerprinter: Sendable {
    public let settings: MatchSettings
    public let tokenizer: WordTokenizer
    private let hasher: MinHasher
    private let banding: LSHBanding

    public init(settings: MatchSettings = MatchSettings(), tokenizer: WordTokenizer? = nil) throws {
        self.settings = settings
        self.tokenizer = try tokenizer ?? WordTokenizer()
        hasher = MinHasher(length: settings.signatureLength)
        banding = settings.banding
    }

    public func fingerprint(_ story: Story) throws -> Fingerprint {
        let text = try MatchText(story: story, tokenizer: tokenizer)
        let textHash = text.textHash
        let id = story.metadata.id.flatMap { $0.isEmpty ? nil : $0 } ?? Self.derivedID(path: story.source.path, textHash: textHash)
        return fingerprint(text, textHash: textHash, id: id, slug: story.metadata.slug, agency: story.metadata.agency,
                           created: story.metadata.created)
    }

    public func fingerprint(_ text: MatchText, textHash: String, id: String, slug: String? = nil, agency: String? = nil, created: Date? = nil) -> Fingerprint {
        let brief = isBrief(text)
        let k = brief ? settings.briefShingleSize : settings.shingleSize
        let signature = hasher.signature(shingles: Shingler(size: k).shingles(text.allWords))
        var keys = banding.keys(for: signature, namespace: Self.namespace(0x42414E44, k))  // "BAND"
        keys.append(Self.key(0x54455854, Self.textHashPrefix(textHash)))  // "TEXT"
        for paragraph in text.paragraphs where paragraph.words.count >= 6 {
            keys.append(Self.key(0x50415241, paragraph.hash))  // "PARA"
        }
        if let slug = Self.normalizedSlug(slug) {
            keys.append(Self.key(0x534C5547, XXH64.hash(slug)))  // "SLUG"
        }
        return Fingerprint(id: id, slug: slug, agency: agency, created: created, text: text, textHash: textHash,
                           isBrief: brief, shingleSize: k, signature: signature, keys: keys)
    }

    /// The signature of one text, for measurements.
    public func signature(of text: MatchText) -> MinHashSignature {
        let k = isBrief(text) ? settings.briefShingleSize : settings.shingleSize
        return hasher.signature(shingles: Shingler(size: k).shingles(text.allWords))
    }

    public func isBrief(_ text: MatchText) -> Bool {
        text.paragraphs.count <= 2 || text.wordCount < settings.briefWords
    }

    /// `file.txt#1a2b3c4d5e6f`: stable across runs for the same file name and body, distinct for
    /// several stories in one wire stream.
    public static func derivedID(path: String, textHash: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return "\(name)#\(textHash.prefix(12))"
    }

    /// Slugs compare case- and punctuation-insensitively, without version suffixes such as
    /// `1stLd-Writethru` that agencies append.
    static func normalizedSlug(_ slug: String?) -> String? {
        guard let slug, !slug.isEmpty else { return nil }
        let words = slug.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .filter { !isVersionWord($0) }
        return words.isEmpty ? nil : words.joined(separator: "-")
    }

    private static func isVersionWord(_ word: Substring) -> Bool {
        if ["ld", "lead", "writethru", "write", "thru", "urgent", "correction", "corrected", "update", "updated", "sub", "adv", "bc"].contains(word) { return true }
        // 1st, 2nd, 3rd, 4th…; 1stld
        let digits = word.prefix { $0.isNumber }
        guard !digits.isEmpty else { return false }
        let rest = word.dropFirst(digits.count)
        return ["st", "nd", "rd", "th", "stld", "ndld", "rdld", "thld"].contains(rest)
    }

    static func namespace(_ tag: UInt64, _ k: Int) -> UInt64 { XXH64.combine(tag << 32, UInt64(k)) }

    static func key(_ tag: UInt64, _ value: UInt64) -> Int64 {
        Int64(bitPattern: XXH64.finish(XXH64.combine(tag, value)))
    }

    static func textHashPrefix(_ hex: String) -> UInt64 { UInt64(hex.prefix(16), radix: 16) ?? XXH64.hash(hex) }
}
