import Foundation
import XCTest

@testable import CSARCheck

/// The maintenance note as real `php artisan down` looks: 503, no Retry-After, a page that says only
/// "Service Unavailable".
final class MaintenanceNoticeTests: XCTestCase {
    private let base = "https://csar.sn"
    private let laravelDownPage =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Service Unavailable</title></head>"
        + "<body><div>503</div><div>Service Unavailable</div></body></html>"

    private func step(_ url: String, status: Int, headers: [HTTPHeader] = [], body: String? = nil) -> StepResult {
        StepResult(
            name: url, location: SourceLocation(file: "f.yaml", line: 1, column: 1),
            outcome: status == 503 ? .failed : .passed,
            request: RequestRecord(method: "HEAD", url: url, headers: [], bodyExcerpt: nil),
            response: ResponseRecord(
                status: status, httpVersion: "1.1", headers: headers, bodyExcerpt: body ?? laravelDownPage,
                bodySize: 0, timings: .init(), effectiveURL: url),
            assertions: [], captures: [], captureFailures: [], attempts: 1, startedAt: Date())
    }

    private func result(_ steps: [StepResult]) -> ScenarioResult {
        ScenarioResult(name: "smoke", file: "smoke.yaml", baseURL: base, steps: steps, startedAt: Date(), duration: 0)
    }

    func testA503OnTheHomePageNamesMaintenanceModeAndTheBypassSecret() throws {
        let note = try XCTUnwrap(
            MaintenanceMode.notice(
                for: result([step(base + "/", status: 503), step(base + "/admin", status: 503)]), bypassUsed: false))
        XCTAssertTrue(note.hasPrefix("The home page answers 503 Service Unavailable (2 of 2 requests)"), note)
        XCTAssertTrue(
            note.contains("maintenance mode") && note.contains("--bypass-secret") && note.contains("CSAR_BYPASS_SECRET")
        )
        XCTAssertNotNil(
            MaintenanceMode.notice(for: result([step(base, status: 503)]), bypassUsed: false), "without the slash")
        let behindCookie = try XCTUnwrap(
            MaintenanceMode.notice(for: result([step(base + "/", status: 503)]), bypassUsed: true))
        XCTAssertTrue(behindCookie.contains("laravel_maintenance cookie"), behindCookie)
    }

    func testOtherPagesNeedTheirAnswerToSayMaintenance() {
        XCTAssertNil(
            MaintenanceMode.notice(for: result([step(base + "/api/warehouses", status: 503)]), bypassUsed: false),
            "a 503 of one API says nothing about maintenance")
        XCTAssertNil(MaintenanceMode.notice(for: result([step(base + "/", status: 200)]), bypassUsed: false))
        XCTAssertNotNil(
            MaintenanceMode.notice(
                for: result([step(base + "/api", status: 503, headers: [HTTPHeader("Retry-After", "60")])]),
                bypassUsed: false))
        XCTAssertNotNil(
            MaintenanceMode.notice(
                for: result([step(base + "/x", status: 503, body: "Be right back: maintenance")]), bypassUsed: false))
    }

    func testALoadOnTheHomePageThatGot503s() throws {
        var load = LoadFixtures.result(
            latencies: Array(repeating: 1_000, count: 50), statuses: [200, 503, 503, 503, 503])
        load.plan.urls = [base + "/", base + "/api/warehouses"]
        let note = try XCTUnwrap(MaintenanceMode.notice(forLoad: load, baseURL: base, bypassUsed: false))
        XCTAssertTrue(note.hasPrefix("The home page answers 503 Service Unavailable (40 of 50 load requests)"), note)
        XCTAssertNotNil(MaintenanceMode.notice(forLoad: load, url: base + "/"))
        load.plan.urls = [base + "/api/warehouses"]
        XCTAssertNil(MaintenanceMode.notice(forLoad: load, baseURL: base, bypassUsed: false))
    }
}
