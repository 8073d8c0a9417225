import Foundation

/// Reads a mailbox or an inbox again and again, with a growing pause, until what is wanted is there or the
/// time runs out: found within about 2 s of its arrival, without asking a real mailbox (Gmail) more than every
/// 2 s.
enum Polling {
    /// The first pause between two reads, its growth and its cap, in seconds.
    static let firstPause = 0.25
    static let pauseGrowth = 1.6
    static let longestPause = 2.0

    enum Outcome<Found> {
        /// Found, and when the read that found it was made.
        case found(Found, at: Date)
        case timedOut
        case stopped
    }

    /// Calls `read` until it returns something or `within` seconds have passed (it is called at least once);
    /// a thrown error ends the polling at once.
    static func poll<Found, Failure: Error>(
        within: Double, stop: StopSignal, read: () throws(Failure) -> Found?
    ) throws(Failure) -> Outcome<Found> {
        let deadline = Date().addingTimeInterval(within)
        var pause = firstPause
        while true {
            if let found = try read() { return .found(found, at: Date()) }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return .timedOut }
            guard stop.sleep(min(pause, left)) else { return .stopped }
            pause = min(pause * pauseGrowth, longestPause)
        }
    }

    /// Seconds from the triggering step to an arrival: by the server's clock when it says (and that is between
    /// the trigger and the read that found it), else when the read found it.
    static func latency(arrivedAt: Date?, foundAt: Date, since triggeredAt: Date) -> Double {
        let arrival = arrivedAt.map { min(max($0, triggeredAt), foundAt) } ?? foundAt
        return max(0, arrival.timeIntervalSince(triggeredAt))
    }
}
