/// One load run: the plan, the headline figures, the four charts, then the tables behind them
/// (status codes, transport errors by phase, latency by phase, the schedule) and its warnings.
enum HTMLLoadSection {
    static func section(_ load: LoadReport, id: String) -> String {
        var html = "<section class=\"load\" id=\"\(id)\" aria-labelledby=\"\(id)-title\">\n"
        html += "<h2 id=\"\(id)-title\">Load: \(HTMLText.escape(load.name))</h2>\n"
        html += HTMLText.element("p", load.plan.description, class: "facts")
        let stop =
            "started \(HTMLFormat.date(load.startedAt)) · ran \(HTMLFormat.seconds(load.wallTime))"
            + " · ended: \(load.stopReason)"
        html += HTMLText.element("p", stop, class: "facts")
        html += HTMLText.list(load.plan.urls, class: "urls")
        if !load.warnings.isEmpty {
            html += "<h3>Warnings</h3>\n" + HTMLVerdictSection.marked(load.warnings, mark: "⚠", class: "warn")
        }
        html += summary(load)
        html += HTMLLoadCharts.charts(load, id: id)
        html += HTMLLoadTables.statusCodes(load)
        html += HTMLLoadTables.transportErrors(load)
        html += HTMLLoadTables.phases(load)
        if let schedule = load.schedule { html += HTMLLoadTables.schedule(schedule) }
        html += HTMLLoadCharts.dataTables(load)
        return html + "</section>\n"
    }

    /// The figures a reader checks first, as large tiles.
    static func summary(_ load: LoadReport) -> String {
        let total = load.latency["total"]
        var tiles: [(String, String)] = [
            ("requests", HTMLFormat.count(load.requests)),
            ("throughput", HTMLFormat.rate(load.requestsPerSecond)),
            ("availability", HTMLFormat.percent(load.availability)),
        ]
        if let total, total.count > 0 {
            tiles += [
                ("p50", HTMLFormat.micros(total.p50)), ("p95", HTMLFormat.micros(total.p95)),
                ("p99", HTMLFormat.micros(total.p99)), ("p99.9", HTMLFormat.micros(total.p999)),
                ("max", HTMLFormat.micros(total.max)),
            ]
        }
        let errors = load.statusCounts.filter { $0.status >= 500 }.reduce(0) { $0 + $1.count }
        tiles.append(("5xx", HTMLFormat.count(errors)))
        tiles.append(("transport errors", HTMLFormat.count(load.transportErrors.reduce(0) { $0 + $1.count })))
        tiles.append(("body received", HTMLFormat.bytes(load.bodyBytes)))
        if load.tlsHandshakes > 0 {
            let rate = String(format: "%.1f/s", load.tlsHandshakesPerSecond)
            tiles.append(("TLS handshakes", "\(HTMLFormat.count(load.tlsHandshakes)) · \(rate)"))
        }
        let items = tiles.map {
            "<div class=\"tile\"><dt>\(HTMLText.escape($0.0))</dt><dd>\(HTMLText.escape($0.1))</dd></div>"
        }
        return "<dl class=\"tiles\">" + items.joined() + "</dl>\n"
    }
}
