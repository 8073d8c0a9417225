import Foundation
import Synchronization

/// Runs a load plan on event-loop threads of its own — each with its own libcurl multi handle and
/// its own histograms — and merges what they counted into one `LoadResult`.
public enum LoadEngine {
    /// Runs `plan` to its end: every request sent and answered, its time up, or `stop` requested
    /// (then the result is partial). Blocking: call it from a thread you own.
    /// `onProgress` is called about once a second, on the calling thread, with the seconds elapsed.
    ///
    /// A single lane runs on the calling thread itself. A process that never starts a second thread
    /// keeps the kernel's and glibc's single-threaded fast paths (file-descriptor lookups without
    /// reference counting, malloc without arena locks): measured 4 % less CPU per request with
    /// keep-alive and 10 % less without it.
    public static func run(
        _ plan: LoadPlan, stop: StopSignal = StopSignal(),
        onProgress: ((LoadProgress, Double) -> Void)? = nil
    ) throws(LoadPlanError) -> LoadResult {
        try plan.validate()
        CurlGlobal.ensureInitialized()
        let lanes = LoadLane.lanes(for: plan)
        let timeline = LiveTimeline(lanes: lanes.count)
        let startedAt = Date()
        let origin = MonotonicClock.now()
        let outcomes: [LoadWorkerOutcome]
        if lanes.count == 1 {
            let worker = LoadWorker(plan: plan, lane: lanes[0], origin: origin, stop: stop, timeline: timeline)
            worker.onSecondEnded = { now in
                onProgress?(timeline.progress(), Double(now - min(now, origin)) / 1e9)
            }
            outcomes = [worker.run()]
        } else {
            outcomes = runOnThreads(lanes, plan: plan, origin: origin, stop: stop, timeline: timeline) { elapsed in
                onProgress?(timeline.progress(), elapsed)
            }
        }
        return result(
            of: plan, outcomes: outcomes, timeline: timeline.finish(), startedAt: startedAt, origin: origin)
    }

    /// Runs each lane on an event-loop thread of its own and waits for them all.
    private static func runOnThreads(
        _ lanes: [LoadLane], plan: LoadPlan, origin: UInt64, stop: StopSignal, timeline: LiveTimeline,
        tick: (Double) -> Void
    ) -> [LoadWorkerOutcome] {
        let outcomes = OutcomeCollector()
        let group = DispatchGroup()
        for lane in lanes {
            group.enter()
            let thread = Thread {
                let outcome = LoadWorker(plan: plan, lane: lane, origin: origin, stop: stop, timeline: timeline).run()
                outcomes.add(outcome)
                group.leave()
            }
            thread.name = "csar-check load \(lane.index + 1)/\(lanes.count)"
            thread.stackSize = 1 << 20
            thread.start()
        }
        waitForWorkers(group, plan: plan, stop: stop, tick: tick)
        return outcomes.all
    }

    /// Waits for the workers, ticking the progress callback; past every bound the plan allows (time
    /// limit, drain, timeouts) it asks them to stop, and past that it stops waiting.
    private static func waitForWorkers(
        _ group: DispatchGroup, plan: LoadPlan, stop: StopSignal, tick: (Double) -> Void
    ) {
        let started = Date()
        let overdue = plan.timeLimit + Double(LaneStateMachine.drainGrace) / 1e9 + 10
        while group.wait(timeout: .now() + 1) == .timedOut {
            let elapsed = Date().timeIntervalSince(started)
            tick(elapsed)
            if elapsed > overdue { stop.request() }
            if elapsed > overdue + 10 { return }
        }
    }

    static func result(
        of plan: LoadPlan, outcomes: [LoadWorkerOutcome], timeline: [SecondBucket], startedAt: Date, origin: UInt64
    ) -> LoadResult {
        var tally = LoadTally()
        for outcome in outcomes { tally.merge(outcome.tally) }
        let finishedAt = outcomes.map(\.finishedAt).max() ?? origin
        let wallTime = Double(finishedAt - min(finishedAt, origin)) / 1e9
        var result = LoadResult(
            plan: LoadPlanSummary(plan), startedAt: startedAt, wallTime: wallTime,
            stopReason: LoadStopReason.mostTelling(outcomes.map(\.reason)),
            responses: tally.responses,
            statusCounts: tally.statusCounts.indices.filter { tally.statusCounts[$0] > 0 }.map {
                StatusCount(status: $0, count: tally.statusCounts[$0])
            },
            transportErrors: LoadTally.phases.indices.compactMap { index in
                guard let example = tally.errorSamples[index] else { return nil }
                return TransportErrorCount(
                    phase: example.phase, count: tally.errorCounts[index], example: example.description)
            },
            bodyBytes: tally.bodyBytes, headerBytes: tally.headerBytes, documentLength: tally.documentLength,
            serverSoftware: tally.serverSoftware, connectionsOpened: tally.connectionsOpened,
            tlsHandshakes: tally.tlsHandshakes, tlsResumed: tally.tlsResumed, tlsContexts: tally.tlsContexts,
            latency: tally.latency, timeline: timeline, schedule: nil, warnings: []
        )
        if let rate = plan.rate {
            let schedule = tally.schedule
            // Over the span the starts took: on schedule, n starts take n intervals, so the rate is exact.
            let span = Double(schedule.lastStart) / 1e9 + 1 / rate
            result.schedule = ScheduleReport(
                targetRate: rate, achievedRate: Double(schedule.sent) / span,
                sent: schedule.sent, late: schedule.late, queued: schedule.queued, maxLag: Double(schedule.maxLag) / 1e9
            )
        }
        result.warnings = LoadWarnings.warnings(
            for: result, plan: plan, abandoned: outcomes.reduce(0) { $0 + $1.abandoned }
        )
        return result
    }
}

/// Where the threads leave their outcomes.
private final class OutcomeCollector: Sendable {
    private let outcomes = Mutex<[LoadWorkerOutcome]>([])

    func add(_ outcome: LoadWorkerOutcome) {
        outcomes.withLock { $0.append(outcome) }
    }

    var all: [LoadWorkerOutcome] { outcomes.withLock { $0 } }
}

extension LoadStopReason {
    /// The reason to report when threads stopped for different ones: the most unusual wins.
    static func mostTelling(_ reasons: [LoadStopReason]) -> LoadStopReason {
        let order: [LoadStopReason] = [
            .interrupted, .unreachable, .durationCeiling, .requestCeiling, .duration, .completed,
        ]
        return order.first { reasons.contains($0) } ?? .completed
    }
}
