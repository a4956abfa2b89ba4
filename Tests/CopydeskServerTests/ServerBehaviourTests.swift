import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// What a service owner expects: health and readiness, metrics, clear 4xx errors for every kind
/// of bad request, limits, the token, and a graceful stop.
@Suite struct ServerBehaviourTests {
    var server: ServerProcess { ServerProcess.shared }

    @Test func healthReadinessAndMetrics() async throws {
        #expect(try await server.request("/health").object["status"] as? String == "ok")
        let ready = try await server.request("/ready")
        #expect(ready.status == 200 && ready.object["status"] as? String == "ready")
        _ = try await server.form("/v2/check", [("text", "The talks begin on September 15th."), ("language", "en-US")])
        let metrics = try await server.request("/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.text.contains("copydesk_findings_total{rule=\"dates.month\"}"))
        #expect(metrics.text.contains("http_server_request_duration_bucket"))
        #expect(metrics.text.contains("hb_requests{http_route=\"/v2/check\",http_request_method=\"POST\",http_response_status_code=\"200\"}"))
    }

    @Test(arguments: [
        ("/v2/check", "application/x-www-form-urlencoded", Data("language=en-US".utf8), 400, "missing-text"),
        ("/v2/check", "application/x-www-form-urlencoded", Data("text=hi".utf8), 400, "missing-language"),
        ("/v2/check", "application/x-www-form-urlencoded", Data("text=hi&language=de-DE".utf8), 400, "unsupported-language"),
        ("/v2/check", "application/x-www-form-urlencoded", Data("text=hi&language=en&style=nope".utf8), 400, "unknown-style"),
        ("/v2/check", "application/x-www-form-urlencoded", Data("text=hi&language=en&enabledRules=no.such".utf8), 400, "unknown-rule"),
        ("/v2/check", "application/x-www-form-urlencoded", Data("text=%FF%FE&language=en".utf8), 400, "invalid-utf8"),
        ("/v2/check", "application/x-www-form-urlencoded", Data("text=%G1&language=en".utf8), 400, "malformed-form"),
        ("/v2/check", "application/x-www-form-urlencoded", Data("data={\"annotation\":[{}]}&language=en".utf8), 400, "malformed-data"),
        ("/v2/check", "application/json", Data("{\"text\":\"hi\"}".utf8), 415, "unsupported-media-type"),
        ("/v1/lint", "application/json", Data("{\"text\": 5}".utf8), 400, "malformed-json"),
        ("/v1/lint", "application/json", Data("{\"text\": \"x\",".utf8), 400, "malformed-json"),
        ("/v1/lint", "application/json", Data([0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]), 400, "invalid-utf8"),
        ("/v1/lint", "application/json", Data("{\"text\": \"x\", \"style\": \"nope\"}".utf8), 400, "unknown-style"),
        ("/v1/lint", "application/json", Data("{\"text\": \"x\", \"format\": \"docx\"}".utf8), 400, "unknown-format"),
        ("/v1/lint", "application/json", Data("{\"text\": \"x\", \"encoding\": \"bogus\"}".utf8), 422, "unreadable-story"),
        ("/v1/lint", "application/json", Data("{}".utf8), 400, "missing-text"),
        ("/v1/lint", "text/plain", Data("hello".utf8), 415, "unsupported-media-type"),
        ("/v1/nope", "application/json", Data("{}".utf8), 404, "not-found"),
    ] as [(String, String, Data, Int, String)])
    func badRequestsGetAJSONErrorSayingWhat(path: String, type: String, body: Data, status: Int, code: String) async throws {
        let reply = try await server.request(path, method: "POST", body: body, contentType: type)
        #expect(reply.status == status, "\(path) \(String(decoding: body, as: UTF8.self)): \(reply.text)")
        #expect(reply.errorCode == code, "\(reply.text)")
        #expect(reply.contentType.hasPrefix("application/json"))
        let message = (reply.object["error"] as? [String: Any])?["message"] as? String ?? ""
        #expect(message.count > 10)
    }

