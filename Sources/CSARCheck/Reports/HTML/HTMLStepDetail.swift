/// What a step's line opens onto: why it failed (assertions with expected and actual, the transport
/// error, the capture that found nothing), its timing phases, and the masked request and response.
enum HTMLStepDetail {
    static func content(_ step: StepReport) -> String {
        var html = "<div class=\"detail\">\n"
        if let error = step.error {
            html +=
                "<p class=\"problem\"><span class=\"bad\">✘ no response:</span> failed during "
                + "\(HTMLText.escape(error.phase)): \(HTMLText.escape(error.message)) "
                + "(<code>\(HTMLText.escape(error.url))</code>)</p>\n"
            if let hint = error.hint { html += "<p class=\"hint\">Hint: \(HTMLText.escape(hint))</p>\n" }
        }
        if let problem = step.problem {
            html += "<p class=\"problem\"><span class=\"skip\">⊘</span> \(HTMLText.escape(problem))</p>\n"
        }
        if !step.captureFailures.isEmpty {
            html +=
                "<h4>Captures that failed</h4>\n"
                + HTMLVerdictSection.marked(step.captureFailures, mark: "✘", class: "bad")
        }
        if let summary = step.summary {
            html += "<p class=\"facts\">\(HTMLText.escape(summary))</p>\n"
        }
        if !step.assertions.isEmpty {
            html += assertions(step.assertions)
        }
        let warned = step.warnings.contains { !$0.passed }
        if !step.warnings.isEmpty {
            html += assertions(step.warnings, heading: "Warnings")
        }
        if let hint = step.hint, step.outcome == "failed" || step.outcome == "error" || warned {
            html += "<p class=\"hint\">Hint: \(HTMLText.escape(hint))</p>\n"
        }
        var facts = ["\(step.location)"]
        if step.attempts > 1 { facts.append("\(step.attempts) attempts (the last is shown)") }
        if let timings = step.timings { facts.append(HTMLTimingWaterfall.breakdown(timings)) }
        html += HTMLText.element("p", facts.joined(separator: " · "), class: "facts")
        if let request = step.request {
            html +=
                "<h4>Request</h4>\n"
                + transcript(
                    firstLine: "\(request.method) \(request.url)", headers: request.headers, body: request.body)
        }
        if let response = step.response {
            var note = "body \(HTMLFormat.bytes(response.bodySize))"
            if response.bodySize > response.bodyExcerpt.utf8.count { note += ", excerpt shown" }
            if !response.effectiveURL.isEmpty, response.effectiveURL != step.request?.url {
                note += ", final URL \(response.effectiveURL)"
            }
            html += "<h4>Response <small>\(HTMLText.escape(note))</small></h4>\n"
            html += transcript(
                firstLine: ResponseReport.firstLine(response, kind: step.kind, timings: step.timings),
                headers: response.headers,
                body: response.bodyExcerpt)
        }
        return html + "</div>\n"
    }

    /// Failed assertions first: they are why the reader opened the step.
    static func assertions(_ assertions: [AssertionReport], heading: String = "Assertions") -> String {
        let ordered = assertions.filter { !$0.passed } + assertions.filter(\.passed)
        let rows = ordered.map { assertion in
            [
                HTMLText.mark(assertion.passed),
                HTMLText.escape(assertion.title),
                assertion.expected.map { "<code>\(HTMLText.escape($0))</code>" } ?? "",
                assertion.actual.map { "<code>\(HTMLText.escape($0))</code>" } ?? "",
                "<code>\(HTMLText.escape(assertion.location)) \(HTMLText.escape(assertion.key))</code>",
            ]
        }
        let failed = assertions.count - assertions.filter(\.passed).count
        let title =
            failed == 0
            ? "\(heading) (\(assertions.count) held)" : "\(heading) (\(failed) of \(assertions.count) failed)"
        return "<h4>\(HTMLText.escape(title))</h4>\n"
            + HTMLText.table(
                header: ["Result", "Assertion", "Expected", "Actual", "Where"], rows: rows, class: "assertions")
    }

    /// The message as on the wire: first line, headers, blank line, body (already masked and cut).
    static func transcript(firstLine: String, headers: [HeaderReport], body: String?) -> String {
        var text = firstLine + "\n" + headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
        if let body, !body.isEmpty { text += "\n\n" + body }
        return "<pre class=\"transcript\">\(HTMLText.escape(text))</pre>\n"
    }
}
