import CopydeskCore
import CopydeskFormats
import Foundation
import Testing

/// Format detection from content: each sample goes to the right reader, whatever its name.
@Suite struct WireConfidenceTests {
    static let registry = ReaderRegistry([
        PlainTextReader.self, MarkdownReader.self, NinjsReader.self, ANPAReader.self, IPTC7901Reader.self,
    ])

    /// The reader `auto` would pick, with the file renamed so only content counts.
    static func pick(_ source: SourceFile, renamedTo path: String = "input") -> String? {
        let renamed = SourceFile(path: path, text: source.text)
        return (try? registry.read(renamed))?.metadata.sourceFormat
    }

    @Test func ninjsSamples() throws {
        for file in try WireSamples.ninjsFiles() {
            let source = try WireSamples.source("ninjs/" + file)
            #expect(Self.pick(source) == "ninjs", "\(file)")
            #expect(Self.pick(source, renamedTo: file) == "ninjs", "\(file)")
            #expect(ANPAReader.confidence(for: source) == 0)
            #expect(IPTC7901Reader.confidence(for: source) == 0)
        }
    }

    @Test func anpaSamples() throws {
        for file in ["anpa/testfile.ap", "anpa/testfile.baycity"] {
            let source = try WireSamples.source(file)
            #expect(Self.pick(source) == "anpa", "\(file)")
            #expect(ANPAReader.confidence(for: source) >= 90)
            #expect(IPTC7901Reader.confidence(for: source) < ANPAReader.confidence(for: source))
            #expect(NinjsReader.confidence(for: source) == 0)
        }
    }

    @Test func iptc7901IsNotANPA() {
        for text in [IPTC7901Fixtures.german, IPTC7901Fixtures.english, IPTC7901Fixtures.urgent] {
            let source = SourceFile(path: "input", text: text)
            #expect(Self.pick(source) == "iptc7901")
            #expect(IPTC7901Reader.confidence(for: source) >= 90)
            #expect(ANPAReader.confidence(for: source) < IPTC7901Reader.confidence(for: source))
        }
    }

    @Test func otherFilesAreLeftToOtherReaders() throws {
        let plain = try WireSamples.source("plain/seed-putin-xi-translated.txt")
        #expect(Self.pick(plain) == "plain")
        let xml = try WireSamples.source("newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml")
        for reader in [NinjsReader.self, ANPAReader.self, IPTC7901Reader.self] as [any StoryReader.Type] {
            #expect(reader.confidence(for: plain) == 0, "\(reader.name)")
            #expect(reader.confidence(for: xml) == 0, "\(reader.name)")
        }
        // JSON that is not ninjs is claimed only weakly.
        let sarif = SourceFile(path: "report.json", text: #"{"version": "2.1.0", "runs": []}"#)
        #expect(NinjsReader.confidence(for: sarif) < 20)
    }
}
