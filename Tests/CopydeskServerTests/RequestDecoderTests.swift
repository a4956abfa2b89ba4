@testable import CopydeskServer
import Foundation
import Testing

/// The request decoders on their own, including random input (the property: every input is
/// decoded or refused with a 400 `APIError`, nothing traps).
@Suite struct RequestDecoderTests {
    @Test func formDecodingIsStrict() throws {
        let form = try FormDecoder.decode("text=Caf%C3%A9+owners&language=en-US&text=second&flag", what: "body")
        #expect(form["text"] == "Café owners")
        #expect(form["language"] == "en-US")
        #expect(form["flag"] == "")
        #expect(throws: APIError.self) { try FormDecoder.decode("text=%E9", what: "body") }
        #expect(throws: APIError.self) { try FormDecoder.decode("text=%4", what: "body") }
        #expect(FormDecoder.firstInvalidUTF8([0x41, 0xC3, 0xA9, 0xFF]) == 3)
    }

    /// Found by FuzzServe: a parameter name holding a newline came back inside the message.
    @Test func anErrorMessageIsOneLineWhateverTheRequestQuotes() throws {
        let name = "lang\nname: paragraph regex bomb\nextends: ap\nrules:\n  desk.bomb:\n    type:uage"
        do {
            _ = try FormDecoder.decode("text=Athens+cafe+owners&" + name.replacingOccurrences(of: " ", with: "+") + "=%6", what: "body")
            Issue.record("a bad escape was accepted")
        } catch let error as APIError {
            #expect(error.code == "malformed-form")
            #expect(!error.message.contains("\n") && !error.message.contains("\r"), "\(error.message)")
            #expect(error.message.contains("lang\\nname: paragraph"), "\(error.message)")
            #expect(error.message.count < 200)
        }
        #expect(APIError.oneLine("a\r\nb\tc\u{7}d") == "a\\r\\nb\\tc\\u{7}d")
        #expect(APIError.oneLine("unknown style 'αβγ'") == "unknown style 'αβγ'")
    }

    @Test func randomFormsAndAnnotationsNeverTrap() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("ab=&%+2F9cé{}[]\":,".utf8) + [0xFF, 0xC3, 0x80]
        for _ in 0..<3000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let text = String(decoding: bytes, as: UTF8.self)
            do { _ = try FormDecoder.decode(text, what: "body") } catch { #expect(error is APIError) }
            do { _ = try AnnotatedText(json: "{\"annotation\":[" + text + "]}") } catch { #expect(error is APIError) }
            do { _ = try RequestBody.decodeJSON(StoryRequest.self, bytes) } catch { #expect(error is APIError) }
        }
    }

    @Test func annotatedTextMapsOffsetsIntoTheDocument() throws {
        let document = try AnnotatedText(json: #"{"annotation":[{"markup":"<p>"},{"text":"A "},{"markup":"<b>"},{"text":"test"},{"markup":"</b>"},{"markup":"<br/>","interpretAs":"\n"},{"text":"😀 ok"}]}"#)
        #expect(document.plain == "A test\n😀 ok")
        // "test" is plain 2..<6 and document 8..<12.
        #expect(document.originalStart(2) == 8)
        #expect(document.originalEnd(6) == 12)
        // The line break stands for <br/> (document 16..<21).
        #expect(document.originalStart(6) == 16)
        #expect(document.originalEnd(7) == 21)
        // After the emoji (two UTF-16 units): "ok".
        #expect(document.originalStart(10) == 24)
    }

    @Test func everyShippedFamilyHasALanguageToolIssueType() {
        for family in ["quotes", "dashes", "dateline", "attribution", "dates", "numbers", "artifacts", "script", "repetition", "terms",
                       "encoding", "unicode", "whitespace", "typography", "dedup"] {
            #expect(IssueTypes.issueType(rule: family + ".x") != "uncategorized", "\(family)")
        }
        #expect(IssueTypes.issueType(rule: "quotes.mixed") == "typographical")
        #expect(IssueTypes.issueType(rule: "attribution.verb") == "style")
        #expect(IssueTypes.issueType(rule: "dates.month") == "locale-violation")
        #expect(IssueTypes.issueType(rule: "terms.substitution") == "misspelling")
        #expect(IssueTypes.issueType(rule: "translation.untranslated") == "misspelling")
        #expect(IssueTypes.category(rule: "quotes.mixed") == ("QUOTES", "Quotes"))
    }

    @Test func sizesParse() {
        #expect(ServerOptions.byteCount("1MB") == 1 << 20)
        #expect(ServerOptions.byteCount("512KB") == 512 << 10)
        #expect(ServerOptions.byteCount("2048") == 2048)
        #expect(ServerOptions.byteCount("lots") == nil)
        #expect(ServerOptions.byteCount("-1MB") == nil)
    }
}
