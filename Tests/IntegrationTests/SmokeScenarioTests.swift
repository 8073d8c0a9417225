import CSARCheck
import XCTest

/// The shipped smoke suite against the demo site: green when healthy, red for a 500 and for a slow route.
final class SmokeScenarioTests: XCTestCase {
    private func smoke() throws -> Scenario {
        try ScenarioLoader().load(file: RepositoryPaths.scenario("smoke.yaml"))
    }

    func testSmokePassesOnAHealthySite() async throws {
        try await DemoSiteFixture.with { demo in
            let result = try await demo.run(try smoke())
            XCTAssertTrue(
                result.passed, result.failedSteps.map { "\($0.name): \($0.failedAssertions.map(\.title))" }.description)
            XCTAssertEqual(result.steps.count, 3)
            XCTAssertEqual(result.steps.map { $0.response?.status }, [200, 302, 200])
            XCTAssertEqual(Verdicts.of([result]), .passed)
        }
    }

    func testSmokeGoesRedOnA500() async throws {
        try await DemoSiteFixture.with(faults: ["500:/admin"]) { demo in
            let result = try await demo.run(try smoke())
            XCTAssertFalse(result.passed)
            XCTAssertEqual(result.failedSteps.map(\.name), ["Admin answers or redirects to the login (curl -I /admin)"])
            let failure = try XCTUnwrap(result.failedSteps.first?.failedAssertions.first)
            XCTAssertEqual(failure.key, "steps[1].expect.status")
            XCTAssertEqual(failure.failure?.actual, "status 500")
            XCTAssertEqual(Verdicts.of([result]), .failed)
        }
    }

    func testSmokeGoesRedForARouteSlowerThanTwoSeconds() async throws {
        try await DemoSiteFixture.with(faults: ["latency:/api/warehouses=2100"]) { demo in
            let result = try await demo.run(try smoke())
            let slow = try XCTUnwrap(result.failedSteps.first)
            XCTAssertEqual(slow.name, "Warehouse API answers JSON (curl -I /api/warehouses)")
            XCTAssertEqual(slow.failedAssertions.map(\.key), ["steps[2].expect.max_duration"])
            XCTAssertGreaterThanOrEqual(slow.duration, 2.0)
        }
    }

    func testUnreachableTargetIsReportedWithURLAndPhase() async throws {
        let scenario = try smoke()
        let configuration = RunConfiguration(
            baseURL: "http://127.0.0.1:1", transfer: TransferOptions(connectTimeout: 2, totalTimeout: 3))
        let result = await DedicatedThread.run { ScenarioRunner(configuration: configuration).run(scenario) }
        XCTAssertEqual(Verdicts.of([result]), .unreachable)
        let error = try XCTUnwrap(result.steps.first?.transportError)
        XCTAssertEqual(error.phase, .connect)
        XCTAssertEqual(error.url, "http://127.0.0.1:1/")
    }
}
