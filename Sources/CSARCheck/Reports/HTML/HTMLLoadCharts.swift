/// The load run's four charts, and the figures behind them as collapsed tables (for screen readers,
/// for copying numbers, and expanded when printed).
enum HTMLLoadCharts {
    static func charts(_ load: LoadReport, id: String) -> String {
        let timeline = ChartTimeline(load.timeline)
        var html = "<h3>Charts</h3>\n<div class=\"charts\">\n"
        if timeline.bins.isEmpty {
            html += "<p>No request ended: there is no timeline to draw.</p>\n"
        } else {
            html += LatencyTimelineChart.render(timeline, id: "\(id)-latency-timeline")
            html += ThroughputChart.render(timeline, targetRate: load.schedule?.targetRate, id: "\(id)-throughput")
            html += StatusCodesChart.render(timeline, id: "\(id)-status-codes")
        }
        html += LatencyDistributionChart.render(load.distribution, id: "\(id)-latency-distribution")
        return html + "</div>\n"
    }

    static func dataTables(_ load: LoadReport) -> String {
        let timeline = ChartTimeline(load.timeline)
        var html = ""
        if !timeline.bins.isEmpty {
            let unit = timeline.binWidth == 1 ? "Second" : "From second (\(timeline.binWidth)-s bin)"
            let rows = timeline.bins.map { bin in
                [String(bin.second)]
                    + [bin.requests, bin.ok, bin.clientErrors, bin.serverErrors, bin.transportErrors].map(
                        HTMLFormat.count)
                    + [bin.p50, bin.p95, bin.p99].map { HTMLText.escape(HTMLFormat.micros($0)) }
            }
            html += "<details class=\"data\"><summary>Timeline figures (\(timeline.bins.count) rows)</summary>\n"
            html += HTMLText.table(
                header: [unit, "Requests", "1xx–3xx", "4xx", "5xx", "Transport", "p50", "p95", "p99"], rows: rows,
                class: "numbers")
            html += "</details>\n"
        }
        if !load.distribution.isEmpty {
            let rows = load.distribution.map {
                [
                    HTMLText.escape(LatencyDistributionChart.percentText($0.percentile)),
                    HTMLText.escape(HTMLFormat.micros($0.micros)),
                ]
            }
            html += "<details class=\"data\"><summary>Distribution figures (\(rows.count) percentiles)</summary>\n"
            html += HTMLText.table(header: ["Percentile", "Latency"], rows: rows, class: "numbers") + "</details>\n"
        }
        return html
    }
}
