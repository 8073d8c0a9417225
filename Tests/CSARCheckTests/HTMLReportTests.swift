import XCTest

@testable import CSARCheck

/// The page's structure: verdict first, criteria and steps with their details, load charts, a page
/// that loads nothing, and the same bytes for the same report.
final class HTMLReportTests: XCTestCase {
    func testPassingGateStartsWithTheVerdictThenCriteriaThenScenarios() throws {
        let html = HTMLReport.render(try HTMLReportFixtures.passing())
        let banner = try XCTUnwrap(html.range(of: "<header class=\"verdict passed\""))
        let criteria = try XCTUnwrap(html.range(of: "<section id=\"criteria\""))
        let scenarios = try XCTUnwrap(html.range(of: "<section id=\"scenarios\""))
        XCTAssertNil(
            html.range(of: "<section", range: html.startIndex..<banner.lowerBound), "nothing before the verdict")
        XCTAssertLessThan(banner.lowerBound, criteria.lowerBound)
        XCTAssertLessThan(criteria.lowerBound, scenarios.lowerBound)
        XCTAssertTrue(html.contains("<h1><span class=\"verdict-mark\" aria-hidden=\"true\">✔</span> PASSED</h1>"))
        XCTAssertTrue(html.contains("<title>PASSED — csar-check gate — https://csar.example.sn</title>"))
        XCTAssertTrue(
            html.contains("captured <code>reference = DEM-2026-000042</code>"), "captures show on the step's line")
        XCTAssertFalse(html.contains("<details open>"), "a passing run starts with every step closed")
        XCTAssertEqual(HTMLReportMarkup(html).tags(named: "svg").filter { $0.hasClass("waterfall") }.count, 3)
    }

