import CSARCheck
import Foundation
import GRDB
import Synchronization

/// Stops the SQLite work of a history once a stop is requested (SIGINT, SIGTERM, SIGHUP): while `work`
/// runs, a watcher thread looks at the signal every 50 ms and interrupts the statement under way. An
/// interrupted write is rolled back whole, so the file keeps what it held before.
struct DatabaseInterrupter: Sendable {
    let database: DatabaseQueue
    let stop: StopSignal

    func run<T>(_ work: () throws(HistoryError) -> T) throws(HistoryError) -> T {
        let watch = Watch()
        let database = database
        let stop = stop
        Thread.detachNewThread {
            while !watch.finished.load(ordering: .relaxed) {
                if stop.isRequested { database.interrupt() }
                Thread.sleep(forTimeInterval: 0.05)
            }
            watch.ended.signal()
        }
        defer {
            watch.finished.store(true, ordering: .relaxed)
            watch.ended.wait()
        }
        return try work()
    }

    private final class Watch: Sendable {
        let finished = Atomic<Bool>(false)
        let ended = DispatchSemaphore(value: 0)
    }
}
