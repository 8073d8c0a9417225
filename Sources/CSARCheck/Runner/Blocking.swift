import Foundation

/// Waits on the calling thread for async work: for the step runner, which runs on a thread of its own
/// (`DedicatedThread`), never on Swift's cooperative pool, to use the actor-based Pusher client.
enum Blocking {
    /// The result of `operation`; when `stop` is raised first (SIGINT, SIGTERM), the operation's task is
    /// cancelled, so a long wait ends within a tenth of a second.
    static func await<T: Sendable>(
        stop: StopSignal? = nil, _ operation: @escaping @Sendable () async throws -> T
    ) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let outcome = OutcomeBox<T>()
        let task = Task {
            do {
                outcome.set(.success(try await operation()))
            } catch {
                outcome.set(.failure(error))
            }
            done.signal()
        }
        while done.wait(timeout: .now() + 0.1) == .timedOut {
            if stop?.isRequested == true { task.cancel() }
        }
        return try outcome.get().get()
    }
}

/// The result of the work, handed from its task to the waiting thread.
private final class OutcomeBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, any Error>?

    func set(_ value: Result<T, any Error>) { lock.withLock { result = value } }
    func get() -> Result<T, any Error> { lock.withLock { result! } }
}