    /// The time limit is as short as it can be (a sleep of 0 ms) and the check long (50 KB, far
    /// more than a scheduler hop even in a debug build), so the clock always wins.
    @Test func limitsOnBodySizeTimeAndConcurrency() async throws {
        let small = try ServerProcess(["--max-body", "64KB", "--timeout", "0.0001", "--max-concurrent", "1"])
        defer { small.stop() }
        let paragraph = "ATHENS, Greece (AP) — The minister said on September 15th that the the talks would go on, officials said.\n\n"
        let big = try await small.form("/v2/check", [("text", String(repeating: paragraph, count: 1000)), ("language", "en")])
        #expect(big.status == 413 && big.errorCode == "too-large")
        let timedOut = try await small.form("/v2/check", [("text", String(repeating: paragraph, count: 400)), ("language", "en")])
        #expect(timedOut.status == 503 && timedOut.errorCode == "timeout", "\(timedOut.text.prefix(200))")
        #expect(try await small.request("/health").status == 200)
    }

    @Test func tokenIsRequiredWhenSet() async throws {
        let guarded = try ServerProcess([], environment: ["COPYDESK_TOKEN": "s3cret"])
        defer { guarded.stop() }
        #expect(try await guarded.request("/health").status == 200)
        #expect(try await guarded.request("/").status == 200)
        let refused = try await guarded.json("/v1/lint", ["text": "x"])
        #expect(refused.status == 401 && refused.errorCode == "unauthorized")
        #expect(try await guarded.json("/v1/lint", ["text": "x"], headers: ["Authorization": "Bearer s3cret"]).status == 200)
        #expect(try await guarded.json("/v1/lint", ["text": "x"], headers: ["X-Copydesk-Token": "s3cret"]).status == 200)
        #expect(try await guarded.form("/v2/check", [("text", "x"), ("language", "en")]).status == 401)
        #expect(try await guarded.form("/v2/check", [("text", "x"), ("language", "en"), ("apiKey", "s3cret")]).status == 200)
        #expect(try await guarded.request("/metrics").status == 401)
    }

    /// A shared archive is connected on first use, so readiness asks the database each time.
    @Test func readinessFailsWhileThePostgreSQLArchiveDoesNotAnswer() async throws {
        let server = try ServerProcess([], store: "postgres://copydesk:secret@127.0.0.1:9/wire?timeout=2")
        defer { server.stop() }
        let ready = try await server.request("/ready")
        #expect(ready.status == 503)
        let archive = ready.object["archive"] as? [String: Any]
        #expect(archive?["open"] as? Bool == false)
        let error = archive?["error"] as? String ?? ""
        #expect(error.contains("127.0.0.1:9/wire") && error.contains("cannot reach the archive"), "\(error)")
        #expect(!ready.text.contains("secret"))
        #expect(try await server.request("/health").status == 200)
    }

