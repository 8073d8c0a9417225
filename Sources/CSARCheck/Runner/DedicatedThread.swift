import Foundation

/// Runs blocking work (libcurl transfers) on a thread of its own and hands the result back to async
/// code, so Swift's small cooperative pool — two threads on this machine — never blocks on I/O.
public enum DedicatedThread {
    public static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.stackSize = 4 << 20
            thread.start()
        }
    }
}
