import HTTPTypes
import Hummingbird

/// Laravel's `throttle:api` (`ThrottleRequests`): counts requests per client IP and adds
/// `X-RateLimit-Limit` / `X-RateLimit-Remaining`; over the limit, 429 with `Retry-After` and
/// `X-RateLimit-Reset`, rendered as Laravel's "Too Many Requests" page or `{"message":"Too Many Attempts."}`.
struct ThrottleMiddleware: RouterMiddleware {
    let state: SiteState

    func handle(
        _ request: Request,
        context: SiteContext,
        next: (Request, SiteContext) async throws -> Response
    ) async throws -> Response {
        let maxAttempts = state.apiRequestsPerMinute
        let limit = String(maxAttempts)
        switch state.apiRateLimiter.hit(context.clientIP, maxAttempts: maxAttempts) {
        case .allowed(let remaining):
            var response = try await next(request, context)
            response.headers[.xRateLimitLimit] = limit
            response.headers[.xRateLimitRemaining] = String(remaining)
            return response
        case .refused(let retryAfter, let resetAt):
            throw HTTPError(
                .tooManyRequests,
                headers: [
                    .xRateLimitLimit: limit,
                    .xRateLimitRemaining: "0",
                    .retryAfter: String(retryAfter),
                    .xRateLimitReset: String(resetAt),
                ])
        }
    }
}

extension HTTPField.Name {
    static let xRateLimitLimit = Self("X-RateLimit-Limit")!
    static let xRateLimitRemaining = Self("X-RateLimit-Remaining")!
    static let xRateLimitReset = Self("X-RateLimit-Reset")!
}
