import Copydesk

/// LanguageTool's /v2/check answer, field for field as its published API describes it
/// (software, warnings, language with detectedLanguage, matches with message, shortMessage,
/// replacements, offset, length, context, sentence, type, rule).
struct LanguageToolResponse: Encodable {
    struct Software: Encodable {
        var name = "Copydesk"
        var version = DeskServer.version
        var buildDate = DeskServer.buildDate
        var apiVersion = 1
        var premium = false
        var premiumHint = ""
        var status = ""
    }

    struct Warnings: Encodable {
        var incompleteResults = false
    }

    struct DetectedLanguage: Encodable {
        var name: String
        var code: String
        var confidence: Double
        var source: String
    }

    struct Language: Encodable {
        var name: String
        var code: String
        var detectedLanguage: DetectedLanguage
    }

    struct Replacement: Encodable {
        var value: String
    }

    struct Context: Encodable {
        var text: String
        var offset: Int
        var length: Int
    }

    struct MatchType: Encodable {
        var typeName: String
    }

    struct Category: Encodable {
        var id: String
        var name: String
    }

    struct Rule: Encodable {
        var id: String
        var description: String
        var issueType: String
        var category: Category
    }

    struct Match: Encodable {
        var message: String
        var shortMessage: String
        var replacements: [Replacement]
        var offset: Int
        var length: Int
        var context: Context
        var sentence: String
        var type: MatchType
        var rule: Rule
        var ignoreForIncompleteSentence = false
        var contextForSureMatch = 0
    }

    var software = Software()
    var warnings = Warnings()
    var language: Language
    var matches: [Match]
}

/// One entry of GET /v2/languages.
struct LanguageToolLanguage: Encodable {
    var name: String
    var code: String
    var longCode: String
}

extension LanguageToolResponse {
    /// The answer as `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` writes it, byte for
    /// byte (`LanguageToolResponseTests` compares the two), written straight into bytes: the
    /// encoder's tree of boxed values took a sixth of the server's time on a short story.
    func jsonBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512 + matches.count * 640)
        func raw(_ text: StaticString) {
            text.withUTF8Buffer { out.append(contentsOf: $0) }
        }
        func string(_ text: String) { JSONStringWriter.append(text, to: &out) }
        func int(_ value: Int) { out.append(contentsOf: String(value).utf8) }
        func bool(_ value: Bool) { value ? raw("true") : raw("false") }
        func double(_ value: Double) {
            if value == value.rounded(), abs(value) < 1e15 { int(Int(value)) } else { out.append(contentsOf: "\(value)".utf8) }
        }

        raw("{\"language\":{\"code\":"); string(language.code)
        raw(",\"detectedLanguage\":{\"code\":"); string(language.detectedLanguage.code)
        raw(",\"confidence\":"); double(language.detectedLanguage.confidence)
        raw(",\"name\":"); string(language.detectedLanguage.name)
        raw(",\"source\":"); string(language.detectedLanguage.source)
        raw("},\"name\":"); string(language.name)
        raw("},\"matches\":[")
        for (index, match) in matches.enumerated() {
            if index > 0 { raw(",") }
            raw("{\"context\":{\"length\":"); int(match.context.length)
            raw(",\"offset\":"); int(match.context.offset)
            raw(",\"text\":"); string(match.context.text)
            raw("},\"contextForSureMatch\":"); int(match.contextForSureMatch)
            raw(",\"ignoreForIncompleteSentence\":"); bool(match.ignoreForIncompleteSentence)
            raw(",\"length\":"); int(match.length)
            raw(",\"message\":"); string(match.message)
            raw(",\"offset\":"); int(match.offset)
            raw(",\"replacements\":[")
            for (position, replacement) in match.replacements.enumerated() {
                raw(position > 0 ? ",{\"value\":" : "{\"value\":"); string(replacement.value); raw("}")
            }
            raw("],\"rule\":{\"category\":{\"id\":"); string(match.rule.category.id)
            raw(",\"name\":"); string(match.rule.category.name)
            raw("},\"description\":"); string(match.rule.description)
            raw(",\"id\":"); string(match.rule.id)
            raw(",\"issueType\":"); string(match.rule.issueType)
            raw("},\"sentence\":"); string(match.sentence)
            raw(",\"shortMessage\":"); string(match.shortMessage)
            raw(",\"type\":{\"typeName\":"); string(match.type.typeName)
            raw("}}")
        }
        raw("],\"software\":{\"apiVersion\":"); int(software.apiVersion)
        raw(",\"buildDate\":"); string(software.buildDate)
        raw(",\"name\":"); string(software.name)
        raw(",\"premium\":"); bool(software.premium)
        raw(",\"premiumHint\":"); string(software.premiumHint)
        raw(",\"status\":"); string(software.status)
        raw(",\"version\":"); string(software.version)
        raw("},\"warnings\":{\"incompleteResults\":"); bool(warnings.incompleteResults)
        raw("}}")
        return out
    }
}
