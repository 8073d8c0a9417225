import Foundation
import XCTest

/// A suite file's `criteria:` judge the files it lists wherever the suite is named — with other files too, as
/// `gate` and `nightly` name theirs — in place of the run-wide criteria, which judge the rest of the run.
final class SuiteCriteriaTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try TemporaryFolder.make()
        try write(
            "api.yaml",
            """
            name: API answers 500 on purpose
            steps:
              - { name: API in maintenance, url: /api/warehouses, expect: { status: 500 } }
            """)
        try write(
            "gate.yaml",
            """
            suite: Test gate
            scenarios: [api.yaml]
            criteria: [http_5xx <= 1, requests == 1]
            warnings: [max <= 5s]
            """)
        try write(
            "load-home.yaml",
            """
            name: Load — test home
            load: { url: /, requests: 10, concurrency: 2 }
            """)
    }

    override func tearDown() {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    private func write(_ name: String, _ text: String) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// The gate runs its suite and a load file: the suite's criteria replace the runbook's for the suite's
    /// files (a 500 the step expects is allowed there), and the runbook's still judge the load.
    func testTheGateSuitesCriteriaReplaceTheRunbooksForItsFiles() async throws {
        try await DemoSiteFixture.with(faults: ["500:/api/warehouses"]) { demo in
            let reports = folder.appendingPathComponent("reports")
            let run = try CommandLineRun.run([
                "gate", "--scenarios", folder.path, "--base-url", demo.baseURL, "--reports", reports.path,
            ])
            XCTAssertEqual(run.exitCode, 0, run.output)
            for line in [
                "✔ http_5xx <= 1", "✔ requests == 1", "✔ max <= 5s", "suite: Test gate",
                "✔ http_5xx == 0", "run except suite: Test gate",
            ] {
                XCTAssertTrue(run.stdout.contains(line), "\(line) in:\n\(run.stdout)")
            }
            let json =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: reports.appendingPathComponent("report.json"))) as? [String: Any]
            let criteria = try XCTUnwrap(json?["criteria"] as? [[String: Any]])
            let scopes = criteria.map { "\($0["scope"] ?? "") / \($0["expression"] ?? "")" }
            XCTAssertEqual(
                scopes,
                [
                    "run except suite: Test gate / max < 2s", "run except suite: Test gate / http_5xx == 0",
                    "run except suite: Test gate / availability >= 99.5%",
                    "run except suite: Test gate / error_rate <= 5%",
                    "run except suite: Test gate / max <= 5s", "suite: Test gate / http_5xx <= 1",
                    "suite: Test gate / requests == 1", "suite: Test gate / max <= 5s",
                ])
            let junit = try JUnitCases(file: reports.appendingPathComponent("junit.xml"))
            XCTAssertTrue(
                junit.passed.contains { $0.title.contains("suite: Test gate / requests == 1") }, "\(junit.cases)")
        }
    }

    /// Named with another file, a suite's criteria measure only the files it lists: the load's requests are
    /// not the suite's, and a criterion of the suite that fails turns the run red.
    func testASuitesCriteriaJudgeItsOwnFilesAlongsideOthers() async throws {
        try await DemoSiteFixture.with(faults: ["500:/api/warehouses"]) { demo in
            try write("strict.yaml", "suite: Strict\nscenarios: [api.yaml]\ncriteria: [http_5xx == 0]\n")
            let run = try CommandLineRun.run([
                "run", folder.appendingPathComponent("strict.yaml").path,
                folder.appendingPathComponent("gate.yaml").path,
                folder.appendingPathComponent("load-home.yaml").path, "--base-url", demo.baseURL, "--no-reports",
            ])
            XCTAssertEqual(run.exitCode, 1, run.output)
            XCTAssertTrue(run.stdout.contains("criterion http_5xx == 0 [suite: Strict]: http_5xx = 1"), run.stdout)
            XCTAssertTrue(run.stdout.contains("✔ requests == 1"), "the gate suite counts its own file: \(run.stdout)")
            XCTAssertFalse(run.stdout.contains("run except"), "run has no run-wide criteria: \(run.stdout)")
        }
    }
}
