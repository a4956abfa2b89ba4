@testable import CopydeskServer
import Foundation
import Testing

/// `LanguageToolResponse.jsonBytes()` writes what `JSONEncoder` would, byte for byte: clients
/// parse either, but the hand-written path must not drift from the shape the encoder defines.
@Suite struct LanguageToolResponseTests {
    static func match(_ message: String, offset: Int, replacements: [String]) -> LanguageToolResponse.Match {
        .init(message: message, shortMessage: "Straight quotes \"like these\"",
              replacements: replacements.map { .init(value: $0) }, offset: offset, length: 7,
              context: .init(text: "...said on Tuesday. \"We will\tclose\"...", offset: 20, length: 7),
              sentence: "ATHENS (AP) — Café owners said \u{1}on Tuesday\\ they would close/strike.",
              type: .init(typeName: "Other"),
              rule: .init(id: "quotes.straight", description: "Straight quotes", issueType: "typographical",
                          category: .init(id: "QUOTES", name: "Quotes")))
    }

    @Test(arguments: [0.0, 1.0, 0.75])
    func writesWhatTheEncoderWrites(confidence: Double) throws {
        let response = LanguageToolResponse(
            language: .init(name: "English (United States)", code: "en-US",
                            detectedLanguage: .init(name: "Ελληνικά", code: "el", confidence: confidence, source: "copydesk (script and function words)")),
            matches: [Self.match("Use curly quotes: “We will close”", offset: 0, replacements: ["“We”"]),
                      Self.match("Line\nbreak and emoji 🇬🇷", offset: 1_000_000, replacements: []),
                      Self.match("", offset: 3, replacements: ["a", "b/c"])])
        let encoded = try JSONResponse.encoder().encode(response)
        #expect(String(decoding: response.jsonBytes(), as: UTF8.self) == String(decoding: encoded, as: UTF8.self))
    }

    @Test func writesAnAnswerWithoutMatches() throws {
        let response = LanguageToolResponse(
            language: .init(name: "English", code: "en", detectedLanguage: .init(name: "English", code: "en", confidence: 1, source: "s")),
            matches: [])
        #expect(response.jsonBytes() == Array(try JSONResponse.encoder().encode(response)))
    }
}
