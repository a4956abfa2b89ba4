import Copydesk
import Foundation
import Hummingbird

/// Copydesk's own JSON API: one endpoint per job, answering the same JSON document the CLI's
/// `--format json` prints (the same `JSONReporter`), so a program gets the same findings,
/// positions (line, column, UTF-16 column, byte offset) and fixes either way.
struct CopydeskRoutes {
    let desk: Desk

    var body: RequestBody { RequestBody(limit: desk.options.maximumBodySize) }

    func register(on router: Router<BasicRequestContext>) {
        router.post("/v1/lint") { request, _ in try await lint(request) }
        router.post("/v1/fix") { request, _ in try await fix(request) }
        router.post("/v1/normalize") { request, _ in try await normalize(request) }
        router.post("/v1/run") { request, _ in try await run(request) }
        router.post("/v1/archive/check") { request, _ in try await archive(request, record: false) }
        router.post("/v1/archive/record") { request, _ in try await archive(request, record: true) }
        router.post("/v1/translation/check") { request, _ in try await translation(request) }
        router.get("/v1/styles") { _, _ in styles() }
        router.get("/v1/rules") { request, _ in try rules(request) }
        router.get("/v1/pipelines") { _, _ in JSONResponse.make(["pipelines": desk.pipelines.keys.sorted()]) }
    }

    /// The result as the CLI's JSON document, or a 422 when the story could not be read.
    func document(_ result: BatchRunner.Result, filter: ((Diagnostic) -> Bool)? = nil) throws -> JSONReporter.Document {
        if let error = result.error {
            throw APIError(.unprocessableContent, "unreadable-story", error.description)
        }
        var report = result.report
        if let filter { report.diagnostics = report.diagnostics.filter(filter) }
        ServerMetrics.countFindings(report.diagnostics.map(\.ruleID))
        return JSONReporter.document([report])
    }

    func respond(_ document: JSONReporter.Document) -> Response {
        JSONResponse.raw((try? JSONResponse.encoder(pretty: true).encode(document)) ?? Data("{}".utf8))
    }

    func lint(_ request: Request) async throws -> Response {
        let story = try await body.json(StoryRequest.self, from: request)
        let runner = try story.configure(try desk.style(story.style).runner)
        let bytes = try story.bytes(), path = story.path
        let result = try await desk.check { await runner.process(bytes: bytes, path: path) }
        return respond(try document(result))
    }

    struct FixResponse: Encodable {
        var fixed: String
        var changed: Bool
        var appliedFixes: Int
        /// Unified diff (a/ b/ names), empty when nothing changed.
        var diff: String
        /// What is left for an editor: the JSON document of the fixed text.
        var report: JSONReporter.Document
    }

    func fix(_ request: Request) async throws -> Response {
        let story = try await body.json(StoryRequest.self, from: request)
        let fixer = Fixer(runner: try story.configure(try desk.style(story.style).runner))
        let bytes = try story.bytes(), path = story.path
        let outcome = try await desk.check { await fixer.fix(bytes: bytes, path: path) }
        let report = try document(outcome.remaining)
        let diff = outcome.changed ? UnifiedDiff.render(old: outcome.original, new: outcome.fixed, oldName: "a/" + path, newName: "b/" + path) : ""
        return JSONResponse.make(FixResponse(fixed: outcome.changed ? outcome.fixed : outcome.original, changed: outcome.changed,
                                             appliedFixes: outcome.appliedFixes, diff: diff, report: report))
    }

    struct TextResponse: Encodable {
        /// The processed story, written in its own format (as `copydesk normalize` prints it).
        var text: String
        var report: JSONReporter.Document
    }

    func normalize(_ request: Request) async throws -> Response {
        let story = try await body.json(StoryRequest.self, from: request)
        try rejectUnknownStyle(story.style)
        let runner = try story.configure(desk.normalize)
        let bytes = try story.bytes(), path = story.path
        let result = try await desk.check { await runner.process(bytes: bytes, path: path) }
        let report = try document(result)
        return JSONResponse.make(TextResponse(text: OutputFormat.same.write(result.stories), report: report))
    }

    func run(_ request: Request) async throws -> Response {
        let story = try await body.json(StoryRequest.self, from: request)
        try rejectUnknownStyle(story.style)
        guard let name = story.pipeline, !name.isEmpty else {
            throw APIError.badRequest("missing-pipeline", "missing field 'pipeline': one of \(desk.pipelines.keys.sorted().joined(separator: ", "))")
        }
        guard let pipeline = desk.pipelines[name] else {
            throw APIError.badRequest("unknown-pipeline", "unknown pipeline '\(name)': this server has \(desk.pipelines.keys.sorted().joined(separator: ", "))")
        }
        let runner = try story.configure(pipeline)
        let bytes = try story.bytes(), path = story.path
        let result = try await desk.check { await runner.process(bytes: bytes, path: path) }
        let report = try document(result)
        return JSONResponse.make(TextResponse(text: OutputFormat.same.write(result.stories), report: report))
    }

    func archive(_ request: Request, record: Bool) async throws -> Response {
        let story = try await body.json(StoryRequest.self, from: request)
        try rejectUnknownStyle(story.style)
        guard let base = record ? desk.archive.record : desk.archive.check else {
            throw APIError(.serviceUnavailable, "archive-unavailable", "the archive \(desk.archive.path) could not be opened: \(desk.archive.error ?? "unknown error")")
        }
        let runner = try story.configure(base)
        let bytes = try story.bytes(), path = story.path
        let result = try await desk.check { await runner.process(bytes: bytes, path: path) }
        // As `copydesk archive check`: only the archive's verdicts, not a linter's findings.
        return respond(try document(result) { $0.family == "dedup" })
    }

    func translation(_ request: Request) async throws -> Response {
        let pair = try await body.json(TranslationRequest.self, from: request)
        var runner = try desk.style(pair.style).runner
        guard runner.pipeline.stages.contains(where: { $0 is TranslationStage }) else {
            throw APIError.badRequest("no-translation-stage", "pipeline '\(runner.pipeline.name)' has no translation stage")
        }
        runner.translationSource = BatchRunner.TranslationSource(path: "original", language: pair.sourceLanguage, bytes: Array(pair.source.utf8))
        let bytes = Array(pair.target.utf8), path = pair.name ?? "translation"
        let configured = runner
        let result = try await desk.check { await configured.process(bytes: bytes, path: path) }
        return respond(try document(result))
    }

    /// Endpoints that do not lint still refuse a style the server does not have: a client that
    /// sends one expects it to mean something.
    func rejectUnknownStyle(_ style: String?) throws {
        if style != nil { _ = try desk.style(style) }
    }

    func styles() -> Response {
        struct Entry: Encodable { var name, title, language: String; var isDefault: Bool }
        let entries = desk.styles.values.sorted { $0.name < $1.name }.map { Entry(name: $0.name, title: $0.title, language: $0.language, isDefault: $0.name == desk.defaultStyle) }
        return JSONResponse.make(["styles": entries])
    }

    func rules(_ request: Request) throws -> Response {
        struct Entry: Encodable { var id, summary, family, issueType: String; var severity: Severity }
        let entries = desk.rules.values.sorted { $0.id < $1.id }.map {
            Entry(id: $0.id, summary: $0.summary, family: $0.family, issueType: IssueTypes.issueType(rule: $0.id), severity: $0.severity)
        }
        return JSONResponse.make(["rules": entries])
    }
}
