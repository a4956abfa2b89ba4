import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// A `copydesk serve` started from the built binary on a free loopback port (--port 0; the
/// address is read from its one line on standard output), stopped with SIGTERM.
final class ServerProcess: @unchecked Sendable {
    static let projectRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    static let executable: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("copydesk")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return projectRoot.appendingPathComponent(".build/debug/copydesk")
    }()

    let process: Process
    let url: URL
    let logFile: URL
    let directory: URL

    /// One server shared by the tests that do not need their own, stopped when the test process exits.
    static let shared: ServerProcess = {
        let server = try! ServerProcess(["--max-concurrent", "2"])
        atexit { _ = ServerProcess.sharedStarted?.stop() }
        sharedStarted = server
        return server
    }()
    nonisolated(unsafe) static var sharedStarted: ServerProcess?

    init(_ arguments: [String], environment: [String: String] = [:], store: String? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        logFile = directory.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process = Process()
        process.executableURL = Self.executable
        process.arguments = ["serve", "--port", "0", "--archive", store ?? directory.appendingPathComponent("archive.sqlite").path] + arguments
        process.currentDirectoryURL = Self.projectRoot
        var env = ProcessInfo.processInfo.environment
        env["COPYDESK_TOKEN"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
        var seen = ""
        while !seen.contains("\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = seen.range(of: "listening on "), let url = URL(string: String(seen[range.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.waitUntilExit()
            let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            throw ServerError(message: "server did not start: \(seen) \(log)")
        }
        self.url = url
    }

    struct ServerError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// SIGTERM, then the exit status and the log.
    @discardableResult
    func stop() -> (status: Int32, log: String) {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let log = self.log
        try? FileManager.default.removeItem(at: directory)
        return (process.terminationStatus, log)
    }

    struct Reply {
        var status: Int
        var body: Data
        var contentType: String
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: Any? { try? JSONSerialization.jsonObject(with: body) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        /// The `code` of a JSON error body.
        var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }
    }

    func request(_ path: String, method: String = "GET", body: Data? = nil, contentType: String? = nil, headers: [String: String] = [:]) async throws -> Reply {
        var request = URLRequest(url: URL(string: url.absoluteString + path)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 120
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        return Reply(status: http.statusCode, body: data, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "")
    }

    func form(_ path: String, _ fields: [(String, String)], headers: [String: String] = [:]) async throws -> Reply {
        try await request(path, method: "POST", body: Data(Self.formEncode(fields).utf8), contentType: "application/x-www-form-urlencoded", headers: headers)
    }

    func json(_ path: String, _ object: [String: Any], headers: [String: String] = [:]) async throws -> Reply {
        try await request(path, method: "POST", body: try JSONSerialization.data(withJSONObject: object), contentType: "application/json", headers: headers)
    }

    static func formEncode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
    }

    static func example(_ name: String) throws -> String {
        try String(contentsOf: projectRoot.appendingPathComponent("Examples/\(name)"), encoding: .utf8)
    }

    /// Runs the built `copydesk` (for comparing with the CLI).
    static func cli(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = projectRoot
        let out = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
