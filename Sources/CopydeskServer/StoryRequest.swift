import Copydesk
import Foundation

/// The story a /v1 request carries: `text` (any wire format Copydesk reads, detected or named by
/// `format`), or `base64` for bytes in another charset (decoded as the CLI decodes a file).
struct StoryRequest: Decodable {
    var text: String?
    var base64: String?
    /// Name reported as the story's `path` (default "story").
    var name: String?
    var style: String?
    var format: String?
    var encoding: String?
    /// /v1/run: the pipeline to run.
    var pipeline: String?

    func bytes(field: String = "text") throws -> [UInt8] {
        switch (text, base64) {
        case (let text?, nil): return Array(text.utf8)
        case (nil, let encoded?):
            guard let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
                throw APIError.badRequest("invalid-base64", "'base64' is not valid base64")
            }
            return Array(data)
        case (.some, .some): throw APIError.badRequest("text-and-base64", "give either 'text' or 'base64', not both")
        case (nil, nil): throw APIError.badRequest("missing-text", "missing field '\(field)' (or 'base64'): the story to check")
        }
    }

    var path: String { (name?.isEmpty ?? true) ? "story" : name! }

    /// The runner with this request's format and charset, both checked here.
    func configure(_ runner: BatchRunner) throws -> BatchRunner {
        var runner = runner
        if let format, !format.isEmpty, format != "auto" {
            guard ReaderRegistry.standard.reader(named: format) != nil else {
                throw APIError.badRequest("unknown-format", "unknown format '\(format)': use auto or one of \(ReaderRegistry.standard.names.joined(separator: ", "))")
            }
            runner.format = format
        }
        if let encoding, !encoding.isEmpty { runner.encoding = encoding }
        return runner
    }
}

/// /v1/translation/check: a translation and its original.
struct TranslationRequest: Decodable {
    var source: String
    var target: String
    var sourceLanguage: String?
    var style: String?
    var name: String?
}
