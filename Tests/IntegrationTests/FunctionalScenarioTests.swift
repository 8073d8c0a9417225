import CSARCheck
import XCTest

/// Every shipped functional scenario against the demo site: green when healthy, red — with the right
/// step named — when the site carries the matching fault.
final class FunctionalScenarioTests: XCTestCase {
    private func scenario(_ name: String) throws -> Scenario {
        try ScenarioLoader().load(file: RepositoryPaths.scenario(name))
    }

    private func run(_ name: String, faults: [String] = []) async throws -> ScenarioResult {
        try await DemoSiteFixture.with(faults: faults) { demo in
            let result = try await demo.run(try scenario(name), environment: demo.adminEnvironment)
            return result
        }
    }

    private func assertPassed(_ result: ScenarioResult, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(
            result.passed,
            result.failedSteps.map { "\($0.name): \(StepDiagnostics.describe($0))" }.joined(separator: "\n"),
            file: file, line: line)
    }

    private func assertFirstFailure(
        _ result: ScenarioResult, is stepName: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertFalse(result.passed, "expected a failure", file: file, line: line)
        XCTAssertEqual(result.failedSteps.first?.name, stepName, file: file, line: line)
    }

    func testDemandeFormPassesAndShowsTheReference() async throws {
        let result = try await run("demande-form.yaml")
        assertPassed(result)
        let reference = result.step("Confirmation shows the reference number")?.captures.first {
            $0.name == "reference"
        }
        XCTAssertNotNil(
            reference?.displayValue.range(of: #"^CSAR-\d{4}-\d+$"#, options: .regularExpression),
            "\(String(describing: reference))")
        XCTAssertEqual(result.step("Confirmation lists the attachment")?.outcome, .passed)
    }

    func testDemandeFormGoesRedOnA500() async throws {
        let result = try await run("demande-form.yaml", faults: ["500:POST /demande"])
        assertFirstFailure(result, is: "Valid request is accepted")
        XCTAssertEqual(result.step("Confirmation shows the reference number")?.outcome, .skipped)
    }

    func testDemandeFormGoesRedWhenCSRFIsNotEnforced() async throws {
        let result = try await run("demande-form.yaml", faults: ["csrf:off"])
        assertFirstFailure(result, is: "Request without a CSRF token is refused")
    }

    func testAdminLoginPasses() async throws {
        assertPassed(try await run("admin-login.yaml"))
    }

    func testAdminLoginGoesRedOnA500() async throws {
        let result = try await run("admin-login.yaml", faults: ["500:POST /login"])
        assertFirstFailure(result, is: "Wrong password is refused with the error shown")
        XCTAssertEqual(result.step("Right credentials log in")?.outcome, .failed)
    }

    func testAdminLoginWithoutCredentialsStopsBeforeSending() async throws {
        try await DemoSiteFixture.with { demo in
            let result = try await demo.run(try scenario("admin-login.yaml"), environment: [:])
            XCTAssertTrue(result.steps.isEmpty)
            XCTAssertTrue(result.setupError?.contains("CSAR_ADMIN_EMAIL") ?? false, result.setupError ?? "")
            XCTAssertEqual(Verdicts.of([result]), .configurationError)
        }
    }

    func testWarehouseMapPasses() async throws {
        assertPassed(try await run("warehouse-map.yaml"))
    }

    func testWarehouseMapGoesRedForEachDataFault() async throws {
        let expectations = [
            "warehouses:broken-json": "jsonpath $.data of type array",
            "warehouses:empty": "jsonpath $.data count > 0",
            "warehouses:outside-senegal": "jsonpath $.data[*]['latitude'] each of type number, in [12, 16.8]",
            "warehouses:duplicate-ids": "jsonpath $.data[*]['id'] unique",
            "warehouses:non-numeric-coordinates": "jsonpath $.data[*]['latitude'] each of type number, in [12, 16.8]",
            "500:/api/warehouses": "status 200",
        ]
        for (fault, title) in expectations {
            let result = try await run("warehouse-map.yaml", faults: [fault])
            assertFirstFailure(result, is: "Warehouse API answers a valid list")
            XCTAssertEqual(result.steps.first?.failedAssertions.first?.title, title, fault)
        }
    }
}

/// Readable failure text for test messages.
enum StepDiagnostics {
    static func describe(_ step: StepResult) -> String {
        var parts = step.failedAssertions.map {
            "\($0.title): expected \($0.failure?.expected ?? ""), got \($0.failure?.actual ?? "")"
        }
        parts += step.captureFailures
        if let error = step.transportError { parts.append(error.description) }
        if let problem = step.problem { parts.append(problem) }
        return parts.joined(separator: "; ")
    }
}
