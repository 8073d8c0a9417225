import HTTPTypes
import Hummingbird

/// What a hardened production Laravel site's nginx adds to every response (`add_header … always;`): framing
/// limited to the site, no MIME sniffing, a strict referrer policy and a Content-Security-Policy that lets the
/// pages' own styles and script run; over HTTPS, HSTS too. The site never names a server version or
/// `X-Powered-By`.
struct SecurityHeadersMiddleware: RouterMiddleware {
    /// Sends `Strict-Transport-Security` (only over HTTPS, where it means something).
    let strictTransportSecurity: Bool

    static let contentSecurityPolicy =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'; "
        + "base-uri 'self'; form-action 'self'"

    private static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    private static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    private static let xPoweredBy = HTTPField.Name("X-Powered-By")!

    func handle(
        _ request: Request,
        context: SiteContext,
        next: (Request, SiteContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        if strictTransportSecurity {
            response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains"
        }
        response.headers[Self.xFrameOptions] = "SAMEORIGIN"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.referrerPolicy] = "strict-origin-when-cross-origin"
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.server] = nil
        response.headers[values: Self.xPoweredBy] = []
        return response
    }
}
