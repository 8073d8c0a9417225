import CSARCheck
import Foundation

/// One series as a line chart: a point per run; the baseline's spread as a band with its level, the
/// tolerance limit as a dashed red line; change points as vertical lines labelled with the run and
/// p-value; runs of a regression in red, the latest run ringed.
enum TrendChart {
    /// How the values are drawn: the unit on the axis and the factor from the metric's unit.
    struct Scale {
        var unit: String
        var factor: Double

        init(metric: TrendMetric, maximum: Double) {
            switch metric {
            case .p50, .p95, .p99, .max:
                let unit = LatencyUnit(maximumMicros: UInt64(max(0, min(maximum, 1e15))))
                (self.unit, factor) = (unit.name, 1 / unit.micros)
            case .duration: (unit, factor) = maximum < 2 ? ("ms", 1000) : ("s", 1)
            case .requestsPerSecond: (unit, factor) = ("req/s", 1)
            case .errorRate, .unexpectedStatusRate: (unit, factor) = ("%", 100)
            }
        }
    }

    static func render(_ series: SeriesAnalysis, id: String) -> String {
        let points = series.points
        let regressedFrom = series.findings.filter(\.isRegression).map(\.startedAtRun).min()
        var maximum = points.map(\.value).max() ?? 0
        if let baseline = series.baseline { maximum = max(maximum, baseline.high, baseline.limit) }
        let scale = Scale(metric: series.metric, maximum: maximum)
        // A series that stayed at 0 (no errors) still gets a readable axis: 0 to 1 of its unit.
        let top = maximum * scale.factor * 1.05
        let yTicks = SVGPlot.ticks(upTo: top > 0 ? top : 1)
        let plot = SVGPlot(xDomain: -0.5...Double(max(points.count, 1)) - 0.5, yDomain: 0...(yTicks.last ?? 1))
        let step = max(1, Int((Double(points.count) / 8).rounded(.up)))
        // Every `step`-th run, and the latest unless its label would touch the previous one.
        let xTicks = points.indices.filter { $0 % step == 0 || ($0 == points.count - 1 && $0 % step > step / 2) }.map {
            SVGTick(value: Double($0), label: "#\(points[$0].runId)")
        }
        var svg = ""
        if let baseline = series.baseline {
            svg += band(baseline, plot: plot, scale: scale)
        }
        svg += plot.axes(
            x: xTicks, y: SVGPlot.tickLabels(yTicks), xTitle: "run", yTitle: "\(series.metric.rawValue) (\(scale.unit))"
        )
        for change in series.changePoints {
            guard let index = points.firstIndex(where: { $0.runId == change.runId }) else { continue }
            let x = plot.x(Double(index) - 0.5)
            svg += SVGPlot.line(x, SVGPlot.top, x, SVGPlot.top + plot.plotHeight, class: "changepoint")
            svg += SVGPlot.text(
                "#\(change.runId) p=\(String(format: "%.3f", change.pValue))", x: x + 4, y: SVGPlot.top + 14,
                anchor: "start", class: "changepoint-label")
        }
        svg += plot.path(
            points.indices.map { (x: Double($0), y: points[$0].value * scale.factor) }, class: "series trend")
        for (index, point) in points.enumerated() {
            var classes = ["point"]
            if let regressedFrom, point.runId >= regressedFrom { classes.append("regressed") }
            if index == points.count - 1 { classes.append("latest") }
            let title = "<title>#\(point.runId): \(HTMLText.escape(series.metric.format(point.value)))</title>"
            svg +=
                "<circle class=\"\(classes.joined(separator: " "))\" cx=\"\(SVGPlot.number(plot.x(Double(index))))\" "
            svg += "cy=\"\(SVGPlot.number(plot.y(point.value * scale.factor)))\" r=\"4\">\(title)</circle>"
        }
        svg +=
            "\n"
            + plot.legend([
                (css: "series trend", label: "runs", line: true), (css: "limit", label: "tolerance limit", line: true),
            ])
        return SVGPlot.figure(
            id: id, kind: "trend", title: "\(series.subject) — \(series.metric.rawValue)",
            description: description(series), caption: caption(series), content: svg)
    }

    private static func band(_ baseline: SeriesAnalysis.Level, plot: SVGPlot, scale: Scale) -> String {
        let (top, bottom) = (plot.y(baseline.high * scale.factor), plot.y(baseline.low * scale.factor))
        var svg = SVGPlot.rect(
            x: SVGPlot.left, y: top, width: plot.plotWidth, height: max(1, bottom - top), class: "baseline-band",
            content: "<title>baseline runs #\(baseline.firstRun)–#\(baseline.lastRun): spread</title>")
        let level = plot.y(baseline.value * scale.factor)
        svg += SVGPlot.line(SVGPlot.left, level, SVGPlot.left + plot.plotWidth, level, class: "baseline-level")
        let limit = plot.y(baseline.limit * scale.factor)
        svg += SVGPlot.line(SVGPlot.left, limit, SVGPlot.left + plot.plotWidth, limit, class: "limit")
        return svg + "\n"
    }

    private static func description(_ series: SeriesAnalysis) -> String {
        var text = "\(series.points.count) runs, \(series.verdict.rawValue)."
        if let baseline = series.baseline {
            text +=
                " Baseline runs #\(baseline.firstRun)–#\(baseline.lastRun) at \(series.metric.format(baseline.value));"
            text += " tolerance limit \(series.metric.format(baseline.limit))."
        }
        if let latest = series.points.last {
            text += " Latest run #\(latest.runId): \(series.metric.format(latest.value))."
        }
        for change in series.changePoints {
            text +=
                " Change point at run #\(change.runId) (\(change.change), p = \(String(format: "%.4f", change.pValue)))."
        }
        return text
    }

    private static func caption(_ series: SeriesAnalysis) -> String {
        "One point per run. Shaded: the baseline's spread (its line: the baseline level); dashed red: the "
            + "tolerance limit (\(series.tolerance)); violet lines: change points; red points: runs of a regression."
    }
}
