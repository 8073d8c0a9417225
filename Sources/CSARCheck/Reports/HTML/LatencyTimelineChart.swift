/// p50, p95 and p99 latency of the requests that ended in each second: a stall or a slow warm-up shows
/// as a spike at the moment it happened, which the run's overall percentiles hide.
enum LatencyTimelineChart {
    static let series: [(css: String, label: String, value: @Sendable (SecondBucket) -> UInt64)] = [
        ("p50", "p50", { $0.p50 }), ("p95", "p95", { $0.p95 }), ("p99", "p99", { $0.p99 }),
    ]

    static func render(_ timeline: ChartTimeline, id: String) -> String {
        let answered = timeline.bins.filter { $0.requests > $0.transportErrors }
        let peak = answered.max { $0.p99 < $1.p99 }
        let unit = LatencyUnit(maximumMicros: peak?.p99 ?? 0)
        let yTicks = SVGPlot.ticks(upTo: unit.value(peak?.p99 ?? 0))
        let plot = SVGPlot(xDomain: 0...timeline.span, yDomain: 0...(yTicks.last ?? 1))
        var svg = plot.axes(
            x: timeline.xTicks, y: SVGPlot.tickLabels(yTicks),
            xTitle: timeline.xTitle, yTitle: "latency (\(unit.name))")
        for line in series {
            // Seconds in which no response ended have no latency: the line breaks there instead of dropping to 0.
            let points = timeline.bins.map { bin in
                bin.requests > bin.transportErrors ? (x: timeline.center(bin), y: unit.value(line.value(bin))) : nil
            }
            svg += plot.path(points, class: "series \(line.css)")
        }
        svg += plot.legend(series.map { (css: "series \($0.css)", label: $0.label, line: true) })
        let period = timeline.binWidth == 1 ? "second" : "bin"
        var description = "Latency percentiles p50, p95 and p99 per \(period) over \(Int(timeline.span)) s."
        if let peak {
            let (lowest, highest) = (answered.map(\.p50).min() ?? 0, answered.map(\.p50).max() ?? 0)
            description += " Highest p99 \(HTMLFormat.micros(peak.p99)) at \(peak.second) s;"
            description += " p50 ranged from \(HTMLFormat.micros(lowest)) to \(HTMLFormat.micros(highest))."
        } else {
            description += " No response was received."
        }
        return SVGPlot.figure(
            id: id, kind: "latency-timeline", title: "Latency percentiles over time", description: description,
            caption: "Latency over time: p50 (solid), p95 (dashed), p99 (dotted) of the requests that ended in each "
                + (timeline.binWidth == 1 ? "second." : "bin (the highest second of the bin)."),
            content: svg)
    }
}
