/// Renders a run as one self-contained HTML page: the verdict first, then the criteria, the load runs
/// with their charts and each scenario's steps. Inline CSS and inline SVG only — no script, no font,
/// no image, no link — so it opens from disk or a CI artifact store without any network access.
///
/// The report's values are already masked; the renderer treats every one of them as hostile text:
/// all are escaped, none reach a URL, style or event attribute, and a Content-Security-Policy forbids
/// loading or running anything should an escaping bug ever slip through.
/// Output is a pure function of the report: the same report renders to the same bytes.
public enum HTMLReport {
    /// Forbids scripts, network requests and external resources; only our inline CSS and `data:` images.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    /// The complete page for `report`.
    public static func render(_ report: RunReport) -> String {
        var body = HTMLVerdictSection.banner(report.verdict, interrupted: report.interrupted)
        body += navigation(report)
        body += HTMLVerdictSection.metadata(report)
        if !report.criteria.isEmpty {
            body += HTMLCriteriaTable.section(report.criteria)
        }
        for (index, load) in report.loads.enumerated() {
            body += HTMLLoadSection.section(load, id: "load-\(index + 1)")
        }
        if !report.scenarios.isEmpty {
            body += HTMLScenarioSection.sections(report.scenarios)
        }
        return page(title: title(report), body: body)
    }

    static func title(_ report: RunReport) -> String {
        "\(report.verdict.passed ? "PASSED" : "FAILED") — csar-check \(report.command) — \(report.target)"
    }

    /// The page around `body`; `extraCSS` adds rules for another page built on the same stylesheet.
    package static func page(title: String, body: String, extraCSS: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
        <meta name="referrer" content="no-referrer">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="csar-check">
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(HTMLStyle.css)\(extraCSS)
        </style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// In-page links to the sections; the fragments are our own ids, never report values.
    static func navigation(_ report: RunReport) -> String {
        var links: [(String, String)] = [("#run", "Run")]
        if !report.criteria.isEmpty { links.append(("#criteria", "Criteria")) }
        for (index, load) in report.loads.enumerated() {
            links.append(("#load-\(index + 1)", "Load: \(load.name)"))
        }
        if !report.scenarios.isEmpty { links.append(("#scenarios", "Scenarios (\(report.scenarios.count))")) }
        let items = links.map { "<li><a href=\"\($0.0)\">\(HTMLText.escape($0.1))</a></li>" }
        return "<nav aria-label=\"Sections\"><ul>" + items.joined() + "</ul></nav>\n"
    }
}
