import CSARCheck
import DemoSite
import Foundation
import XCTest

/// A load counts the answers it did not expect: the 429s of a throttled API turn the shipped nightly API load
/// red (error_rate), shown by status, unless the load section says it expects them.
final class UnexpectedStatusTests: XCTestCase {
    /// `Scenarios/nightly-api.yaml` as shipped, shortened to `seconds` at `rate` requests per second (above the
    /// limits of the sites below, which its shipped 30 a minute stays under).
    private func nightlyAPI(seconds: Double, rate: Double, expectStatus: String? = nil) throws -> Scenario {
        var text = try String(contentsOfFile: RepositoryPaths.scenario("nightly-api.yaml"), encoding: .utf8)
        if let expectStatus {
            text = text.replacingOccurrences(of: "load:\n", with: "load:\n  expect_status: \(expectStatus)\n")
        }
        var scenario = try ScenarioLoader().load(text: text, file: RepositoryPaths.scenario("nightly-api.yaml"))
        scenario.load?.duration = seconds
        scenario.load?.rate = rate
        return scenario
    }

    private func run(_ scenario: Scenario, baseURL: String) async -> RunReport {
        let configuration = RunConfiguration(
            baseURL: baseURL, transfer: TransferOptions(connectTimeout: 5, totalTimeout: 10))
        let results = await DedicatedThread.run {
            SuiteRun(
                scenarios: [scenario], configuration: configuration,
                reporter: ConsoleReporter(style: .init(colored: false)) { _ in }
            )
            .execute()
        }
        return RunReportBuilder(command: "run", target: baseURL, startedAt: Date(), runCriteria: [])
            .report(scenarios: [scenario], results: results.scenarios, loads: results.loads)
    }

    func testThrottledAPITurnsTheNightlyLoadRed() async throws {
        var configuration = DemoSiteConfiguration()
        configuration.apiRequestsPerMinute = 20
        try await DemoSiteFixture.with(configuration: configuration) { demo in
            let report = await run(try nightlyAPI(seconds: 3, rate: 20), baseURL: demo.baseURL)
            let load = try XCTUnwrap(report.loads.first)
            let throttled = load.statusCounts.first { $0.status == 429 }?.count ?? 0
            XCTAssertGreaterThan(throttled, 5, "\(load.statusCounts)")
            XCTAssertEqual(load.unexpectedStatusCounts, [StatusCount(status: 429, count: throttled)])
            XCTAssertEqual(
                load.availability, 100, accuracy: 1e-9, "a 429 is an answer: availability alone stayed green")
            XCTAssertFalse(report.verdict.passed)
            let errorRate = try XCTUnwrap(report.criteria.first { $0.expression == "error_rate <= 5%" })
            XCTAssertFalse(errorRate.passed)
            XCTAssertTrue(errorRate.measuredText.hasSuffix("(429 × \(throttled))"), errorRate.measuredText)
            let html = HTMLReport.render(report)
            XCTAssertTrue(html.contains("✘ 429 unexpected"), "the HTML status table marks the 429s")
        }
    }

    func testALoadThatExpectsThe429sJudgesOnlyTheRest() async throws {
        var configuration = DemoSiteConfiguration()
        configuration.apiRequestsPerMinute = 20
        try await DemoSiteFixture.with(configuration: configuration) { demo in
            let report = await run(
                try nightlyAPI(seconds: 3, rate: 20, expectStatus: "[2xx, 429]"), baseURL: demo.baseURL)
            let load = try XCTUnwrap(report.loads.first)
            XCTAssertGreaterThan(load.statusCounts.first { $0.status == 429 }?.count ?? 0, 5)
            XCTAssertEqual(load.unexpectedResponses, 0)
            XCTAssertEqual(load.expectedStatus.list, "2xx, 429")
            XCTAssertTrue(report.verdict.passed, report.verdict.failures.joined(separator: "\n"))
        }
    }

    /// Real Laravel's `throttle:api` (60 a minute per client) against the shipped nightly API load at 50 req/s.
    func testRealLaravelThrottleTurnsTheNightlyLoadRed() async throws {
        let stack = try LaravelStack.healthy()
        defer { try? stack.reset() }
        let report = await run(try nightlyAPI(seconds: 4, rate: 50), baseURL: stack.baseURL)
        let load = try XCTUnwrap(report.loads.first)
        XCTAssertGreaterThan(
            load.unexpectedStatusCounts.first { $0.status == 429 }?.count ?? 0, 20, "\(load.statusCounts)")
        XCTAssertFalse(report.criteria.first { $0.expression == "error_rate <= 5%" }?.passed ?? true)
        XCTAssertFalse(report.verdict.passed)
    }

    func testAStepWhoseStatusIsNotExpectedCountsAsARequestInError() async throws {
        try await DemoSiteFixture.with { demo in
            let yaml = """
                criteria: [error_rate <= 5%, unexpected == 0]
                steps:
                  - { url: /page-qui-nexiste-pas }
                  - { url: /demande, method: POST, form: { nom: x }, expect: { status: 419 } }
                  - { url: / }
                """
            let scenario = try ScenarioLoader().load(text: yaml, file: "inline.yaml")
            let report = await run(scenario, baseURL: demo.baseURL)
            let rate = try XCTUnwrap(report.criteria.first { $0.expression == "error_rate <= 5%" })
            XCTAssertEqual(
                rate.measuredText, "error_rate = 33.33 % (404 × 1)", "the 404 had no status check, the 419 was expected"
            )
            XCTAssertEqual(
                report.criteria.first { $0.expression == "unexpected == 0" }?.measuredText, "unexpected = 1 (404 × 1)")
        }
    }
}
