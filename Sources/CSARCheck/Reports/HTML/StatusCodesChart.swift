/// What each second's requests ended with, stacked: successes (1xx–3xx), 4xx, 5xx and transport
/// errors, so an error burst shows when it happened and how large it was against the traffic.
enum StatusCodesChart {
    static let classes: [(css: String, label: String, count: @Sendable (SecondBucket) -> Int)] = [
        ("ok", "1xx–3xx", { $0.ok }), ("client", "4xx", { $0.clientErrors }),
        ("server", "5xx", { $0.serverErrors }), ("transport", "transport error", { $0.transportErrors }),
    ]

    static func render(_ timeline: ChartTimeline, id: String) -> String {
        let peak = timeline.bins.map { timeline.perSecond($0.requests) }.max() ?? 0
        let yTicks = SVGPlot.ticks(upTo: peak)
        let plot = SVGPlot(xDomain: 0...timeline.span, yDomain: 0...(yTicks.last ?? 1))
        var svg = plot.axes(
            x: timeline.xTicks, y: SVGPlot.tickLabels(yTicks),
            xTitle: timeline.xTitle, yTitle: "requests per second")
        for bin in timeline.bins {
            svg += column(bin, timeline: timeline, plot: plot)
        }
        svg += plot.legend(classes.map { (css: "bar \($0.css)", label: $0.label, line: false) })
        let totals = classes.map { kind in (kind.label, timeline.bins.reduce(0) { $0 + kind.count($1) }) }
        let description =
            "Requests per second by outcome, stacked: "
            + totals.map { "\($0.0) \(HTMLFormat.count($0.1))" }.joined(separator: ", ") + " in total."
        return SVGPlot.figure(
            id: id, kind: "status-codes", title: "Status codes over time", description: description,
            caption: "Status codes over time, stacked from the bottom: 1xx–3xx, 4xx, 5xx, transport errors.",
            content: svg)
    }

    /// One bin's stacked bar, with its figures as a tooltip.
    static func column(_ bin: SecondBucket, timeline: ChartTimeline, plot: SVGPlot) -> String {
        let left = plot.x(Double(bin.second))
        let width = max(1, plot.x(Double(bin.second + timeline.binWidth)) - left - 1)
        let figures = classes.map { "\($0.label) \(HTMLFormat.count($0.count(bin)))" }.joined(separator: ", ")
        var svg = "<g><title>\(HTMLText.escape("\(bin.second) s: \(figures)"))</title>"
        var stacked = 0.0
        for kind in classes where kind.count(bin) > 0 {
            let rate = timeline.perSecond(kind.count(bin))
            let top = plot.y(stacked + rate)
            svg += SVGPlot.rect(
                x: left + 0.5, y: top, width: width, height: plot.y(stacked) - top, class: "bar \(kind.css)")
            stacked += rate
        }
        return svg + "</g>\n"
    }
}
