/// The decisions of one load lane, as a pure state machine tested without sockets or clocks (as
/// async-http-client's connection state machines are): when to start a request and with which intended
/// start, when to look for timed-out requests, how long to poll, when to drain, and why the lane stops.
/// `LoadWorker` does what it says — libcurl, slots, the tally — and tells it what finished.
///
/// One action per call, returned by value, so the event loop allocates nothing per request.
struct LaneStateMachine {
    /// What the event loop does next.
    enum Action: Equatable {
        /// Start the lane's next request: its run-wide schedule index (which picks the target) and the clock
        /// reading its latency counts from — now in the closed model, the scheduled time in the open model,
        /// earlier than now by `lag` when the loop is behind; `queued` when it waited for a free connection.
        case start(scheduleIndex: Int, origin: UInt64, lag: UInt64, queued: Bool)
        /// End the requests past their connect or total timeout.
        case sweepTimeouts
        /// Let libcurl move the transfers, sleeping at most this many milliseconds, then collect what finished.
        case poll(milliseconds: Int32)
        /// The lane is over, for this reason; requests still in flight are abandoned.
        case stop(LoadStopReason)
    }

    /// How long requests in flight may still finish once the run's time is up.
    static let drainGrace: UInt64 = 2_000_000_000
    /// The longest the loop sleeps, so a stop request and the per-request timeouts are seen in time.
    static let maxWait: UInt64 = 100_000_000

    private enum Phase: Equatable {
        /// Starting requests; `step` says where the turn is.
        case running(Step)
        /// The run's time is up: requests in flight may finish until `end`, then the lane stops for `reason`.
        case draining(reason: LoadStopReason, end: UInt64)
        case stopped
    }

    private enum Step: Equatable { case begin, starting }

    let lane: LoadLane
    /// Monotonic nanoseconds of the run's start and of its time limit.
    let origin: UInt64
    let deadline: UInt64
    /// Whether the plan asked for a duration, and for a count (`requests` or a rate): which ceiling stopped it.
    let durationGiven: Bool
    let countGiven: Bool
    /// The per-request total timeout, which bounds the drain.
    let totalTimeout: UInt64

    private var phase = Phase.running(.begin)
    private(set) var sent = 0
    private(set) var inFlight = 0
    private var responses = 0
    private var unreachableFailures = 0
    private var lastSweep: UInt64
    /// When the next scheduled request is due (nanoseconds from now), as the last turn found it.
    private var nextDue: UInt64?
    /// When a due request last found every connection busy (open model).
    private var poolExhaustedAt: UInt64 = 0

    init(lane: LoadLane, origin: UInt64, plan: LoadPlan) {
        self.lane = lane
        self.origin = origin
        deadline = origin + MonotonicClock.nanoseconds(plan.timeLimit)
        durationGiven = plan.duration != nil
        countGiven = plan.requests != nil || plan.rate != nil
        totalTimeout = MonotonicClock.nanoseconds(plan.transfer.totalTimeout)
        lastSweep = origin
    }

    /// The next thing to do at clock reading `now`; `stopRequested` is the run's stop signal.
    mutating func next(now: UInt64, stopRequested: Bool) -> Action {
        switch phase {
        case .stopped:
            return .stop(.completed)
        case .draining(let reason, let end):
            if stopRequested || inFlight == 0 || now >= end { return stop(reason) }
            if sweepIsDue(now) { return .sweepTimeouts }
            return .poll(milliseconds: Int32(min(Self.maxWait, end - now) / 1_000_000))
        case .running(.begin):
            if stopRequested { return stop(.interrupted) }
            if now >= deadline {
                let reason: LoadStopReason = durationGiven ? .duration : .durationCeiling
                phase = .draining(reason: reason, end: now + min(Self.drainGrace, totalTimeout))
                return next(now: now, stopRequested: stopRequested)
            }
            if looksUnreachable { return stop(.unreachable) }
            phase = .running(.starting)
            nextDue = nil
            if sweepIsDue(now) { return .sweepTimeouts }
            return next(now: now, stopRequested: stopRequested)
        case .running(.starting):
            if let start = dueStart(now) { return start }
            if inFlight == 0 && sent >= lane.requestLimit {
                return stop(countGiven ? .completed : .requestCeiling)
            }
            phase = .running(.begin)
            return .poll(milliseconds: pollTimeout(now))
        }
    }

    /// A request ended — answered, or failed (`unreachable`: nothing answered at the address) — or could not
    /// be started after all.
    mutating func finished(answered: Bool, unreachable: Bool = false) {
        inFlight -= 1
        if answered { responses += 1 } else if unreachable { unreachableFailures += 1 }
    }

    /// The request to start now, if one is due and a connection is free.
    private mutating func dueStart(_ now: UInt64) -> Action? {
        guard let pacer = lane.pacer else {
            guard sent < lane.requestLimit, inFlight < lane.concurrency else { return nil }
            return started(scheduleIndex: lane.scheduleIndex(ofLaneRequest: sent), origin: now, lag: 0, queued: false)
        }
        switch pacer.decide(elapsed: now - min(now, origin), sent: UInt64(sent)) {
        case .stop:
            return nil
        case .wait(let nanoseconds):
            nextDue = nanoseconds
            return nil
        case .send(let intendedAt):
            guard inFlight < lane.concurrency else {
                poolExhaustedAt = now
                return nil
            }
            let intended = origin + intendedAt
            let index = Int(pacer.scheduleIndex(ofLaneRequest: UInt64(sent)))
            return started(
                scheduleIndex: index, origin: intended, lag: now - min(now, intended),
                queued: intended <= poolExhaustedAt)
        }
    }

    private mutating func started(scheduleIndex: Int, origin: UInt64, lag: UInt64, queued: Bool) -> Action {
        sent += 1
        inFlight += 1
        return .start(scheduleIndex: scheduleIndex, origin: origin, lag: lag, queued: queued)
    }

    private mutating func stop(_ reason: LoadStopReason) -> Action {
        phase = .stopped
        return .stop(reason)
    }

    /// Every `maxWait` at most: often enough for timeouts, rarely enough to cost nothing per request.
    private mutating func sweepIsDue(_ now: UInt64) -> Bool {
        guard now - min(now, lastSweep) >= Self.maxWait else { return false }
        lastSweep = now
        return true
    }

    /// The first requests all failed to reach the target: stop instead of hammering a closed port.
    private var looksUnreachable: Bool {
        let threshold = min(max(lane.concurrency, 3), lane.requestLimit)
        return threshold > 0 && responses == 0 && unreachableFailures >= threshold
    }

    /// How long to sleep: until the next scheduled request, the next whole second (the timeline's), the
    /// deadline, and never more than `maxWait`. Rounded down to libcurl's milliseconds: in the last one before a
    /// scheduled request the loop spins, so the request starts on time.
    private func pollTimeout(_ now: UInt64) -> Int32 {
        let second = (now - min(now, origin)) / 1_000_000_000
        let nextSecond = origin + (second + 1) * 1_000_000_000
        var wait = min(Self.maxWait, deadline - min(deadline, now), nextSecond - min(nextSecond, now))
        if let nextDue { wait = min(wait, nextDue) }
        return Int32(wait / 1_000_000)
    }
}
