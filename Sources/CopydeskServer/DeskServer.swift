import Copydesk
import Foundation
import Hummingbird
import Logging
import Prometheus

/// `copydesk serve`: loads the desk once (styles, pipelines, archive), then answers the
/// LanguageTool-compatible /v2 API, Copydesk's /v1 JSON API, the desk page at /, health,
/// readiness and metrics, until SIGTERM or SIGINT; in-flight requests finish, then the archive
/// is checkpointed and closed.
public enum DeskServer {
    public static let version = "0.1.0"
    public static let buildDate = "2026-12-07"

    public static func run(_ options: ServerOptions) async throws {
        var logger = Logger(label: "copydesk.serve")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
        let desk = try Desk.load(options, logger: logger)
        let router = makeRouter(desk: desk)
        let host = options.host
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: options.port), serverName: "copydesk/\(version)"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                // The one line on standard output: scripts and tests read the address from it.
                FileHandle.standardOutput.write(Data("copydesk serve: listening on http://\(host):\(port)\n".utf8))
            },
            logger: logger
        )
        logger.info("starting", metadata: ["styles": "\(desk.styles.keys.sorted().joined(separator: ","))", "default-style": "\(desk.defaultStyle)",
                                           "pipelines": "\(desk.pipelines.keys.sorted().joined(separator: ","))",
                                           "max-concurrent": "\(options.maximumConcurrentChecks)", "max-body": "\(options.maximumBodySize)"])
        try await app.runService()
        desk.archive.close(logger: logger)
        logger.info("stopped")
    }

    /// Every route of the server on a loaded desk, with its middlewares (logs, metrics, JSON
    /// errors, token): what `run` serves, and what an embedding app or a test can answer
    /// requests with in process.
    public static func makeRouter(desk: Desk) -> Router<BasicRequestContext> {
        let registry = ServerMetrics.registry
        let router = Router(context: BasicRequestContext.self)
        router.middlewares.add(RequestLogMiddleware())
        router.middlewares.add(MetricsMiddleware())
        router.middlewares.add(JSONErrorMiddleware())
        router.middlewares.add(TokenMiddleware(token: desk.options.token))

        router.get("/health") { _, _ in JSONResponse.make(["status": "ok"]) }
        router.get("/ready") { _, _ in await ready(desk) }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
        router.get("/openapi.json") { _, _ in JSONResponse.raw(Data(PackageResources.openapi_json)) }
        router.get("/") { _, _ in staticFile(PackageResources.index_html, "text/html; charset=utf-8") }
        router.get("/desk.js") { _, _ in staticFile(PackageResources.desk_js, "text/javascript; charset=utf-8") }
        router.get("/desk.css") { _, _ in staticFile(PackageResources.desk_css, "text/css; charset=utf-8") }
        LanguageToolRoutes(desk: desk).register(on: router)
        CopydeskRoutes(desk: desk).register(on: router)
        return router
    }

    static func staticFile(_ bytes: [UInt8], _ type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// 200 when every part a request may need is there; 503 naming what is not (the archive: a
    /// file that cannot be opened, or a PostgreSQL archive that does not answer within 2 s).
    static func ready(_ desk: Desk) async -> Response {
        struct Readiness: Encodable {
            struct Archive: Encodable { var path: String; var open: Bool; var error: String? }
            var status: String
            var archive: Archive
            var styles: [String]
        }
        let archive = desk.archive
        var open = archive.store != nil, error = archive.error
        if let shared = archive.store as? PostgresStore {
            do { try await shared.ping(seconds: 2) } catch let failure { open = false; error = "\(failure)" }
        }
        let body = Readiness(status: open ? "ready" : "unavailable", archive: .init(path: StoreLocator.redacted(archive.path), open: open, error: error),
                             styles: desk.styles.keys.sorted())
        return JSONResponse.make(body, status: open ? .ok : .serviceUnavailable)
    }
}
