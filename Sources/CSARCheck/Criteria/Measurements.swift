import Histogram

/// The figures criteria are evaluated on, gathered from functional steps or a load run: a latency
/// histogram (µs) and counts. Mergeable, so a run-wide scope adds up every scenario and load.
public struct Measurements: Sendable {
    public var latency: Histogram<UInt64>
    public var requests: Int
    public var statusCounts: [Int: Int]
    public var transportErrors: Int
    /// Responses with a status their step or load section did not expect, by status.
    public var unexpectedStatusCounts: [Int: Int]
    /// Seconds the requests were spread over, for the rate.
    public var wallTime: Double
    /// The side effects waited for (mail, SMS, event), by kind.
    public var deliveries: [StepKind: DeliveryTally] = [:]

    public init() {
        latency = LatencyHistograms.makeHistogram()
        requests = 0
        statusCounts = [:]
        transportErrors = 0
        unexpectedStatusCounts = [:]
        wallTime = 0
    }

    /// The responses of functional steps (the final attempt of each step that was sent).
    public init(steps: [StepResult]) {
        self.init()
        // Steps that sent nothing (skipped, or a form that was not on the page) are no requests, nor are the
        // waits for side effects.
        for step in steps where step.isSentRequest {
            requests += 1
            if let response = step.response {
                statusCounts[response.status, default: 0] += 1
                if step.unexpectedStatus { unexpectedStatusCounts[response.status, default: 0] += 1 }
                latency.record(
                    min(LatencyHistograms.highestTrackable, UInt64(max(0, response.timings.total) * 1_000_000)))
                wallTime += response.timings.total
            } else if step.transportError != nil {
                transportErrors += 1
            }
        }
        for step in steps where DeliveryTally.kinds.contains(step.kind) && step.outcome != .skipped {
            deliveries[step.kind, default: DeliveryTally()].add(step)
        }
    }

    public init(load: LoadResult) {
        latency = load.latency.total
        requests = load.completed
        statusCounts = Dictionary(load.statusCounts.map { ($0.status, $0.count) }, uniquingKeysWith: +)
        transportErrors = load.transportErrorCount
        unexpectedStatusCounts = Dictionary(
            load.unexpectedStatusCounts.map { ($0.status, $0.count) }, uniquingKeysWith: +)
        wallTime = load.wallTime
    }

    public mutating func merge(_ other: Measurements) {
        latency.add(other.latency)
        requests += other.requests
        statusCounts.merge(other.statusCounts, uniquingKeysWith: +)
        transportErrors += other.transportErrors
        unexpectedStatusCounts.merge(other.unexpectedStatusCounts, uniquingKeysWith: +)
        wallTime += other.wallTime
        deliveries.merge(other.deliveries) { $0.merged(with: $1) }
    }

    /// The metric's value, or nil when nothing was measured that it could be computed from.
    public func value(of metric: Metric) -> Double? {
        switch metric {
        case .latencyPercentile(let percentile):
            guard latency.totalCount > 0 else { return nil }
            let micros =
                percentile == 0 ? latency.min : percentile == 100 ? latency.max : latency.valueAtPercentile(percentile)
            return Double(micros) / 1_000_000
        case .meanLatency:
            return latency.totalCount > 0 ? latency.mean / 1_000_000 : nil
        case .status(let code):
            return Double(statusCounts[code] ?? 0)
        case .statusClass(let digit):
            return Double(statusCounts.filter { $0.key / 100 == digit }.values.reduce(0, +))
        case .transportErrors:
            return Double(transportErrors)
        case .requests:
            return Double(requests)
        case .availability:
            return requests > 0 ? 100 - unavailablePercent : nil
        case .errorRate:
            return requests > 0 ? Double(transportErrors + unexpected) * 100 / Double(requests) : nil
        case .unexpected:
            return Double(unexpected)
        case .requestsPerSecond:
            return wallTime > 0 ? Double(requests) / wallTime : nil
        case .deliveryLatency(let kind):
            return deliveries[kind]?.longest
        case .deliveryFailureRate(let kind):
            guard let tally = deliveries[kind], tally.expected > 0 else { return nil }
            return Double(tally.missing) * 100 / Double(tally.expected)
        case .deliveriesMissing(let kind):
            return deliveries[kind].map { Double($0.missing) }
        }
    }

    /// Responses with a status nobody expected.
    public var unexpected: Int { unexpectedStatusCounts.values.reduce(0, +) }

    /// What a failed error-rate criterion shows besides the figure: `429 × 504, no response × 3`.
    public var errorDetail: String? {
        let parts =
            unexpectedStatusCounts.sorted { $0.key < $1.key }.map { "\($0.key) × \($0.value)" }
            + (transportErrors > 0 ? ["no response × \(transportErrors)"] : [])
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// Percent of requests that got a 5xx or no response at all.
    private var unavailablePercent: Double {
        let serverErrors = statusCounts.filter { $0.key >= 500 }.values.reduce(0, +)
        return Double(serverErrors + transportErrors) * 100 / Double(requests)
    }
}
