import Foundation
import Hummingbird
import Logging

/// One structured log line per request (method, path, status, duration, request id from
/// Hummingbird's logger), at info level; LOG_LEVEL=warning silences them.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        func log(_ status: HTTPResponse.Status) {
            let elapsed = ContinuousClock.now - start
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            context.logger.info("request", metadata: [
                "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(status.code)",
                "duration_ms": "\(String(format: "%.2f", milliseconds))",
            ])
        }
        do {
            let response = try await next(request, context)
            log(response.status)
            return response
        } catch let error as any HTTPResponseError {
            log(error.status)
            throw error
        } catch {
            log(.internalServerError)
            throw error
        }
    }
}

/// Every error as a JSON body (`APIError`): Hummingbird's own (404, 405, a body over the limit)
/// and anything unexpected (500, logged), so a client always gets a reason it can read.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPError where error.status == .notFound {
            if let allowed = DocumentedMethods.byPath[request.uri.path], !allowed.contains(request.method.rawValue) {
                throw APIError(.methodNotAllowed, "method-not-allowed",
                               "\(request.method) is not allowed on \(request.uri.path): use \(allowed.joined(separator: " or ")) (see /openapi.json)",
                               headers: [.allow: allowed.joined(separator: ", ")])
            }
            throw APIError(.notFound, "not-found", "no such endpoint: \(request.method) \(request.uri.path) (see /openapi.json)")
        } catch let error as HTTPError {
            let message: String
            switch error.status {
            case .notFound: message = "no such endpoint: \(request.method) \(request.uri.path) (see /openapi.json)"
            case .methodNotAllowed: message = "\(request.method) is not allowed on \(request.uri.path) (see /openapi.json)"
            case .contentTooLarge: message = "the request body is too large"
            default: message = error.body ?? "\(error.status.reasonPhrase)"
            }
            let code = error.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "-")
            throw APIError(error.status, code, message)
        } catch let error as any HTTPResponseError {
            throw APIError(error.status, "error", "\(error)")
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(error)"])
            throw APIError(.internalServerError, "internal", "the server failed on this request: \(error)")
        }
    }
}

/// The shared secret of `--token` / COPYDESK_TOKEN: `Authorization: Bearer T` or
/// `X-Copydesk-Token: T` on every request but the health probes and the desk page's static files;
/// /v2/check also takes it as LanguageTool's `apiKey` parameter (checked there).
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String?

    static var refusal: APIError {
        APIError(.unauthorized, "unauthorized", "this server needs its token: send 'Authorization: Bearer TOKEN' or 'X-Copydesk-Token: TOKEN' (or apiKey=TOKEN on /v2/check)")
    }

    static func authorized(_ request: Request, token: String) -> Bool {
        if request.headers[.authorization] == "Bearer " + token { return true }
        return request.headers.contains { $0.name.canonicalName == "x-copydesk-token" && $0.value == token }
    }


    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token, !openPaths.contains(request.uri.path), request.uri.path != "/v2/check", !Self.authorized(request, token: token) else {
            return try await next(request, context)
        }
        throw Self.refusal
    }
}

/// Paths served without the token: health probes and the desk page's static files.
let openPaths: Set<String> = ["/health", "/ready", "/", "/desk.js", "/desk.css"]

/// Methods by path, as openapi.json documents them (a test holds it to the routes): a known path
/// asked with another method is a 405 with `Allow`, not a 404.
enum DocumentedMethods {
    static let byPath: [String: [String]] = {
        guard let document = try? JSONSerialization.jsonObject(with: Data(PackageResources.openapi_json)) as? [String: Any],
              let paths = document["paths"] as? [String: [String: Any]] else { return [:] }
        return paths.mapValues { $0.keys.map { $0.uppercased() }.sorted() }
    }()
}
