import CSARCheck
import Foundation

/// The parts of the trend page. Every report value is escaped (`HTMLText`); links point only at the
/// page's own ids.
enum TrendHTMLSections {
    static func verdict(_ report: TrendReport) -> String {
        let verdict = report.verdict
        let state = verdict.status == .regression ? "failed" : "passed"
        var html = "<header class=\"verdict \(state)\" role=\"status\">\n"
        html +=
            "<h1><span class=\"verdict-mark\" aria-hidden=\"true\">\(verdict.status == .regression ? "✘" : "✔")</span> "
        html += "\(HTMLText.escape(verdict.status.rawValue.uppercased()))</h1>\n"
        html += HTMLText.element("p", verdict.headline, class: "headline")
        html += HTMLText.element("p", "exit code \(verdict.exitCode) · \(report.window)", class: "facts")
        if !verdict.regressions.isEmpty {
            html += "<h2>Regressions (\(verdict.regressions.count))</h2>\n"
            html += HTMLVerdictSection.marked(verdict.regressions.map(line), mark: "✘", class: "bad")
        }
        if !verdict.improvements.isEmpty {
            html += "<h2>Improvements (\(verdict.improvements.count))</h2>\n"
            html += HTMLVerdictSection.marked(verdict.improvements.map(line), mark: "↗", class: "ok")
        }
        if !verdict.notes.isEmpty {
            html += "<h2>Notes</h2>\n" + HTMLVerdictSection.marked(verdict.notes, mark: "•", class: "skip")
        }
        html += "</header>\n"
        let settings = report.settings
        let rows: [(String, String)] = [
            ("History", report.history), ("Runs", report.window), ("Generated", HTMLFormat.date(report.generatedAt)),
            ("Tool", report.tool),
            (
                "Change points",
                "E-divisive means, permutation test (\(settings.permutations) shuffles), α = \(settings.alpha) per series"
            ),
            ("Latest run", "against the spread of the runs before it, α = \(settings.latestAlpha) per series"),
        ]
        html += "<section id=\"about\"><dl class=\"meta\">"
        html += rows.map { "<dt>\(HTMLText.escape($0.0))</dt><dd>\(HTMLText.escape($0.1))</dd>" }.joined()
        return html + "</dl></section>\n"
    }

    private static func line(_ finding: TrendFinding) -> String {
        "[\(finding.rule.rawValue), \(SeriesAnalyzer.formatConfidence(finding.pValue)) confidence] \(finding.message)"
    }

    /// Links to each load section, to the first step (steps can be many), and to the runs.
    static func navigation(_ report: TrendReport) -> String {
        let all = subjects(report).enumerated().map { ("#subject-\($0.offset + 1)", $0.element) }
        var links = all.filter { !$0.1.hasPrefix("step: ") }
        let steps = all.filter { $0.1.hasPrefix("step: ") }
        if let first = steps.first { links.append((first.0, "Steps (\(steps.count))")) }
        links.append(("#runs", "Runs (\(report.runs.count))"))
        let items = links.map { "<li><a href=\"\($0.0)\">\(HTMLText.escape($0.1))</a></li>" }
        return "<nav aria-label=\"Sections\"><ul>" + items.joined() + "</ul></nav>\n"
    }

    private static func subjects(_ report: TrendReport) -> [String] {
        var seen = Set<String>()
        return report.series.map(\.subject).filter { seen.insert($0).inserted }
    }

    /// Each subject (load section or step): a table of its series, then their charts. Steps without a
    /// finding or change keep their charts folded, so a long gate does not bury the regressions.
    static func seriesSections(_ report: TrendReport) -> String {
        var html = ""
        var chart = 0
        for (index, subject) in subjects(report).enumerated() {
            let series = report.series.filter { $0.subject == subject }
            html += "<section id=\"subject-\(index + 1)\">\n<h2>\(HTMLText.escape(subject))</h2>\n"
            html += table(series)
            var figures = ""
            for item in series {
                chart += 1
                figures += TrendChart.render(item, id: "trend-\(chart)")
            }
            let quiet =
                subject.hasPrefix("step: ") && series.allSatisfy { $0.findings.isEmpty && $0.changePoints.isEmpty }
            if quiet {
                html +=
                    "<details class=\"more\"><summary>Chart</summary><div class=\"charts\">\(figures)</div></details>\n"
            } else {
                html += "<div class=\"charts\">\n\(figures)</div>\n"
            }
            html += "</section>\n"
        }
        return html
    }

