import CSARCheck
import Foundation

/// The trend as JUnit XML (valid against the Ant JUnit schema CI reporters read): one testsuite `trend`,
/// one testcase per tracked series — failed when it regressed, skipped when its history is too short,
/// passed otherwise (improvements are listed in the suite's output).
public enum TrendJUnitReport {
    /// `trend-junit.xml`: the whole document.
    public static func xml(_ report: TrendReport) -> String {
        let failures = report.series.filter { $0.verdict == .regression }.count
        let skipped = report.series.filter { $0.verdict == .insufficientHistory }.count
        let attributes: [(String, String)] = [
            ("name", "trend"), ("package", "trend"), ("id", "0"),
            ("timestamp", JUnitReport.timestamp(report.generatedAt)),
            ("hostname", ProcessInfo.processInfo.hostName.isEmpty ? "localhost" : ProcessInfo.processInfo.hostName),
            ("tests", String(report.series.count)), ("failures", String(failures)), ("errors", "0"),
            ("skipped", String(skipped)), ("time", "0.000"),
        ]
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        xml += "  <testsuite \(JUnitReport.attributes(attributes))>\n    <properties>\n"
        let properties = [
            ("history", report.history), ("window", report.window), ("tool", report.tool),
            ("verdict", report.verdict.headline), ("alpha", String(report.settings.alpha)),
            ("latestAlpha", String(report.settings.latestAlpha)),
        ]
        for (name, value) in properties {
            xml += "      <property \(JUnitReport.attributes([("name", name), ("value", value)]))/>\n"
        }
        xml += "    </properties>\n"
        for series in report.series {
            xml += testCase(series)
        }
        let output = (report.verdict.improvements.map { "improved: \($0.message)" } + report.verdict.notes)
        xml += "    <system-out>\(XMLText.escape(output.joined(separator: "\n")))</system-out>\n"
        xml += "    <system-err></system-err>\n  </testsuite>\n</testsuites>\n"
        return xml
    }

    private static func testCase(_ series: SeriesAnalysis) -> String {
        let open =
            "    <testcase \(JUnitReport.attributes([("name", series.metric.rawValue), ("classname", series.subject), ("time", "0.000")]))"
        switch series.verdict {
        case .regression:
            let regressions = series.findings.filter(\.isRegression)
            let message = regressions.map(\.message).joined(separator: "; ")
            return open + ">\n      <failure \(JUnitReport.attributes([("type", "regression"), ("message", message)]))>"
                + XMLText.escape(details(series)) + "</failure>\n    </testcase>\n"
        case .insufficientHistory:
            let message = series.notes.first ?? "too few runs"
            return open + ">\n      <skipped \(JUnitReport.attributes([("message", message)]))/>\n    </testcase>\n"
        case .improvement, .changedWithinTolerance, .stable:
            return open + "/>\n"
        }
    }

    /// The series in plain text: tolerance, change points, and every run's value.
    private static func details(_ series: SeriesAnalysis) -> String {
        var lines = series.findings.map { "[\($0.rule.rawValue)] \($0.message)" }
        lines.append("tolerance \(series.tolerance)")
        for change in series.changePoints {
            lines.append(
                "change point at run #\(change.runId): \(series.metric.format(change.before)) → "
                    + "\(series.metric.format(change.after)) (\(change.change)), p = \(String(format: "%.4f", change.pValue))"
            )
        }
        lines.append(series.points.map { "#\($0.runId) \(series.metric.format($0.value))" }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
