import Foundation
import Hummingbird

/// Reads and decodes request bodies within the server's limits, turning every way a body can be
/// wrong into an `APIError` that names the problem (too large, wrong content type, malformed JSON
/// or form, invalid UTF-8).
struct RequestBody {
    let limit: Int

    /// The whole body, refused with 413 past `limit` (before reading when Content-Length says so).
    func bytes(of request: Request) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw Self.tooLarge(limit)
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Self.tooLarge(limit)
        }
    }

    static func tooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, "too-large", "the request body is over the server's limit of \(limit) bytes (--max-body)")
    }

    /// The media type of the request, lowercased, without parameters ("" when absent).
    static func mediaType(_ request: Request) -> String {
        let value = request.headers[.contentType] ?? ""
        return value.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    /// A JSON body decoded as `T`; the content type must be application/json.
    func json<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let media = Self.mediaType(request)
        guard media == "application/json" || media.hasSuffix("+json") else {
            throw APIError(.unsupportedMediaType, "unsupported-media-type",
                           "send the request as application/json, not \(media.isEmpty ? "a body without Content-Type" : media)")
        }
        let body = try await bytes(of: request)
        return try Self.decodeJSON(type, body)
    }

    static func decodeJSON<T: Decodable>(_ type: T.Type, _ body: [UInt8]) throws -> T {
        if body.isEmpty { throw APIError.badRequest("malformed-json", "the request body is empty; send a JSON object") }
        guard String(validating: body, as: UTF8.self) != nil else {
            throw APIError.badRequest("invalid-utf8", "the request body is not valid UTF-8 (at byte \(FormDecoder.firstInvalidUTF8(body) ?? 0))")
        }
        do {
            return try JSONDecoder().decode(type, from: Data(body))
        } catch let error as DecodingError {
            throw APIError.badRequest("malformed-json", Self.describe(error))
        } catch {
            throw APIError.badRequest("malformed-json", "the body is not valid JSON: \(error)")
        }
    }

    /// One line a client can act on, from a DecodingError.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "the body" : "'" + keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".") + "'"
        }
        switch error {
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return "the body is not valid JSON" + (underlying.map { ": \($0)" } ?? (context.debugDescription.isEmpty ? "" : ": \(context.debugDescription)"))
        case .keyNotFound(let key, let context):
            return "missing field '\(key.stringValue)'" + (context.codingPath.isEmpty ? "" : " in \(path(context.codingPath))")
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) must be \(Self.typeName(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) must be \(Self.typeName(type)), not null"
        @unknown default:
            return "the body could not be decoded: \(error)"
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Double.Type: "a number"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }

    /// Form parameters from the body (application/x-www-form-urlencoded) and the query string;
    /// the body's win.
    func form(from request: Request) async throws -> [String: String] {
        var parameters = try FormDecoder.decode(request.uri.query ?? "", what: "query string")
        if request.method == .post {
            let media = Self.mediaType(request)
            let body = try await bytes(of: request)
            if !body.isEmpty {
                guard media == "application/x-www-form-urlencoded" || media.isEmpty else {
                    throw APIError(.unsupportedMediaType, "unsupported-media-type",
                                   "send the parameters form-encoded (application/x-www-form-urlencoded), as LanguageTool takes them, not \(media)")
                }
                guard let text = String(validating: body, as: UTF8.self) else {
                    throw APIError.badRequest("invalid-utf8", "the request body is not valid UTF-8 (at byte \(FormDecoder.firstInvalidUTF8(body) ?? 0))")
                }
                for (key, value) in try FormDecoder.decode(text, what: "body") { parameters[key] = value }
            }
        }
        return parameters
    }
}
