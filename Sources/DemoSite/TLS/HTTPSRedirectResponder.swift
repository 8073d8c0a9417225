import Hummingbird

/// The plain-HTTP listener of a site served over HTTPS (nginx's `return 301 https://$host$request_uri;`): every
/// request, whatever its method, gets a 301 to the same path and query on the HTTPS origin.
struct HTTPSRedirectResponder: HTTPResponder {
    /// `https://localhost:PORT`, without a trailing slash.
    let httpsOrigin: String

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let target = request.uri.description
        let pathAndQuery = target.hasPrefix("/") ? target : "/"
        return Response(
            status: .movedPermanently,
            headers: [.location: httpsOrigin + pathAndQuery, .contentLength: "0"])
    }
}
