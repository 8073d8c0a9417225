import Hummingbird

/// Per-request context: Hummingbird's core storage plus the visitor's session and the parsed form input.
struct SiteContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Replaced by `SessionMiddleware` before any route runs. The placeholder's empty CSRF token can never
    /// pass verification, so a route reached without the middleware fails closed.
    var session: Session
    /// Filled by `FormInputMiddleware` for requests that carry a body.
    var input = FormInput()

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        session = Session(id: "", data: SessionData(csrfToken: ""))
    }
}
