import DemoSite
import XCTest

final class DemoSiteFaultTests: XCTestCase {
    private let email = "admin@csar.sn"
    private let password = "csar-demo-password"

    private func decode(_ response: DemoHTTPResponse) throws -> DemoWarehousePayload {
        try JSONDecoder().decode(DemoWarehousePayload.self, from: Data(response.body))
    }

    func testServerErrorOnAPathCanBeToggledAtRuntime() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            site.faults.serverErrorPaths = ["/"]
            let broken = try await browser.get("/")
            XCTAssertEqual(broken.status, 500)
            XCTAssertTrue(broken.text.contains("Server Error"))
            XCTAssertNotNil(broken.setCookie("csar_session"), "error pages still start a session")
            let head = try await browser.head("/")
            XCTAssertEqual(head.status, 500)
            XCTAssertTrue(head.body.isEmpty)
            let other = try await browser.get("/demande")
            XCTAssertEqual(other.status, 200)
            site.faults.serverErrorPaths = []
            let healed = try await browser.get("/")
            XCTAssertEqual(healed.status, 200)
        }
    }

    func testServerErrorCanTargetOneMethod() async throws {
        try await withDemoSite { site in
            try site.faults.apply(spec: "500:POST /login")
            let browser = DemoBrowser(site)
            let token = try await browser.token()
            let login = try await browser.post(
                "/login",
                form: [("_token", token), ("email", email), ("password", password)]
            )
            XCTAssertEqual(login.status, 500)

            try site.faults.apply(spec: "500:/api/warehouses")
            let api = try await browser.get("/api/warehouses", headers: [("Accept", "application/json")])
            XCTAssertEqual(api.status, 500)
            XCTAssertEqual(api.text, "{\n    \"message\": \"Server Error\"\n}", "pretty-printed, as Laravel's handler")

            try site.faults.apply(spec: "500:*")
            let everything = try await browser.get("/carte")
            XCTAssertEqual(everything.status, 500)
        }
    }

    func testLatencyDelaysOnlyTheTargetAndBlocksNothingElse() async throws {
        try await withDemoSite { site in
            try site.faults.apply(spec: "latency:/=1200")
            let port = site.port
            let clock = ContinuousClock()
            let start = clock.now
            async let slow = DemoHTTPClient.request(port: port, method: "GET", target: "/")
            // Give the slow request a head start so it is already sleeping on the server.
            try await Task.sleep(for: .milliseconds(100))
            let fast = try await DemoHTTPClient.request(port: port, method: "GET", target: "/demande")
            let fastDone = clock.now - start
            let slowResponse = try await slow
            let slowDone = clock.now - start
            XCTAssertEqual(fast.status, 200)
            XCTAssertEqual(slowResponse.status, 200)
            XCTAssertGreaterThanOrEqual(slowDone, .milliseconds(1_200))
            XCTAssertLessThan(fastDone, .milliseconds(1_000), "a delayed route must not hold up other requests")
            site.faults.latency = [:]
        }
    }

    func testWarehouseFaults() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            func fetch(_ mode: DemoWarehouseFault) async throws -> DemoHTTPResponse {
                site.faults.warehouses = mode
                let response = try await browser.get("/api/warehouses")
                XCTAssertEqual(response.status, 200, mode.rawValue)
                XCTAssertEqual(response.header("Content-Type"), "application/json", mode.rawValue)
                return response
            }
            let broken = try await fetch(.brokenJSON)
            XCTAssertThrowsError(try JSONSerialization.jsonObject(with: Data(broken.body)))

            let empty = try decode(try await fetch(.empty))
            XCTAssertTrue(empty.data.isEmpty)

            let outside = try decode(try await fetch(.outsideSenegal))
            XCTAssertFalse(outside.data.isEmpty)
            XCTAssertTrue(outside.data.allSatisfy { !(12.0...16.8).contains($0.latitude) })

            let duplicates = try decode(try await fetch(.duplicateIds))
            XCTAssertLessThan(Set(duplicates.data.map(\.id)).count, duplicates.data.count)

            let strings = try await fetch(.nonNumericCoordinates)
            XCTAssertThrowsError(try decode(strings))
            let object = try JSONSerialization.jsonObject(with: Data(strings.body))
            let raw = try XCTUnwrap(object as? [String: [[String: Any]]])
            XCTAssertEqual(raw["data"]?.first?["latitude"] as? String, "14,6928")

            let healthy = try decode(try await fetch(.healthy))
            XCTAssertEqual(healthy.data.count, 14)
        }
    }

    func testCSRFDisabledAcceptsPostsWithoutToken() async throws {
        try await withDemoSite { site in
            try site.faults.apply(spec: "csrf:off")
            let browser = DemoBrowser(site)
            _ = try await browser.get("/login")
            let login = try await browser.post("/login", form: [("email", email), ("password", password)])
            XCTAssertEqual(login.status, 302)
            XCTAssertEqual(login.header("Location"), "\(site.baseURL)/admin")
            try site.faults.apply(spec: "csrf:on")
            let refused = try await browser.post("/logout", form: [])
            XCTAssertEqual(refused.status, 419)
        }
    }

    func testResetTurnsEverythingOff() async throws {
        try await withDemoSite { site in
            for spec in ["500:/", "latency:/carte=50", "warehouses:empty", "csrf:off", "maintenance:on"] {
                try site.faults.apply(spec: spec)
            }
            try site.faults.apply(spec: "reset")
            let home = try await DemoBrowser(site).get("/")
            XCTAssertEqual(home.status, 200)
            XCTAssertEqual(site.faults.warehouses, .healthy)
            XCTAssertFalse(site.faults.csrfDisabled)
            XCTAssertEqual(site.faults.maintenance, .off)
        }
    }
}
