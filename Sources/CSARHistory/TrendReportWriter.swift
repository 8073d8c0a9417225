import CSARCheck
import Foundation

/// Writes a trend's reports into one folder, each atomically: `trend.html`, `trend-junit.xml`, `trend.json`.
public struct TrendReportWriter: Sendable {
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Writes the three files; the outcome lists those written and, for the others, why not.
    public func write(_ report: TrendReport) -> ReportWriter.Outcome {
        ReportWriter.write(
            [
                ("trend.html", { Data(TrendHTMLReport.render(report).utf8) }),
                ("trend-junit.xml", { Data(TrendJUnitReport.xml(report).utf8) }),
                ("trend.json", { try Self.json(report) }),
            ], into: directory)
    }

    /// The report as JSON, written as the run report is (`JSONReport`).
    public static func json(_ report: TrendReport) throws -> Data {
        try JSONReport.encode(report)
    }
}
