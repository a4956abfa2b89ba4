import Foundation
import Testing

/// Real clients against a running server: Python's language_tool_python (PyPI) with
/// remote_server=, and the desk page in Debian's headless chromium through selenium.
/// `.ci/serve.sh` installs them and exports COPYDESK_SERVE_PYTHON (the venv's python); without it
/// a local run skips these with a message, and under CI=true they fail instead.
@Suite struct ServerPythonTests {
    static func skipOrFail(_ reason: String) throws {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("CI=true and \(reason); run .ci/serve.sh first (source it)")
        } else {
            print("◇ skipped: \(reason) (source .ci/serve.sh to run it)")
        }
    }

    static var python: String? {
        guard let path = ProcessInfo.processInfo.environment["COPYDESK_SERVE_PYTHON"], FileManager.default.isExecutableFile(atPath: path) else { return nil }
        return path
    }

    func runScript(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python!)
        process.arguments = [ServerProcess.projectRoot.appendingPathComponent("Tests/CopydeskServerTests/Python/\(script)").path] + arguments
        process.currentDirectoryURL = ServerProcess.projectRoot
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func languageToolPythonGetsCopydesksFindingsAtTheRightOffsets() throws {
        guard Self.python != nil else { return try Self.skipOrFail("COPYDESK_SERVE_PYTHON is not set (language_tool_python)") }
        let server = try ServerProcess([])
        defer { server.stop() }
        let story = ServerProcess.projectRoot.appendingPathComponent("Examples/athens-cafe-tax.txt").path
        let result = try runScript("lt_client_check.py", [server.url.absoluteString, story])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains(" passed, 0 failed"), "\(result.output)")
    }

    @Test func deskPageWorksInHeadlessChromium() throws {
        guard Self.python != nil else { return try Self.skipOrFail("COPYDESK_SERVE_PYTHON is not set (selenium, chromium)") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"), FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") else {
            return try Self.skipOrFail("chromium or chromedriver is not installed (apt-get install chromium chromium-driver)")
        }
        let server = try ServerProcess([])
        defer { server.stop() }
        let story = ServerProcess.projectRoot.appendingPathComponent("Examples/athens-cafe-tax.txt").path
        let result = try runScript("desk_page_check.py", [server.url.absoluteString, story])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains(" passed, 0 failed"), "\(result.output)")
    }

    /// Schemathesis (PyPI) generates requests from /openapi.json — valid, boundary, mutated and
    /// schema-violating ones, and methods a path does not have — and holds every answer to the
    /// document: no 5xx, only declared statuses and content types, bodies matching their schemas,
    /// invalid input refused.
    @Test func everyRouteAnswersAsOpenAPIJSONSaysUnderSchemathesis() throws {
        guard Self.python != nil else { return try Self.skipOrFail("COPYDESK_SERVE_PYTHON is not set (schemathesis)") }
        let server = try ServerProcess([])
        defer { server.stop() }
        let result = try runScript("schemathesis_check.py", [server.url.absoluteString])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains(" passed, 0 failed"), "\(result.output)")
    }
}
