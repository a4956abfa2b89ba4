import Foundation
import Testing

/// openapi.json (kept in Sources/CopydeskServer/Resources, served at /openapi.json) against what
/// the routes really answer: every operation is called with its documented example, and must
/// answer one of its documented statuses with the documented required fields.
@Suite struct OpenAPITests {
    var server: ServerProcess { ServerProcess.shared }

    static func document() throws -> [String: Any] {
        let url = ServerProcess.projectRoot.appendingPathComponent("Sources/CopydeskServer/Resources/openapi.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test func servedDocumentIsTheOneInTheRepository() async throws {
        let served = try await server.request("/openapi.json")
        let file = try Data(contentsOf: ServerProcess.projectRoot.appendingPathComponent("Sources/CopydeskServer/Resources/openapi.json"))
        #expect(served.body == file)
        #expect(try Self.document()["openapi"] as? String == "3.1.0")
    }

    /// Resolves a local `$ref`.
    func resolve(_ schema: [String: Any], in document: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String else { return schema }
        var node: Any = document
        for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] ?? [:] }
        return node as? [String: Any] ?? [:]
    }

    @Test func everyOperationAnswersAsDocumented() async throws {
        let document = try Self.document()
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var called = 0
        for (path, operations) in paths.sorted(by: { $0.key < $1.key }) {
            for (method, value) in operations {
                guard let operation = value as? [String: Any], let responses = operation["responses"] as? [String: Any] else { continue }
                var query = ""
                if let parameters = operation["parameters"] as? [[String: Any]] {
                    query = "?" + parameters.compactMap { p in (p["example"] as? String).map { "\(p["name"]!)=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" } }.joined(separator: "&")
                }
                var body: Data?, contentType: String?
                if let content = (operation["requestBody"] as? [String: Any])?["content"] as? [String: [String: Any]], let (type, media) = content.first {
                    contentType = type
                    let example = try #require(media["example"] as? [String: Any], "\(method) \(path) has no example")
                    if type == "application/json" {
                        body = try JSONSerialization.data(withJSONObject: example)
                    } else {
                        body = Data(ServerProcess.formEncode(example.map { ($0.key, "\($0.value)") }).utf8)
                    }
                }
                let reply = try await server.request(path + query, method: method.uppercased(), body: body, contentType: contentType)
                called += 1
                let documented = try #require(responses["\(reply.status)"] as? [String: Any], "\(method) \(path) answered \(reply.status), not documented: \(reply.text.prefix(300))")
                #expect(reply.status == 200, "\(method) \(path): \(reply.text.prefix(300))")
                guard let media = (documented["content"] as? [String: [String: Any]])?.first, media.key == "application/json" else { continue }
                #expect(reply.contentType.hasPrefix("application/json"), "\(method) \(path)")
                let schema = resolve(media.value["schema"] as? [String: Any] ?? [:], in: document)
                if schema["type"] as? String == "array" {
                    #expect(reply.json is [Any], "\(method) \(path)")
                } else {
                    for field in schema["required"] as? [String] ?? [] {
                        #expect(reply.object[field] != nil, "\(method) \(path): no '\(field)' in \(reply.text.prefix(300))")
                    }
                }
            }
        }
        #expect(called >= 20)
    }
}
