import CSARCheck
import Foundation
import Synchronization

/// The one signal path of every command but the servers: SIGINT (Ctrl-C), SIGTERM (CI runners, `timeout`,
/// `kill`) and SIGHUP (a closed terminal or SSH session) all stop it cleanly — in a run the request in flight
/// is abandoned, the partial result is printed and every report written; reading or pruning a history stops
/// leaving the file as it was — and the process exits with `RunVerdict.interrupted` (130). A second signal
/// exits at once, with the same code.
///
/// A plain `sigaction` handler that only counts and writes, both async-signal-safe: no watcher thread
/// (a `DispatchSource` starts several), so a single-lane load run keeps the process single-threaded.
enum InterruptSignal {
    /// The signals that stop a run.
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// Signals received since `install`.
    private static let received = Atomic<Int>(0)
    /// The first signal received, 0 before any.
    private static let first = Atomic<Int32>(0)
    /// Which notice the first signal prints: `Notice.rawValue`.
    private static let notice = Atomic<Int>(Notice.run.rawValue)

    /// What the first signal says it does.
    enum Notice: Int {
        /// A run stops, then writes its reports.
        case run
        /// Any other command stops.
        case command
    }

    /// When `--max-time` stops the run (`DispatchTime` uptime in nanoseconds), 0 without a limit.
    private static let deadline = Atomic<UInt64>(0)
    /// `--max-time` as the user wrote it, for the line that says it was reached.
    private static let limit = Mutex<String?>(nil)

    /// The stop request every part of a run watches: raised by the first signal, or when `--max-time` is
    /// reached.
    static let stop = StopSignal(alsoWhen: {
        InterruptSignal.received.load(ordering: .relaxed) > 0 || InterruptSignal.deadlineReached
    })

    /// Raises `stop` once `duration` has passed from now: the run then ends as on a signal.
    static func stop(after duration: DurationArgument) {
        limit.withLock { $0 = duration.description }
        let nanoseconds = UInt64(duration.seconds * 1e9)
        deadline.store(DispatchTime.now().uptimeNanoseconds + nanoseconds, ordering: .relaxed)
    }

    private static var deadlineReached: Bool {
        let due = deadline.load(ordering: .relaxed)
        return due != 0 && DispatchTime.now().uptimeNanoseconds >= due
    }

    /// Lets the handled signals reach this process even if the parent started it with them blocked (a
    /// blocked mask is inherited across `exec`; test harnesses and some supervisors do that). Call it
    /// before any thread starts: threads inherit the mask of the thread that creates them.
    static func unblock() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in handled { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Installs the handler for the rest of the process's life (report writing included, so a signal
    /// then still leaves whole reports) and returns the stop request it raises.
    @discardableResult
    static func install(_ kind: Notice = .run) -> StopSignal {
        notice.store(kind.rawValue, ordering: .relaxed)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            if InterruptSignal.received.add(1, ordering: .relaxed).newValue > 1 {
                let notice: StaticString = "\nInterrupted again: exiting now\n"
                _ = write(STDERR_FILENO, notice.utf8Start, notice.utf8CodeUnitCount)
                _exit(RunVerdict.interrupted.rawValue)
            }
            InterruptSignal.first.store(signal, ordering: .relaxed)
            let notice: StaticString =
                InterruptSignal.notice.load(ordering: .relaxed) == Notice.command.rawValue
                ? "\nInterrupted: stopping (signal again to quit now)\n"
                : "\nInterrupted: stopping the run, then writing the reports (signal again to quit now)\n"
            _ = write(STDERR_FILENO, notice.utf8Start, notice.utf8CodeUnitCount)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        for signal in handled { sigaction(signal, &action, nil) }
        return stop
    }

    /// What stopped the run: `by SIGTERM`, or `at --max-time 90s` when no signal came first; nil when nothing did.
    static var stoppedBy: String? {
        if let receivedName { return "by \(receivedName)" }
        guard deadlineReached, let written = limit.withLock({ $0 }) else { return nil }
        return "at --max-time \(written)"
    }

    /// The name of the signal that stopped the run (`SIGTERM`), nil when none did.
    static var receivedName: String? {
        switch first.load(ordering: .relaxed) {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        default: nil
        }
    }
}
