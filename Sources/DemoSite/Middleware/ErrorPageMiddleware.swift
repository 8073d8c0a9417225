import Hummingbird

/// Laravel's exception handler: every error thrown below becomes an error page (or JSON) with its status,
/// so hostile input ends in a 4xx page and an unexpected failure in the generic 500 page.
struct ErrorPageMiddleware: RouterMiddleware {
    func handle(
        _ request: Request,
        context: SiteContext,
        next: (Request, SiteContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            var response = ErrorPage.response(status: error.status, for: request)
            response.headers.append(contentsOf: error.headers)
            return response
        } catch let error as any HTTPResponseError {
            return ErrorPage.response(status: error.status, for: request)
        } catch {
            context.logger.error("Unhandled error: \(error)")
            return ErrorPage.response(status: .internalServerError, for: request)
        }
    }
}
