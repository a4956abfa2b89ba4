import ArgumentParser
import Copydesk
import CopydeskServer
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve Copydesk over HTTP: a LanguageTool-compatible /v2/check, the /v1 JSON API and the desk page.",
        discussion: """
            Styles, pipelines and the archive are loaded once at start-up. Prints one line, \
            'copydesk serve: listening on http://HOST:PORT', when ready (--port 0 picks a free port). \
            SIGTERM or SIGINT stops it gracefully. Request logs go to standard error (LOG_LEVEL=warning to quiet them).
            """
    )

    @Option(help: "Address to listen on (loopback unless told otherwise).")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port = 8081

    @Option(help: "Pipeline for /v2/check and /v1/lint (default: Pipelines/lint.yml).")
    var pipeline: String?

    @Option(help: "Default house style; a request can name another with its 'style' parameter.")
    var style = "ap"

    @Option(help: "Archive for /v1/archive/* and served pipelines with a dedup stage: a file or postgres://user@host:5432/db (default: the store of Pipelines/wire-en.yml).")
    var archive: String?

    /// The older name, as on the archive commands, kept hidden.
    @Option(name: .customLong("store"), help: .hidden)
    var storeAlias: String?

    @Option(help: "Shared secret clients must send (Authorization: Bearer T); default: $COPYDESK_TOKEN.")
    var token: String?

    @Option(name: .customLong("max-body"), help: "Largest request body, e.g. 1MB, 512KB.")
    var maxBody = "1MB"

    @Option(help: "Longest a check may take, in seconds, before the request gets 503.")
    var timeout: Double = 10

    @Option(name: .customLong("max-concurrent"), help: "Checks run at once (default: the number of cores); more wait.")
    var maxConcurrent: Int?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
        guard ServerOptions.byteCount(maxBody) != nil else { throw ValidationError("--max-body: expected a size such as 1MB, 512KB or 1048576, not '\(maxBody)'") }
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds") }
        if let maxConcurrent, maxConcurrent < 1 { throw ValidationError("--max-concurrent must be at least 1") }
    }

    func run() async throws {
        var options = ServerOptions()
        options.host = host
        options.port = port
        options.pipeline = pipeline
        options.style = style
        options.store = archive ?? storeAlias
        let environment = ProcessInfo.processInfo.environment["COPYDESK_TOKEN"]
        options.token = token ?? ((environment?.isEmpty ?? true) ? nil : environment)
        options.maximumBodySize = ServerOptions.byteCount(maxBody) ?? (1 << 20)
        options.timeout = timeout
        options.maximumConcurrentChecks = maxConcurrent ?? ProcessInfo.processInfo.activeProcessorCount
        try await DeskServer.run(options)
    }
}
