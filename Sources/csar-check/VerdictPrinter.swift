import CSARCheck

/// The verdict block at the end of a run: criteria with their measured values, then the verdict.
struct VerdictPrinter {
    let style: ConsoleStyle

    private func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    func print(_ report: RunReport) {
        if !report.criteria.isEmpty {
            Swift.print("\nCriteria")
            for criterion in report.criteria {
                let mark =
                    criterion.passed
                    ? style.green("✔") : criterion.severity == .warning ? style.yellow("⚠") : style.red("✘")
                let line =
                    "  \(mark) \(padded(criterion.expression.terminalSafe, 24)) \(padded(criterion.measuredText.terminalSafe, 30)) \(criterion.scope.terminalSafe)"
                Swift.print(criterion.severity == .warning ? line + style.dim(" (warning)") : line)
            }
        }
        if !report.notes.isEmpty { Swift.print("") }
        for note in report.notes { Swift.print(style.yellow("⚠ \(note)")) }
        let banner =
            report.verdict.passed
            ? style.green("✔ " + report.verdict.headline.terminalSafe)
            : style.red("✘ " + report.verdict.headline.terminalSafe)
        Swift.print("\n" + style.bold(banner))
        for failure in report.verdict.failures.prefix(20) { Swift.print(style.red("  • \(failure.terminalSafe)")) }
        if report.verdict.failures.count > 20 {
            Swift.print("  … and \(report.verdict.failures.count - 20) more (see the reports)")
        }
        for warning in report.verdict.warnings { Swift.print(style.yellow("  ⚠ \(warning.terminalSafe)")) }
    }
}
