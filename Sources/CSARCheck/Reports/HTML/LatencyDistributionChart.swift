import Foundation

/// The latency distribution as HdrHistogram plots it: percentile on a log scale of 1/(1 − p), so the
/// tail (99 %, 99.9 %, 99.99 %) gets as much room as the median, where the slow requests users notice live.
enum LatencyDistributionChart {
    static func render(_ distribution: [PercentilePoint], id: String) -> String {
        // 100 % sits at infinity on this axis: the maximum is drawn as a reference line instead.
        let points = distribution.filter { $0.percentile < 100 }
        let maximum = distribution.map(\.micros).max() ?? 0
        let unit = LatencyUnit(maximumMicros: maximum)
        let decades = max(2, Int((points.map { position($0.percentile) }.max() ?? 0).rounded(.up)))
        let yTicks = SVGPlot.ticks(upTo: unit.value(maximum))
        let plot = SVGPlot(xDomain: 0...Double(decades), yDomain: 0...(yTicks.last ?? 1))
        let xTicks = (0...decades).map { SVGTick(value: Double($0), label: label(decade: $0)) }
        var svg = plot.axes(
            x: xTicks, y: SVGPlot.tickLabels(yTicks), xTitle: "percentile (log scale of 1/(1 − p))",
            yTitle: "latency (\(unit.name))")
        if !points.isEmpty {
            svg += plot.path(
                [(x: 0, y: unit.value(maximum)), (x: Double(decades), y: unit.value(maximum))], class: "series max")
            svg += SVGPlot.text(
                "max \(HTMLFormat.micros(maximum))", x: plot.x(0) + 6, y: plot.y(unit.value(maximum)) + 18,
                anchor: "start", class: "note")
            svg += plot.path(
                points.map { (x: position($0.percentile), y: unit.value($0.micros)) }, class: "series total")
            for point in points {
                let (x, y) = (plot.x(position(point.percentile)), plot.y(unit.value(point.micros)))
                let title = "\(percentText(point.percentile)): \(HTMLFormat.micros(point.micros))"
                svg += "<circle class=\"dot\" cx=\"\(SVGPlot.number(x))\" cy=\"\(SVGPlot.number(y))\" r=\"3\">"
                svg += "<title>\(HTMLText.escape(title))</title></circle>"
            }
            svg += "\n"
        }
        svg += plot.legend([("series total", "latency at percentile", true), ("series max", "max", true)])
        let described = points.filter { [50, 90, 99, 99.9].contains($0.percentile) }
            .map { "\(percentText($0.percentile)) \(HTMLFormat.micros($0.micros))" }
        let description =
            described.isEmpty
            ? "No response was received."
            : "Latency by percentile: " + described.joined(separator: ", ") + ", max \(HTMLFormat.micros(maximum))."
        return SVGPlot.figure(
            id: id, kind: "latency-distribution", title: "Latency distribution by percentile", description: description,
            caption: "Latency distribution: the latency at or below which each share of requests ended; "
                + "each step right is ten times rarer (90 %, 99 %, 99.9 %…).",
            content: svg)
    }

    /// Where percentile `p` sits: log₁₀(1/(1 − p)), so 90 % is 1, 99 % is 2, 99.9 % is 3.
    static func position(_ percentile: Double) -> Double {
        log10(100 / (100 - percentile))
    }

    /// `0%`, `90%`, `99%`, `99.9%`, `99.99%`…
    static func label(decade: Int) -> String {
        decade == 0 ? "0%" : String(format: "%.\(max(0, decade - 2))f%%", 100 - pow(10, Double(2 - decade)))
    }

    /// `p50`, `p99.9`, `p99.999`.
    static func percentText(_ percentile: Double) -> String {
        "p" + (percentile == percentile.rounded() ? String(Int(percentile)) : String(percentile))
    }
}
