import Hummingbird

/// Laravel's `PreventRequestsDuringMaintenance`: the outermost layer, so a site that is down answers 503
/// before any session is started or any fault applies.
struct MaintenanceMiddleware: RouterMiddleware {
    let state: SiteState

    func handle(
        _ request: Request,
        context: SiteContext,
        next: (Request, SiteContext) async throws -> Response
    ) async throws -> Response {
        guard case .on(let secret) = state.faults.maintenance else {
            return try await next(request, context)
        }
        if let secret {
            // Laravel compares the whole path with the secret, whatever the method.
            if request.uri.path == "/" + secret {
                var response = Respond.redirect(to: state.url("/", for: request))
                let cookie = SetCookie(
                    name: MaintenanceCookie.name,
                    value: MaintenanceCookie.value(secret: secret),
                    maxAgeSeconds: MaintenanceCookie.lifetimeSeconds,
                    httpOnly: true
                )
                response.headers[values: .setCookie].append(cookie.headerValue())
                return response
            }
            if let cookie = request.cookies[MaintenanceCookie.name]?.value,
                MaintenanceCookie.isValid(cookie, secret: secret)
            {
                return try await next(request, context)
            }
        }
        var response = ErrorPage.response(status: .serviceUnavailable, for: request)
        response.headers[.retryAfter] = "60"
        return response
    }
}
