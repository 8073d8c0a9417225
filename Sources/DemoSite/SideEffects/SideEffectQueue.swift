import Logging
import ServiceLifecycle

/// The site's queue worker: jobs run after the request that made them has been answered, each after the
/// configured delay, and a failure is logged rather than reaching the visitor, as with Laravel's queued mail,
/// SMS and broadcasts. Runs as a service beside the HTTP server; on shutdown it stops taking jobs and lets
/// those under way end (until the server group's grace period cancels them).
final class SideEffectQueue: Service {
    typealias Job = @Sendable () async throws -> Void

    private let delay: Duration
    private let logger: Logger
    private let jobs: AsyncStream<(name: String, job: Job)>
    private let continuation: AsyncStream<(name: String, job: Job)>.Continuation

    init(delay: Duration, logger: Logger) {
        self.delay = delay
        self.logger = logger
        (jobs, continuation) = AsyncStream.makeStream(of: (name: String, job: Job).self)
    }

    /// Queues `job`; `name` says what it was when it fails.
    func dispatch(_ name: String, _ job: @escaping Job) {
        continuation.yield((name, job))
    }

    func run() async {
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                for await (name, job) in jobs {
                    group.addTask { [delay, logger] in
                        do {
                            if delay > .zero { try await Task.sleep(for: delay) }
                            try await job()
                        } catch is CancellationError {
                            logger.warning("side effect abandoned at shutdown: \(name)")
                        } catch {
                            logger.error("side effect failed: \(name): \(error)")
                        }
                    }
                }
            }
        } onGracefulShutdown: { [continuation] in
            continuation.finish()
        }
    }
}
