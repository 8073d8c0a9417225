import Foundation
import XCTest

@testable import CSARCheck

/// What CI servers show of a run: a warning that did not hold passes (said in its suite's system-out, not as a
/// skipped test), a run cut short by a signal ends with an `interrupted` error even when every step it ran
/// passed, and a failed step's message carries its hint.
final class JUnitReportTests: XCTestCase {
    private func report(interrupted: Bool) throws -> RunReport {
        let criterion = try Criterion(parsing: "p99 < 1s", severity: .warning)
        let warning = CriterionReport(CriterionResult(criterion: criterion, scope: "run", measured: 1.5))
        var step = StepResult(
            name: "Right credentials log in", location: .init(file: "admin-login.yaml", line: 3, column: 5),
            outcome: .failed,
            assertions: [
                AssertionResult(
                    key: "steps[3].expect.status", location: .init(file: "admin-login.yaml", line: 9, column: 15),
                    title: "status one of 302, 303", failure: CheckFailure(expected: "302, 303", actual: "200"))
            ], captures: [], captureFailures: [], attempts: 1, startedAt: Date())
        step.hint = "check CSAR_ADMIN_PASSWORD"
        let passed = StepResult(
            name: "Login form loads", location: .init(file: "admin-login.yaml", line: 1, column: 5), outcome: .passed,
            assertions: [], captures: [], captureFailures: [], attempts: 1, startedAt: Date())
        let scenario = ScenarioResult(
            name: "Admin login", file: "admin-login.yaml", baseURL: "https://csar.sn",
            steps: interrupted ? [passed] : [passed, step], startedAt: Date(), duration: 1)
        return RunReport(
            command: "gate", target: "https://csar.sn", startedAt: Date(), finishedAt: Date(), interrupted: interrupted,
            verdict: VerdictReport(passed: false, exitCode: interrupted ? 130 : 1, headline: "FAILED"),
            criteria: [warning], scenarios: [ScenarioReport(scenario)])
    }

    func testAWarningPassesAndIsSaidInItsSuitesOutput() throws {
        let xml = JUnitReport(report: try report(interrupted: false)).xml()
        XCTAssertFalse(xml.contains("<skipped"), xml)
        XCTAssertTrue(xml.contains(#"<testcase name="run / p99 &lt; 1s" classname="criteria" time="0.000"/>"#), xml)
        XCTAssertTrue(xml.contains("<system-out>warning: run / p99 &lt; 1s: measured p99 = 1.500 s</system-out>"), xml)
        let message = "status one of 302, 303: expected 302, 303, got 200 — hint: check CSAR_ADMIN_PASSWORD"
        XCTAssertTrue(xml.contains("message=\"\(message)\""), xml)
    }

    func testAnInterruptedRunEndsWithAnError() throws {
        let xml = JUnitReport(report: try report(interrupted: true)).xml()
        XCTAssertTrue(xml.contains(#"<testcase name="interrupted" classname="run""#), xml)
        let message = "the run was interrupted: results are partial (1 scenario file(s) ran)"
        XCTAssertTrue(xml.contains("<error type=\"interrupted\" message=\"\(message)\">"), xml)
        XCTAssertFalse(JUnitReport(report: try report(interrupted: false)).xml().contains(#"classname="run""#))
    }
}
