/// The top of the page: the verdict banner a reader sees first, then what ran where and when.
package enum HTMLVerdictSection {
    static func banner(_ verdict: VerdictReport, interrupted: Bool) -> String {
        let state = verdict.passed ? "passed" : "failed"
        var html = "<header class=\"verdict \(state)\" role=\"status\">\n"
        html += "<h1><span class=\"verdict-mark\" aria-hidden=\"true\">\(verdict.passed ? "✔" : "✘")</span> "
        html += "\(verdict.passed ? "PASSED" : "FAILED")</h1>\n"
        html += HTMLText.element("p", verdict.headline, class: "headline")
        var facts = ["exit code \(verdict.exitCode)"]
        if interrupted { facts.append("interrupted: the figures cover the run until it was stopped") }
        html += HTMLText.element("p", facts.joined(separator: " · "), class: "facts")
        if !verdict.failures.isEmpty {
            html +=
                "<h2>Failures (\(verdict.failures.count))</h2>\n" + marked(verdict.failures, mark: "✘", class: "bad")
        }
        if !verdict.warnings.isEmpty {
            html +=
                "<h2>Warnings (\(verdict.warnings.count))</h2>\n" + marked(verdict.warnings, mark: "⚠", class: "warn")
        }
        return html + "</header>\n"
    }

    /// Lines that each carry their mark in text, so they read the same in grey print.
    package static func marked(_ lines: [String], mark: String, class className: String) -> String {
        "<ul class=\"marked\">"
            + lines.map { "<li><span class=\"\(className)\">\(mark)</span> \(HTMLText.escape($0))</li>" }.joined()
            + "</ul>\n"
    }

    static func metadata(_ report: RunReport) -> String {
        let rows: [(String, String)] = [
            ("Tool", report.tool),
            ("Command", report.command),
            ("Target", report.target),
            ("Host", report.hostname),
            ("Started", HTMLFormat.date(report.startedAt)),
            ("Finished", HTMLFormat.date(report.finishedAt)),
            ("Duration", HTMLFormat.seconds(report.finishedAt.timeIntervalSince(report.startedAt))),
            ("Interrupted", report.interrupted ? "yes — partial results" : "no"),
            ("Report schema", "version \(report.schemaVersion)"),
        ]
        var html =
            "<section id=\"run\" aria-labelledby=\"run-title\">\n<h2 id=\"run-title\">Run</h2>\n<dl class=\"meta\">"
        html += rows.map { "<dt>\(HTMLText.escape($0.0))</dt><dd>\(HTMLText.escape($0.1))</dd>" }.joined()
        html += "</dl>\n"
        if !report.notes.isEmpty {
            html += "<h3>Notes</h3>\n" + HTMLText.list(report.notes)
        }
        return html + "</section>\n"
    }
}