    private static func table(_ series: [SeriesAnalysis]) -> String {
        let rows = series.map { item -> [String] in
            let latest = item.points.last.map { item.metric.format($0.value) } ?? "–"
            let baseline = item.baseline.map { item.metric.format($0.value) } ?? "–"
            let change =
                item.baseline.flatMap { base in
                    item.points.last.map { item.metric.formatChange(from: base.value, to: $0.value) }
                } ?? "–"
            return [
                HTMLText.escape(item.metric.rawValue), mark(item.verdict), HTMLText.escape(latest),
                HTMLText.escape(baseline), HTMLText.escape(change), HTMLText.escape(item.tolerance),
                HTMLText.escape((item.findings.map(\.message) + item.notes).joined(separator: " · ")),
            ]
        }
        return HTMLText.table(
            header: ["metric", "verdict", "latest", "baseline", "change", "tolerance", "details"], rows: rows,
            class: "numbers series")
    }

    private static func mark(_ verdict: SeriesAnalysis.Verdict) -> String {
        switch verdict {
        case .regression: "<span class=\"bad\">✘ regression</span>"
        case .improvement: "<span class=\"ok\">↗ improvement</span>"
        case .changedWithinTolerance: "<span class=\"warn\">~ changed within tolerance</span>"
        case .stable: "<span class=\"ok\">✔ stable</span>"
        case .insufficientHistory: "<span class=\"skip\">– too few runs</span>"
        }
    }

    /// The runs, newest first, each opening on its load figures and steps.
    static func runsTable(_ report: TrendReport) -> String {
        var html = "<section id=\"runs\">\n<h2>Runs <small>newest first</small></h2>\n"
        let rows = report.runs.reversed().map { run -> [String] in
            let load = run.loads.first
            return [
                "<a href=\"#run-\(run.id)\">#\(run.id)</a>", HTMLText.escape(HTMLFormat.date(run.startedAt)),
                HTMLText.escape(run.command),
                run.exitCode == 0 ? "<span class=\"ok\">✔ 0</span>" : "<span class=\"bad\">✘ \(run.exitCode)</span>",
                HTMLText.escape(run.labels.map { "\($0.key)=\($0.value)" }.joined(separator: " ")),
                HTMLText.escape(load.map { HTMLFormat.micros($0.p95Micros) } ?? "–"),
                HTMLText.escape(load.map { HTMLFormat.rate($0.requestsPerSecond) } ?? "–"),
                HTMLText.escape(run.comparable ? "" : "left out of the trend"),
            ]
        }
        html += HTMLText.table(
            header: ["run", "started", "command", "exit", "labels", "p95", "req/s", "note"], rows: rows,
            class: "numbers runs")
        for run in report.runs.reversed() {
            html += runDetail(run)
        }
        return html + "</section>\n"
    }

    private static func runDetail(_ run: TrendReport.RunSummary) -> String {
        var html = "<details id=\"run-\(run.id)\" class=\"more\"><summary>Run #\(run.id) — "
        html += "\(HTMLText.escape(run.headline))</summary>\n"
        html += HTMLText.element("p", "\(run.target) · \(HTMLFormat.date(run.startedAt))", class: "facts")
        if !run.loads.isEmpty {
            html += HTMLText.table(
                header: ["load", "requests", "req/s", "p50", "p95", "p99", "max", "errors"],
                rows: run.loads.map { load in
                    [
                        load.name, HTMLFormat.count(load.requests), HTMLFormat.rate(load.requestsPerSecond),
                        HTMLFormat.micros(load.p50Micros), HTMLFormat.micros(load.p95Micros),
                        HTMLFormat.micros(load.p99Micros), HTMLFormat.micros(load.maxMicros),
                        TrendMetric.errorRate.format(load.errorRate),
                    ].map(HTMLText.escape)
                }, class: "numbers")
        }
        if !run.steps.isEmpty {
            html += HTMLText.table(
                header: ["step", "outcome", "time"],
                rows: run.steps.map { step in
                    [
                        HTMLText.escape(step.name), HTMLText.escape(step.outcome),
                        HTMLText.escape(step.seconds.map(HTMLFormat.seconds) ?? "–"),
                    ]
                }, class: "numbers")
        }
        return html + "</details>\n"
    }
}
