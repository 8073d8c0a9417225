import CSARCheck
import Foundation

/// `history list` and `history show` as the console prints them; every recorded value (a label, a scenario's
/// name, a target) on its line, escaped (`terminalSafe`).
public enum HistoryText {
    /// One line per run: id, start (UTC), command, exit code, target, labels, the first load's p95.
    public static func list(_ runs: [RecordedRun], path: String) -> String {
        guard !runs.isEmpty else { return "\(path.terminalSafe): no runs recorded yet\n" }
        var table = TextTable(header: ["run", "started (UTC)", "command", "exit", "target", "p95", "req/s", "labels"])
        for run in runs {
            let load = run.loads.first
            table.rows.append([
                "#\(run.id)", ConsoleDate.minutes(run.startedAt), run.command,
                run.interrupted ? "\(run.exitCode) (interrupted)" : "\(run.exitCode)", run.target,
                load.map { HTMLFormat.micros($0.p95Micros) } ?? "–",
                load.map { HTMLFormat.rate($0.requestsPerSecond) } ?? "–", run.labelText,
            ])
        }
        return "\(path.terminalSafe): \(runs.count) run(s)\n" + table.render()
    }

    /// Everything recorded of one run; each load section's percentiles are read again from its histogram.
    public static func show(_ run: RecordedRun) -> String {
        var text = "Run #\(run.id) — \(run.headline.terminalSafe)\n"
        text += "  started   \(HTMLFormat.date(run.startedAt))\n"
        text += "  finished  \(HTMLFormat.date(run.finishedAt))\n"
        text +=
            "  command   \(run.command.terminalSafe)  (exit \(run.exitCode)\(run.interrupted ? ", interrupted" : ""))\n"
        text +=
            "  target    \(run.target.terminalSafe)\n  tool      \(run.tool.terminalSafe) on \(run.hostname.terminalSafe)\n"
        if !run.labels.isEmpty { text += "  labels    \(run.labelText.terminalSafe)\n" }
        for load in run.loads {
            text +=
                "\nLoad: \(load.name.terminalSafe)\n  \(load.plan.terminalSafe); \(load.stopReason.terminalSafe) after \(String(format: "%.1f", load.wallTime)) s\n"
            text += "  \(load.requests) requests, \(HTMLFormat.rate(load.requestsPerSecond)), "
            text +=
                "availability \(HTMLFormat.percent(load.availability)), errors \(TrendMetric.errorRate.format(load.errorRate))\n"
            text += "  statuses  " + load.statusCounts.map { "\($0.status) × \($0.count)" }.joined(separator: ", ")
            text += load.transportErrors > 0 ? ", transport errors × \(load.transportErrors)\n" : "\n"
            if let encoded = load.histograms["total"], let histogram = HdrHistogramEncoding.decode(base64: encoded) {
                let percentiles: [Double] = [50, 75, 90, 95, 99, 99.9, 99.99, 100]
                var table = TextTable(header: percentiles.map { $0 == 100 ? "max" : "p" + String(format: "%g", $0) })
                table.rows.append(percentiles.map { HTMLFormat.micros(histogram.valueAtPercentile($0)) })
                text += "  latency (from the recorded histogram, \(histogram.totalCount) responses)\n"
                text += table.render(indent: "    ")
            }
        }
        if !run.criteria.isEmpty {
            text += "\nCriteria\n"
            var table = TextTable(header: ["", "criterion", "measured", "scope"])
            for criterion in run.criteria {
                let mark = criterion.passed ? "✔" : criterion.severity == "warning" ? "⚠" : "✘"
                table.rows.append([mark, criterion.expression, criterion.measuredText, criterion.scope])
            }
            text += table.render()
        }
        if !run.steps.isEmpty {
            text += "\nSteps\n"
            var table = TextTable(header: ["", "scenario", "step", "status", "time"])
            for step in run.steps {
                let mark = step.outcome == "passed" ? "✔" : step.outcome == "skipped" ? "–" : "✘"
                table.rows.append([
                    mark, step.scenario, step.name, step.status.map(String.init) ?? step.outcome,
                    step.totalSeconds.map(HTMLFormat.seconds) ?? "–",
                ])
            }
            text += table.render()
        }
        return text
    }
}
