/// Data flashed for exactly one following request: validation errors and the input to refill forms with.
struct Flash: Sendable, Equatable {
    var errors = ValidationErrors()
    var oldInput: [String: String] = [:]
}

/// What Laravel would keep in the session store for one visitor.
struct SessionData: Sendable {
    /// The per-session CSRF token (`csrf_token()`).
    var csrfToken: String
    /// The logged-in administrator, if any.
    var userEmail: String?
    /// Where to go after logging in (`url.intended`), set when a guest hits an admin page.
    var intendedPath: String?
    /// The last page the visitor loaded (`_previous.url`): where `back()` goes without a Referer.
    var previousURL: String?
    /// Flashed by this request for the next one.
    var flash = Flash()

    init(csrfToken: String = RandomToken.make()) {
        self.csrfToken = csrfToken
    }
}
