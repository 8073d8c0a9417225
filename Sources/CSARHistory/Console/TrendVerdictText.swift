import CSARCheck
import Foundation

/// The verdict block `trend` and `nightly` print: the headline, each regression with its rule, size and
/// confidence, the improvements, and what could not be judged. Every value from the history (a path, a
/// label, a section's name) is shown on its line, escaped (`terminalSafe`).
public enum TrendVerdictText {
    /// The block as text, ending with a line break.
    public static func render(_ report: TrendReport) -> String {
        var text = "\nTrend — \(report.history.terminalSafe), \(report.window.terminalSafe)\n"
        let counts = Dictionary(grouping: report.series, by: \.verdict).mapValues(\.count)
        let parts: [(SeriesAnalysis.Verdict, String)] = [
            (.regression, "regressed"), (.improvement, "improved"),
            (.changedWithinTolerance, "changed within tolerance"),
            (.stable, "stable"), (.insufficientHistory, "too short to judge"),
        ]
        let summary = parts.compactMap { verdict, word in counts[verdict].map { "\($0) \(word)" } }
        if !summary.isEmpty { text += "  series: " + summary.joined(separator: ", ") + "\n" }
        let mark = report.verdict.status == .regression ? "✘" : "✔"
        text += "\n\(mark) \(report.verdict.headline.terminalSafe)\n"
        for finding in report.verdict.regressions {
            text += "  ✘ [\(finding.rule.rawValue)] \(finding.message.terminalSafe)\n"
        }
        for finding in report.verdict.improvements {
            text += "  ↗ [\(finding.rule.rawValue)] \(finding.message.terminalSafe)\n"
        }
        for note in report.verdict.notes {
            text += "  • \(note.terminalSafe)\n"
        }
        return text
    }
}
