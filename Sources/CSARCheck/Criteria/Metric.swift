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
    /// The longest delivery of a side effect: submit → mail (`mail_latency`), → SMS, → event.
    case deliveryLatency(StepKind)
    /// Percent of the side effects of a kind waited for that did not come as expected — the runbook's
    /// "Échec d'envoi d'email > 10 %" (`mail_failure_rate`, `sms_failure_rate`, `event_failure_rate`).
    case deliveryFailureRate(StepKind)
    /// Side effects of a kind waited for that did not come as expected — "Notifications non envoyées"
    /// (`mail_missing`, `sms_missing`, `events_missing`).
    case deliveriesMissing(StepKind)

    /// How the metric's values read and which units a threshold takes.
    public enum Kind: Sendable { case duration, count, percent, rate }

    public var kind: Kind {
        switch self {
        case .latencyPercentile, .meanLatency, .deliveryLatency: .duration
        case .status, .statusClass, .transportErrors, .requests, .unexpected, .deliveriesMissing: .count
        case .availability, .errorRate, .deliveryFailureRate: .percent
        case .requestsPerSecond: .rate
        }
    }

    /// The metrics named by a fixed word, in the one table `parse`, `description` and messages read.
    static let words: [(name: String, metric: Metric)] = [
        ("min", .latencyPercentile(0)), ("max", .latencyPercentile(100)), ("mean", .meanLatency),
        ("requests", .requests), ("errors", .transportErrors), ("unexpected", .unexpected),
        ("availability", .availability), ("error_rate", .errorRate), ("rps", .requestsPerSecond),
        ("mail_latency", .deliveryLatency(.mail)), ("sms_latency", .deliveryLatency(.sms)),
        ("event_latency", .deliveryLatency(.event)), ("mail_failure_rate", .deliveryFailureRate(.mail)),
        ("sms_failure_rate", .deliveryFailureRate(.sms)), ("event_failure_rate", .deliveryFailureRate(.event)),
        ("mail_missing", .deliveriesMissing(.mail)), ("sms_missing", .deliveriesMissing(.sms)),
        ("events_missing", .deliveriesMissing(.event)),
    ]
    /// Another spelling `parse` takes for a word of the table.
    static let aliases: [String: Metric] = ["avg": .meanLatency]
    /// The metrics named by a pattern: a percentile, a status code, a status class.
    static let patterns = ["pNN (p50, p95, p99.9…)", "http_NNN", "http_Nxx"]

    /// Every name `parse` accepts, for error messages.
    public static let names = (words.map(\.name) + patterns).joined(separator: ", ")

    /// Names to suggest for a misspelt one: every word, and an example of each pattern.
    static let suggestions = words.map(\.name) + ["p95", "p99", "http_5xx", "http_500"]

    public static func parse(_ name: String) -> Metric? {
        if let word = words.first(where: { $0.name == name }) { return word.metric }
        if let alias = aliases[name] { return alias }
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
        if let word = Self.words.first(where: { $0.metric == self }) { return word.name }
        switch self {
        case .latencyPercentile(let value): return "p" + NumberFormatting.shortest(value)
        case .status(let code): return "http_\(code)"
        case .statusClass(let digit): return "http_\(digit)xx"
        default: return "\(self)"
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
