import Hummingbird

/// Assembles the middleware stack and routes into the responder the server runs.
enum SiteResponder {
    static func build(state: SiteState) -> SiteDispatcher {
        let router = Router(context: SiteContext.self)
        // Order mirrors Laravel's kernel. Maintenance answers before any session exists (global middleware);
        // the session wraps the error pages so they still set cookies; faults apply before any body is read.
        // The security headers come first so that every page has them, maintenance and error pages included.
        router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: state.servesHTTPS))
        router.add(middleware: MaintenanceMiddleware(state: state))
        router.add(middleware: SessionMiddleware(store: state.sessions, state: state))
        router.add(middleware: ErrorPageMiddleware())
        router.add(middleware: FaultMiddleware(faults: state.faults))
        // Body parsing and the CSRF check belong to the form routes only: Laravel runs route middleware once a
        // route has matched, so a POST to an unknown URL is a 404, not a 419.
        let forms = router.group()
            .add(middleware: FormInputMiddleware(maxBodyBytes: state.configuration.maxRequestBodyBytes))
            .add(middleware: CSRFMiddleware(faults: state.faults))
        SiteRoutes(state: state).register(on: router, forms: forms)
        var mailpit: (api: MailpitAPI, responder: RouterResponder<SiteContext>)?
        if let catcher = state.mailCatcher, let path = state.configuration.mailCatcherPath {
            // A router of its own: the mail catcher is another service, outside the site's middleware.
            let api = MailpitAPI(catcher: catcher, prefix: MailpitAPI.normalizedPrefix(path))
            let mailRouter = Router(context: SiteContext.self)
            api.register(on: mailRouter)
            mailpit = (api, mailRouter.buildResponder())
        }
        return SiteDispatcher(site: HeadResponder(wrapped: router.buildResponder()), mailpit: mailpit)
    }
}

/// Sends the mail catcher's API requests to its router, and everything else to the site.
struct SiteDispatcher: HTTPResponder {
    let site: HeadResponder<RouterResponder<SiteContext>>
    let mailpit: (api: MailpitAPI, responder: RouterResponder<SiteContext>)?

    func respond(to request: Request, context: SiteContext) async throws -> Response {
        if let mailpit, mailpit.api.serves(request.uri.path) {
            return try await mailpit.responder.respond(to: request, context: context)
        }
        return try await site.respond(to: request, context: context)
    }
}
