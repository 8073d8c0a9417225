import CSARHistory
import Foundation
import XCTest

@testable import CSARCheck

/// The trend's reports from a recorded history: the page, the JUnit file, the JSON; and the samples the
/// headless-browser test opens (written when `CSAR_HTML_SAMPLES_DIR` is set).
final class TrendReportTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("csar-trend-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testARegressionReadsTheSameInEveryReport() throws {
        let store = try TrendReportSamples.history(
            at: folder.appendingPathComponent("h.sqlite").path, runs: 20, shiftAt: 14)
        let report = try TrendReportSamples.trend(store)
        XCTAssertEqual(report.verdict.status, .regression)
        let finding = try XCTUnwrap(report.verdict.regressions.first { $0.metric == .p50 })
        XCTAssertEqual(finding.startedAtRun, 15)

        let html = TrendHTMLReport.render(report)
        XCTAssertTrue(html.contains("<h1><span class=\"verdict-mark\" aria-hidden=\"true\">✘</span> REGRESSION</h1>"))
        XCTAssertEqual(html.components(separatedBy: "class=\"chart trend\"").count - 1, report.series.count)
        XCTAssertTrue(html.contains("class=\"changepoint\""))
        XCTAssertTrue(html.contains("<a href=\"#run-20\">#20</a>"))
        XCTAssertTrue(html.contains("id=\"run-20\""))
        XCTAssertFalse(html.contains("<script"))

        let xml = TrendJUnitReport.xml(report)
        XCTAssertTrue(xml.contains("tests=\"\(report.series.count)\""))
        XCTAssertTrue(xml.contains("<testcase name=\"p50\" classname=\"load: Nightly load — home\""), xml)
        XCTAssertTrue(xml.contains("<failure type=\"regression\""))

        let json = try JSONSerialization.jsonObject(with: TrendReportWriter.json(report)) as? [String: Any]
        XCTAssertEqual(json?["schemaVersion"] as? Int, 1)
        XCTAssertEqual((json?["series"] as? [Any])?.count, report.series.count)

        let text = TrendVerdictText.render(report)
        XCTAssertTrue(text.contains("✘ REGRESSION"), text)
        XCTAssertTrue(text.contains("since run #15"), text)
    }

    func testAShortHistorySaysItIsTooShortAndSkipsItsTestcases() throws {
        let store = try TrendReportSamples.history(at: folder.appendingPathComponent("h.sqlite").path, runs: 4)
        let report = try TrendReportSamples.trend(store)
        XCTAssertEqual(report.verdict.status, .insufficientHistory)
        XCTAssertEqual(report.verdict.exitCode, 0)
        XCTAssertTrue(
            report.verdict.headline.hasPrefix("NOT ENOUGH HISTORY — 4 comparable run(s)"), report.verdict.headline)
        let xml = TrendJUnitReport.xml(report)
        XCTAssertTrue(xml.contains("skipped=\"\(report.series.count)\""), xml)
    }

    func testWriteSamplesForTheBrowser() throws {
        guard let samples = ProcessInfo.processInfo.environment["CSAR_HTML_SAMPLES_DIR"], !samples.isEmpty else {
            throw XCTSkip("set CSAR_HTML_SAMPLES_DIR to write the browser test's samples")
        }
        let regression = try TrendReportSamples.history(
            at: folder.appendingPathComponent("r.sqlite").path, runs: 20, shiftAt: 14,
            loadName: "<script>alert(1)</script> home")
        let short = try TrendReportSamples.history(at: folder.appendingPathComponent("s.sqlite").path, runs: 4)
        for (name, store) in [("trend-regression", regression), ("trend-short", short)] {
            let outcome = TrendReportWriter(directory: "\(samples)/\(name)").write(try TrendReportSamples.trend(store))
            XCTAssertEqual(outcome.errors, [])
        }
    }
}
