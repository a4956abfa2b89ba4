import CopydeskCore

/// Reads an XLIFF file as a translated story: each unit's target is a paragraph of the story,
/// each source a paragraph of its original, paired unit by unit. So `copydesk lint file.xlf`
/// checks the English as English (lint stage) and against the source (translation stage).
///
/// A unit without a target gives an empty paragraph at the end of its source, where a finding
/// about the missing translation points.
public struct XLIFFStoryReader: StoryReader {
    public static let name = "xliff"

    public static func confidence(for source: SourceFile) -> Int {
        let sniff = XMLSniff(source)
        if let root = sniff.root { return root.local == "xliff" ? 95 : 0 }
        return sniff.looksLikeXML && sniff.contains("<xliff") ? 50 : 0
    }

    public static func read(_ source: SourceFile) throws -> Story {
        BilingualStory.story(from: try BilingualReader.read(source), source: source, format: name)
    }
}

/// Reads a TMX translation memory as a translated story, one paragraph per translation unit, so
/// a desk can check its memory with the same rules before importing it.
public struct TMXStoryReader: StoryReader {
    public static let name = "tmx"

    public static func confidence(for source: SourceFile) -> Int {
        let sniff = XMLSniff(source)
        if let root = sniff.root { return root.local == "tmx" ? 95 : 0 }
        return sniff.looksLikeXML && sniff.contains("<tmx") ? 50 : 0
    }

    public static func read(_ source: SourceFile) throws -> Story {
        BilingualStory.story(from: try BilingualReader.read(source), source: source, format: name)
    }
}

enum BilingualStory {
    static func story(from document: BilingualDocument, source: SourceFile, format: String) -> Story {
        var metadata = StoryMetadata()
        metadata.language = document.targetLanguage
        metadata.sourceFormat = format
        var targets: [TextBlock] = []
        var originals: [TextBlock] = []
        var pairs: [BlockPair] = []
        for unit in document.units {
            let target = unit.target ?? MappedText(verbatim: "", sourceOffset: unit.source.sourceRange.upperBound)
            pairs.append(BlockPair(source: [originals.count], target: [targets.count]))
            targets.append(TextBlock(kind: .paragraph, text: target))
            originals.append(TextBlock(kind: .paragraph, text: unit.source))
        }
        var story = Story(source: source, metadata: metadata, blocks: targets)
        story.original = TranslationOriginal(source: source, language: document.sourceLanguage, blocks: originals, pairs: pairs)
        return story
    }
}
