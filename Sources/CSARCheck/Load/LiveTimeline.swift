import Histogram
import Synchronization

/// One thread's figures for the second in progress.
struct SecondSample: Sendable {
    var latency = LatencyHistograms.makeHistogram(digits: .two)
    var requests = 0
    var ok = 0
    var clientErrors = 0
    var serverErrors = 0
    var transportErrors = 0

    mutating func recordResponse(status: Int, micros: UInt64) {
        requests += 1
        switch status {
        case 400..<500: clientErrors += 1
        case 500..<600: serverErrors += 1
        default: ok += 1
        }
        latency.record(min(micros, LatencyHistograms.highestTrackable))
    }

    mutating func recordFailure() {
        requests += 1
        transportErrors += 1
    }

    /// Empties the sample for the next second, keeping its storage.
    mutating func reset() {
        latency.reset()
        (requests, ok, clientErrors, serverErrors, transportErrors) = (0, 0, 0, 0, 0)
    }

    mutating func add(_ other: SecondSample) {
        latency.add(other.latency)
        requests += other.requests
        ok += other.ok
        clientErrors += other.clientErrors
        serverErrors += other.serverErrors
        transportErrors += other.transportErrors
    }

    func bucket(second: Int) -> SecondBucket {
        SecondBucket(
            second: second, requests: requests, ok: ok, clientErrors: clientErrors, serverErrors: serverErrors,
            transportErrors: transportErrors, p50: latency.valueAtPercentile(50), p95: latency.valueAtPercentile(95),
            p99: latency.valueAtPercentile(99)
        )
    }
}

/// What the progress display shows: totals so far and the last complete second.
public struct LoadProgress: Sendable, Equatable {
    public var completed: Int
    /// Transport errors and 5xx responses so far.
    public var errors: Int
    public var lastSecond: SecondBucket?
}

/// Collects every thread's seconds as they close and condenses a second into a `SecondBucket` once all
/// threads have reported it, so per-second percentiles are exact across threads and memory holds a
/// few numbers per second, not the responses. Threads touch it once per second, never per request.
final class LiveTimeline: Sendable {
    private struct State {
        var pending: [Int: (sample: SecondSample, reports: Int)] = [:]
        var buckets: [SecondBucket] = []
        /// The last second each finished thread reported: later seconds no longer wait for it.
        var finishedLanes: [Int] = []
        var progress = LoadProgress(completed: 0, errors: 0, lastSecond: nil)
    }

    private let lanes: Int
    private let state = Mutex(State())

    init(lanes: Int) {
        self.lanes = lanes
    }

    /// A thread hands over second `second` (it reports every second in order, empty ones too).
    func publish(second: Int, sample: SecondSample) {
        state.withLock { state in
            state.progress.completed += sample.requests
            state.progress.errors += sample.transportErrors + sample.serverErrors
            if var entry = state.pending[second] {
                entry.sample.add(sample)
                entry.reports += 1
                state.pending[second] = entry
            } else {
                state.pending[second] = (sample, 1)
            }
            condenseCompleteSeconds(&state)
        }
    }

    /// A thread has stopped after reporting `lastSecond`.
    func laneFinished(lastSecond: Int) {
        state.withLock { state in
            state.finishedLanes.append(lastSecond)
            condenseCompleteSeconds(&state)
        }
    }

    func progress() -> LoadProgress {
        state.withLock { $0.progress }
    }

    /// Every second, in order, once all threads have finished (what is still pending is condensed as is).
    func finish() -> [SecondBucket] {
        state.withLock { state in
            for (second, entry) in state.pending {
                state.buckets.append(entry.sample.bucket(second: second))
            }
            state.pending.removeAll()
            return state.buckets.sorted { $0.second < $1.second }
        }
    }

    private func condenseCompleteSeconds(_ state: inout State) {
        for (second, entry) in state.pending {
            let expected = lanes - state.finishedLanes.filter { $0 < second }.count
            guard entry.reports >= expected else { continue }
            let bucket = entry.sample.bucket(second: second)
            state.buckets.append(bucket)
            state.pending[second] = nil
            if second >= (state.progress.lastSecond?.second ?? -1) {
                state.progress.lastSecond = bucket
            }
        }
    }
}