    @Test func readinessFailsWhenTheArchiveCannotBeOpened() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-not-an-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let notAnArchive = folder.appendingPathComponent("archive.sqlite")
        try Data("this is a story, not a Copydesk archive\n".utf8).write(to: notAnArchive)
        let broken = try ServerProcess([], store: notAnArchive.path)
        defer { broken.stop() }
        let ready = try await broken.request("/ready")
        #expect(ready.status == 503)
        #expect((ready.object["archive"] as? [String: Any])?["open"] as? Bool == false)
        #expect(try await broken.request("/health").status == 200)
        let check = try await broken.json("/v1/archive/check", ["text": "MOSCOW (AP) — The talks went on."])
        #expect(check.status == 503 && check.errorCode == "archive-unavailable")
        #expect(try await broken.form("/v2/check", [("text", "x"), ("language", "en")]).status == 200)
        #expect(try String(contentsOf: notAnArchive, encoding: .utf8) == "this is a story, not a Copydesk archive\n")
    }

    /// The request is in flight for sure: its head and half its body are sent before SIGTERM,
    /// the rest after; the server must still answer it, then exit 0 with the archive closed.
    @Test func sigtermLetsTheRequestInFlightFinishAndClosesTheArchive() async throws {
        let stopping = try ServerProcess([])
        let text = "ATHENS, Greece (AP) — The minister said on September 15th that the the talks would go on."
        let body = Array(ServerProcess.formEncode([("text", text), ("language", "en")]).utf8)
        let head = Array("POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n".utf8)
        let socket = try RawSocket(port: UInt16(stopping.url.port!))
        defer { socket.close() }
        try socket.send(head + body.prefix(body.count / 2))
        try await Task.sleep(for: .milliseconds(300))
        stopping.process.terminate()
        try await Task.sleep(for: .milliseconds(300))
        try socket.send(Array(body.dropFirst(body.count / 2)))
        let reply = String(decoding: socket.receiveAll(), as: UTF8.self)
        #expect(reply.hasPrefix("HTTP/1.1 200"), "\(reply.prefix(300))")
        #expect(reply.contains("\"dates.month\""))
        let (status, log) = stopping.stop()
        #expect(status == 0)
        #expect(log.contains("archive closed"))
    }

    /// Random and mangled bodies at every endpoint: always a 4xx (or 200), never a 5xx, a hang
    /// or a crash.
    @Test func garbageNeverCrashesOrHangsTheServer() async throws {
        var generator = SeededGenerator(seed: 14)
        let seeds: [[UInt8]] = [
            Array("text=The%20the%20minister&language=en-US&enabledOnly=true&enabledRules=repetition.word".utf8),
            Array("{\"text\":\"MOSCOW (AP) \\u2014 The talks\",\"style\":\"ap\",\"format\":\"auto\"}".utf8),
            Array("data={\"annotation\":[{\"text\":\"A \"},{\"markup\":\"<b>\",\"interpretAs\":\"\\n\"}]}&language=en".utf8),
        ]
        let endpoints: [(String, String)] = [("/v2/check", "application/x-www-form-urlencoded"), ("/v1/lint", "application/json"), ("/v1/fix", "application/json"),
                                             ("/v1/normalize", "application/json"), ("/v1/archive/check", "application/json"), ("/v1/translation/check", "application/json")]
        for round in 0..<60 {
            var body = seeds[round % seeds.count]
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                switch Int.random(in: 0..<4, using: &generator) {
                case 0 where !body.isEmpty: body[Int.random(in: 0..<body.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                case 1 where !body.isEmpty: body.remove(at: Int.random(in: 0..<body.count, using: &generator))
                case 2: body.insert(UInt8.random(in: 0...255, using: &generator), at: Int.random(in: 0...body.count, using: &generator))
                default: body = Array(body.prefix(Int.random(in: 0...body.count, using: &generator)))
                }
            }
            let (path, type) = endpoints[round % endpoints.count]
            let reply = try await server.request(path, method: "POST", body: Data(body), contentType: type)
            #expect(reply.status < 500, "\(path) \(body): \(reply.text)")
            if reply.status >= 400 { #expect(reply.errorCode != nil, "\(reply.text)") }
        }
        #expect(try await server.request("/health").status == 200)
    }
}

/// A small deterministic generator, so a failing round can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}

/// A blocking loopback TCP connection, to hold a request half-sent.
final class RawSocket {
    let descriptor: Int32

    init(port: UInt16) throws {
        descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw ServerProcess.ServerError(message: "connect failed: errno \(errno)") }
    }

    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw ServerProcess.ServerError(message: "send failed: errno \(errno)") }
            sent += n
        }
    }

    func receiveAll() -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.recv(descriptor, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            out += buffer[0..<n]
        }
        return out
    }

    func close() { _ = Glibc.close(descriptor) }
}
