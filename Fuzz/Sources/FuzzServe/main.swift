import Copydesk
import CopydeskServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// The server's request decoders through its real routes and middlewares, in process (no
/// socket): the first input byte picks the route, the second the content type, the rest is the
/// body (the query string for GET routes). Every request must be answered, never with a 500:
/// a 2xx with a JSON body, or a 4xx (or 503 for a time or queue limit) whose JSON body says
/// what is wrong in `error.code` and a one-line `error.message`.
let routes: [(HTTPRequest.Method, String)] = [
    (.post, "/v2/check"), (.get, "/v2/check"), (.get, "/v2/configinfo"),
    (.post, "/v1/lint"), (.post, "/v1/fix"), (.post, "/v1/normalize"), (.post, "/v1/run"),
    (.post, "/v1/archive/check"), (.post, "/v1/archive/record"), (.post, "/v1/translation/check"),
    (.get, "/v1/rules"),
]
let contentTypes: [String?] = [
    "application/x-www-form-urlencoded", "application/json", "application/json; charset=utf-8",
    "text/plain", "application/x-www-form-urlencoded; charset=ISO-8859-1", "multipart/form-data; boundary=x", nil,
]

let router: Router<BasicRequestContext> = {
    var options = ServerOptions()
    options.store = NSTemporaryDirectory() + "copydesk-fuzz-serve-\(getpid()).sqlite"
    options.timeout = 2
    options.maximumBodySize = 64 << 10
    do {
        return DeskServer.makeRouter(desk: try Desk.load(options, logger: Logger(label: "fuzz")))
    } catch {
        fatalError("the desk did not load (is COPYDESK_HOME the checkout?): \(error)")
    }
}()

func check(_ method: HTTPRequest.Method, _ path: String, contentType: String?, body: [UInt8]) async throws {
    let app = Application(router: router)
    try await app.test(.router) { client in
        var headers: HTTPFields = [:]
        if let contentType { headers[.contentType] = contentType }
        let query = method == .get ? "?" + String(decoding: body, as: UTF8.self).filter { $0 != " " && $0 != "#" && !$0.isNewline } : ""
        let response = try await client.execute(uri: path + query, method: method, headers: headers,
                                                body: method == .get ? nil : ByteBuffer(bytes: body))
        let status = response.status.code
        precondition(status < 500 || status == 503, "\(method) \(path) answered \(status): \(String(buffer: response.body))")
        let answer = try? JSONSerialization.jsonObject(with: Data(buffer: response.body))
        if status >= 400 {
            guard let error = (answer as? [String: Any])?["error"] as? [String: Any],
                  let code = error["code"] as? String, !code.isEmpty,
                  let message = error["message"] as? String, !message.isEmpty, !message.contains("\n") else {
                preconditionFailure("\(method) \(path) \(status) without a JSON error body: \(String(buffer: response.body))")
            }
        } else {
            precondition(answer != nil, "\(method) \(path) \(status) with a body that is not JSON")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 2 else { return 0 }
    let (method, path) = routes[Int(data[0]) % routes.count]
    let contentType = contentTypes[Int(data[1]) % contentTypes.count]
    let body = Array(UnsafeBufferPointer(start: data + 2, count: size - 2))
    let done = DispatchSemaphore(value: 0)
    Task {
        do {
            try await check(method, path, contentType: contentType, body: body)
        } catch {
            preconditionFailure("the in-process client failed: \(error)")
        }
        done.signal()
    }
    done.wait()
    return 0
}