    func testHeadHasCharsetCSPAndViewportAndThePageHasNoScript() throws {
        let html = HTMLReport.render(try HTMLReportFixtures.passing())
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
        XCTAssertTrue(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
            ))
        XCTAssertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        XCTAssertLessThan(
            try XCTUnwrap(html.range(of: "Content-Security-Policy")).lowerBound,
            try XCTUnwrap(html.range(of: "<style>")).lowerBound)
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertTrue(html.contains("@media print"))
    }

    func testFailingGateShowsFailuresCriteriaAndTheFailedStepOpen() throws {
        let report = try HTMLReportFixtures.failing()
        let html = HTMLReport.render(report)
        let markup = HTMLReportMarkup(html)
        XCTAssertTrue(html.contains("<header class=\"verdict failed\""))
        XCTAssertTrue(
            html.contains("<li><span class=\"bad\">✘</span> Submit demande: status expected 302, got 500</li>"))
        XCTAssertTrue(
            html.contains("<li><span class=\"warn\">⚠</span> criterion p95 &lt; 1s (warning): p95 = 1.2 s</li>"))
        let criteriaTable = try XCTUnwrap(html.components(separatedBy: "<table class=\"criteria\">").dropFirst().first)
        let criteriaBody = try XCTUnwrap(criteriaTable.components(separatedBy: "</table>").first)
        XCTAssertEqual(
            criteriaBody.components(separatedBy: "<tr>").count - 1, report.criteria.count + 1, "header + one row each")
        XCTAssertTrue(
            criteriaBody.contains(
                "<td><span class=\"bad\">✘ fail</span></td><td><code>max &lt; 2s</code></td><td>run</td><td>error</td><td>max = 2.412 s</td>"
            ))
        XCTAssertTrue(criteriaBody.contains("<span class=\"warn\">⚠ warning</span>"))
        XCTAssertEqual(
            markup.tags(named: "details").filter { $0.has("open") }.count, 3,
            "failed, skipped and error steps start open")
        XCTAssertTrue(
            html.contains(
                "<td><span class=\"bad\">✘ fail</span></td><td>status 302</td><td><code>302</code></td><td><code>500</code></td>"
                    + "<td><code>Scenarios/demande-form.yaml:30:9 status</code></td>"))
        XCTAssertTrue(
            html.contains(
                "<pre class=\"transcript\">POST https://csar.example.sn/demandes\nContent-Type: application/x-www-form-urlencoded"
            ))
        XCTAssertTrue(
            html.contains(
                "HTTP/2 500\nContent-Type: text/html; charset=UTF-8\n\n&lt;h1&gt;Server Error&lt;/h1&gt;</pre>"))
        XCTAssertTrue(html.contains("failed during waiting (timeout): Operation timed out after 10001 ms"))
        XCTAssertTrue(html.contains("<span class=\"skip\">⊘ skipped</span>"))
        XCTAssertTrue(html.contains("<span class=\"request\">POST /demandes → 500</span>"))
    }

    func testRunMetadata() throws {
        var report = try HTMLReportFixtures.failing()
        report.interrupted = true
        let html = HTMLReport.render(report)
        for (term, value) in [
            ("Command", "gate"), ("Target", "https://csar.example.sn"), ("Host", "ci-runner-1"),
            ("Started", "2026-11-18 11:06:40.000 UTC"), ("Finished", "2026-11-18 11:06:45.500 UTC"),
            ("Duration", "5.50 s"), ("Interrupted", "yes — partial results"),
        ] {
            XCTAssertTrue(html.contains("<dt>\(term)</dt><dd>\(value)</dd>"), term)
        }
        XCTAssertTrue(html.contains("exit code 1 · interrupted"))
    }

    func testLoadRunHasFourChartsSummaryAndTables() throws {
        let report = try HTMLReportFixtures.load()
        let html = HTMLReport.render(report)
        let svgs = HTMLReportMarkup(html).tags(named: "svg")
        for kind in ["latency-timeline", "throughput", "status-codes", "latency-distribution"] {
            let chart = try XCTUnwrap(svgs.first { $0.value("id") == "load-1-\(kind)" }, kind)
            XCTAssertTrue(chart.hasClass("chart") && chart.hasClass(kind), kind)
            XCTAssertEqual(chart.value("role"), "img")
            XCTAssertEqual(chart.value("aria-labelledby"), "load-1-\(kind)-title load-1-\(kind)-desc")
            XCTAssertTrue(html.contains("<title id=\"load-1-\(kind)-title\">"), kind)
        }
        let p50 = try XCTUnwrap(
            html.components(separatedBy: "<path class=\"series p50\" d=\"").dropFirst().first?.prefix { $0 != "\"" })
        XCTAssertEqual(p50.filter { $0 == "L" }.count, 59, "one point per second of the 60")
        XCTAssertEqual(
            html.components(separatedBy: "<rect class=\"bar server\"").count - 1, 2, "second 42's bar and the legend's")
        for text in [
            "target 50.0 req/s", ">99.9%<", ">99.99%<", "latency (ms)", "requests per second", "time since start (s)",
            "<dt>availability</dt>", "Open-model schedule", "Transport errors by phase", "Latency by phase",
            "The generator fell behind the schedule 12 times",
        ] {
            XCTAssertTrue(html.contains(text), text)
        }
        for histogram in report.loads[0].histograms.values {
            XCTAssertFalse(html.contains(histogram), "histogram encodings stay in the JSON report")
        }
        XCTAssertLessThan(html.utf8.count, 200_000)
    }

    func testAnHourLongRunIsDrawnInBinsAndStaysSmall() throws {
        let html = HTMLReport.render(try HTMLReportFixtures.load(seconds: 3600))
        XCTAssertTrue(html.contains("time since start (s), 30-second bins"))
        let p50 = try XCTUnwrap(
            html.components(separatedBy: "<path class=\"series p50\" d=\"").dropFirst().first?.prefix { $0 != "\"" })
        XCTAssertEqual(p50.filter { $0 == "L" }.count, 119)
        XCTAssertLessThan(html.utf8.count, 300_000)
    }

    func testSameReportRendersToTheSameBytes() throws {
        let report = try HTMLReportFixtures.load()
        XCTAssertEqual(HTMLReport.render(report), HTMLReport.render(report))
        let failing = try HTMLReportFixtures.failing()
        XCTAssertEqual(HTMLReport.render(failing), HTMLReport.render(failing))
    }
}

extension HTMLReportMarkup.Tag {
    func value(_ attribute: String) -> String? {
        attributes.first { $0.name == attribute }?.value
    }

    func has(_ attribute: String) -> Bool {
        attributes.contains { $0.name == attribute }
    }

    func hasClass(_ name: String) -> Bool {
        (value("class") ?? "").split(separator: " ").contains { $0 == name }
    }
}
