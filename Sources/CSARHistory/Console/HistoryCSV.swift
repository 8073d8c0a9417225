import Foundation

/// The history as CSV: one row per run and metric (for spreadsheets and pivot tables), or Apache Otava's
/// shape, one row per run with one column per series (`time`, `run`, the labels as attributes, then the
/// metrics). Latencies and step durations in milliseconds, rates in percent.
public enum HistoryCSV {
    /// `time,run,command,target,exit_code,comparable,labels,subject,metric,value,unit`.
    public static func long(_ runs: [RecordedRun]) -> String {
        var csv = "time,run,command,target,exit_code,comparable,labels,subject,metric,value,unit\r\n"
        let series = TrendSeriesBuilder.series(of: runs)
        let byRun = Dictionary(grouping: series.flatMap { line in line.points.map { (line, $0) } }) { $0.1.runId }
        for run in runs {
            let started = time(run.startedAt)
            let labels = run.labelText
            for (line, point) in byRun[run.id] ?? [] {
                let (value, unit) = exported(point.value, line.metric)
                csv += row([
                    started, "\(run.id)", run.command, run.target, "\(run.exitCode)", "\(run.isComparable)",
                    labels, line.subject, line.metric.rawValue, value, unit,
                ])
            }
        }
        return csv
    }

    /// Otava's CSV: comparable runs only, `time`, `run`, one column per label key, one per series.
    public static func otava(_ runs: [RecordedRun]) -> String {
        let comparable = runs.filter(\.isComparable)
        let series = TrendSeriesBuilder.series(of: comparable)
        let labelKeys = Array(Set(comparable.flatMap { $0.labels.map(\.key) })).sorted()
        var csv = row(
            ["time", "run"] + labelKeys + series.map { "\($0.id) (\(exported(0, $0.metric).unit))" })
        let values = series.map { line in Dictionary(uniqueKeysWithValues: line.points.map { ($0.runId, $0.value) }) }
        for run in comparable {
            let labels = Dictionary(uniqueKeysWithValues: run.labels.map { ($0.key, $0.value) })
            csv += row(
                [time(run.startedAt), "\(run.id)"] + labelKeys.map { labels[$0] ?? "" }
                    + zip(series, values).map { line, byRun in
                        byRun[run.id].map { exported($0, line.metric).value } ?? ""
                    })
        }
        return csv
    }

    private static func exported(_ value: Double, _ metric: TrendMetric) -> (value: String, unit: String) {
        switch metric {
        case .p50, .p95, .p99, .max: (String(format: "%.3f", value / 1000), "ms")
        case .duration: (String(format: "%.3f", value * 1000), "ms")
        case .requestsPerSecond: (String(format: "%.2f", value), "req/s")
        case .errorRate, .unexpectedStatusRate: (String(format: "%.4f", value * 100), "%")
        }
    }

    /// `2026-12-01 18:24:10 +0000`, the form Otava's own examples use.
    private static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss Z"
        return formatter.string(from: date)
    }

    /// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled.
    private static func row(_ fields: [String]) -> String {
        fields.map { field in
            field.unicodeScalars.contains { ",\"\r\n".unicodeScalars.contains($0) }
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }
}
