/// The criteria with what was measured, so a reader sees at once which limit a run crossed.
enum HTMLCriteriaTable {
    static func section(_ criteria: [CriterionReport]) -> String {
        let failed = criteria.filter { !$0.passed }.count
        let summary = failed == 0 ? "all \(criteria.count) held" : "\(failed) of \(criteria.count) did not hold"
        var html = "<section id=\"criteria\" aria-labelledby=\"criteria-title\">\n"
        html += "<h2 id=\"criteria-title\">Criteria <small>\(HTMLText.escape(summary))</small></h2>\n"
        html += HTMLText.table(
            header: ["Result", "Criterion", "Scope", "Severity", "Measured", "Defined at"],
            rows: criteria.map(row), class: "criteria")
        return html + "</section>\n"
    }

    static func row(_ criterion: CriterionReport) -> [String] {
        [
            result(criterion),
            "<code>\(HTMLText.escape(criterion.expression))</code>",
            HTMLText.escape(criterion.scope),
            HTMLText.escape(criterion.severity.rawValue),
            HTMLText.escape(criterion.measuredText),
            criterion.location.map { "<code>\(HTMLText.escape($0))</code>" } ?? "runbook default",
        ]
    }

    /// A warning that did not hold is flagged but does not fail the run, so it is not marked as a failure.
    static func result(_ criterion: CriterionReport) -> String {
        if criterion.passed { return HTMLText.mark(true) }
        return criterion.severity == .warning ? "<span class=\"warn\">⚠ warning</span>" : HTMLText.mark(false)
    }
}
