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

/// One event-loop thread of a load run: its own multi handle, easy handles, tally and clock reading. It does
/// what its lane's state machine (`LaneStateMachine`) decides — start a request, end the timed-out ones, poll
/// libcurl — records what finished, and tells the machine. Blocking: runs on a thread the engine owns, never
/// on Swift's cooperative pool.
final class LoadWorker {
    let plan: LoadPlan
    let lane: LoadLane
    let origin: UInt64
    let stop: StopSignal
    let timeline: LiveTimeline
    let multi = CurlMulti()
    var machine: LaneStateMachine
    var slots: [LoadSlot] = []
    var idle: [Int] = []
    var tally = LoadTally()
    var second = 0
    var secondSample = SecondSample()
    var lastCompletion: UInt64
    /// Called on this thread each time a second of the run ends, with the clock reading.
    var onSecondEnded: ((UInt64) -> Void)?
    /// This lane's TLS handshakes and OpenSSL contexts, counted on its thread (see ccurl_tls_interposes_SSL_CTX_new.c).
    private let tls = UnsafeMutablePointer<ccurl_tls_counters>.allocate(capacity: 1)

    init(plan: LoadPlan, lane: LoadLane, origin: UInt64, stop: StopSignal, timeline: LiveTimeline) {
        self.plan = plan
        self.lane = lane
        self.origin = origin
        self.stop = stop
        self.timeline = timeline
        machine = LaneStateMachine(lane: lane, origin: origin, plan: plan)
        lastCompletion = origin
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
        var now = MonotonicClock.now()
        var reason: LoadStopReason?
        while reason == nil {
            tick(now)
            switch machine.next(now: now, stopRequested: stop.isRequested) {
            case .start(let scheduleIndex, let requestOrigin, let lag, let queued):
                if lane.pacer != nil { tally.schedule.started(at: now - origin, lag: lag, queued: queued) }
                start(scheduleIndex: scheduleIndex, origin: requestOrigin, now: now)
                // The requests due in one turn start on one clock reading.
                continue
            case .sweepTimeouts:
                sweepTimeouts(now)
            case .poll(let milliseconds):
                // One poll a turn: requests just added make libcurl's timer due, so it returns at once and the
                // timer's action starts them, while the ready sockets move the others.
                multi.drive(waitingAtMost: milliseconds)
                collectCompletions()
            case .stop(let stopped):
                reason = stopped
            }
            now = MonotonicClock.now()
        }
        let finishedAt = machine.inFlight == 0 ? lastCompletion : now
        let abandoned = abandonInFlight()
        tally.tlsHandshakes = tls.pointee.handshakes
        tally.tlsResumed = tls.pointee.resumed
        tally.tlsContexts = tls.pointee.contexts
        timeline.publish(second: second, sample: secondSample)
        timeline.laneFinished(lastSecond: second)
        if tally.serverSoftware == "" { tally.serverSoftware = nil }
        return LoadWorkerOutcome(
            tally: tally, reason: reason ?? .completed, finishedAt: finishedAt, abandoned: abandoned)
    }

    /// Starts run-wide request `scheduleIndex` on a free slot (the machine only asks while one is free); its
    /// latency counts from `origin`.
    private func start(scheduleIndex: Int, origin: UInt64, now: UInt64) {
        let slot = freeSlot()
        let target = scheduleIndex % plan.targets.count
        slot.prepare(
            target: target, request: plan.targets[target], options: plan.transfer, keepAlive: plan.keepAlive,
            tlsResume: plan.tlsResume)
        slot.origin = origin
        slot.started = now
        slot.retried = false
        guard multi.add(slot.easy) else {
            let message = "libcurl refused to start the transfer"
            record(
                failure: TransportError(url: plan.targets[target].url, phase: .other, code: -1, message: message),
                slot: slot)
            return
        }
        slot.inFlight = true
    }

    /// An idle slot, or a new one: connections open lazily, up to the lane's concurrency.
    private func freeSlot() -> LoadSlot {
        if let index = idle.popLast() { return slots[index] }
        slots.append(LoadSlot(index: slots.count))
        return slots[slots.count - 1]
    }
}
