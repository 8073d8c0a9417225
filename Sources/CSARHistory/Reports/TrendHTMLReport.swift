import CSARCheck
import Foundation

/// The trend as one self-contained page, like the run report (same stylesheet, same security policy: no
/// script, no network): the verdict first, then one line chart per series — the baseline band, the
/// tolerance limit, the change points and the runs that regressed marked — then the runs table with
/// each run's details.
public enum TrendHTMLReport {
    /// `trend.html`: the whole page.
    public static func render(_ report: TrendReport) -> String {
        var body = TrendHTMLSections.verdict(report)
        body += TrendHTMLSections.navigation(report)
        body += TrendHTMLSections.seriesSections(report)
        body += TrendHTMLSections.runsTable(report)
        let title = "\(report.verdict.status.rawValue.uppercased()) — csar-check trend — \(report.history)"
        return HTMLReport.page(title: title, body: body, extraCSS: TrendHTMLStyle.css)
    }
}
