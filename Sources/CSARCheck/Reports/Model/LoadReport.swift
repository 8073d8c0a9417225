import Foundation
import Histogram

/// A load run as reports show it: summary figures, per-phase latency percentiles, the percentile
/// distribution, the per-second timeline, and every histogram in HdrHistogram's standard compressed
/// base64 encoding (as in HdrHistogram log files), so runs can be merged and re-analysed later.
public struct LoadReport: Codable, Sendable {
    public var name: String
    public var plan: LoadPlanSummary
    public var startedAt: Date
    public var wallTime: Double
    public var stopReason: String
    public var requests: Int
    public var responses: Int
    public var statusCounts: [StatusCount]
    public var transportErrors: [TransportErrorCount]
    public var bodyBytes: Int
    public var requestsPerSecond: Double
    /// TLS handshakes completed, how many resumed a session, and their rate over the run.
    public var tlsHandshakes: Int
    public var tlsResumed: Int
    public var tlsHandshakesPerSecond: Double
    public var availability: Double
    /// The statuses the load section expected, e.g. `2xx, 3xx` or `200, 429`.
    public var expectedStatus: StatusExpectation
    /// Responses with any other status, by status; with the transport errors, the requests in error.
    public var unexpectedStatusCounts: [StatusCount]
    public var unexpectedResponses: Int
    /// Percent of requests in error: no response, or an unexpected status.
    public var errorRate: Double
    public var schedule: ScheduleReport?
    public var warnings: [String]
    /// Percentiles per phase (`total`, `dns`, `connect`, `tls`, `wait`, `transfer`), in microseconds.
    public var latency: [String: LatencySummary]
    /// The total latency's percentile curve, for a log-scale percentile plot.
    public var distribution: [PercentilePoint]
    public var timeline: [SecondBucket]
    /// Per phase, the histogram in HdrHistogram V2 compressed encoding, base64 (values in µs).
    public var histograms: [String: String]

    public init(name: String, result: LoadResult) {
        self.name = name
        plan = result.plan
        startedAt = result.startedAt
        wallTime = result.wallTime
        stopReason = result.stopReason.rawValue
        requests = result.completed
        responses = result.responses
        statusCounts = result.statusCounts
        transportErrors = result.transportErrors
        bodyBytes = result.bodyBytes
        requestsPerSecond = result.requestsPerSecond
        tlsHandshakes = result.tlsHandshakes
        tlsResumed = result.tlsResumed
        tlsHandshakesPerSecond = result.tlsHandshakesPerSecond
        availability = result.availability
        expectedStatus = result.expectedStatus
        unexpectedStatusCounts = result.unexpectedStatusCounts
        unexpectedResponses = result.unexpectedResponses
        errorRate = result.errorRate
        schedule = result.schedule
        warnings = result.warnings
        let phases = Self.phases(of: result.latency)
        latency = phases.mapValues(LatencySummary.init)
        histograms = phases.mapValues { HdrHistogramEncoding.base64(of: $0) }
        distribution = PercentilePoint.curve(of: result.latency.total)
        timeline = result.timeline
    }

    static func phases(of latency: LatencyHistograms) -> [String: Histogram<UInt64>] {
        [
            "total": latency.total, "dns": latency.dns, "connect": latency.connect, "tls": latency.tls,
            "wait": latency.wait, "transfer": latency.transfer,
        ]
    }
}

/// Percentiles of one histogram, in microseconds.
public struct LatencySummary: Codable, Sendable, Equatable {
    public var count: UInt64
    public var min: UInt64
    public var mean: Double
    public var p50: UInt64
    public var p90: UInt64
    public var p95: UInt64
    public var p99: UInt64
    public var p999: UInt64
    public var max: UInt64

    public init(_ histogram: Histogram<UInt64>) {
        count = histogram.totalCount
        let empty = histogram.totalCount == 0
        min = empty ? 0 : histogram.min
        mean = empty ? 0 : histogram.meanAndDeviation.mean
        let values = histogram.values(atPercentiles: [50, 90, 95, 99, 99.9])
        (p50, p90, p95, p99, p999) = (values[0], values[1], values[2], values[3], values[4])
        max = empty ? 0 : histogram.max
    }
}

/// One point of a percentile curve: the latency (µs) at or below which `percentile` % of requests ended.
public struct PercentilePoint: Codable, Sendable, Equatable {
    public var percentile: Double
    public var micros: UInt64

    /// Points spaced evenly on the log scale of 1/(1 − p), as HdrHistogram's percentile plots are drawn.
    static func curve(of histogram: Histogram<UInt64>) -> [PercentilePoint] {
        guard histogram.totalCount > 0 else { return [] }
        let percentiles = [
            0, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 92.5, 95, 96.875, 97.5, 98.4375, 99, 99.5, 99.75, 99.9,
            99.95, 99.99, 99.999, 100,
        ]
        let values = histogram.values(atPercentiles: percentiles)
        return zip(percentiles, values).map { PercentilePoint(percentile: $0, micros: $0 == 100 ? histogram.max : $1) }
    }
}
