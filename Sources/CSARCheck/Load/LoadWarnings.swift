import Foundation
import Histogram

/// What a reader must know before trusting a load result: limits that cut the run short, a generator
/// that fell behind its schedule, and stalls the closed model hides. Pure, so each rule is testable.
enum LoadWarnings {
    static func warnings(for result: LoadResult, plan: LoadPlan, abandoned: Int) -> [String] {
        var warnings: [String] = []
        if let stop = stopWarning(result, plan: plan) { warnings.append(stop) }
        if abandoned > 0 {
            warnings.append("\(abandoned) request(s) still in flight when the run ended were not counted")
        }
        if let schedule = result.schedule {
            warnings += scheduleWarnings(schedule, concurrency: plan.concurrency)
        } else if let hidden = hiddenStall(
            result.latency.total, wallTime: result.wallTime,
            concurrency: plan.concurrency, completed: result.completed)
        {
            warnings.append(hidden)
        }
        return warnings
    }

    static func stopWarning(_ result: LoadResult, plan: LoadPlan) -> String? {
        let raise = "raise it with --max-requests/--max-duration and --allow-huge-run"
        switch result.stopReason {
        case .completed, .duration:
            return nil
        case .requestCeiling:
            return "stopped at the ceiling of \(plan.ceilings.maxRequests) requests before the duration ended; \(raise)"
        case .durationCeiling:
            let ceiling = plan.ceilings.maxDuration.upToTwoDecimals
            return "stopped at the ceiling of \(ceiling) s before every request was sent; \(raise)"
        case .interrupted:
            let seconds = String(format: "%.1f", result.wallTime)
            return "interrupted: partial result, \(result.completed) request(s) in \(seconds) s"
        case .unreachable:
            return "stopped early: the first requests could not reach the target"
        }
    }

    /// The open model keeps to its schedule unless connections run out or the loop falls behind.
    static func scheduleWarnings(_ schedule: ScheduleReport, concurrency: Int) -> [String] {
        var warnings: [String] = []
        let behind = schedule.achievedRate < 0.95 * schedule.targetRate
        if behind {
            let cause =
                schedule.queued > 0
                ? "all \(concurrency) connections were busy; raise -c if the server is not the limit"
                : "the event loop was too slow; add --threads or lower --rate"
            warnings.append(
                "the generator could not keep up: achieved \(schedule.achievedRate.upToTwoDecimals) req/s "
                    + "of the \(schedule.targetRate.upToTwoDecimals) req/s target (\(cause))"
            )
        }
        if schedule.queued > 0 {
            warnings.append(
                "\(schedule.queued) request(s) waited for a free connection (all \(concurrency) busy, longest wait "
                    + "\(DurationText.format(schedule.maxLag))); their latency includes the wait, as a user's would"
            )
        } else if !behind, schedule.late * 100 > schedule.sent {
            warnings.append(
                "\(schedule.late) request(s) started 1 ms or more after they were due (worst "
                    + "\(DurationText.format(schedule.maxLag))); their latency counts from when they were due"
            )
        }
        return warnings
    }

    /// In the closed model a stalled server also stalls the generator: the requests that would have
    /// been sent meanwhile never exist, so the percentiles look fine (coordinated omission). Re-adds
    /// them as wrk does — each connection expected one request per mean interval — and says so when
    /// that changes p99 materially. The figures are left as measured.
    static func hiddenStall(
        _ latency: Histogram<UInt64>, wallTime: Double, concurrency: Int, completed: Int
    ) -> String? {
        guard completed > 0, latency.totalCount > 0 else { return nil }
        let interval = UInt64(wallTime * 1e6 * Double(concurrency) / Double(completed))
        guard interval > 0 else { return nil }
        var corrected = LatencyHistograms.makeHistogram()
        for bucket in latency.recordedValues() {
            corrected.recordCorrectedValue(bucket.value, count: bucket.count, expectedInterval: interval)
        }
        let measured = latency.valueAtPercentile(99)
        let estimate = corrected.valueAtPercentile(99)
        guard estimate >= 2 * measured, estimate - measured >= 50_000 else { return nil }
        return "closed model: while the server stalled (max \(DurationText.format(Double(latency.maxRecorded) / 1e6))) "
            + "no new requests were sent, so the percentiles hide the stall (coordinated omission); corrected for it, "
            + "p99 would be about \(DurationText.format(Double(estimate) / 1e6)) instead of "
            + "\(DurationText.format(Double(measured) / 1e6)). Use --rate (open model) for the latency users see"
    }
}
