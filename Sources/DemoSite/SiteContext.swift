import Hummingbird

/// Per-request context: Hummingbird's core storage plus the visitor's session and the parsed form input.
struct SiteContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Replaced by `SessionMiddleware` before any route runs. The placeholder's empty CSRF token can never
    /// pass verification, so a route reached without the middleware fails closed.
    var session: Session
    /// Filled by `FormInputMiddleware` for requests that carry a body.
    var input = FormInput()
    /// The client's IP address, which Laravel's `throttle:api` counts requests by.
    let clientIP: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientIP = source.channel.remoteAddress?.ipAddress ?? "unknown"
        session = Session(id: "", data: SessionData(csrfToken: ""))
    }
}
