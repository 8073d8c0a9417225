/// The load run's figures as tables: exact numbers for what the charts and tiles summarise.
enum HTMLLoadTables {
    static func statusCodes(_ load: LoadReport) -> String {
        guard !load.statusCounts.isEmpty else { return "" }
        let unexpected = Set(load.unexpectedStatusCounts.map(\.status))
        let rows = load.statusCounts.sorted { $0.status < $1.status }.map { status in
            [
                unexpected.contains(status.status)
                    ? "<span class=\"bad\">✘ \(status.status) unexpected</span>" : String(status.status),
                HTMLFormat.count(status.count),
                HTMLFormat.percent(load.requests > 0 ? Double(status.count) * 100 / Double(load.requests) : 0),
            ]
        }
        return "<h3>Status codes (expected: \(HTMLText.escape(load.expectedStatus.list)))</h3>\n"
            + HTMLText.table(header: ["Status", "Responses", "Share of requests"], rows: rows, class: "numbers")
    }

    static func transportErrors(_ load: LoadReport) -> String {
        guard !load.transportErrors.isEmpty else { return "" }
        let rows = load.transportErrors.map {
            [
                "<span class=\"bad\">✘</span> " + HTMLText.escape($0.phase.rawValue), HTMLFormat.count($0.count),
                "<code>\(HTMLText.escape($0.example))</code>",
            ]
        }
        return "<h3>Transport errors by phase</h3>\n"
            + HTMLText.table(header: ["Failed during", "Requests", "First error"], rows: rows, class: "numbers")
    }

    /// Latency by phase, in the order a request goes through them, then the total.
    static func phases(_ load: LoadReport) -> String {
        let names = [
            ("dns", "DNS"), ("connect", "connect"), ("tls", "TLS"), ("wait", "wait (TTFB)"), ("transfer", "transfer"),
            ("total", "total"),
        ]
        let rows = names.compactMap { key, label -> [String]? in
            guard let summary = load.latency[key], summary.count > 0 else { return nil }
            let values = [summary.p50, summary.p90, summary.p95, summary.p99, summary.p999, summary.max]
            return [HTMLText.escape(label)] + values.map { HTMLText.escape(HTMLFormat.micros($0)) }
                + [HTMLText.escape(HTMLFormat.micros(summary.mean))]
        }
        guard !rows.isEmpty else { return "" }
        return "<h3>Latency by phase</h3>\n"
            + HTMLText.table(
                header: ["Phase", "p50", "p90", "p95", "p99", "p99.9", "max", "mean"], rows: rows, class: "numbers")
    }

    /// The open model: whether the generator kept the rate it was asked for.
    static func schedule(_ schedule: ScheduleReport) -> String {
        let kept = schedule.targetRate > 0 && schedule.achievedRate >= schedule.targetRate * 0.99
        let rows = [
            ["Target rate", HTMLText.escape(HTMLFormat.rate(schedule.targetRate))],
            [
                "Achieved rate",
                HTMLText.mark(kept, passed: "kept", failed: "behind") + " "
                    + HTMLText.escape(HTMLFormat.rate(schedule.achievedRate)),
            ],
            ["Requests sent", HTMLFormat.count(schedule.sent)],
            ["Sent late (≥ 1 ms)", HTMLFormat.count(schedule.late)],
            ["Due while every connection was busy", HTMLFormat.count(schedule.queued)],
            ["Largest delay behind schedule", HTMLText.escape(HTMLFormat.seconds(schedule.maxLag))],
        ]
        return "<h3>Open-model schedule</h3>\n" + HTMLText.table(header: ["", "Value"], rows: rows, class: "numbers")
    }
}
