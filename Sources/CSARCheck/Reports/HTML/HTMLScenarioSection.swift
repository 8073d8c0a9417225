/// Each scenario with its steps: one line per step (outcome, request, status, time, timing bar and
/// captures), opening onto the step's detail. Failed steps start open, so failures need no click and
/// print expanded.
enum HTMLScenarioSection {
    static func sections(_ scenarios: [ScenarioReport]) -> String {
        let failed = scenarios.filter { !$0.passed }.count
        let summary = failed == 0 ? "all \(scenarios.count) passed" : "\(failed) of \(scenarios.count) failed"
        var html = "<section id=\"scenarios\" aria-labelledby=\"scenarios-title\">\n"
        html += "<h2 id=\"scenarios-title\">Scenarios <small>\(HTMLText.escape(summary))</small></h2>\n"
        for (index, scenario) in scenarios.enumerated() {
            html += section(scenario, id: "scenario-\(index + 1)")
        }
        return html + "</section>\n"
    }

    static func section(_ scenario: ScenarioReport, id: String) -> String {
        let failedSteps = scenario.steps.filter { $0.outcome == "failed" || $0.outcome == "error" }.count
        var html = "<section class=\"scenario\" id=\"\(id)\" aria-labelledby=\"\(id)-title\">\n"
        let mark = scenario.passed ? "<span class=\"ok\">✔</span>" : "<span class=\"bad\">✘</span>"
        html += "<h3 id=\"\(id)-title\">\(mark) \(HTMLText.escape(scenario.name))</h3>\n"
        var facts = [
            scenario.file, scenario.baseURL, HTMLFormat.date(scenario.startedAt), HTMLFormat.seconds(scenario.duration),
        ]
        facts.append(
            failedSteps == 0
                ? "\(scenario.steps.count) steps passed"
                : "\(failedSteps) of \(scenario.steps.count) steps did not pass")
        html += HTMLText.element("p", facts.joined(separator: " · "), class: "facts")
        if let setupError = scenario.setupError {
            html += "<p class=\"problem\"><span class=\"bad\">✘ could not start:</span> "
            html += "\(HTMLText.escape(setupError))</p>\n"
        }
        html += HTMLText.list(scenario.notes, class: "notes")
        guard !scenario.steps.isEmpty else { return html + "</section>\n" }
        let scale = scenario.steps.compactMap { $0.timings?.total }.max() ?? 0
        html += HTMLTimingWaterfall.legend(scale: scale)
        html += "<ol class=\"steps\">\n"
        for (index, step) in scenario.steps.enumerated() {
            html += row(step, number: index + 1, baseURL: scenario.baseURL, scale: scale)
        }
        return html + "</ol>\n</section>\n"
    }

    static func row(_ step: StepReport, number: Int, baseURL: String, scale: Double) -> String {
        let open = step.outcome == "passed" && !step.warnings.contains { !$0.passed } ? "" : " open"
        var html = "<li class=\"step \(outcomeClass(step.outcome))\"><details\(open)><summary>"
        html += "<span class=\"outcome\">\(outcome(step.outcome))</span>"
        html += "<span class=\"name\">\(number). \(HTMLText.escape(step.name))</span>"
        html += "<span class=\"request\">\(HTMLText.escape(requestLine(step, baseURL: baseURL)))</span>"
        html += "<span class=\"time\">\(step.timings.map { HTMLFormat.seconds($0.total) } ?? "—")</span>"
        html += "<span class=\"bar\">\(step.timings.map { HTMLTimingWaterfall.bar($0, scale: scale) } ?? "")</span>"
        if let summary = step.summary {
            html += "<span class=\"captures\">\(HTMLText.escape(summary))</span>"
        }
        let warnings = step.warnings.filter { !$0.passed }.count
        if warnings > 0 {
            html += "<span class=\"captures\">⚠ \(warnings) warning\(warnings == 1 ? "" : "s")</span>"
        }
        if !step.captures.isEmpty {
            let captures = step.captures.map {
                "<code>\(HTMLText.escape($0.name)) = \(HTMLText.escape($0.value))</code>"
            }
            html += "<span class=\"captures\">captured " + captures.joined(separator: " ") + "</span>"
        }
        html += "</summary>\n" + HTMLStepDetail.content(step)
        return html + "</details></li>\n"
    }

    /// `POST /demandes → 302`, the path relative to the scenario's base URL when it lies under it.
    static func requestLine(_ step: StepReport, baseURL: String) -> String {
        guard let request = step.request else { return "not sent" }
        var url = request.url
        if !baseURL.isEmpty, url.hasPrefix(baseURL) {
            url = String(url.dropFirst(baseURL.count))
            if !url.hasPrefix("/") { url = "/" + url }
        }
        let answer =
            step.response.map { " → " + (step.kind == .http ? String($0.status) : step.kind.deliveryLabel) }
            ?? (step.error.map { " → \($0.phase) failed" } ?? "")
        return "\(request.method) \(url)\(answer)"
    }

    static func outcome(_ outcome: String) -> String {
        switch outcome {
        case "passed": HTMLText.mark(true, passed: "passed")
        case "skipped": "<span class=\"skip\">⊘ skipped</span>"
        default: HTMLText.mark(false, failed: HTMLText.escape(outcome))
        }
    }

    /// A CSS class from a fixed set, whatever the outcome string holds.
    static func outcomeClass(_ outcome: String) -> String {
        ["passed", "failed", "error", "skipped"].contains(outcome) ? outcome : "failed"
    }
}
