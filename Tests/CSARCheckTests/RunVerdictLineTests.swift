import Foundation
import XCTest

@testable import CSARCheck

/// The verdict line names failed and skipped steps apart: a step not sent because an earlier one failed is
/// not one more failure, nor is a step left out on purpose (`when:`, `--skip`).
final class RunVerdictLineTests: XCTestCase {
    private func step(_ outcome: StepResult.Outcome, _ name: String) -> StepResult {
        var step = StepResult(
            name: name, location: SourceLocation(file: "f.yaml", line: 1, column: 1), outcome: outcome, assertions: [],
            captures: [], captureFailures: [], attempts: 1, startedAt: Date())
        if outcome == .skipped {
            step.problem = "not sent: it needs {{ token }}, which an earlier step did not capture"
        }
        if outcome == .failed {
            step.captureFailures = ["capture token: no form field named '_token' with a value in the page"]
        }
        return step
    }

    func testSkippedStepsAreCountedAsSkipped() {
        let steps =
            (1...7).map { step(.failed, "failed \($0)") } + [step(.skipped, "later 1"), step(.skipped, "later 2")]
        let result = ScenarioResult(
            name: "login", file: "f.yaml", baseURL: "https://csar.sn", steps: steps, startedAt: Date(), duration: 0)
        let report = RunReportBuilder(command: "run", target: "https://csar.sn", startedAt: Date(), runCriteria: [])
            .report(scenarios: [], results: [result])
        XCTAssertEqual(report.verdict.headline, "FAILED — 7 step(s) failed, 2 skipped")
        XCTAssertEqual(report.verdict.exitCode, 1)
        XCTAssertEqual(
            report.verdict.failures.last,
            "login › failed 7: capture token: no form field named '_token' with a value in the page",
            "skipped steps are not failures: the step that stopped them is")
    }

    func testAScenarioWhoseOnlyNonPassingStepsWereLeftOutPasses() {
        var conditional = step(.skipped, "attachment")
        conditional.problem = "skipped: when: {{ attachment_field }} is empty"
        let result = ScenarioResult(
            name: "demande", file: "f.yaml", baseURL: "https://csar.sn", steps: [step(.passed, "form"), conditional],
            startedAt: Date(), duration: 0)
        XCTAssertTrue(result.passed)
        let report = RunReportBuilder(command: "run", target: "https://csar.sn", startedAt: Date(), runCriteria: [])
            .report(scenarios: [], results: [result])
        XCTAssertEqual(report.verdict.exitCode, 0)
        XCTAssertEqual(report.verdict.failures, [])
    }

    func testStepsThatSentNothingAreNoRequests() {
        var answered = step(.passed, "page")
        answered.response = ResponseRecord(
            status: 200, httpVersion: "1.1", headers: [], bodyExcerpt: "", bodySize: 0, timings: .init(),
            effectiveURL: "")
        let formMissing = step(.failed, "submit a form that is not there")
        let measured = Measurements(steps: [answered, formMissing, step(.skipped, "later")])
        XCTAssertEqual(measured.requests, 1)
        XCTAssertEqual(measured.value(of: .errorRate), 0)
    }
}
