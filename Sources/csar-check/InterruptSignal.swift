import CSARCheck
import Foundation
import Synchronization

/// Ctrl-C during a run: the first one stops it cleanly (the partial result is reported and written),
/// a second one exits at once.
///
/// A plain `sigaction` handler that only counts and writes, both async-signal-safe: no watcher thread
/// (a `DispatchSource` starts several), so a single-lane load run keeps the process single-threaded.
enum InterruptSignal {
    /// Ctrl-Cs received since `install`.
    private static let received = Atomic<Int>(0)

    /// Lets SIGINT reach this process even if the parent started it with the signal blocked (a blocked
    /// mask is inherited across `exec`; test harnesses and some supervisors do that). Call it before any
    /// thread starts: threads inherit the mask of the thread that creates them.
    static func unblock() {
        var interrupts = sigset_t()
        sigemptyset(&interrupts)
        sigaddset(&interrupts, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupts, nil)
    }

    /// Installs the handler; the returned signal is raised by the first Ctrl-C.
    static func install() -> LoadStopSignal {
        received.store(0, ordering: .relaxed)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            if InterruptSignal.received.add(1, ordering: .relaxed).newValue > 1 { _exit(130) }
            let notice: StaticString =
                "\nInterrupted: finishing the current request, then writing the reports (Ctrl-C again to quit now)\n"
            _ = write(STDERR_FILENO, notice.utf8Start, notice.utf8CodeUnitCount)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        return LoadStopSignal(alsoWhen: { InterruptSignal.received.load(ordering: .relaxed) > 0 })
    }

    /// Restores the default: Ctrl-C terminates.
    static func uninstall() {
        signal(SIGINT, SIG_DFL)
    }
}
