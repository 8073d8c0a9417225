import Synchronization

/// One request's view of a visitor's session.
///
/// A reference type because route handlers receive the request context by value, yet what they change
/// (login, flash messages) must reach `SessionMiddleware`, which saves the session after the response.
final class Session: Sendable {
    private struct State {
        var id: String
        var data: SessionData
    }

    private let state: Mutex<State>
    /// The id the visitor arrived with, so the store can drop it when the id is regenerated.
    let originalID: String
    /// What the previous request flashed; like Laravel, it is gone once this request ends.
    let flashed: Flash

    init(id: String, data: SessionData) {
        var current = data
        flashed = current.flash
        current.flash = Flash()
        originalID = id
        state = Mutex(State(id: id, data: current))
    }

    var id: String { state.withLock { $0.id } }
    var data: SessionData { state.withLock { $0.data } }
    var csrfToken: String { state.withLock { $0.data.csrfToken } }
    var userEmail: String? { state.withLock { $0.data.userEmail } }

    /// Logs the administrator in under a fresh session id (`$request->session()->regenerate()`), which
    /// defeats session fixation; the CSRF token survives, as in Laravel.
    func logIn(email: String) {
        state.withLock { state in
            state.id = RandomToken.make()
            state.data.userEmail = email
        }
    }

    /// Logs out, empties the session and issues a new id and CSRF token
    /// (`invalidate()` + `regenerateToken()`).
    func invalidate() {
        state.withLock { $0 = State(id: RandomToken.make(), data: SessionData()) }
    }

    /// Keeps `flash` for the next request only.
    func flash(_ flash: Flash) {
        state.withLock { $0.data.flash = flash }
    }

    var previousURL: String? { state.withLock { $0.data.previousURL } }

    /// Remembers the page just loaded, as Laravel's `StartSession` does after every page a browser GETs.
    func storePreviousURL(_ url: String) {
        state.withLock { $0.data.previousURL = url }
    }

    /// Remembers the page a guest wanted before being sent to the login form.
    func rememberIntended(path: String) {
        state.withLock { $0.data.intendedPath = path }
    }

    /// Returns and forgets the remembered page (`redirect()->intended()`).
    func takeIntendedPath() -> String? {
        state.withLock { state in
            defer { state.data.intendedPath = nil }
            return state.data.intendedPath
        }
    }
}
