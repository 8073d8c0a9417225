import Foundation
import Hummingbird
import NIOCore

/// The HTTP side of the SMS double: one responder that hands every request to the provider, so that
/// unknown paths are answered and recorded like the rest (a router would answer them itself).
enum OrangeSMSResponder {
    /// Bodies above this are refused before the provider sees them.
    static let maximumBody = 1 << 20

    static func make(provider: OrangeSMSProvider) -> CallbackResponder<BasicRequestContext> {
        CallbackResponder { request, _ in
            let body = try await request.body.collect(upTo: maximumBody)
            var query: [String: String] = [:]
            for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
            let answer = await provider.answer(
                OrangeSMSRequest(
                    method: request.method.rawValue, path: request.uri.path, query: query,
                    authorization: request.headers[.authorization], body: Data(buffer: body)))
            var headers: HTTPFields = [.contentType: "application/json"]
            for (name, value) in answer.headers {
                switch name {
                case "Location": headers[.location] = value
                case "WWW-Authenticate": headers[.wwwAuthenticate] = value
                case "Cache-Control": headers[.cacheControl] = value
                default: assertionFailure("a header the responder does not know: \(name)")
                }
            }
            return Response(
                status: .init(code: answer.status), headers: headers,
                body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
    }
}
