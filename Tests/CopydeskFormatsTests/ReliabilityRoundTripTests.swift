import CopydeskTestSupport
import Copydesk
import Foundation
import Testing

/// Writing a story as NITF or ninjs and reading it back loses no paragraph and no metadata, for
/// generated stories (text as the normalize stage leaves it: the writers' input in a real run).
@Suite struct ReliabilityRoundTripTests {
    static let normalize = try! NormalizeStage()

    static func story(using generator: inout WireTextGenerator) throws -> Story {
        var text = ""
        for index in 0..<Int.random(in: 1...6, using: &generator) {
            if index > 0 { text += "\n\n" }
            text += generator.text(maxFragments: 25)
        }
        var story = try PlainTextReader.read(SourceFile(path: "story.txt", text: text))
        try normalize.normalize(&story)
        var metadata = StoryMetadata()
        func maybe(_ value: String) -> String? { Bool.random(using: &generator) ? value : nil }
        metadata.id = maybe("urn:newsml:example.com:\(generator.next() % 100_000):" + generator.pick(WireTextGenerator.words))
        metadata.slug = maybe(generator.pick(WireTextGenerator.words) + "-" + generator.pick(WireTextGenerator.foreign))
        metadata.version = maybe(String(generator.next() % 9 + 1))
        metadata.language = maybe(generator.pick(["en", "el", "ru", "en-GB", "zh-Hans"]))
        metadata.agency = maybe(generator.pick(["AP", "Reuters", "ANA-MPA", "ТАСС", "Agence France-Presse & co"]))
        metadata.priority = maybe(String(generator.next() % 9 + 1))
        metadata.created = maybe("x").map { _ in Date(timeIntervalSince1970: TimeInterval(1_500_000_000 + generator.next() % 300_000_000)) }
        metadata.updated = metadata.created.map { $0.addingTimeInterval(TimeInterval(generator.next() % 86_400)) }
        story.metadata = metadata
        return story
    }

    /// What a paragraph must come back as: its text (a paragraph's own line breaks and space runs
    /// may be re-flowed by XML/HTML readers, so whitespace runs compare as one space).
    ///
    /// Scalars, not Characters: a reader that turns "\n" + U+0301 into " " + U+0301 makes one
    /// grapheme of the two, and Swift calls that grapheme whitespace because it starts with a space.
    static func comparable(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func compare(_ original: Story, _ back: Story, format: String, seed: UInt64, dates: Bool) -> String? {
        // The HTML body readers drop a paragraph of ASCII punctuation only ("_", "* * *"): a
        // separator, not copy. Every paragraph with a letter, a digit or any non-ASCII must return.
        func copy(_ story: Story) -> [String] {
            story.paragraphs.map { comparable($0.string) }
                .filter { $0.unicodeScalars.contains { !$0.isASCII || CharacterSet.alphanumerics.contains($0) } }
        }
        let before = copy(original), after = copy(back)
        if before != after {
            return "\(format): paragraphs differ\n before: \(before.map(escaped))\n after:  \(after.map(escaped))"
        }
        if let headline = original.headline.map({ comparable($0.string) }), !headline.isEmpty,
           back.headline.map({ comparable($0.string) }) != headline {
            return "\(format): headline \(escaped(headline)) came back as \(back.headline.map { escaped($0.string) } ?? "nil")"
        }
        let a = original.metadata, b = back.metadata
        let pairs: [(String, String?, String?)] = [("id", a.id, b.id), ("slug", a.slug, b.slug), ("version", a.version, b.version),
                                                    ("language", a.language, b.language), ("agency", a.agency, b.agency),
                                                    ("priority", a.priority, b.priority)]
        for (name, x, y) in pairs where x != nil && x != y {
            return "\(format): metadata \(name) \(x ?? "nil") came back as \(y ?? "nil")"
        }
        if dates, a.created != nil, a.created != b.created { return "\(format): created \(String(describing: a.created)) came back as \(String(describing: b.created))" }
        if dates, a.updated != nil, a.updated != b.updated { return "\(format): updated \(String(describing: a.updated)) came back as \(String(describing: b.updated))" }
        return nil
    }

    @Test func nitfWriteReadLosesNothing() throws {
        var failures = 0
        try WireTextGenerator.forAllSync(quick: 150) { generator, seed in
            guard failures < 3 else { return }
            let original = try Self.story(using: &generator)
            let back = try NITFReader.read(SourceFile(path: "story.xml", text: NITFWriter.write(original)))
            // NITF carries one date (date.issue), the latest.
            if let problem = Self.compare(original, back, format: "NITF", seed: seed, dates: false) {
                failures += 1
                Issue.record("seed \(seed): \(problem)")
            }
        }
    }

    @Test func ninjsWriteReadLosesNothing() throws {
        var failures = 0
        try WireTextGenerator.forAllSync(quick: 150) { generator, seed in
            guard failures < 3 else { return }
            let original = try Self.story(using: &generator)
            let back = try NinjsReader.read(SourceFile(path: "story.json", text: NinjsWriter.write(original)))
            if let problem = Self.compare(original, back, format: "ninjs", seed: seed, dates: true) {
                failures += 1
                Issue.record("seed \(seed): \(problem)")
            }
        }
    }
}

extension WireTextGenerator {
    static func forAllSync(quick: Int, _ body: (inout WireTextGenerator, UInt64) throws -> Void) rethrows {
        let base = baseSeed
        for index in 0..<iterations(quick: quick) {
            let seed = base &+ UInt64(index) &* 0x1_0000_0001
            var generator = WireTextGenerator(seed: seed)
            try body(&generator, seed)
        }
    }
}
