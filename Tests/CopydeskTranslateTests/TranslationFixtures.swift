import Copydesk
import Foundation

/// Builds translated stories from plain text for the tests, and runs the translation stage.
enum TranslationFixtures {
    static let projectRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The text without its `↓` markers, and the byte offsets where they stood.
    static func markers(in example: String) -> (String, [Int]) {
        var text = ""
        var offsets: [Int] = []
        for character in example {
            if character == "↓" { offsets.append(text.utf8.count) } else { text.append(character) }
        }
        return (text, offsets)
    }

    /// The translation as a story read from plain text, with the original attached.
    static func story(source: String, sourceLanguage: String?, target: String, targetLanguage: String?) throws -> Story {
        let original = try PlainTextReader.read(SourceFile(path: "source.txt", text: source))
        var story = try PlainTextReader.read(SourceFile(path: "target.txt", text: target))
        story.metadata.language = targetLanguage
        story.original = TranslationOriginal(source: original.source, language: sourceLanguage, blocks: original.blocks)
        return story
    }

    static func stage(profile: String = "auto") throws -> TranslationStage {
        try TranslationStage(profile: profile, searchDirectories: [projectRoot])
    }

    /// Runs the translation stage on an example and returns its diagnostics.
    static func run(_ example: TranslationExample, stage: TranslationStage) async throws -> [Diagnostic] {
        var story = try story(source: example.source, sourceLanguage: example.sourceLanguage,
                              target: markers(in: example.target).0, targetLanguage: example.targetLanguage)
        try await stage.process(&story, context: StageContext(mode: .report))
        return story.diagnostics
    }
}
