import Hummingbird

/// Serves `HEAD` for every path by running the `GET` handling and dropping the body, keeping status and
/// headers (including `Content-Length`). Wrapping the whole router, rather than using Hummingbird's
/// per-route `autoGenerateHeadEndpoints`, also covers 404, 503 and fault responses, as Laravel does.
struct HeadResponder<Wrapped: HTTPResponder>: HTTPResponder {
    let wrapped: Wrapped

    func respond(to request: Request, context: Wrapped.Context) async throws -> Response {
        guard request.method == .head else {
            return try await wrapped.respond(to: request, context: context)
        }
        var head = request.head
        head.method = .get
        let response = try await wrapped.respond(to: Request(head: head, body: request.body), context: context)
        return response.createHeadResponse()
    }
}
