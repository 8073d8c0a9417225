import Foundation

/// Writes every report of a run into one folder, each atomically, with stable names CI can pick up:
/// `junit.xml`, `report.json`, `report.html`.
public struct ReportWriter: Sendable {
    public var directory: String
    /// Renders the HTML report; injected so the writer does not depend on how the page is built.
    public var renderHTML: @Sendable (RunReport) -> String

    public init(directory: String, renderHTML: @escaping @Sendable (RunReport) -> String) {
        self.directory = directory
        self.renderHTML = renderHTML
    }

    public struct Outcome: Sendable {
        public var written: [String] = []
        public var errors: [String] = []
        /// Seconds spent rendering and writing.
        public var duration: Double = 0
    }

    public func write(_ report: RunReport) -> Outcome {
        let started = Date()
        var outcome = Outcome()
        let files: [(String, () throws -> Data)] = [
            ("junit.xml", { Data(JUnitReport(report: report).xml().utf8) }),
            ("report.json", { try JSONReport.encode(report) }),
            ("report.html", { Data(renderHTML(report).utf8) }),
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
}
