import Synchronization

/// Switches that break the demo site on purpose, so tests can prove that a check fails when the site is broken.
///
/// Every switch is off by default and can be flipped at any time, from any thread, while the site serves
/// traffic: the state sits behind a `Mutex` and each request reads it afresh. Routes are written as
/// `"/path"`, `"METHOD /path"` (e.g. `"POST /login"`) or `"*"` for every path. `HEAD` requests are served by
/// the `GET` route, so a `GET` fault covers them too.
public final class DemoFaults: Sendable {
    private struct State {
        var serverErrorPaths: Set<String> = []
        var latency: [String: Int] = [:]
        var warehouses: DemoWarehouseFault = .healthy
        var csrfDisabled = false
        var maintenance: DemoMaintenanceMode = .off
        var apiRequestsPerMinute: Int?
    }

    private let state = Mutex(State())

    /// Creates a set of switches with every fault off.
    public init() {}

    /// Routes that answer 500 with Laravel's "Server Error" page (JSON `{"message":"Server Error"}` for API clients).
    public var serverErrorPaths: Set<String> {
        get { state.withLock { $0.serverErrorPaths } }
        set { state.withLock { $0.serverErrorPaths = newValue } }
    }

    /// Extra delay in milliseconds per route, slept with `Task.sleep` so no event-loop thread is blocked.
    /// When several entries match a request the largest delay wins.
    public var latency: [String: Int] {
        get { state.withLock { $0.latency } }
        set { state.withLock { $0.latency = newValue } }
    }

    /// What `GET /api/warehouses` serves.
    public var warehouses: DemoWarehouseFault {
        get { state.withLock { $0.warehouses } }
        set { state.withLock { $0.warehouses = newValue } }
    }

    /// When `true` the site accepts state-changing requests without a valid CSRF token ("wrong CSRF handling").
    public var csrfDisabled: Bool {
        get { state.withLock { $0.csrfDisabled } }
        set { state.withLock { $0.csrfDisabled = newValue } }
    }

    /// Laravel maintenance mode (`php artisan down [--secret=…]`).
    public var maintenance: DemoMaintenanceMode {
        get { state.withLock { $0.maintenance } }
        set { state.withLock { $0.maintenance = newValue } }
    }

    /// The `throttle:api` limit in requests a minute per client, replacing the configuration's
    /// ``DemoSiteConfiguration/apiRequestsPerMinute`` while set (`nil`: the configured limit). It applies from
    /// the next request on, to the window already open too, as a changed `RateLimiter::for('api', …)` does.
    public var apiRequestsPerMinute: Int? {
        get { state.withLock { $0.apiRequestsPerMinute } }
        set { state.withLock { $0.apiRequestsPerMinute = newValue } }
    }

    /// Turns every fault off again.
    public func reset() {
        state.withLock { $0 = State() }
    }

    /// Whether a request for `path` with `method` must fail with 500.
    func failsWithServerError(method: String, path: String) -> Bool {
        serverErrorPaths.contains { FaultRoute($0).matches(method: method, path: path) }
    }

    /// The injected delay for a request, in milliseconds (0 when none applies).
    func delayMilliseconds(method: String, path: String) -> Int {
        latency.filter { FaultRoute($0.key).matches(method: method, path: path) }.values.max() ?? 0
    }
}
