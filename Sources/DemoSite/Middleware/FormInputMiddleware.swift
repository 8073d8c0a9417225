import Hummingbird

/// Reads and parses the body of the form routes' requests, before the CSRF check needs `_token`.
///
/// Bodies over the limit end in 413 (Laravel's `PostTooLargeException`), unparsable ones in 400.
struct FormInputMiddleware: RouterMiddleware {
    let maxBodyBytes: Int

    func handle(
        _ request: Request,
        context: SiteContext,
        next: (Request, SiteContext) async throws -> Response
    ) async throws -> Response {
        // Refuse early when the client announces an oversized body, instead of reading it first.
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes {
            throw HTTPError(.contentTooLarge)
        }
        var request = request
        let buffer = try await request.collectBody(upTo: maxBodyBytes)
        var context = context
        do {
            context.input = try FormInput.parse(
                contentType: request.headers[.contentType],
                body: Array(buffer.readableBytesView)
            )
        } catch {
            throw HTTPError(.badRequest)
        }
        return try await next(request, context)
    }
}
