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
        let started = Date()
        var outcome = ReportWriter.Outcome()
        let files: [(String, () throws -> Data)] = [
            ("trend.html", { Data(TrendHTMLReport.render(report).utf8) }),
            ("trend-junit.xml", { Data(TrendJUnitReport.xml(report).utf8) }),
            ("trend.json", { try Self.json(report) }),
        ]
        for (name, render) in files {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                try ReportFile.write(try render(), to: path)
                outcome.written.append(path)
            } catch {
                outcome.errors.append("cannot write \(path): \(error.localizedDescription)")
            }
        }
        outcome.duration = Date().timeIntervalSince(started)
        return outcome
    }

    /// The report as JSON, written as the run report is (`JSONReport`).
    public static func json(_ report: TrendReport) throws -> Data {
        try JSONReport.encode(report)
    }
}
