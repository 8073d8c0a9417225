/// Requests completed per second; in the open model, the rate asked for as a dashed line, so a
/// generator or server falling behind shows as the area dropping under it.
enum ThroughputChart {
    static func render(_ timeline: ChartTimeline, targetRate: Double?, id: String) -> String {
        let rates = timeline.bins.map { timeline.perSecond($0.requests) }
        let peak = rates.max() ?? 0
        let yTicks = SVGPlot.ticks(upTo: max(peak, targetRate ?? 0))
        let plot = SVGPlot(xDomain: 0...timeline.span, yDomain: 0...(yTicks.last ?? 1))
        var svg = plot.axes(
            x: timeline.xTicks, y: SVGPlot.tickLabels(yTicks),
            xTitle: timeline.xTitle, yTitle: "requests per second")
        if let first = timeline.bins.first, let last = timeline.bins.last {
            var area = "M\(SVGPlot.number(plot.x(timeline.center(first)))) \(SVGPlot.number(plot.y(0)))"
            for (bin, rate) in zip(timeline.bins, rates) {
                area += "L\(SVGPlot.number(plot.x(timeline.center(bin)))) \(SVGPlot.number(plot.y(rate)))"
            }
            area += "L\(SVGPlot.number(plot.x(timeline.center(last)))) \(SVGPlot.number(plot.y(0)))Z"
            svg += "<path class=\"area throughput\" d=\"\(area)\"/>\n"
            svg += plot.path(
                zip(timeline.bins, rates).map { (x: timeline.center($0), y: $1) }, class: "series throughput")
        }
        var legend: [(css: String, label: String, line: Bool)] = [("series throughput", "completed", true)]
        var description = "Requests completed per second over \(Int(timeline.span)) s, peak \(HTMLFormat.rate(peak))"
        if let targetRate {
            svg += plot.path([(x: 0, y: targetRate), (x: timeline.span, y: targetRate)], class: "series target")
            legend.append(("series target", "target \(HTMLFormat.rate(targetRate))", true))
            description += ", against a target of \(HTMLFormat.rate(targetRate))"
        }
        svg += plot.legend(legend)
        return SVGPlot.figure(
            id: id, kind: "throughput", title: "Throughput over time", description: description + ".",
            caption: "Throughput: requests that ended (with a response or an error) per second"
                + (targetRate == nil ? "." : "; dashed line: the open model's target rate."),
            content: svg)
    }
}
