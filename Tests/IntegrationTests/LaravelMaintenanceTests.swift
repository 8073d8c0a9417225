import Foundation
import XCTest

/// Real `php artisan down --secret`: 503 with no Retry-After and a page that only says "Service Unavailable".
/// csar-check still names maintenance mode and the bypass secret, for steps and for load runs, and a wrong
/// secret is reported with every report written.
final class LaravelMaintenanceTests: XCTestCase {
    func testA503HomePageNamesMaintenanceModeForStepsAndLoads() throws {
        let stack = try LaravelStack.healthy()
        try stack.down()
        defer { try? stack.reset() }
        let reports = try TemporaryFolder.make()
        let run = try CommandLineRun.run(
            [
                "run", "Scenarios/smoke.yaml", "Scenarios/load-home.yaml", "--base-url", stack.baseURL, "--reports",
                reports.path,
            ],
            timeout: 120)
        XCTAssertEqual(run.exitCode, 1, run.output)
        XCTAssertTrue(
            run.stdout.contains(
                "The home page answers 503 Service Unavailable (3 of 3 requests): the site is most "
                    + "likely in maintenance mode"), run.stdout)
        XCTAssertTrue(run.stdout.contains("(50 of 50 load requests)"), run.stdout)
        XCTAssertTrue(run.stdout.contains("--bypass-secret SECRET or the CSAR_BYPASS_SECRET environment variable"))
        let json = try String(contentsOfFile: reports.appendingPathComponent("report.json").path, encoding: .utf8)
        XCTAssertTrue(json.contains("most likely in maintenance mode"), "the note is in the reports")

        let load = try CommandLineRun.run(
            ["load", stack.baseURL + "/", "-n", "10", "-c", "2", "--no-reports"], timeout: 60)
        XCTAssertEqual(load.exitCode, 1, load.output)
        XCTAssertTrue(
            load.stdout.contains("⚠ The home page answers 503 Service Unavailable (10 of 10 load requests)"),
            load.stdout)
    }

    func testAWrongSecretIsReportedAndEveryReportWritten() throws {
        let stack = try LaravelStack.healthy()
        try stack.down()
        defer { try? stack.reset() }
        let reports = try TemporaryFolder.make()
        let run = try CommandLineRun.run(
            [
                "gate", "--base-url", stack.baseURL, "--reports", reports.path, "--bypass-secret",
                "not-" + stack.bypassSecret,
            ],
            environment: stack.adminEnvironment, timeout: 120)
        XCTAssertEqual(run.exitCode, 2, run.output)
        XCTAssertTrue(run.stderr.contains("maintenance bypass refused"), run.stderr)
        XCTAssertFalse(run.output.contains(stack.bypassSecret))
        for name in ["junit.xml", "report.json", "report.html"] {
            let text = try String(contentsOfFile: reports.appendingPathComponent(name).path, encoding: .utf8)
            XCTAssertTrue(text.contains("maintenance bypass refused"), name)
            XCTAssertFalse(text.contains(stack.bypassSecret), name)
        }
    }
}
