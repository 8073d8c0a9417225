import CSARCheck
import Foundation

/// What a tracked series measures, which way is worse, and how its values read.
public enum TrendMetric: String, Codable, Sendable, CaseIterable {
    case p50, p95, p99, max
    case requestsPerSecond = "req/s"
    case errorRate = "error rate"
    case unexpectedStatusRate = "unexpected-status rate"
    case duration

    /// The name `--tolerance` uses.
    public var key: String {
        switch self {
        case .p50, .p95, .p99, .max: rawValue
        case .requestsPerSecond: "rps"
        case .errorRate: "error-rate"
        case .unexpectedStatusRate: "unexpected-rate"
        case .duration: "step"
        }
    }

    /// Slower, fewer requests per second, more errors.
    public var higherIsWorse: Bool { self != .requestsPerSecond }

    /// The percentile of the latency histogram, for the latency metrics.
    var percentile: Double? {
        switch self {
        case .p50: 50
        case .p95: 95
        case .p99: 99
        case .max: 100
        default: nil
        }
    }

    /// A share of the requests (errors, unexpected statuses): compared as counts, in percentage points.
    public var isRate: Bool { self == .errorRate || self == .unexpectedStatusRate }

    /// The unit values are kept in: µs for latencies, seconds for step durations, a fraction for rates.
    public var unit: String {
        switch self {
        case .p50, .p95, .p99, .max: "µs"
        case .requestsPerSecond: "req/s"
        case .errorRate, .unexpectedStatusRate: "fraction"
        case .duration: "s"
        }
    }

    /// A value as people read it: `12.3 ms`, `850 req/s`, `0.40 %`.
    public func format(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        switch self {
        case .p50, .p95, .p99, .max: return HTMLFormat.micros(value)
        case .duration: return HTMLFormat.seconds(value)
        case .requestsPerSecond: return HTMLFormat.rate(value)
        case .errorRate, .unexpectedStatusRate: return String(format: value == 0 ? "%.0f %%" : "%.2f %%", value * 100)
        }
    }

    /// Whether going from `before` to `after` is worse (slower, fewer req/s, more errors).
    public func isWorse(from before: Double, to after: Double) -> Bool {
        higherIsWorse ? after > before : after < before
    }

    /// A change as people read it: `+35 %` for ratios, `+0.40 pp` (percentage points) for rates.
    public func formatChange(from before: Double, to after: Double) -> String {
        if isRate {
            return String(format: "%+.2f pp", (after - before) * 100)
        }
        guard before > 0 else { return "new" }
        return String(format: "%+.0f %%", (after / before - 1) * 100)
    }
}

/// How much worse a metric may get before it matters, whatever the statistics say.
public struct Tolerance: Codable, Sendable, Equatable {
    /// For ratios: the relative change allowed in the worse direction (0.2 = 20 %). Unused for rates.
    public var relative: Double
    /// The smallest absolute change that counts, in the metric's unit (for rates: a fraction; 0 = any).
    public var absolute: Double

    public init(relative: Double, absolute: Double) {
        self.relative = relative
        self.absolute = absolute
    }

    /// The defaults: latency percentiles +20 % (and at least 1 ms), max +50 % (5 ms), req/s −10 %,
    /// any new error or unexpected status, step durations +50 % (and at least 10 ms).
    public static func standard(for metric: TrendMetric) -> Tolerance {
        switch metric {
        case .p50, .p95, .p99: Tolerance(relative: 0.20, absolute: 1_000)
        case .max: Tolerance(relative: 0.50, absolute: 5_000)
        case .requestsPerSecond: Tolerance(relative: 0.10, absolute: 0)
        case .errorRate, .unexpectedStatusRate: Tolerance(relative: 0, absolute: 0)
        case .duration: Tolerance(relative: 0.50, absolute: 0.010)
        }
    }

    /// Whether the change from `before` to `after`, either way, is larger than the tolerance.
    func isExceeded(from before: Double, to after: Double, metric: TrendMetric) -> Bool {
        let size = abs(after - before)
        guard size > absolute else { return false }
        if metric.isRate { return true }
        return before > 0 ? size / before > relative : true
    }

    /// `+20 % (≥ 1.00 ms)`, `−10 %`, `any increase`.
    func describe(for metric: TrendMetric) -> String {
        if metric.isRate {
            return absolute == 0 ? "any increase" : String(format: "+%.2f pp", absolute * 100)
        }
        let sign = metric.higherIsWorse ? "+" : "−"
        let relativeText = String(format: "\(sign)%.0f %%", relative * 100)
        return absolute > 0 ? "\(relativeText) (≥ \(metric.format(absolute)))" : relativeText
    }
}
