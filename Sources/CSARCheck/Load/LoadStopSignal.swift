import Synchronization

/// Asks a running load to stop early (Ctrl-C), from any thread. Event loops check it on every turn
/// and wake at least every 100 ms, so a stop takes effect within that.
public final class LoadStopSignal: Sendable {
    private let requested = Atomic<Bool>(false)

    public init() {}

    public func request() {
        requested.store(true, ordering: .relaxed)
    }

    public var isRequested: Bool {
        requested.load(ordering: .relaxed)
    }
}
