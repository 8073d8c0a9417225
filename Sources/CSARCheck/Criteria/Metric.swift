import Foundation

/// A figure a criterion can test, measured over the requests in its scope.
public enum Metric: Sendable, Equatable, CustomStringConvertible {
    /// A latency percentile, 0–100 (`p95`, `p99.9`); `min` is 0 and `max` is 100.
    case latencyPercentile(Double)
    case meanLatency
    /// Responses with this exact status (`http_500`).
    case status(Int)
    /// Responses in this class, by hundreds digit (`http_5xx`).
    case statusClass(Int)
    /// Requests that got no response at all (DNS, connect, TLS, timeout…).
    case transportErrors
    /// Requests sent.
    case requests
    /// Percent of requests answered with anything but a 5xx.
    case availability
    /// Percent of requests in error: no response, or a status their step or load section did not expect
    /// (by default anything but 2xx and 3xx) — the runbook's "demandes en erreur".
    case errorRate
    /// Responses with a status their step or load section did not expect (a 429 of `throttle:api`).
    case unexpected
    /// Requests completed per second of wall time.
    case requestsPerSecond

    /// How the metric's values read and which units a threshold takes.
    public enum Kind: Sendable { case duration, count, percent, rate }

    public var kind: Kind {
        switch self {
        case .latencyPercentile, .meanLatency: .duration
        case .status, .statusClass, .transportErrors, .requests, .unexpected: .count
        case .availability, .errorRate: .percent
        case .requestsPerSecond: .rate
        }
    }

    /// Every name `parse` accepts, for error messages.
    public static let names =
        "min, mean, max, pNN (p50, p95, p99.9…), requests, errors, unexpected, http_NNN, http_Nxx, availability, "
        + "error_rate, rps"

    public static func parse(_ name: String) -> Metric? {
        switch name {
        case "min": return .latencyPercentile(0)
        case "max": return .latencyPercentile(100)
        case "mean", "avg": return .meanLatency
        case "requests": return .requests
        case "errors": return .transportErrors
        case "availability": return .availability
        case "error_rate": return .errorRate
        case "unexpected": return .unexpected
        case "rps": return .requestsPerSecond
        default: break
        }
        if name.hasPrefix("p"), let value = Double(name.dropFirst()), (0...100).contains(value) {
            return .latencyPercentile(value)
        }
        if name.hasPrefix("http_") {
            let code = name.dropFirst(5)
            if code.count == 3, code.hasSuffix("xx"), let digit = Int(code.prefix(1)), (1...5).contains(digit) {
                return .statusClass(digit)
            }
            if let status = Int(code), (100...599).contains(status) { return .status(status) }
        }
        return nil
    }

    public var description: String {
        switch self {
        case .latencyPercentile(0): "min"
        case .latencyPercentile(100): "max"
        case .latencyPercentile(let value): "p" + NumberFormatting.shortest(value)
        case .meanLatency: "mean"
        case .status(let code): "http_\(code)"
        case .statusClass(let digit): "http_\(digit)xx"
        case .transportErrors: "errors"
        case .requests: "requests"
        case .availability: "availability"
        case .errorRate: "error_rate"
        case .unexpected: "unexpected"
        case .requestsPerSecond: "rps"
        }
    }

    /// A measured value as people read it: `1.234 s`, `99.80 %`, `42.0/s`, `3`.
    func format(_ value: Double) -> String {
        switch kind {
        case .duration: DurationText.format(value)
        case .count: NumberFormatting.shortest(value)
        case .percent: String(format: "%.2f %%", value)
        case .rate: String(format: "%.1f/s", value)
        }
    }
}
