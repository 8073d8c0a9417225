internal import CCurl

/// What one event-loop thread hands back when it is done.
struct LoadWorkerOutcome: Sendable {
    var tally: LoadTally
    var reason: LoadStopReason
    /// Monotonic ns when the last request ended (or the lane stopped).
    var finishedAt: UInt64
    /// Requests still in flight when the lane stopped, abandoned uncounted.
    var abandoned: Int
}

/// One event-loop thread of a load run: its own multi handle, easy handles, tally and clock reading.
/// It starts requests (as fast as connections free up, or on the pacer's schedule), lets libcurl move
/// them, records the finished ones, and sleeps in `curl_multi_poll` when there is nothing to do.
/// Blocking: runs on a thread the engine owns, never on Swift's cooperative pool.
final class LoadWorker {
    /// How long requests in flight may still finish once the run's time is up.
    static let drainGrace: UInt64 = 2_000_000_000
    /// The longest the loop sleeps, so a stop request and the per-request timeouts are seen in time.
    static let maxWait: UInt64 = 100_000_000

    let plan: LoadPlan
    let lane: LoadLane
    let origin: UInt64
    let deadline: UInt64
    let stop: StopSignal
    let timeline: LiveTimeline
    let multi = CurlMulti()
    var slots: [LoadSlot] = []
    var idle: [Int] = []
    var inFlight = 0
    var sent = 0
    var tally = LoadTally()
    var second = 0
    var secondSample = SecondSample()
    var lastCompletion: UInt64
    var lastTimeoutSweep: UInt64
    /// Called on this thread each time a second of the run ends, with the clock reading.
    var onSecondEnded: ((UInt64) -> Void)?
    /// When a due request last found every connection busy (open model).
    private var poolExhaustedAt: UInt64 = 0
    /// This lane's TLS handshakes and OpenSSL contexts, counted on its thread (see ccurl_tls.c).
    private let tls = UnsafeMutablePointer<ccurl_tls_counters>.allocate(capacity: 1)

    init(plan: LoadPlan, lane: LoadLane, origin: UInt64, stop: StopSignal, timeline: LiveTimeline) {
        self.plan = plan
        self.lane = lane
        self.origin = origin
        self.deadline = origin + MonotonicClock.nanoseconds(plan.timeLimit)
        self.stop = stop
        self.timeline = timeline
        lastCompletion = origin
        lastTimeoutSweep = origin
        slots.reserveCapacity(lane.concurrency)
        idle.reserveCapacity(lane.concurrency)
        tls.initialize(to: ccurl_tls_counters())
    }

    deinit {
        tls.deallocate()
    }

    /// Whether a lane's connections share one OpenSSL context here (libcurl 7.88 with OpenSSL 3).
    static var sharesTLSContext: Bool { ccurl_tls_lane_shares_context() != 0 }

    /// Runs the lane to its end on the calling thread, which it makes a TLS lane for that time: its new
    /// connections share one OpenSSL context, and their handshakes are counted.
    func run() -> LoadWorkerOutcome {
        ccurl_tls_lane_begin(tls)
        defer { ccurl_tls_lane_end() }
        var reason = LoadStopReason.completed
        while true {
            let now = MonotonicClock.now()
            if stop.isRequested {
                reason = .interrupted
                break
            }
            if now >= deadline {
                reason = plan.duration == nil ? .durationCeiling : .duration
                break
            }
            if looksUnreachable {
                reason = .unreachable
                break
            }
            tick(now)
            sweepTimeouts(now)
            let nextDue = startDueRequests(now)
            if inFlight == 0 && sent >= lane.requestLimit {
                if plan.requests == nil && plan.rate == nil { reason = .requestCeiling }
                break
            }
            // One poll a turn: requests just added make libcurl's timer due, so it returns at once and
            // the timer's action starts them, while the ready sockets move the others.
            multi.drive(waitingAtMost: pollTimeout(now: now, nextDue: nextDue))
            collectCompletions()
        }
        if reason != .interrupted && reason != .unreachable { drain() }
        let finishedAt = inFlight == 0 ? lastCompletion : MonotonicClock.now()
        let abandoned = abandonInFlight()
        tally.tlsHandshakes = tls.pointee.handshakes
        tally.tlsResumed = tls.pointee.resumed
        tally.tlsContexts = tls.pointee.contexts
        timeline.publish(second: second, sample: secondSample)
        timeline.laneFinished(lastSecond: second)
        if tally.serverSoftware == "" { tally.serverSoftware = nil }
        return LoadWorkerOutcome(tally: tally, reason: reason, finishedAt: finishedAt, abandoned: abandoned)
    }

    /// Starts what may start now; returns the nanoseconds until the next scheduled request, if any.
    private func startDueRequests(_ now: UInt64) -> UInt64? {
        guard let pacer = lane.pacer else {
            while sent < lane.requestLimit, let slot = freeSlot() {
                start(slot, scheduleIndex: lane.scheduleIndex(ofLaneRequest: sent), origin: now, now: now)
            }
            return nil
        }
        while true {
            switch pacer.decide(elapsed: now - origin, sent: UInt64(sent)) {
            case .stop:
                return nil
            case .wait(let nanoseconds):
                return nanoseconds
            case .send(let intendedAt):
                guard let slot = freeSlot() else {
                    poolExhaustedAt = now
                    return nil
                }
                let intended = origin + intendedAt
                let lag = now - min(now, intended)
                tally.schedule.started(at: now - origin, lag: lag, queued: intended <= poolExhaustedAt)
                let index = Int(pacer.scheduleIndex(ofLaneRequest: UInt64(sent)))
                start(slot, scheduleIndex: index, origin: intended, now: now)
            }
        }
    }

    private func start(_ slot: LoadSlot, scheduleIndex: Int, origin: UInt64, now: UInt64) {
        let target = scheduleIndex % plan.targets.count
        slot.prepare(
            target: target, request: plan.targets[target], options: plan.transfer, keepAlive: plan.keepAlive,
            tlsResume: plan.tlsResume)
        slot.origin = origin
        slot.started = now
        slot.retried = false
        sent += 1
        guard multi.add(slot.easy) else {
            let message = "libcurl refused to start the transfer"
            record(
                failure: TransportError(url: plan.targets[target].url, phase: .other, code: -1, message: message),
                slot: slot)
            return
        }
        slot.inFlight = true
        inFlight += 1
    }

    /// An idle slot, or a new one while the lane is below its concurrency (connections open lazily).
    private func freeSlot() -> LoadSlot? {
        if let index = idle.popLast() { return slots[index] }
        guard slots.count < lane.concurrency else { return nil }
        slots.append(LoadSlot(index: slots.count))
        return slots[slots.count - 1]
    }

    /// The first requests all failed to reach the target: stop instead of hammering a closed port.
    private var looksUnreachable: Bool {
        let threshold = min(max(lane.concurrency, 3), lane.requestLimit)
        return threshold > 0 && tally.responses == 0 && tally.unreachableErrors >= threshold
    }

    /// How long `curl_multi_poll` may sleep: until the next scheduled request, the next second, the
    /// deadline, and never more than `maxWait`. Rounded down to libcurl's milliseconds: in the last one
    /// before a scheduled request the loop spins, so the request starts on time.
    private func pollTimeout(now: UInt64, nextDue: UInt64?) -> Int32 {
        let nextSecond = origin + UInt64(second + 1) * 1_000_000_000
        var wait = min(Self.maxWait, deadline - min(deadline, now), nextSecond - min(nextSecond, now))
        if let nextDue { wait = min(wait, nextDue) }
        return Int32(wait / 1_000_000)
    }
}
