import CSARCheck
import XCTest

/// Every assertion kind passes on a healthy demo site and fails when the site carries a fault.
final class AssertionKindTests: XCTestCase {
    private let yaml = """
        steps:
          - name: home
            url: /
            expect:
              status: 200
              body: { contains: Commissariat, not_contains: Server Error }
              body_size: { gt: 1500, lt: 5000 }  # the home page; Laravel's error page is 6.6 KB
              cookies: { XSRF-TOKEN: { exists: true } }
              xpath:
                - { path: "//h1", matches: "^CSAR" }
              max_duration: 1s
              max_ttfb: 1s
          - name: api
            url: /api/warehouses
            expect:
              headers: { Content-Type: { contains: application/json } }
              jsonpath:
                - { path: "$.data", count: { gt: 0 } }
        """

    private func failedKeys(faults: [String]) async throws -> Set<String> {
        try await DemoSiteFixture.with(faults: faults) { demo in
            let result = try await demo.run(yaml: yaml)
            return Set(result.steps.flatMap(\.failedAssertions).map(\.key))
        }
    }

    func testEveryKindPassesOnAHealthySite() async throws {
        let failed = try await failedKeys(faults: [])
        XCTAssertEqual(failed, [])
    }

    func testEveryKindFailsOnItsFault() async throws {
        let serverError = try await failedKeys(faults: ["500:/"])
        XCTAssertTrue(
            serverError.isSuperset(of: [
                "steps[0].expect.status", "steps[0].expect.body", "steps[0].expect.body_size",
                "steps[0].expect.xpath[0]",
            ]), "\(serverError)")
        let maintenance = try await failedKeys(faults: ["maintenance:on"])
        XCTAssertTrue(maintenance.contains("steps[0].expect.cookies.XSRF-TOKEN"), "\(maintenance)")
        let slow = try await failedKeys(faults: ["latency:/=1100"])
        XCTAssertEqual(slow, ["steps[0].expect.max_duration", "steps[0].expect.max_ttfb"])
        let apiError = try await failedKeys(faults: ["500:/api/warehouses"])
        XCTAssertEqual(apiError, ["steps[1].expect.headers.Content-Type", "steps[1].expect.jsonpath[0]"])
    }

    func testLaravelXSRFCookieSentBackAsHeaderLogsIn() async throws {
        try await DemoSiteFixture.with { demo in
            let result = try await demo.run(
                yaml: """
                    variables:
                      email: { env: CSAR_ADMIN_EMAIL }
                      password: { env: CSAR_ADMIN_PASSWORD, secret: true }
                    steps:
                      - name: form
                        url: /login
                        capture:
                          xsrf: { cookie: XSRF-TOKEN, decode: url }
                      - name: login with the header only
                        method: POST
                        url: /login
                        headers: { X-XSRF-TOKEN: "{{ xsrf }}" }
                        form: { email: "{{ email }}", password: "{{ password }}" }
                        expect:
                          status: 302
                          headers: { Location: { matches: "/admin$" } }
                    """, environment: demo.adminEnvironment)
            XCTAssertTrue(result.passed, result.failedSteps.map(StepDiagnostics.describe).joined(separator: "; "))
            XCTAssertEqual(
                result.steps[0].captures.first?.displayValue, SecretMasker.mask, "cookie captures are masked")
        }
    }
}
