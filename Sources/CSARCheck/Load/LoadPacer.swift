/// The open model's schedule, as a pure function of (elapsed time, requests sent) — the shape of
/// vegeta's `lib/pacer.go`, tested without any I/O.
///
/// Request k of the run is due `k / rate` seconds after the start. A run on several event-loop
/// threads splits the schedule into lanes: lane i of n takes requests i, i+n, i+2n…, so the lanes
/// together keep the exact overall schedule and no two threads ever coordinate.
public struct LoadPacer: Sendable, Equatable {
    /// What the event loop should do next.
    public enum Decision: Sendable, Equatable {
        /// Start the next request now; its latency counts from `intendedAt` (nanoseconds since the start),
        /// which is earlier than now when the loop is behind.
        case send(intendedAt: UInt64)
        /// Nothing is due for this many nanoseconds.
        case wait(UInt64)
        /// This lane's share of the schedule has been sent.
        case stop
    }

    /// Requests per second for the whole run (all lanes).
    public let rate: Double
    /// Requests in the whole schedule.
    public let total: UInt64
    public let lane: UInt64
    public let lanes: UInt64

    public init(rate: Double, total: UInt64, lane: UInt64 = 0, lanes: UInt64 = 1) {
        precondition(rate > 0 && lanes > 0 && lane < lanes, "invalid pacer")
        self.rate = rate
        self.total = total
        self.lane = lane
        self.lanes = lanes
    }

    /// How many requests of the schedule fall to this lane.
    public var laneTotal: UInt64 {
        total > lane ? (total - lane + lanes - 1) / lanes : 0
    }

    /// The run-wide index of this lane's request number `sent`.
    public func scheduleIndex(ofLaneRequest sent: UInt64) -> UInt64 {
        sent * lanes + lane
    }

    /// Nanoseconds after the start at which run-wide request `index` is due.
    public func intendedTime(ofScheduleIndex index: UInt64) -> UInt64 {
        MonotonicClock.nanoseconds(Double(index) / rate)
    }

    /// The nanoseconds between two requests of the whole run.
    public var interval: UInt64 {
        MonotonicClock.nanoseconds(1 / rate)
    }

    /// Given the time since the start and how many requests this lane has sent, what to do now.
    public func decide(elapsed: UInt64, sent: UInt64) -> Decision {
        guard sent < laneTotal else { return .stop }
        let due = intendedTime(ofScheduleIndex: scheduleIndex(ofLaneRequest: sent))
        return due <= elapsed ? .send(intendedAt: due) : .wait(due - elapsed)
    }
}
