import Hummingbird

/// Laravel's `StartSession` plus `VerifyCsrfToken`'s cookie half: opens the visitor's session before the
/// route runs, saves it afterwards and sends `csar_session` and `XSRF-TOKEN` on every response of the
/// `web` routes. The `api` routes (`/api/…`) are stateless in Laravel: no session, no cookies.
struct SessionMiddleware: RouterMiddleware {
    static let cookieName = "csar_session"

    let store: SessionStore
    let state: SiteState

    func handle(
        _ request: Request,
        context: SiteContext,
        next: (Request, SiteContext) async throws -> Response
    ) async throws -> Response {
        if request.uri.path.hasPrefix("/api/") {
            return try await next(request, context)
        }
        let session = store.open(id: request.cookies[Self.cookieName]?.value)
        var context = context
        context.session = session
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            // `ErrorPageMiddleware` below turns errors into pages; saving here too keeps the session
            // consistent should anything slip through.
            store.save(session)
            throw error
        }
        if Self.isPageView(request, status: response.status) {
            session.storePreviousURL(state.fullURL(of: request))
        }
        store.save(session)
        let lifetime = SessionStore.lifetimeSeconds
        let sessionCookie = SetCookie(
            name: Self.cookieName, value: session.id, maxAgeSeconds: lifetime, httpOnly: true,
            secure: state.servesHTTPS)
        // Not HttpOnly: front-end code reads it to send `X-XSRF-TOKEN`, which is the point of the cookie.
        let xsrfCookie = SetCookie(
            name: CSRF.cookieName,
            value: CSRF.cookieValue(for: session.csrfToken),
            maxAgeSeconds: lifetime,
            httpOnly: false,
            secure: state.servesHTTPS
        )
        response.headers[values: .setCookie] += [xsrfCookie.headerValue(), sessionCookie.headerValue()]
        return response
    }

    /// `StartSession::storeCurrentUrl`: a GET that a route answered, not made by a script (XHR). Laravel
    /// stores it only when a route matched; here an unknown path is recognised by its 404.
    private static func isPageView(_ request: Request, status: HTTPResponse.Status) -> Bool {
        request.method == .get && status != .notFound
            && request.headers.value(named: "x-requested-with") != "XMLHttpRequest"
    }
}
