import Foundation
import Synchronization

/// Laravel's cache-backed `RateLimiter` for one limit: a fixed window per key that opens with the key's
/// first hit and lasts `decaySeconds`; once the limit's number of hits are in, the key is refused until it
/// closes. The limit is given with each hit, as Laravel reads `RateLimiter::for(…)` on every request.
final class RateLimiter: Sendable {
    /// What one request was told.
    enum Decision: Equatable {
        /// Let through; `remaining` more fit in the window.
        case allowed(remaining: Int)
        /// Refused for `retryAfter` more seconds; the window closes at `resetAt` (Unix time).
        case refused(retryAfter: Int, resetAt: Int)
    }

    private struct Window {
        var attempts: Int
        var closesAt: Int
    }

    let decaySeconds: Int
    private let windows = Mutex<[String: Window]>([:])

    init(decaySeconds: Int) {
        self.decaySeconds = decaySeconds
    }

    /// Counts one request of `key` at `now` (Unix seconds), unless the key has `maxAttempts` hits in its window.
    func hit(_ key: String, maxAttempts: Int, now: Int = Int(Date().timeIntervalSince1970)) -> Decision {
        windows.withLock { windows in
            if windows.count > 10_000 {
                windows = windows.filter { $0.value.closesAt > now }
            }
            var window =
                windows[key].flatMap { $0.closesAt > now ? $0 : nil }
                ?? Window(attempts: 0, closesAt: now + decaySeconds)
            guard window.attempts < maxAttempts else {
                return .refused(retryAfter: window.closesAt - now, resetAt: window.closesAt)
            }
            window.attempts += 1
            windows[key] = window
            return .allowed(remaining: maxAttempts - window.attempts)
        }
    }
}
