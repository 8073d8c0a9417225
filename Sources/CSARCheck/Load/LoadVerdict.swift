import Foundation

/// The runbook's load criteria: no 5xx, availability of at least 99.5 %, p95 and max under 2 s, at most
/// 5 % of requests in error (no response, or a status the run did not expect).
/// A stand-in until the general criteria engine judges load results too.
public struct LoadCriteria: Sendable, Equatable, Codable {
    public var maxServerErrors: Int
    /// Percent of requests answered with anything but a 5xx.
    public var minAvailability: Double
    /// Seconds.
    public var maxP95: Double
    /// Seconds.
    public var maxLatency: Double
    /// Percent of requests in error.
    public var maxErrorRate: Double

    public init(
        maxServerErrors: Int = 0, minAvailability: Double = 99.5, maxP95: Double = 2, maxLatency: Double = 2,
        maxErrorRate: Double = 5
    ) {
        self.maxServerErrors = maxServerErrors
        self.minAvailability = minAvailability
        self.maxP95 = maxP95
        self.maxLatency = maxLatency
        self.maxErrorRate = maxErrorRate
    }

    public static let runbook = LoadCriteria()
}

/// A load result judged against criteria: each check with the figure it saw.
public struct LoadVerdict: Sendable, Equatable, Codable {
    public struct Check: Sendable, Equatable, Codable {
        public var passed: Bool
        /// What was checked, with the measured figure: `availability 99.80 % ≥ 99.5 %`.
        public var description: String
    }

    public var checks: [Check]

    public var passed: Bool { checks.allSatisfy(\.passed) }

    public init(result: LoadResult, criteria: LoadCriteria = .runbook) {
        guard result.completed > 0 else {
            checks = [Check(passed: false, description: "no request completed")]
            return
        }
        let p95 = Double(result.latency.total.valueAtPercentile(95)) / 1e6
        let max = Double(result.latency.total.maxRecorded) / 1e6
        let answered = result.responses > 0
        checks = [
            Check(
                passed: result.serverErrors <= criteria.maxServerErrors,
                description: "5xx responses: \(result.serverErrors) (at most \(criteria.maxServerErrors))"
            ),
            Check(
                passed: result.availability >= criteria.minAvailability,
                description: String(format: "availability %.2f %%", result.availability)
                    + " ≥ \(criteria.minAvailability.formatted2) %"
            ),
            Check(
                passed: result.errorRate <= criteria.maxErrorRate,
                description: String(format: "requests in error %.2f %%", result.errorRate)
                    + " ≤ \(criteria.maxErrorRate.formatted2) %"
                    + (result.unexpectedResponses > 0
                        ? " (unexpected: "
                            + result.unexpectedStatusCounts.map { "\($0.status) × \($0.count)" }
                            .joined(separator: ", ") + ")" : "")
            ),
            Check(
                passed: answered && p95 < criteria.maxP95,
                description:
                    "p95 \(answered ? DurationText.format(p95) : "(no response)") < \(criteria.maxP95.formatted2) s"
            ),
            Check(
                passed: answered && max < criteria.maxLatency,
                description:
                    "max \(answered ? DurationText.format(max) : "(no response)") < \(criteria.maxLatency.formatted2) s"
            ),
        ]
        if result.stopReason == .interrupted {
            checks.append(Check(passed: false, description: "the run was interrupted: the result is partial"))
        }
    }
}
