import Hummingbird

/// Assembles the middleware stack and routes into the responder the server runs.
enum SiteResponder {
    static func build(state: SiteState) -> HeadResponder<RouterResponder<SiteContext>> {
        let router = Router(context: SiteContext.self)
        // Order mirrors Laravel's kernel. Maintenance answers before any session exists (global middleware);
        // the session wraps the error pages so they still set cookies; faults apply before any body is read.
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
        return HeadResponder(wrapped: router.buildResponder())
    }
}
