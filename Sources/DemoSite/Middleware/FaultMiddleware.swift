import Hummingbird

/// Applies the latency and server-error switches of ``DemoFaults``. It sits inside the session layer, so
/// a broken page still sets cookies, as a Laravel exception page does.
struct FaultMiddleware: RouterMiddleware {
    let faults: DemoFaults

    func handle(
        _ request: Request,
        context: SiteContext,
        next: (Request, SiteContext) async throws -> Response
    ) async throws -> Response {
        let method = request.method.rawValue
        let path = request.uri.path
        let delay = faults.delayMilliseconds(method: method, path: path)
        if delay > 0 {
            try await Task.sleep(for: .milliseconds(delay))
        }
        if faults.failsWithServerError(method: method, path: path) {
            throw HTTPError(.internalServerError)
        }
        return try await next(request, context)
    }
}
