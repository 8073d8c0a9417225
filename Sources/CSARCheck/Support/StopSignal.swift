import Foundation
import Synchronization

/// Asks a run to stop early (SIGINT, SIGTERM, SIGHUP), from any thread: the scenario runner checks it between
/// steps and retries, a transfer in flight through libcurl's progress callback, the load engine's event loops
/// on every turn (they wake at least every 100 ms, so a stop takes effect within that).
public final class StopSignal: Sendable {
    private let requested = Atomic<Bool>(false)
    private let alsoWhen: (@Sendable () -> Bool)?

    /// A signal raised by `request()` only.
    public init() {
        alsoWhen = nil
    }

    /// A signal that is also raised whenever `condition` holds: a flag set by a signal handler, which
    /// may not call `request()` itself. `condition` is evaluated on every check, so it must be cheap.
    public init(alsoWhen condition: @escaping @Sendable () -> Bool) {
        alsoWhen = condition
    }

    public func request() {
        requested.store(true, ordering: .relaxed)
    }

    public var isRequested: Bool {
        requested.load(ordering: .relaxed) || alsoWhen?() == true
    }

    /// Sleeps `seconds`, waking every 50 ms to look at the signal; false when it was raised meanwhile.
    public func sleep(_ seconds: Double) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while !isRequested {
            let left = end.timeIntervalSinceNow
            guard left > 0 else { return true }
            Thread.sleep(forTimeInterval: min(left, 0.05))
        }
        return false
    }
}
