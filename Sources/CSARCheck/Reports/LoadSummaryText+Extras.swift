import Foundation
import Histogram

/// The parts of the summary `ab` has no equivalent for.
extension LoadSummaryText {
    static func statusSection(_ result: LoadResult) -> [String] {
        var lines = ["Status codes (expected: \(result.expectedStatus.list)):"]
        lines += result.statusCounts.map { status in
            field("  \(status.status)", String(status.count))
                + (result.expectedStatus.accepts(status.status) ? "" : "   unexpected")
        }
        if result.statusCounts.isEmpty { lines.append("  (no response)") }
        if result.unexpectedResponses > 0 || result.transportErrorCount > 0 {
            lines.append(
                field(
                    "Requests in error:",
                    String(
                        format: "%d (%.1f %%)",
                        result.unexpectedResponses
                            + result.transportErrorCount, result.errorRate)))
        }
        lines.append(field("Transport errors:", String(result.transportErrorCount)))
        for error in result.transportErrors {
            lines.append("  \(error.phase.rawValue): \(error.count), first: \(error.example)")
        }
        return lines
    }

    static let percentiles: [(label: String, value: Double)] = [
        ("p50", 50), ("p90", 90), ("p95", 95), ("p99", 99), ("p99.9", 99.9),
    ]

    /// Percentiles of the total and of each phase; in the open model also the service time, counted
    /// from the actual send, so the time spent waiting behind a slow server shows as the difference.
    static func latencySection(_ latency: LatencyHistograms, openModel: Bool) -> [String] {
        guard latency.total.totalCount > 0 else { return ["Latency: no response"] }
        let header =
            "Latency (ms)".padding(toLength: 22, withPad: " ", startingAt: 0)
            + (percentiles.map(\.label) + ["max"]).map(latencyCell).joined()
        var rows = [header, latencyRow(openModel ? "total (from due)" : "total", latency.total)]
        if openModel { rows.append(latencyRow("service (from send)", latency.service)) }
        rows += latency.phases.map { latencyRow($0.name, $0.histogram) }
        return rows
    }

    static func latencyRow(_ name: String, _ histogram: Histogram<UInt64>) -> String {
        let values = histogram.values(atPercentiles: percentiles.map(\.value)) + [histogram.maxRecorded]
        return "  " + name.padding(toLength: 20, withPad: " ", startingAt: 0)
            + values.map { latencyCell(String(format: "%.3f", Double($0) / 1000)) }.joined()
    }

    /// A cell of the latency table: right-aligned in 9 characters and never touching the one before, so
    /// values of 10 s and more (`10502.143`) stay apart.
    static func latencyCell(_ text: String) -> String {
        " " + pad(text, 8)
    }

    static func runSection(_ result: LoadResult) -> [String] {
        var lines = ["", field("Model:", result.plan.description)]
        if let schedule = result.schedule {
            lines.append(
                field(
                    "Schedule:",
                    "target \(schedule.targetRate.upToTwoDecimals) req/s, "
                        + "achieved \(schedule.achievedRate.upToTwoDecimals) req/s "
                        + "(\(schedule.sent) sent, \(schedule.late) late, \(schedule.queued) waited for a connection); "
                        + "latency counts from each request's intended start"
                ))
        }
        lines.append(field("Connections opened:", String(result.connectionsOpened)))
        if result.tlsHandshakes > 0 {
            let rate = String(format: "%.1f", result.tlsHandshakesPerSecond)
            let text = "\(result.tlsHandshakes) (\(rate) per second), \(result.tlsResumed) resumed"
            lines.append(field("TLS handshakes:", text))
        }
        if let throughput = throughputLine(result.timeline) {
            lines.append(field("Throughput:", throughput))
        }
        if result.stopReason != .completed {
            lines.append(field("Stopped:", stopDescription(result.stopReason)))
        }
        return lines
    }

    /// Per-second throughput over the whole seconds of the run (the last, partial one left out).
    static func throughputLine(_ timeline: [SecondBucket]) -> String? {
        let whole = timeline.dropLast().map(\.requests).sorted()
        guard let low = whole.first, let high = whole.last else { return nil }
        return "\(low) min, \(whole[whole.count / 2]) median, \(high) max per whole second (\(whole.count) s)"
    }

    static func stopDescription(_ reason: LoadStopReason) -> String {
        switch reason {
        case .completed: "all requests done"
        case .duration: "the duration ended"
        case .requestCeiling: "request ceiling reached"
        case .durationCeiling: "duration ceiling reached"
        case .interrupted: "interrupted (partial result)"
        case .unreachable: "target unreachable"
        }
    }
}
