import CSARHistory
import Foundation
import XCTest

/// `csar-check nightly`: gate + nightly load, recorded, trend judged, all six reports, one exit code.
final class NightlyCommandTests: XCTestCase {
    /// Shaped as the shipped nightly load, a suite of two open-model loads (the home page, then the API at a
    /// rate its `throttle:api` allows), each two seconds instead of a minute.
    private static let shortNightly: [(file: String, text: String)] = [
        ("nightly.yaml", "suite: Nightly load — test\nscenarios: [nightly-home.yaml, nightly-api.yaml]\n"),
        (
            "nightly-home.yaml",
            """
            name: Nightly load — test home
            load: { url: /, rate: 20, duration: 2s, concurrency: 5, keep_alive: true }
            criteria: [http_5xx == 0, error_rate <= 5%]
            """
        ),
        (
            "nightly-api.yaml",
            """
            name: Nightly load — test API
            load: { url: /api/warehouses, rate: 5, duration: 2s, concurrency: 2, keep_alive: true }
            criteria: [http_5xx == 0, error_rate <= 5%]
            """
        ),
    ]

    func testANightlyRunRecordsJudgesAndWritesEveryReport() async throws {
        try await DemoSiteFixture.with { demo in
            let folder = try TemporaryFolder.make()
            for (file, text) in Self.shortNightly {
                try text.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
            }
            let nightly = folder.appendingPathComponent("nightly.yaml")
            let history = folder.appendingPathComponent("cache/nightly.sqlite").path
            let reports = folder.appendingPathComponent("reports")
            let arguments = [
                "nightly", "--history", history, "--base-url", demo.baseURL, "--nightly", nightly.path,
                "--reports", reports.path, "--label", "release=2.3", "--skip", "production",
            ]
            let first = try CommandLineRun.run(arguments, environment: demo.adminEnvironment, timeout: 120)
            XCTAssertEqual(first.exitCode, 0, first.output)
            XCTAssertTrue(first.stdout.contains("History: run #1 recorded"), first.stdout)
            XCTAssertTrue(first.stdout.contains("✔ NOT ENOUGH HISTORY — 1 comparable run(s)"), first.stdout)
            XCTAssertTrue(first.stdout.contains("Nightly: PASSED (exit 0)"), first.stdout)
            for name in ["junit.xml", "report.json", "report.html", "trend.html", "trend-junit.xml", "trend.json"] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: reports.appendingPathComponent(name).path), name)
            }
            let recorded = try HistoryStore(path: history, create: false).runs()
            XCTAssertEqual(recorded.map(\.command), ["nightly"])
            XCTAssertEqual(
                recorded[0].loads.map(\.name),
                ["Load — home page (runbook)", "Nightly load — test home", "Nightly load — test API"])
            XCTAssertEqual(recorded[0].loads.map(\.requests), [50, 40, 10])
            XCTAssertEqual(recorded[0].labelText, "release=2.3")

            // A failing gate fails the night, and is recorded too.
            try demo.site.faults.apply(spec: "500:/api/warehouses")
            let second = try CommandLineRun.run(arguments, environment: demo.adminEnvironment, timeout: 120)
            XCTAssertEqual(second.exitCode, 1, second.output)
            XCTAssertTrue(second.stdout.contains("Nightly: FAILED (exit 1)"), second.stdout)
            XCTAssertEqual(try HistoryStore(path: history, create: false).runs(.summary).map(\.exitCode), [0, 1])
        }
    }

    func testNightlyNeedsAHistoryFile() throws {
        let run = try CommandLineRun.run(["nightly", "--base-url", "http://127.0.0.1:9"])
        XCTAssertEqual(run.exitCode, 2, run.output)
        XCTAssertTrue(run.stderr.contains("nightly needs --history FILE"), run.stderr)
    }
}
