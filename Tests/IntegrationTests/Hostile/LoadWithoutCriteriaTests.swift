import Foundation
import XCTest

/// A load section that no criterion judges is judged by the runbook's defaults: a load of 404s or 999s never
/// passes because the file asked no question.
final class LoadWithoutCriteriaTests: HostileServerTestCase {
    func testALoadOnlyFileWithoutCriteriaIsJudgedByTheRunbook() throws {
        let path = try scenario("name: Load only\nload:\n  url: /status-999\n  requests: 10\n  concurrency: 2\n")
        let run = try CommandLineRun.run(["run", path, "--base-url", server.baseURL, "--no-reports"], timeout: 60)
        XCTAssertEqual(run.exitCode, 1, run.output)
        XCTAssertTrue(
            run.stdout.contains("✘ error_rate <= 5%         error_rate = 100.00 % (999 × 10)"), run.stdout)
        XCTAssertTrue(run.stdout.contains("load: Load only (no criteria given: the runbook's)"), run.stdout)
    }

    func testALoadWithCriteriaOfItsOwnIsJudgedByThemOnly() throws {
        let yaml = """
            name: Load with criteria
            load:
              url: /ok
              requests: 10
              concurrency: 2
            criteria: [requests == 10]
            """
        let run = try CommandLineRun.run(
            ["run", try scenario(yaml), "--base-url", server.baseURL, "--no-reports"], timeout: 60)
        XCTAssertEqual(run.exitCode, 0, run.output)
        XCTAssertFalse(run.stdout.contains("the runbook's"), run.stdout)
    }
}
