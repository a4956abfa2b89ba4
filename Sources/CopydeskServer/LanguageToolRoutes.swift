import Copydesk
import Foundation
import Hummingbird

/// LanguageTool's HTTP API (v2), so CMS spell-check integrations, editor add-ons and client
/// libraries (Superdesk's languagetool spellchecker, language_tool_python with remote_server=)
/// get Copydesk's house-style findings by changing only the URL.
struct LanguageToolRoutes {
    let desk: Desk
    /// English names of the served languages and their variants, by code and long code: asking
    /// ICU's Locale on every check cost more than the lint of a short story.
    let languageNames: [String: String]

    init(desk: Desk) {
        self.desk = desk
        var names: [String: String] = [:]
        for language in Self.languages(of: desk) {
            names[language.longCode] = language.name
            if names[language.code] == nil { names[language.code] = language.name }
        }
        languageNames = names
    }

    func languageName(_ code: String) -> String {
        languageNames[code] ?? Locale(identifier: "en").localizedString(forIdentifier: code) ?? code
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("/v2/check") { request, _ in try await check(request) }
        router.get("/v2/check") { request, _ in try await check(request) }
        router.get("/v2/languages") { _, _ in JSONResponse.make(languages()) }
        router.get("/v2/info") { _, _ in JSONResponse.make(["software": LanguageToolResponse.Software()]) }
        router.get("/v2/maxtextlength") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "\(desk.options.maximumBodySize)")))
        }
        router.get("/v2/configinfo") { request, _ in try configInfo(request) }
    }

    /// The languages the served styles are for, each with the regional variants ICU knows
    /// (English: en, en-US, en-GB, …), named in English.
    func languages() -> [LanguageToolLanguage] { Self.languages(of: desk) }

    static func languages(of desk: Desk) -> [LanguageToolLanguage] {
        var result: [LanguageToolLanguage] = []
        let english = Locale(identifier: "en")
        for code in Set(desk.styles.values.map(\.language)).sorted() {
            let primary = Self.primaryTag(code)
            result.append(.init(name: english.localizedString(forIdentifier: primary) ?? primary, code: primary, longCode: primary))
            let variants = Locale.availableIdentifiers.filter {
                let parts = $0.split(separator: "_")
                return parts.count == 2 && parts[0] == primary && parts[1].count == 2 && parts[1].allSatisfy(\.isUppercase)
            }.sorted()
            for identifier in variants {
                let long = identifier.replacingOccurrences(of: "_", with: "-")
                result.append(.init(name: english.localizedString(forIdentifier: identifier) ?? long, code: primary, longCode: long))
            }
        }
        return result
    }

    static func primaryTag(_ tag: String) -> String {
        String(tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
    }

    /// The parameters a LanguageTool client sends, checked; unknown extra parameters (apiKey,
    /// username, motherTongue, preferredVariants, …) are accepted and ignored.
    struct CheckParameters {
        var text: String
        var annotated: AnnotatedText?
        var language: String
        var style: Desk.StyleEntry
        var enabledRules: Set<String>, disabledRules: Set<String>
        var enabledCategories: Set<String>, disabledCategories: Set<String>
        var enabledOnly: Bool
    }

    func parameters(_ form: [String: String]) throws -> CheckParameters {
        let text: String
        var annotated: AnnotatedText?
        switch (form["text"], form["data"]) {
        case (let given?, nil): text = given
        case (nil, let data?):
            let document = try AnnotatedText(json: data)
            annotated = document
            text = document.plain
        case (.some, .some): throw APIError.badRequest("text-and-data", "give either 'text' or 'data', not both")
        case (nil, nil): throw APIError.badRequest("missing-text", "missing parameter 'text' (or 'data'): the text to check")
        }
        guard let language = form["language"], !language.isEmpty else {
            throw APIError.badRequest("missing-language", "missing parameter 'language': a code such as en-US, or auto")
        }
        let style = try desk.style(form["style"])
        if language != "auto" {
            let supported = desk.languageTags
            guard supported.contains(Self.primaryTag(language)) else {
                throw APIError.badRequest("unsupported-language", "language '\(language)' is not supported: the styles here are for \(supported.sorted().joined(separator: ", ")) (see /v2/languages)")
            }
            guard Self.primaryTag(language) == Self.primaryTag(style.language) else {
                throw APIError.badRequest("unsupported-language", "language '\(language)' does not match style '\(style.name)', which is for '\(style.language)'")
            }
        }
        func list(_ name: String) -> Set<String> {
            Set((form[name] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        let enabledRules = list("enabledRules"), enabledCategories = list("enabledCategories")
        let categories = desk.categoryIDs
        if let unknown = enabledRules.sorted().first(where: { desk.rules[$0] == nil }) {
            throw APIError.badRequest("unknown-rule", "enabledRules: no rule '\(unknown)' (GET /v2/configinfo?language=en lists them)")
        }
        if let unknown = enabledCategories.sorted().first(where: { !categories.contains($0) }) {
            throw APIError.badRequest("unknown-category", "enabledCategories: no category '\(unknown)'; categories here are \(categories.sorted().joined(separator: ", "))")
        }
        let enabledOnly: Bool
        switch form["enabledOnly"]?.lowercased() {
        case nil, "", "false": enabledOnly = false
        case "true": enabledOnly = true
        case let other?: throw APIError.badRequest("invalid-parameter", "enabledOnly must be true or false, not '\(other)'")
        }
        if enabledOnly && enabledRules.isEmpty && enabledCategories.isEmpty {
            throw APIError.badRequest("invalid-parameter", "enabledOnly=true needs enabledRules or enabledCategories")
        }
        switch form["level"] {
        case nil, "", "default", "picky": break
        case let other?: throw APIError.badRequest("invalid-parameter", "level must be default or picky, not '\(other)'")
        }
        return CheckParameters(text: text, annotated: annotated, language: language, style: style,
                               enabledRules: enabledRules, disabledRules: list("disabledRules"),
                               enabledCategories: enabledCategories, disabledCategories: list("disabledCategories"),
                               enabledOnly: enabledOnly)
    }

    func check(_ request: Request) async throws -> Response {
        let form = try await RequestBody(limit: desk.options.maximumBodySize).form(from: request)
        if let token = desk.options.token, !TokenMiddleware<BasicRequestContext>.authorized(request, token: token), form["apiKey"] != token {
            throw TokenMiddleware<BasicRequestContext>.refusal
        }
        let parameters = try parameters(form)
        var runner = parameters.style.runner
        runner.format = "plain"
        runner.encoding = "UTF-8"
        let bytes = Array(parameters.text.utf8)
        let configured = runner
        let result = try await desk.check { await configured.process(bytes: bytes, path: "<request>") }
        guard let story = result.story, result.error == nil else {
            throw APIError(.unprocessableContent, "unreadable-text", result.error?.description ?? "the text could not be read")
        }
        let leading = parameters.text.unicodeScalars.first == "\u{FEFF}" && story.source.text.unicodeScalars.first != "\u{FEFF}" ? 1 : 0
        let builder = LanguageToolMatches(source: story.source, leadingUnits: leading, annotated: parameters.annotated, rules: desk.rules)
        let matches = builder.matches(result.diagnostics) { diagnostic in
            let category = IssueTypes.category(rule: diagnostic.ruleID).id
            if parameters.disabledRules.contains(diagnostic.ruleID) || parameters.disabledCategories.contains(category) { return false }
            if parameters.enabledOnly { return parameters.enabledRules.contains(diagnostic.ruleID) || parameters.enabledCategories.contains(category) }
            return true
        }
        ServerMetrics.countFindings(matches.map(\.rule.id))
        let detected = MemoryEntries.language(of: story, given: nil)
        let code = parameters.language == "auto" ? (detected ?? parameters.style.language) : parameters.language
        let detectedCode = detected ?? code
        let response = LanguageToolResponse(
            language: .init(name: languageName(code), code: code,
                            detectedLanguage: .init(name: languageName(detectedCode), code: detectedCode,
                                                    confidence: detected == nil ? 0 : 1, source: "copydesk (script and function words)")),
            matches: matches)
        return JSONResponse.raw(response.jsonBytes())
    }

    /// The configuration LanguageTool's own clients ask for at start-up: limits and the rules.
    func configInfo(_ request: Request) throws -> Response {
        let query = try FormDecoder.decode(request.uri.query ?? "", what: "query string")
        guard let language = query["language"], !language.isEmpty else {
            throw APIError.badRequest("missing-language", "missing parameter 'language'")
        }
        struct Rule: Encodable { var ruleId, description, categoryId, categoryName: String; var isDefaultOff: Bool }
        struct Parameter: Encodable { var maxTextLength: Int; var maxTextHardLength: Int; var maxCheckTimeMillis: Int }
        struct Info: Encodable {
            var software: LanguageToolResponse.Software
            var parameter: Parameter
            var rules: [Rule]
        }
        let rules = desk.rules.values.sorted { $0.id < $1.id }.map { rule in
            let category = IssueTypes.category(rule: rule.id)
            return Rule(ruleId: rule.id, description: rule.summary, categoryId: category.id, categoryName: category.name, isDefaultOff: false)
        }
        let limit = desk.options.maximumBodySize
        return JSONResponse.make(Info(software: .init(), parameter: .init(maxTextLength: limit, maxTextHardLength: limit, maxCheckTimeMillis: Int(desk.options.timeout * 1000)), rules: rules))
    }
}
