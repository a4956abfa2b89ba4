extension StageRegistry {
    /// Every stage that ships with Copydesk.
    public static var standard: StageRegistry {
        StageRegistry([NormalizeStage.self, LintStage.self, TranslationStage.self, DedupStage.self])
    }
}

extension ReaderRegistry {
    /// Every input format that ships with Copydesk.
    public static var standard: ReaderRegistry {
        ReaderRegistry([PlainTextReader.self, MarkdownReader.self, NITFReader.self, NewsMLG2Reader.self, NinjsReader.self, ANPAReader.self, IPTC7901Reader.self, XLIFFStoryReader.self, TMXStoryReader.self])
    }
}
