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
                // `redirect('/')`: Laravel's URL of the home page has no trailing slash.
                var response = Respond.redirect(to: state.url("", for: request))
                let cookie = SetCookie(
                    name: MaintenanceCookie.name,
                    value: MaintenanceCookie.value(secret: secret),
                    maxAgeSeconds: MaintenanceCookie.lifetimeSeconds,
                    httpOnly: true,
                    secure: state.servesHTTPS
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
        // `php artisan down` without --retry: no Retry-After, only Laravel's "Service Unavailable" page.
        return ErrorPage.response(status: .serviceUnavailable, for: request)
    }
}
