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
