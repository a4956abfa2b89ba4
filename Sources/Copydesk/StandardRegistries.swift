extension StageRegistry {
    /// Every stage that ships with Copydesk.
    public static var standard: StageRegistry {
        // The dedup stage opens `postgres://` stores too.
        ArchiveStores.registerStandardSchemes()
        return StageRegistry([NormalizeStage.self, LintStage.self, TranslationStage.self, DedupStage.self])
    }
}

extension ReaderRegistry {
    /// Every input format that ships with Copydesk.
    public static var standard: ReaderRegistry {
        ReaderRegistry([PlainTextReader.self, MarkdownReader.self, NITFReader.self, NewsMLG2Reader.self, NinjsReader.self, ANPAReader.self, IPTC7901Reader.self, XLIFFStoryReader.self, TMXStoryReader.self])
    }
}
