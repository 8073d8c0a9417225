import CSARCheck
import Dispatch
import Foundation

/// Ctrl-C during a run: the first one stops it cleanly (the partial result is reported and written),
/// a second one exits at once.
enum InterruptSignal {
    nonisolated(unsafe) private static var source: DispatchSourceSignal?

    static func install() -> LoadStopSignal {
        let stop = LoadStopSignal()
        signal(SIGINT, SIG_IGN)
        let interrupts = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupts.setEventHandler {
            if stop.isRequested { Foundation.exit(130) }
            stop.request()
            FileHandle.standardError.write(Data("\nInterrupted: finishing the current request, then writing the reports (Ctrl-C again to quit now)\n".utf8))
        }
        interrupts.resume()
        source = interrupts
        return stop
    }

    static func uninstall() {
        source?.cancel()
        source = nil
        signal(SIGINT, SIG_DFL)
    }
}
