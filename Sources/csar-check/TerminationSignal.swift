import Dispatch
import Foundation

/// SIGINT, SIGTERM and SIGHUP as the end of a command that serves until stopped (`doubles`): the signals are
/// ignored by the process from `install()` on, and `next()` returns the name of the first one received. Unlike
/// `InterruptSignal` (a run in progress, exit code 130), stopping is then the expected end, and exits with 0.
final class TerminationSignal: @unchecked Sendable {
    private static let handled: [(Int32, String)] = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP")]
    // Everything below is touched on `queue` only.
    private let queue = DispatchQueue(label: "csar-check.termination-signal")
    private var sources: [DispatchSourceSignal] = []
    private var received: String?
    private var waiters: [CheckedContinuation<String, Never>] = []

    /// Takes the signals over; call it before anything is started, so an early signal is not fatal.
    static func install() -> TerminationSignal {
        let watch = TerminationSignal()
        watch.queue.sync {
            for (number, name) in handled {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: watch.queue)
                source.setEventHandler { [watch] in watch.receive(name) }
                source.resume()
                watch.sources.append(source)
            }
        }
        return watch
    }

    /// The name of the first signal received, once one is.
    func next() async -> String {
        await withCheckedContinuation { continuation in
            queue.async { [self] in
                if let received {
                    continuation.resume(returning: received)
                } else {
                    waiters.append(continuation)
                }
            }
        }
    }

    private func receive(_ name: String) {
        guard received == nil else { return }
        received = name
        for waiter in waiters { waiter.resume(returning: name) }
        waiters = []
    }
}
