/// Prints results as they come (text from responses made `terminalSafe` first): one line per step (mark, name, status, time) and, for a failure,
/// each failed check with expected vs actual, where it is in the file, and a masked response excerpt.
public struct ConsoleReporter: Sendable {
    public let style: ConsoleStyle
    private let write: @Sendable (String) -> Void

    public init(style: ConsoleStyle, write: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.style = style
        self.write = write
    }

    public func scenarioStarted(_ scenario: Scenario, baseURL: String) {
        write(
            style.bold("▶ \(scenario.name.terminalSafe)")
                + style.dim("  \(scenario.file.terminalSafe) → \(baseURL.terminalSafe)"))
    }

    public func stepFinished(_ step: StepResult) {
        let status = step.response.map { step.kind == .http ? String($0.status) : step.kind.deliveryLabel } ?? "---"
        let time = step.response.map { DurationText.format($0.timings.total) } ?? ""
        let retries = step.attempts > 1 ? style.dim(" (\(step.attempts) attempts)") : ""
        let line = "  \(mark(step.outcome)) \(step.name.terminalSafe.padded(to: 48)) \(status)  \(time)\(retries)"
        write(line)
        if let summary = step.summary { write(style.dim("      \(summary.terminalSafe)")) }
        for capture in step.captures where !capture.secret && capture.displayValue != SecretMasker.mask {
            write(style.dim("      \(capture.name) = \(capture.displayValue.terminalSafe)"))
        }
        for warning in step.failedWarnings {
            guard let failure = warning.failure else { continue }
            write(style.yellow("      ⚠ warning: \(warning.title.terminalSafe)"))
            write("        expected \(failure.expected.terminalSafe)")
            write("        actual   \(failure.actual.terminalSafe)")
            write(style.dim("        at \(warning.location) (\(warning.key))".terminalSafe))
        }
        switch step.outcome {
        case .passed:
            break
        case .skipped:
            write(style.dim("      \((step.problem ?? "skipped").terminalSafe)"))
        case .error:
            if let error = step.transportError {
                let text =
                    "\(step.request?.method ?? "") \(error.url) failed during \(error.phase.rawValue): \(error.message)"
                write(style.red("      " + text.terminalSafe))
                if let hint = error.hint { write(style.yellow("      hint: \(hint)")) }
            }
        case .failed:
            for assertion in step.failedAssertions {
                guard let failure = assertion.failure else { continue }
                write(style.red("      ✘ \(assertion.title.terminalSafe)"))
                write("        expected \(failure.expected.terminalSafe)")
                write("        actual   \(failure.actual.terminalSafe)")
                write(style.dim("        at \(assertion.location) (\(assertion.key))".terminalSafe))
                if let line = assertion.sourceLine { writeSource(line, at: assertion.location) }
            }
            for failure in step.captureFailures {
                write(style.red("      ✘ \(failure.terminalSafe)"))
            }
            if let response = step.response, !response.bodyExcerpt.isEmpty {
                write(style.dim("      response: " + response.bodyExcerpt.prefix(240).replacingNewlines().terminalSafe))
            }
        }
        if let hint = step.hint, step.outcome == .failed || step.outcome == .error || !step.failedWarnings.isEmpty {
            write(style.yellow("      hint: \(hint.replacingNewlines().terminalSafe)"))
        }
    }

    /// The file's line under a failed check, numbered, with a caret under the spot (as Hurl shows them).
    private func writeSource(_ line: String, at location: SourceLocation) {
        let (shown, column) = ScenarioError.excerpt(of: line, around: max(0, location.column - 1))
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        write(style.dim("        \(number) | \(shown.terminalSafe)"))
        write(style.dim("        \(gutter) | \(String(repeating: " ", count: column))^"))
    }

    /// A run-level explanation, such as maintenance mode, in plain words.
    public func note(_ text: String) {
        write(style.yellow("  ⚠ \(text.terminalSafe)"))
    }

    /// The ab-style summary of a scenario's `load:` section (the run's criteria give the verdict).
    public func loadFinished(_ result: LoadResult) {
        write(LoadSummaryText.render(result).terminalSafeKeepingLines)
    }

    public func scenarioSetupFailed(_ result: ScenarioResult) {
        write(style.red("  ✘ \((result.setupError ?? "").terminalSafe)"))
    }

    public func summary(_ results: [ScenarioResult]) {
        let steps = results.flatMap(\.steps)
        let count = { (outcome: StepResult.Outcome) in steps.filter { $0.outcome == outcome }.count }
        let failedScenarios = results.filter { !$0.passed }.count
        var parts = ["\(results.count) scenario(s)", "\(steps.count) steps", "\(count(.passed)) passed"]
        if count(.failed) > 0 { parts.append("\(count(.failed)) failed") }
        if count(.error) > 0 { parts.append("\(count(.error)) errors") }
        if count(.skipped) > 0 { parts.append("\(count(.skipped)) skipped") }
        let warnings = steps.reduce(0) { $0 + $1.failedWarnings.count }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        let counts = parts.joined(separator: ", ")
        write("\n" + (failedScenarios == 0 ? counts : style.red(counts)))
    }

    private func mark(_ outcome: StepResult.Outcome) -> String {
        switch outcome {
        case .passed: style.green("✔")
        case .failed: style.red("✘")
        case .error: style.red("!")
        case .skipped: style.yellow("-")
        }
    }
}

extension StringProtocol {
    func padded(to width: Int) -> String {
        count >= width ? String(self) : String(self) + String(repeating: " ", count: width - count)
    }

    func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
